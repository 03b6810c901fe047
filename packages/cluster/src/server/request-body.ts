// Request bodies: reading with a size limit (413 past it) and decoding JSON or YAML by Content-Type (400 when malformed).
import { decodeKubernetesProtobuf, isProtobufDecodeError, isUnsupportedProtobufKindError, kubernetesProtobufMediaType } from '../protobuf/index.js';
import type { IncomingMessage } from 'node:http';
import { parseAllDocuments } from 'yaml';
import { badRequestError, requestTooLargeError, unsupportedMediaTypeError } from './api-errors.js';

/** The limit real API servers apply to request bodies: 3 MiB. */
export const defaultMaxBodyBytes = 3 * 1024 * 1024;

export const PatchContentType = {
  Json: 'application/json-patch+json',
  Merge: 'application/merge-patch+json',
  StrategicMerge: 'application/strategic-merge-patch+json',
  Apply: 'application/apply-patch+yaml',
} as const;
export type PatchContentType = (typeof PatchContentType)[keyof typeof PatchContentType];

const jsonBodyTypes = new Set<string>(['application/json', PatchContentType.Json, PatchContentType.Merge, PatchContentType.StrategicMerge]);
const yamlBodyTypes = new Set<string>(['application/yaml', 'application/x-yaml', 'text/yaml', PatchContentType.Apply]);

/** A body that would not fit the limit; the router answers 413 and closes the connection. */
export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
  constructor(readonly limitBytes: number) {
    super(`request body larger than ${limitBytes} bytes`);
  }
}

/** Reads the whole body; rejects with BodyTooLargeError as soon as it passes `maxBytes`. */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) return Promise.reject(new BodyTooLargeError(maxBytes));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > maxBytes) {
        done = true;
        reject(new BodyTooLargeError(maxBytes));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (done) return;
      done = true;
      resolve(Buffer.concat(chunks));
    });
    req.on('error', (err) => {
      if (done) return;
      done = true;
      reject(err);
    });
  });
}

/** `application/json; charset=utf-8` → `application/json`; absent → ''. */
export function mediaTypeOf(header: string | undefined): string {
  return (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** Decodes a body by media type: JSON with JSON.parse, YAML with a strict YAML parser, Kubernetes protobuf. */
export function decodeBody(body: Buffer, mediaType: string): unknown {
  if (mediaType === kubernetesProtobufMediaType) return decodeProtobuf(body);
  const text = body.toString('utf8');
  if (mediaType === '' || jsonBodyTypes.has(mediaType)) {
    try {
      return JSON.parse(text) as unknown;
    } catch (err: unknown) {
      throw badRequestError(`json parse error: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  if (yamlBodyTypes.has(mediaType)) return decodeYaml(text);
  throw unsupportedMediaTypeError(mediaType, ['application/json', 'application/yaml']);
}

/** What kubectl's imperative `create` commands send; a malformed body is a 400, a kind we cannot decode a 415. */
function decodeProtobuf(body: Buffer): unknown {
  try {
    return decodeKubernetesProtobuf(body);
  } catch (err: unknown) {
    if (isProtobufDecodeError(err)) throw badRequestError(err.message);
    if (isUnsupportedProtobufKindError(err)) throw unsupportedMediaTypeError(kubernetesProtobufMediaType, ['application/json', 'application/yaml'], err.message);
    throw err;
  }
}

function decodeYaml(text: string): unknown {
  let docs;
  try {
    docs = parseAllDocuments(text, { uniqueKeys: true, strict: true });
  } catch (err: unknown) {
    throw badRequestError(`yaml parse error: ${err instanceof Error ? err.message : String(err)}`);
  }
  const list = Array.isArray(docs) ? docs : [docs];
  const nonEmpty = list.filter((d) => d.contents !== null);
  if (nonEmpty.length > 1) throw badRequestError('yaml: the body holds more than one document');
  const doc = nonEmpty[0];
  if (doc === undefined) return null;
  const problem = doc.errors[0];
  if (problem !== undefined) throw badRequestError(`yaml parse error: ${problem.message.split('\n')[0] ?? problem.message}`);
  try {
    return doc.toJS({ maxAliasCount: 100 }) as unknown;
  } catch (err: unknown) {
    throw badRequestError(`yaml parse error: ${err instanceof Error ? err.message : String(err)}`);
  }
}

export function toBodyError(err: unknown): unknown {
  return err instanceof BodyTooLargeError ? requestTooLargeError(err.limitBytes) : err;
}

// Writing responses: JSON (or YAML) bodies with the headers real API servers send, Warning headers, and Status errors.
import crypto from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { Status } from '@aviary/kube';
import { stringify } from 'yaml';
import { Encoding } from './content-negotiation.js';

export interface SendOptions {
  encoding?: Encoding;
  contentType?: string;
  warnings?: readonly string[];
  headers?: Readonly<Record<string, string>>;
}

/** `Warning: 299 - "text"` as RFC 7234 warn-text, quotes and backslashes escaped. */
export function formatWarning(text: string): string {
  return `299 - "${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ')}"`;
}

export function sendBody(res: ServerResponse, statusCode: number, body: unknown, options: SendOptions = {}): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  let payload: string | Buffer;
  let contentType = options.contentType;
  if (typeof body === 'string' || Buffer.isBuffer(body)) {
    payload = body;
    contentType ??= 'text/plain; charset=utf-8';
  } else if (options.encoding === Encoding.Yaml) {
    payload = stringify(body);
    contentType ??= 'application/yaml';
  } else {
    payload = JSON.stringify(body);
    contentType ??= 'application/json';
  }
  res.statusCode = statusCode;
  res.setHeader('Audit-Id', crypto.randomUUID());
  res.setHeader('Cache-Control', 'no-cache, private');
  res.setHeader('Content-Type', contentType);
  if (options.warnings && options.warnings.length > 0) res.setHeader('Warning', options.warnings.map(formatWarning));
  for (const [name, value] of Object.entries(options.headers ?? {})) res.setHeader(name, value);
  res.setHeader('Content-Length', Buffer.byteLength(payload));
  res.end(res.req.method === 'HEAD' ? undefined : payload);
}

export function sendStatus(res: ServerResponse, status: Status, options: SendOptions = {}): void {
  sendBody(res, status.code ?? 500, status, { ...options, contentType: options.encoding === Encoding.Yaml ? 'application/yaml' : 'application/json' });
}

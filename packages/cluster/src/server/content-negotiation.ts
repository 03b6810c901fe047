// Content negotiation: what representation the Accept header asks for (plain object, Table, PartialObjectMetadata)
// and in which encoding. Protobuf-first Accepts are answered with JSON, as kubectl tolerates.
import { notAcceptableError } from './api-errors.js';

export const Representation = {
  Object: 'Object',
  Table: 'Table',
  PartialObjectMetadata: 'PartialObjectMetadata',
  PartialObjectMetadataList: 'PartialObjectMetadataList',
} as const;
export type Representation = (typeof Representation)[keyof typeof Representation];

export const Encoding = { Json: 'json', Yaml: 'yaml' } as const;
export type Encoding = (typeof Encoding)[keyof typeof Encoding];

export interface Negotiated {
  readonly representation: Representation;
  /** meta.k8s.io version for Table / PartialObjectMetadata: `v1` or `v1beta1`. */
  readonly metaVersion: string;
  readonly encoding: Encoding;
}

interface MediaRange {
  readonly type: string;
  readonly params: ReadonlyMap<string, string>;
}

/** Splits an Accept header into media ranges, in the client's order (q values are not reordered, as upstream). */
export function parseAccept(header: string | undefined): MediaRange[] {
  if (header === undefined || header.trim() === '') return [];
  return header.split(',').flatMap((part) => {
    const [type = '', ...paramParts] = part.split(';').map((s) => s.trim());
    if (type === '') return [];
    const params = new Map<string, string>();
    for (const p of paramParts) {
      const eq = p.indexOf('=');
      if (eq > 0) params.set(p.slice(0, eq).trim().toLowerCase(), p.slice(eq + 1).trim().replace(/^"|"$/g, ''));
    }
    return [{ type: type.toLowerCase(), params }];
  });
}

const jsonTypes = new Set(['application/json', 'application/*', '*/*', 'application/vnd.kubernetes.protobuf', 'application/json;stream=watch']);
const yamlTypes = new Set(['application/yaml']);
const metaVersions = new Set(['v1', 'v1beta1']);

export const acceptedMediaTypes = ['application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf'] as const;

const plainJson: Negotiated = Object.freeze({ representation: Representation.Object, metaVersion: 'v1', encoding: Encoding.Json });

/** Answers by Accept header: clients send the same few headers with every request. A full memo starts over. */
const negotiatedByHeader = new Map<string, Negotiated>();
const negotiatedCapacity = 256;

/**
 * Picks the first media range the server can produce. Ranges asking for an `as=` the server does not know
 * are skipped. Throws 406 NotAcceptable when none fits.
 */
export function negotiate(header: string | undefined): Negotiated {
  if (header === undefined) return plainJson;
  const known = negotiatedByHeader.get(header);
  if (known !== undefined) return known;
  const negotiated = negotiateRanges(header);
  if (negotiatedByHeader.size >= negotiatedCapacity) negotiatedByHeader.clear();
  negotiatedByHeader.set(header, Object.freeze(negotiated));
  return negotiated;
}

function negotiateRanges(header: string): Negotiated {
  const ranges = parseAccept(header);
  if (ranges.length === 0) return plainJson;
  for (const range of ranges) {
    const encoding = jsonTypes.has(range.type) ? Encoding.Json : yamlTypes.has(range.type) ? Encoding.Yaml : undefined;
    if (encoding === undefined) continue;
    const as = range.params.get('as');
    if (as === undefined) return { representation: Representation.Object, metaVersion: 'v1', encoding };
    const group = range.params.get('g');
    const version = range.params.get('v') ?? '';
    if (group !== 'meta.k8s.io' || !metaVersions.has(version)) continue;
    if (as === 'Table' || as === 'PartialObjectMetadata' || as === 'PartialObjectMetadataList') {
      return { representation: as, metaVersion: version, encoding };
    }
  }
  throw notAcceptableError(acceptedMediaTypes);
}

/** True when any range accepts plain JSON (used for non-resource paths that only speak JSON). */
export function acceptsJson(header: string | undefined): boolean {
  const ranges = parseAccept(header);
  return ranges.length === 0 || ranges.some((r) => jsonTypes.has(r.type) && !r.params.has('as'));
}

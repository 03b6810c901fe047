// Chooses aggregated discovery v2, v2beta1 or the legacy lists from the request's Accept header.
// kubectl 1.32 lists v2 then v2beta1 then application/json; kubectl 1.29 lists only v2beta1 and fails on a v2 answer.

export const DiscoveryFormat = { V2: 'v2', V2Beta1: 'v2beta1', Legacy: 'legacy' } as const;
export type DiscoveryFormat = (typeof DiscoveryFormat)[keyof typeof DiscoveryFormat];

const jsonRanges = new Set(['application/json', 'application/*', '*/*']);

interface MediaRange {
  readonly type: string;
  readonly params: ReadonlyMap<string, string>;
}

function parseAccept(accept: string): MediaRange[] {
  return accept
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => {
      const [type = '', ...rest] = part.split(';').map((piece) => piece.trim());
      const params = new Map<string, string>();
      for (const piece of rest) {
        const eq = piece.indexOf('=');
        if (eq > 0) params.set(piece.slice(0, eq).trim().toLowerCase(), piece.slice(eq + 1).trim().replace(/^"|"$/g, ''));
      }
      return { type: type.toLowerCase(), params };
    });
}

/** Aggregated discovery when the Accept header names it as JSON with the exact version; v2 wins over v2beta1. */
export function negotiateDiscovery(acceptHeader: string | undefined): DiscoveryFormat {
  const offered = new Set<string>();
  for (const range of parseAccept(acceptHeader ?? '')) {
    if (!jsonRanges.has(range.type)) continue;
    if (range.params.get('g') !== 'apidiscovery.k8s.io' || range.params.get('as') !== 'APIGroupDiscoveryList') continue;
    if (range.params.get('q') === '0') continue;
    const version = range.params.get('v');
    if (version) offered.add(version);
  }
  if (offered.has(DiscoveryFormat.V2)) return DiscoveryFormat.V2;
  if (offered.has(DiscoveryFormat.V2Beta1)) return DiscoveryFormat.V2Beta1;
  return DiscoveryFormat.Legacy;
}

/** The Content-Type of an answer in the given format. */
export function discoveryContentType(format: DiscoveryFormat): string {
  if (format === DiscoveryFormat.Legacy) return 'application/json';
  return `application/json;g=apidiscovery.k8s.io;v=${format};as=APIGroupDiscoveryList`;
}

// Kubernetes timestamps: meta/v1 Time is RFC 3339 with second precision.

/** `2026-01-01T00:00:00Z` for the given epoch milliseconds (sub-second part dropped, as meta/v1 Time does). */
export function formatTime(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Epoch milliseconds of a timestamp, or undefined when it is absent or does not parse. */
export function parseTime(value: string | undefined | null): number | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

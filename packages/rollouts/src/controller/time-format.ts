// metav1.Time on the wire: RFC 3339 in UTC with whole seconds, and parsing it back to clock milliseconds.

/** `2026-01-01T00:00:05Z` for the given clock milliseconds (sub-second precision is dropped, as metav1.Time does). */
export function formatTime(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** Milliseconds since the epoch, or undefined for a missing or unparseable time. */
export function parseTime(value: string | undefined | null): number | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

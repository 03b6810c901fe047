// metav1.Time on the wire: RFC 3339 in UTC with whole seconds, and parsing it back to clock milliseconds.

/** The last second formatted: a sync stamps many conditions within the same second. */
let formattedSecond = Number.NaN;
let formattedText = '';

/** `2026-01-01T00:00:05Z` for the given clock milliseconds (sub-second precision is dropped, as metav1.Time does). */
export function formatTime(ms: number): string {
  const second = Math.floor(ms / 1000);
  if (second !== formattedSecond) {
    formattedText = new Date(second * 1000).toISOString().replace('.000Z', 'Z');
    formattedSecond = second;
  }
  return formattedText;
}

/** Recently parsed times (conditions carry the same few timestamps from sync to sync); cleared when full. */
const parsed = new Map<string, number | undefined>();
const parsedCapacity = 4_096;

/** Milliseconds since the epoch, or undefined for a missing or unparseable time. */
export function parseTime(value: string | undefined | null): number | undefined {
  if (!value) return undefined;
  if (parsed.has(value)) return parsed.get(value);
  const ms = Date.parse(value);
  const result = Number.isNaN(ms) ? undefined : ms;
  if (parsed.size >= parsedCapacity) parsed.clear();
  parsed.set(value, result);
  return result;
}

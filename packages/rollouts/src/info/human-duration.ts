// Ages and remaining times as the plugin prints them, on kubectl's HumanDuration.
import { humanDuration } from '@aviary/kube';

export { humanDuration };

/** Milliseconds since the epoch of an RFC 3339 time; undefined when absent or unreadable. */
export function parseTimestamp(value: string | undefined | null): number | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Go's zero time (0001-01-01T00:00:00Z): what upstream measures an age from when a timestamp is missing. */
const goZeroTime = Date.parse('0001-01-01T00:00:00Z');

/** The age of an object created at `timestamp`, as of `now`; a missing timestamp ages from Go's zero time. */
export function ageOf(timestamp: string | undefined, now: number): string {
  return humanDuration(now - (parseTimestamp(timestamp) ?? goZeroTime));
}

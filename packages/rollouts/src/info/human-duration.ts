// Ages and remaining times as the plugin prints them (apimachinery util/duration HumanDuration).

const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;

/**
 * Two or three significant figures: `45s`, `119s`, `3m20s`, `47m`, `5h12m`, `20h`, `3d4h`, `120d`, `3y20d`.
 * Up to 2 s negative reads as `0s` (clock skew); more negative is `<invalid>`.
 */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / second);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.trunc(ms / minute);
  if (minutes < 10) return seconds % 60 === 0 ? `${minutes}m` : `${minutes}m${seconds % 60}s`;
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.trunc(ms / hour);
  if (hours < 8) return minutes % 60 === 0 ? `${hours}h` : `${hours}h${minutes % 60}m`;
  if (hours < 48) return `${hours}h`;
  const days = Math.trunc(hours / 24);
  if (hours < 24 * 8) return hours % 24 === 0 ? `${days}d` : `${days}d${hours % 24}h`;
  if (hours < 24 * 365 * 2) return `${days}d`;
  const years = Math.trunc(days / 365);
  if (hours < 24 * 365 * 8) return days % 365 === 0 ? `${years}y` : `${years}y${days % 365}d`;
  return `${years}y`;
}

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

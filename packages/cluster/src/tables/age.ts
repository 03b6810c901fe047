// Ages as kubectl shows them: the server formats them (apimachinery util/duration HumanDuration).
import { humanDuration } from '@aviary/kube';

export { humanDuration };

/** The age of a timestamp at `now`, or `<unknown>` when there is none (kubectl's translateTimestampSince). */
export function ageSince(timestamp: string | undefined, now: number): string {
  if (!timestamp) return '<unknown>';
  const at = Date.parse(timestamp);
  if (Number.isNaN(at)) return '<invalid>';
  return humanDuration(now - at);
}

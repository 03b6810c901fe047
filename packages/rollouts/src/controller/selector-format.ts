// metav1.FormatLabelSelector: the string form of a LabelSelector used by the scale subresource (status.selector).
import { labelSelectorFromObject, type LabelSelector } from '@aviary/kube';

/** Answers for cached (frozen) selectors, which keep their identity while only their object's status changes. */
const formatted = new WeakMap<LabelSelector, string>();

/** `app=demo,tier in (web)`, requirements sorted by key; `<none>` for an empty selector, '' for none at all. */
export function formatSelector(selector: LabelSelector | undefined): string {
  if (!selector) return '';
  const known = formatted.get(selector);
  if (known !== undefined) return known;
  const text = format(selector);
  if (isFrozenSelector(selector)) formatted.set(selector, text);
  return text;
}

function format(selector: LabelSelector): string {
  try {
    const text = labelSelectorFromObject(selector).toString();
    return text === '' ? '<none>' : text;
  } catch {
    return '';
  }
}

/** Frozen with its members, as informers hand selectors out (deepFreeze); a copy being built is answered afresh. */
function isFrozenSelector(selector: LabelSelector): boolean {
  const { matchLabels, matchExpressions } = selector;
  return Object.isFrozen(selector) && (matchLabels === undefined || Object.isFrozen(matchLabels)) && (matchExpressions === undefined || Object.isFrozen(matchExpressions));
}

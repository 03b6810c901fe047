// metav1.FormatLabelSelector: the string form of a LabelSelector used by the scale subresource (status.selector).
import { labelSelectorFromObject, type LabelSelector } from '@aviary/kube';

/** `app=demo,tier in (web)`, requirements sorted by key; `<none>` for an empty selector, '' for none at all. */
export function formatSelector(selector: LabelSelector | undefined): string {
  if (!selector) return '';
  try {
    const text = labelSelectorFromObject(selector).toString();
    return text === '' ? '<none>' : text;
  } catch {
    return '';
  }
}

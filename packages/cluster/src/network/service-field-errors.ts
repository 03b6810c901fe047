// Field errors for Service addresses, worded as kube-apiserver v1.32 prints them (Go %#v for string slices).
import type { ServiceSpec } from '@aviary/kube';
import type { FieldError } from '../server/api-errors.js';

/** `[]string{"127.96.0.5"}`: how a v1.32 field error shows a []string value (JSON came only in v1.34). */
export function goStringSlice(values: readonly string[] | undefined): string {
  if (values === undefined) return '[]string(nil)';
  return `[]string{${values.map((value) => JSON.stringify(value)).join(', ')}}`;
}

export function clusterIPsError(path: string, clusterIPs: readonly string[] | undefined, detail: string): FieldError {
  return { path, type: 'FieldValueInvalid', message: `Invalid value: ${goStringSlice(clusterIPs)}: ${detail}` };
}

/** This cluster is single-stack IPv4: IPv6 families and RequireDualStack are refused. */
export function checkIPFamilies(spec: Readonly<ServiceSpec>): FieldError[] {
  const errors: FieldError[] = [];
  (spec.ipFamilies ?? []).forEach((family, i) => {
    if (family !== 'IPv4') errors.push({ path: `spec.ipFamilies[${i}]`, type: 'FieldValueInvalid', message: `Invalid value: ${JSON.stringify(family)}: not configured on this cluster` });
  });
  if (spec.ipFamilyPolicy === 'RequireDualStack') {
    errors.push({ path: 'spec.ipFamilyPolicy', type: 'FieldValueInvalid', message: `Invalid value: "RequireDualStack": this cluster is not configured for dual-stack services` });
  }
  return errors;
}

// Component names of the OpenAPI schemas, exactly as Kubernetes publishes them (`io.k8s.api.core.v1.Pod`).

export const metaV1 = (name: string): string => `io.k8s.apimachinery.pkg.apis.meta.v1.${name}`;
export const coreV1 = (name: string): string => `io.k8s.api.core.v1.${name}`;
export const appsV1 = (name: string): string => `io.k8s.api.apps.v1.${name}`;
export const batchV1 = (name: string): string => `io.k8s.api.batch.v1.${name}`;
export const networkingV1 = (name: string): string => `io.k8s.api.networking.v1.${name}`;
export const coordinationV1 = (name: string): string => `io.k8s.api.coordination.v1.${name}`;
export const autoscalingV1 = (name: string): string => `io.k8s.api.autoscaling.v1.${name}`;
export const apiextensionsV1 = (name: string): string => `io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.${name}`;
export const intOrStringName = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
export const quantityName = 'io.k8s.apimachinery.pkg.api.resource.Quantity';

const builtinPackages: Record<string, string> = {
  '': 'io.k8s.api.core',
  apps: 'io.k8s.api.apps',
  batch: 'io.k8s.api.batch',
  autoscaling: 'io.k8s.api.autoscaling',
  'networking.k8s.io': 'io.k8s.api.networking',
  'coordination.k8s.io': 'io.k8s.api.coordination',
  'apiextensions.k8s.io': 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions',
};

/**
 * The component name of a kind: built-ins use their Go package path; CRD kinds use the reversed group
 * (`argoproj.io` → `io.argoproj.v1alpha1.Rollout`), as the apiserver's CRD OpenAPI builder names them.
 */
export function componentNameFor(group: string, version: string, kind: string): string {
  const pkg = builtinPackages[group] ?? group.split('.').reverse().join('.');
  return `${pkg}.${version}.${kind}`;
}

// Resource descriptors: which group, version, plural and kind a request is about, and how to build its path.

/** Names a served resource: `apps/v1 replicasets`, kind ReplicaSet, namespaced. */
export interface ResourceType {
  /** API group; '' for the core group (`/api/v1`). */
  readonly group: string;
  readonly version: string;
  /** Plural resource name, as in the URL: `replicasets`. */
  readonly resource: string;
  readonly kind: string;
  readonly namespaced: boolean;
}

/** `apps/v1`, or `v1` for the core group. */
export function apiVersionOf(type: ResourceType): string {
  return type.group === '' ? type.version : `${type.group}/${type.version}`;
}

/** The collection path: `/apis/apps/v1/namespaces/default/replicasets`, or the cluster-wide one without a namespace. */
export function collectionPath(type: ResourceType, namespace?: string): string {
  const root = type.group === '' ? `/api/${type.version}` : `/apis/${type.group}/${type.version}`;
  const scope = type.namespaced && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  return `${root}${scope}/${type.resource}`;
}

/** The item path, with an optional subresource: `…/rollouts/demo/status`. */
export function itemPath(type: ResourceType, name: string, namespace?: string, subresource?: string): string {
  const base = `${collectionPath(type, namespace)}/${encodeURIComponent(name)}`;
  return subresource ? `${base}/${subresource}` : base;
}

function define(group: string, version: string, resource: string, kind: string, namespaced = true): ResourceType {
  return Object.freeze({ group, version, resource, kind, namespaced });
}

/** The resource types Aviary's controllers and the embedded cluster work with. */
export const Resources = {
  namespaces: define('', 'v1', 'namespaces', 'Namespace', false),
  nodes: define('', 'v1', 'nodes', 'Node', false),
  pods: define('', 'v1', 'pods', 'Pod'),
  services: define('', 'v1', 'services', 'Service'),
  endpoints: define('', 'v1', 'endpoints', 'Endpoints'),
  configMaps: define('', 'v1', 'configmaps', 'ConfigMap'),
  secrets: define('', 'v1', 'secrets', 'Secret'),
  events: define('', 'v1', 'events', 'Event'),
  serviceAccounts: define('', 'v1', 'serviceaccounts', 'ServiceAccount'),
  replicaSets: define('apps', 'v1', 'replicasets', 'ReplicaSet'),
  deployments: define('apps', 'v1', 'deployments', 'Deployment'),
  jobs: define('batch', 'v1', 'jobs', 'Job'),
  ingresses: define('networking.k8s.io', 'v1', 'ingresses', 'Ingress'),
  leases: define('coordination.k8s.io', 'v1', 'leases', 'Lease'),
  customResourceDefinitions: define('apiextensions.k8s.io', 'v1', 'customresourcedefinitions', 'CustomResourceDefinition', false),
  rollouts: define('argoproj.io', 'v1alpha1', 'rollouts', 'Rollout'),
  analysisTemplates: define('argoproj.io', 'v1alpha1', 'analysistemplates', 'AnalysisTemplate'),
  clusterAnalysisTemplates: define('argoproj.io', 'v1alpha1', 'clusteranalysistemplates', 'ClusterAnalysisTemplate', false),
  analysisRuns: define('argoproj.io', 'v1alpha1', 'analysisruns', 'AnalysisRun'),
  experiments: define('argoproj.io', 'v1alpha1', 'experiments', 'Experiment'),
} as const satisfies Record<string, ResourceType>;

export { define as defineResourceType };

// @aviary/cluster: the embedded Kubernetes-compatible cluster.
export * from './apiserver.js';
export * from './registry/index.js';
export * from './storage/index.js';
export * from './runtime/index.js';
export * from './kubelet/index.js';
export type {
  ApiServerPlugins,
  ApplyInput,
  ManagedFieldsInput,
  PathHandler,
  PathRequest,
  PathResponse,
  PluginContext,
  ResolvedPlugins,
  TableInput,
  ValidateInput,
  ValidateResult,
} from './server/plugins.js';
export { FieldValidation } from './server/plugins.js';
export type { FieldError, ResourceNames } from './server/api-errors.js';
export {
  alreadyExistsError,
  badRequestError,
  conflictError,
  fieldErrors,
  invalidError,
  notFoundError,
  qualifiedKind,
  qualifiedResource,
} from './server/api-errors.js';
export { renderKubeconfig, writeKubeconfig } from './server/kubeconfig-writer.js';
export { ObjectService } from './rest/object-service.js';
export { GarbageCollector } from './gc/garbage-collector.js';
export * from './controllers/index.js';
export { assignServiceAddresses, NODE_PORT_RANGE, SERVICE_CIDR } from './network/index.js';
export type { AssignServiceAddressesInput, AssignServiceAddressesResult } from './network/index.js';
export { startServiceProxy } from './proxy/index.js';
export type { ProxyListenerInfo, ServiceProxy, ServiceProxyOptions } from './proxy/index.js';

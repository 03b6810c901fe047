// The local kubelet: one node (`aviary-local`) that schedules pods to itself, runs them through the container runtimes and reports their status.
export { startKubelet, DEFAULT_NODE_NAME, type Kubelet, type KubeletOptions } from './kubelet.js';
export { type ReadLogsOptions, selectLogContainer } from './log-reader.js';
export { podBindingResourceType, buildPodBinding, needsScheduling } from './scheduler.js';
export { PodNetwork, NODE_IP, DEFAULT_POD_SUBNET, PodAddressExhaustedError, InvalidPodSubnetError } from './pod-network.js';
export { KUBELET_VERSION, CONTAINER_RUNTIME_VERSION } from './node-description.js';
export { NODE_LEASE_NAMESPACE } from './node-status.js';
export { containerLogPath } from './container-start.js';

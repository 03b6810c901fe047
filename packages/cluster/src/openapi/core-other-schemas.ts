// OpenAPI schemas of the other core/v1 kinds we serve: Namespace, Node, Service, Endpoints, ConfigMap, Secret, Event, ServiceAccount, Binding.
// Not modelled field by field: NodeStatus beyond addresses/capacity/conditions (kept as-is), sessionAffinityConfig,
// load-balancer ingress entries and the node configSource.
import type { JsonSchema } from '../schema/json-schema.js';
import { boolean, int32, kind, list, map, object, oneOfStrings, preserve, ref, string } from '../schema/schema-dsl.js';
import { coreV1, intOrStringName, metaV1, quantityName } from './component-names.js';

const strings = (): JsonSchema => list(string(), { listType: 'atomic' });
const time = (): JsonSchema => ref(metaV1('Time'));
const core = (kindName: string) => ({ group: '', version: 'v1', kind: kindName });
const conditionFields = (): Record<string, JsonSchema> => ({
  lastHeartbeatTime: time(),
  lastTransitionTime: time(),
  message: string(),
  reason: string(),
  status: string(),
  type: string(),
});

export const coreOtherSchemas: Record<string, JsonSchema> = {
  [coreV1('Namespace')]: kind(core('Namespace'), {
    spec: object({ finalizers: strings() }),
    status: object({
      conditions: list(object(conditionFields(), { required: ['type', 'status'] }), { mergeKey: 'type' }),
      phase: oneOfStrings(['Active', 'Terminating']),
    }),
  }),
  [coreV1('Node')]: kind(core('Node'), { spec: ref(coreV1('NodeSpec')), status: ref(coreV1('NodeStatus')) }),
  [coreV1('NodeSpec')]: object({
    configSource: preserve(),
    externalID: string(),
    podCIDR: string(),
    podCIDRs: list(string(), { listType: 'set', strategy: 'merge' }),
    providerID: string(),
    taints: list(ref(coreV1('Taint')), { listType: 'atomic' }),
    unschedulable: boolean(),
  }),
  [coreV1('Taint')]: object(
    { effect: oneOfStrings(['NoExecute', 'NoSchedule', 'PreferNoSchedule']), key: string(), timeAdded: time(), value: string() },
    { required: ['key', 'effect'] },
  ),
  [coreV1('NodeStatus')]: object(
    {
      addresses: list(object({ address: string(), type: string() }, { required: ['type', 'address'] }), { mergeKey: 'type' }),
      allocatable: map(ref(quantityName)),
      capacity: map(ref(quantityName)),
      conditions: list(object(conditionFields(), { required: ['type', 'status'] }), { mergeKey: 'type' }),
      phase: string(),
    },
    { 'x-kubernetes-preserve-unknown-fields': true },
  ),
  [coreV1('Service')]: kind(core('Service'), { spec: ref(coreV1('ServiceSpec')), status: ref(coreV1('ServiceStatus')) }),
  [coreV1('ServiceSpec')]: object({
    allocateLoadBalancerNodePorts: boolean(),
    clusterIP: string(),
    clusterIPs: strings(),
    externalIPs: strings(),
    externalName: string(),
    externalTrafficPolicy: oneOfStrings(['Cluster', 'Local']),
    healthCheckNodePort: int32(),
    internalTrafficPolicy: oneOfStrings(['Cluster', 'Local']),
    ipFamilies: strings(),
    ipFamilyPolicy: oneOfStrings(['PreferDualStack', 'RequireDualStack', 'SingleStack']),
    loadBalancerClass: string(),
    loadBalancerIP: string(),
    loadBalancerSourceRanges: strings(),
    ports: list(ref(coreV1('ServicePort')), { mergeKey: 'port', mapKeys: ['port', 'protocol'] }),
    publishNotReadyAddresses: boolean(),
    selector: map(string(), { 'x-kubernetes-map-type': 'atomic' }),
    sessionAffinity: oneOfStrings(['ClientIP', 'None']),
    sessionAffinityConfig: preserve(),
    trafficDistribution: string(),
    type: oneOfStrings(['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort']),
  }),
  [coreV1('ServicePort')]: object(
    {
      appProtocol: string(),
      name: string(),
      nodePort: int32(),
      port: int32(),
      protocol: oneOfStrings(['SCTP', 'TCP', 'UDP'], { default: 'TCP' }),
      targetPort: ref(intOrStringName),
    },
    { required: ['port'] },
  ),
  [coreV1('ServiceStatus')]: object({
    conditions: list(ref(metaV1('Condition')), { mergeKey: 'type' }),
    loadBalancer: object({ ingress: list(preserve(), { listType: 'atomic' }) }),
  }),
  [coreV1('Endpoints')]: kind(core('Endpoints'), { subsets: list(ref(coreV1('EndpointSubset')), { listType: 'atomic' }) }),
  [coreV1('EndpointSubset')]: object({
    addresses: list(ref(coreV1('EndpointAddress')), { listType: 'atomic' }),
    notReadyAddresses: list(ref(coreV1('EndpointAddress')), { listType: 'atomic' }),
    ports: list(ref(coreV1('EndpointPort')), { listType: 'atomic' }),
  }),
  [coreV1('EndpointAddress')]: object(
    { hostname: string(), ip: string(), nodeName: string(), targetRef: ref(coreV1('ObjectReference')) },
    { required: ['ip'] },
  ),
  [coreV1('EndpointPort')]: object({ appProtocol: string(), name: string(), port: int32(), protocol: string() }, { required: ['port'] }),
  [coreV1('ObjectReference')]: object(
    { apiVersion: string(), fieldPath: string(), kind: string(), name: string(), namespace: string(), resourceVersion: string(), uid: string() },
    { 'x-kubernetes-map-type': 'atomic' },
  ),
  [coreV1('TypedLocalObjectReference')]: object(
    { apiGroup: string(), kind: string(), name: string() },
    { required: ['kind', 'name'], 'x-kubernetes-map-type': 'atomic' },
  ),
  [coreV1('ConfigMap')]: kind(core('ConfigMap'), { binaryData: map(string({ format: 'byte' })), data: map(), immutable: boolean() }),
  [coreV1('Secret')]: kind(core('Secret'), { data: map(string({ format: 'byte' })), immutable: boolean(), stringData: map(), type: string() }),
  [coreV1('Event')]: kind(
    core('Event'),
    {
      action: string(),
      count: int32(),
      eventTime: ref(metaV1('MicroTime')),
      firstTimestamp: time(),
      involvedObject: ref(coreV1('ObjectReference')),
      lastTimestamp: time(),
      message: string(),
      reason: string(),
      related: ref(coreV1('ObjectReference')),
      reportingComponent: string({ default: '' }),
      reportingInstance: string({ default: '' }),
      series: object({ count: int32(), lastObservedTime: ref(metaV1('MicroTime')) }),
      source: object({ component: string(), host: string() }),
      type: string(),
    },
    { required: ['metadata', 'involvedObject'] },
  ),
  [coreV1('ServiceAccount')]: kind(core('ServiceAccount'), {
    automountServiceAccountToken: boolean(),
    imagePullSecrets: list(ref(coreV1('LocalObjectReference')), { listType: 'atomic' }),
    secrets: list(ref(coreV1('ObjectReference')), { mergeKey: 'name', listType: 'atomic' }),
  }),
  [coreV1('Binding')]: kind(core('Binding'), { target: ref(coreV1('ObjectReference')) }, { required: ['target'] }),
};

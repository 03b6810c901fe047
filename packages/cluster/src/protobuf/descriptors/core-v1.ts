// Descriptors for core/v1 messages outside the pod spec: Namespace, ConfigMap, Secret, ServiceAccount, Service, Endpoints, Binding, ResourceQuota.
import type { MessageSpecs } from './message-descriptor.js';

export const coreV1Messages: MessageSpecs = {
  NamespaceSpec: ['1 finalizers []string'],
  NamespaceCondition: ['1 type *string', '2 status *string', '4 lastTransitionTime Time', '5 reason string', '6 message string'],
  NamespaceStatus: ['1 phase string', '2 conditions []NamespaceCondition'],
  Namespace: ['1 metadata ObjectMeta', '2 spec NamespaceSpec', '3 status NamespaceStatus'],
  ConfigMap: ['1 metadata ObjectMeta', '4 immutable *bool', '2 data map<string,string>', '3 binaryData map<string,bytes>'],
  Secret: ['1 metadata ObjectMeta', '5 immutable *bool', '2 data map<string,bytes>', '4 stringData map<string,string>', '3 type string'],
  ObjectReference: [
    '1 kind string', '2 namespace string', '3 name string', '4 uid string', '5 apiVersion string', '6 resourceVersion string',
    '7 fieldPath string',
  ],
  ServiceAccount: [
    '1 metadata ObjectMeta', '2 secrets []ObjectReference', '3 imagePullSecrets []LocalObjectReference',
    '4 automountServiceAccountToken *bool',
  ],
  ServicePort: [
    '1 name string', '2 protocol string', '6 appProtocol *string', '3 port *int32', '4 targetPort IntOrString', '5 nodePort int32',
  ],
  ClientIPConfig: ['1 timeoutSeconds *int32'],
  SessionAffinityConfig: ['1 clientIP ClientIPConfig'],
  ServiceSpec: [
    '1 ports []ServicePort', '2 selector map<string,string>', '3 clusterIP string', '18 clusterIPs []string', '4 type string',
    '5 externalIPs []string', '7 sessionAffinity string', '8 loadBalancerIP string', '9 loadBalancerSourceRanges []string',
    '10 externalName string', '11 externalTrafficPolicy string', '12 healthCheckNodePort int32', '13 publishNotReadyAddresses bool',
    '14 sessionAffinityConfig SessionAffinityConfig', '19 ipFamilies []string', '17 ipFamilyPolicy *string',
    '20 allocateLoadBalancerNodePorts *bool', '21 loadBalancerClass *string', '22 internalTrafficPolicy *string',
    '23 trafficDistribution *string',
  ],
  PortStatus: ['1 port *int32', '2 protocol *string', '3 error *string'],
  LoadBalancerIngress: ['1 ip string', '2 hostname string', '3 ipMode *string', '4 ports []PortStatus'],
  LoadBalancerStatus: ['1 ingress []LoadBalancerIngress'],
  ServiceStatus: ['1 loadBalancer LoadBalancerStatus', '2 conditions []Condition'],
  Service: ['1 metadata ObjectMeta', '2 spec ServiceSpec', '3 status ServiceStatus'],
  EndpointAddress: ['1 ip *string', '3 hostname string', '4 nodeName *string', '2 targetRef ObjectReference'],
  EndpointPort: ['1 name string', '2 port *int32', '3 protocol string', '4 appProtocol *string'],
  EndpointSubset: ['1 addresses []EndpointAddress', '2 notReadyAddresses []EndpointAddress', '3 ports []EndpointPort'],
  Endpoints: ['1 metadata ObjectMeta', '2 subsets []EndpointSubset'],
  Binding: ['1 metadata ObjectMeta', '2 target ObjectReference'],
  ScopedResourceSelectorRequirement: ['1 scopeName *string', '2 operator *string', '3 values []string'],
  ScopeSelector: ['1 matchExpressions []ScopedResourceSelectorRequirement'],
  ResourceQuotaSpec: ['1 hard map<string,Quantity>', '2 scopes []string', '3 scopeSelector ScopeSelector'],
  ResourceQuotaStatus: ['1 hard map<string,Quantity>', '2 used map<string,Quantity>'],
  ResourceQuota: ['1 metadata ObjectMeta', '2 spec ResourceQuotaSpec', '3 status ResourceQuotaStatus'],
};

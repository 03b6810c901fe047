// Descriptors for networking/v1 messages: Ingress.
import type { MessageSpecs } from './message-descriptor.js';

export const networkingV1Messages: MessageSpecs = {
  ServiceBackendPort: ['1 name string', '2 number int32'],
  IngressServiceBackend: ['1 name *string', '2 port ServiceBackendPort'],
  IngressBackend: ['4 service IngressServiceBackend', '3 resource TypedLocalObjectReference'],
  IngressTLS: ['1 hosts []string', '2 secretName string'],
  HTTPIngressPath: ['1 path string', '3 pathType *string', '2 backend IngressBackend'],
  HTTPIngressRuleValue: ['1 paths []HTTPIngressPath'],
  IngressRuleValue: ['1 http HTTPIngressRuleValue'],
  IngressRule: ['1 host string', '2 ... IngressRuleValue'],
  IngressSpec: ['4 ingressClassName *string', '1 defaultBackend IngressBackend', '2 tls []IngressTLS', '3 rules []IngressRule'],
  IngressPortStatus: ['1 port *int32', '2 protocol *string', '3 error *string'],
  IngressLoadBalancerIngress: ['1 ip string', '2 hostname string', '4 ports []IngressPortStatus'],
  IngressLoadBalancerStatus: ['1 ingress []IngressLoadBalancerIngress'],
  IngressStatus: ['1 loadBalancer IngressLoadBalancerStatus'],
  Ingress: ['1 metadata ObjectMeta', '2 spec IngressSpec', '3 status IngressStatus'],
};

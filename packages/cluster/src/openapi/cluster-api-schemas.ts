// OpenAPI schemas of networking.k8s.io/v1 Ingress, coordination.k8s.io/v1 Lease and apiextensions.k8s.io/v1 CustomResourceDefinition.
// Not modelled field by field: JSONSchemaProps (openAPIV3Schema is recursive and kept as-is), the conversion
// webhook config, and load-balancer port statuses.
import type { JsonSchema } from '../schema/json-schema.js';
import { boolean, int32, kind, list, object, oneOfStrings, preserve, ref, string } from '../schema/schema-dsl.js';
import { apiextensionsV1, coordinationV1, coreV1, metaV1, networkingV1 } from './component-names.js';

const strings = (): JsonSchema => list(string(), { listType: 'atomic' });
const time = (): JsonSchema => ref(metaV1('Time'));
const microTime = (): JsonSchema => ref(metaV1('MicroTime'));

export const clusterApiSchemas: Record<string, JsonSchema> = {
  [networkingV1('Ingress')]: kind({ group: 'networking.k8s.io', version: 'v1', kind: 'Ingress' }, {
    spec: ref(networkingV1('IngressSpec')),
    status: ref(networkingV1('IngressStatus')),
  }),
  [networkingV1('IngressSpec')]: object({
    defaultBackend: ref(networkingV1('IngressBackend')),
    ingressClassName: string(),
    rules: list(ref(networkingV1('IngressRule')), { listType: 'atomic' }),
    tls: list(ref(networkingV1('IngressTLS')), { listType: 'atomic' }),
  }),
  [networkingV1('IngressBackend')]: object({
    resource: ref(coreV1('TypedLocalObjectReference')),
    service: ref(networkingV1('IngressServiceBackend')),
  }),
  [networkingV1('IngressServiceBackend')]: object({ name: string(), port: ref(networkingV1('ServiceBackendPort')) }, { required: ['name'] }),
  [networkingV1('ServiceBackendPort')]: object({ name: string(), number: int32() }, { 'x-kubernetes-map-type': 'atomic' }),
  [networkingV1('IngressRule')]: object({ host: string(), http: ref(networkingV1('HTTPIngressRuleValue')) }),
  [networkingV1('HTTPIngressRuleValue')]: object(
    { paths: list(ref(networkingV1('HTTPIngressPath')), { listType: 'atomic' }) },
    { required: ['paths'] },
  ),
  [networkingV1('HTTPIngressPath')]: object(
    { backend: ref(networkingV1('IngressBackend')), path: string(), pathType: oneOfStrings(['Exact', 'ImplementationSpecific', 'Prefix']) },
    { required: ['pathType', 'backend'] },
  ),
  [networkingV1('IngressTLS')]: object({ hosts: strings(), secretName: string() }),
  [networkingV1('IngressStatus')]: object({
    loadBalancer: object({
      ingress: list(object({ hostname: string(), ip: string(), ports: list(preserve(), { listType: 'atomic' }) }), { listType: 'atomic' }),
    }),
  }),
  [coordinationV1('Lease')]: kind({ group: 'coordination.k8s.io', version: 'v1', kind: 'Lease' }, {
    spec: object({
      acquireTime: microTime(),
      holderIdentity: string(),
      leaseDurationSeconds: int32(),
      leaseTransitions: int32(),
      preferredHolder: string(),
      renewTime: microTime(),
      strategy: string(),
    }),
  }),
  [apiextensionsV1('CustomResourceDefinition')]: kind(
    { group: 'apiextensions.k8s.io', version: 'v1', kind: 'CustomResourceDefinition' },
    { spec: ref(apiextensionsV1('CustomResourceDefinitionSpec')), status: ref(apiextensionsV1('CustomResourceDefinitionStatus')) },
    { required: ['spec'] },
  ),
  [apiextensionsV1('CustomResourceDefinitionSpec')]: object(
    {
      conversion: preserve(),
      group: string(),
      names: ref(apiextensionsV1('CustomResourceDefinitionNames')),
      preserveUnknownFields: boolean(),
      scope: oneOfStrings(['Cluster', 'Namespaced']),
      versions: list(ref(apiextensionsV1('CustomResourceDefinitionVersion')), { listType: 'atomic' }),
    },
    { required: ['group', 'names', 'scope', 'versions'] },
  ),
  [apiextensionsV1('CustomResourceDefinitionNames')]: object(
    { categories: strings(), kind: string(), listKind: string(), plural: string(), shortNames: strings(), singular: string() },
    { required: ['plural', 'kind'] },
  ),
  [apiextensionsV1('CustomResourceDefinitionVersion')]: object(
    {
      additionalPrinterColumns: list(ref(apiextensionsV1('CustomResourceColumnDefinition')), { listType: 'atomic' }),
      deprecated: boolean(),
      deprecationWarning: string(),
      name: string(),
      schema: object({ openAPIV3Schema: ref(apiextensionsV1('JSONSchemaProps')) }),
      selectableFields: list(object({ jsonPath: string() }, { required: ['jsonPath'] }), { listType: 'atomic' }),
      served: boolean(),
      storage: boolean(),
      subresources: object({
        scale: object(
          { labelSelectorPath: string(), specReplicasPath: string(), statusReplicasPath: string() },
          { required: ['specReplicasPath', 'statusReplicasPath'] },
        ),
        status: preserve(),
      }),
    },
    { required: ['name', 'served', 'storage'] },
  ),
  [apiextensionsV1('CustomResourceColumnDefinition')]: object(
    { description: string(), format: string(), jsonPath: string(), name: string(), priority: int32(), type: string() },
    { required: ['name', 'type', 'jsonPath'] },
  ),
  [apiextensionsV1('JSONSchemaProps')]: preserve({ description: 'JSONSchemaProps is a JSON-Schema following Specification Draft 4 (http://json-schema.org/).' }),
  [apiextensionsV1('CustomResourceDefinitionStatus')]: object({
    acceptedNames: ref(apiextensionsV1('CustomResourceDefinitionNames')),
    conditions: list(object({ lastTransitionTime: time(), message: string(), reason: string(), status: string(), type: string() }, { required: ['type', 'status'] }), {
      mergeKey: 'type',
    }),
    storedVersions: strings(),
  }),
};

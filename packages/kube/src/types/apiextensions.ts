// apiextensions.k8s.io/v1 CustomResourceDefinition: names, versions, structural schemas, subresources, printer columns.
import type { ConditionStatus, KubeObject, ObjectList, ObjectMeta } from './meta.js';
import type { Time } from './scalars.js';

/** A CEL validation rule (`x-kubernetes-validations`), e.g. `{rule: 'self == oldSelf'}` for an immutable field. */
export interface ValidationRule {
  rule: string;
  message?: string;
  messageExpression?: string;
  reason?: 'FieldValueInvalid' | 'FieldValueForbidden' | 'FieldValueRequired' | 'FieldValueDuplicate';
  fieldPath?: string;
  optionalOldSelf?: boolean;
}

/** The OpenAPI v3 subset (plus Kubernetes extensions) a CRD schema may use. */
export interface JSONSchemaProps {
  id?: string;
  $schema?: string;
  $ref?: string;
  description?: string;
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean' | (string & {});
  /** e.g. `int32`, `int64`, `date-time`, `byte`, `int-or-string`. */
  format?: string;
  title?: string;
  /** Applied by the API server when the field is absent (structural schemas only). */
  default?: unknown;
  maximum?: number;
  exclusiveMaximum?: boolean;
  minimum?: number;
  exclusiveMinimum?: boolean;
  maxLength?: number;
  minLength?: number;
  pattern?: string;
  maxItems?: number;
  minItems?: number;
  uniqueItems?: boolean;
  multipleOf?: number;
  enum?: unknown[];
  maxProperties?: number;
  minProperties?: number;
  required?: string[];
  /** One schema for every element (a list of schemas is legal OpenAPI but rejected for CRDs). */
  items?: JSONSchemaProps | JSONSchemaProps[];
  allOf?: JSONSchemaProps[];
  oneOf?: JSONSchemaProps[];
  anyOf?: JSONSchemaProps[];
  not?: JSONSchemaProps;
  properties?: Record<string, JSONSchemaProps>;
  /** A map's value schema; `false` forbids unknown keys; mutually exclusive with `properties`. */
  additionalProperties?: JSONSchemaProps | boolean;
  patternProperties?: Record<string, JSONSchemaProps>;
  dependencies?: Record<string, JSONSchemaProps | string[]>;
  additionalItems?: JSONSchemaProps | boolean;
  definitions?: Record<string, JSONSchemaProps>;
  externalDocs?: { description?: string; url?: string };
  example?: unknown;
  nullable?: boolean;
  /** Keep fields the schema does not declare instead of pruning them. */
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  /** The value is a full object with apiVersion, kind and metadata (validated as such). */
  'x-kubernetes-embedded-resource'?: boolean;
  /** Accept a number or a string (IntOrString fields such as maxSurge). */
  'x-kubernetes-int-or-string'?: boolean;
  /** For `x-kubernetes-list-type: map`: the keys that identify an element. */
  'x-kubernetes-list-map-keys'?: string[];
  /** How server-side apply merges the list: `atomic` (replace), `set` (unique scalars), `map` (by keys). */
  'x-kubernetes-list-type'?: 'atomic' | 'set' | 'map';
  'x-kubernetes-map-type'?: 'granular' | 'atomic';
  'x-kubernetes-validations'?: ValidationRule[];
}

export interface CustomResourceValidation {
  openAPIV3Schema?: JSONSchemaProps;
}

/** The `/scale` subresource: where in the object the replica counts and selector live. */
export interface CustomResourceSubresourceScale {
  /** e.g. `.spec.replicas`. */
  specReplicasPath: string;
  /** e.g. `.status.replicas` (Argo Rollouts uses `.status.HPAReplicas`). */
  statusReplicasPath: string;
  /** e.g. `.status.selector`: a string-form selector, as HPA needs. */
  labelSelectorPath?: string;
}

export interface CustomResourceSubresources {
  /** Presence enables `/status`: the main endpoint then ignores status and `/status` ignores everything else. */
  status?: Record<string, never>;
  scale?: CustomResourceSubresourceScale;
}

export interface CustomResourceColumnDefinition {
  name: string;
  type: 'integer' | 'number' | 'string' | 'boolean' | 'date';
  format?: string;
  description?: string;
  /** 0 = shown by default; higher = only with `-o wide`. */
  priority?: number;
  /** A simple JSONPath into the object, e.g. `.status.phase`. */
  jsonPath: string;
}

export interface CustomResourceDefinitionVersion {
  name: string;
  served: boolean;
  /** Exactly one version is the storage version. */
  storage: boolean;
  deprecated?: boolean;
  deprecationWarning?: string;
  schema?: CustomResourceValidation;
  subresources?: CustomResourceSubresources;
  additionalPrinterColumns?: CustomResourceColumnDefinition[];
  selectableFields?: { jsonPath: string }[];
}

export interface CustomResourceDefinitionNames {
  /** Lower-case plural, used in URLs: `rollouts`. */
  plural: string;
  singular?: string;
  /** `Rollout`. */
  kind: string;
  /** Default `<kind>List`. */
  listKind?: string;
  /** e.g. `ro`. */
  shortNames?: string[];
  /** Groupings such as `all` (drives `kubectl get all`). */
  categories?: string[];
}

export const ResourceScope = { Namespaced: 'Namespaced', Cluster: 'Cluster' } as const;
export type ResourceScope = (typeof ResourceScope)[keyof typeof ResourceScope];

export interface ServiceReference {
  namespace: string;
  name: string;
  path?: string;
  port?: number;
}

export interface CustomResourceConversion {
  strategy: 'None' | 'Webhook';
  webhook?: {
    clientConfig?: { url?: string; service?: ServiceReference; caBundle?: string };
    conversionReviewVersions: string[];
  };
}

export interface CustomResourceDefinitionSpec {
  /** e.g. `argoproj.io`; the CRD name must be `<plural>.<group>`. */
  group: string;
  names: CustomResourceDefinitionNames;
  scope: ResourceScope;
  versions: CustomResourceDefinitionVersion[];
  conversion?: CustomResourceConversion;
  preserveUnknownFields?: boolean;
}

export const CustomResourceDefinitionConditionType = {
  Established: 'Established',
  NamesAccepted: 'NamesAccepted',
  NonStructuralSchema: 'NonStructuralSchema',
  Terminating: 'Terminating',
  KubernetesAPIApprovalPolicyConformant: 'KubernetesAPIApprovalPolicyConformant',
} as const;
export type CustomResourceDefinitionConditionType =
  (typeof CustomResourceDefinitionConditionType)[keyof typeof CustomResourceDefinitionConditionType];

export interface CustomResourceDefinitionCondition {
  type: CustomResourceDefinitionConditionType | (string & {});
  status: ConditionStatus;
  lastTransitionTime?: Time;
  reason?: string;
  message?: string;
}

export interface CustomResourceDefinitionStatus {
  conditions?: CustomResourceDefinitionCondition[];
  /** The names actually being served (they can differ from spec.names while a conflict exists). */
  acceptedNames?: CustomResourceDefinitionNames;
  storedVersions?: string[];
}

export interface CustomResourceDefinition extends KubeObject {
  metadata?: ObjectMeta;
  spec: CustomResourceDefinitionSpec;
  status?: CustomResourceDefinitionStatus;
}
export type CustomResourceDefinitionList = ObjectList<CustomResourceDefinition>;

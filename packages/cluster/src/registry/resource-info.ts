// ResourceInfo: everything the API server knows about one served resource, built-in or CRD-defined.
import type { ResourceType, TableColumnDefinition } from '@aviary/kube';

/** Where the scale subresource finds replicas and the selector (CRD `subresources.scale`). */
export interface ScalePaths {
  /** JSON path such as `.spec.replicas`. */
  readonly specReplicasPath: string;
  readonly statusReplicasPath: string;
  readonly labelSelectorPath?: string;
}

/** A CRD additionalPrinterColumn, or a built-in printer column computed by code. */
export interface PrinterColumn extends TableColumnDefinition {
  /** CRD columns: a simple JSON path such as `.status.replicas`. */
  readonly jsonPath?: string;
}

/** A structural OpenAPI v3 schema (apiextensions JSONSchemaProps); kept loose here to avoid coupling. */
export type StructuralSchema = Record<string, unknown>;

export const ResourceSource = { BuiltIn: 'builtin', Crd: 'crd' } as const;
export type ResourceSource = (typeof ResourceSource)[keyof typeof ResourceSource];

export interface ResourceInfo extends ResourceType {
  readonly singular: string;
  readonly listKind: string;
  readonly shortNames: readonly string[];
  readonly categories: readonly string[];
  readonly verbs: readonly string[];
  /** Has a `/status` subresource: the main resource ignores status writes, `/status` ignores the rest. */
  readonly statusSubresource: boolean;
  readonly scale?: ScalePaths;
  /** Extra subresources with their own handlers (pods: `binding`, `log`). */
  readonly extraSubresources: readonly string[];
  /** The kind's schema, used for OpenAPI documents, validation, pruning and defaulting. */
  readonly schema?: StructuralSchema;
  /** CRD additionalPrinterColumns (built-in kinds print through code in tables/). */
  readonly printerColumns?: readonly PrinterColumn[];
  readonly source: ResourceSource;
  /** For CRD-defined resources, the CRD's name (`rollouts.argoproj.io`). */
  readonly crdName?: string;
}

export const standardVerbs = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'] as const;

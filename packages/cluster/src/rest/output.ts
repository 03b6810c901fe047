// Renders objects and lists in the representation the client negotiated: as they are, as a meta/v1 Table
// (rows from the toTable plugin, `rows[].object` per includeObject) or as PartialObjectMetadata.
import type { KubeObject, ListMeta, ObjectList, Table } from '@aviary/kube';
import type { ResourceInfo } from '../registry/index.js';
import { badRequestError } from '../server/api-errors.js';
import { Representation, type Negotiated } from '../server/content-negotiation.js';
import type { RestContext } from './rest-context.js';

export const IncludeObject = { None: 'None', Metadata: 'Metadata', Object: 'Object' } as const;
export type IncludeObject = (typeof IncludeObject)[keyof typeof IncludeObject];

export function parseIncludeObject(value: string | null): IncludeObject {
  if (value === null || value === '') return IncludeObject.Metadata;
  if (value === IncludeObject.None || value === IncludeObject.Metadata || value === IncludeObject.Object) return value;
  throw badRequestError(`includeObject: Unsupported value: ${JSON.stringify(value)}: supported values: "Metadata", "None", "Object"`);
}

export interface RenderOptions {
  readonly negotiated: Negotiated;
  readonly includeObject: IncludeObject;
}

export function partialMetadata(object: KubeObject, metaVersion: string): KubeObject {
  return { kind: 'PartialObjectMetadata', apiVersion: `meta.k8s.io/${metaVersion}`, metadata: object.metadata ?? {} };
}

export function buildTable(
  context: RestContext,
  info: ResourceInfo,
  objects: readonly KubeObject[],
  listMeta: ListMeta | undefined,
  options: RenderOptions,
): Table {
  const table = context.plugins.toTable(
    { info, objects, ...(listMeta !== undefined ? { listMeta } : {}), now: context.clock.now() },
    context.pluginContext,
  );
  table.apiVersion = `meta.k8s.io/${options.negotiated.metaVersion}` as Table['apiVersion'];
  table.kind = 'Table';
  table.metadata = listMeta ?? { resourceVersion: objects[0]?.metadata?.resourceVersion ?? '' };
  table.rows.forEach((row, i) => {
    const object = objects[i];
    if (object === undefined || options.includeObject === IncludeObject.None) delete row.object;
    else if (options.includeObject === IncludeObject.Object) row.object = object;
    else row.object = partialMetadata(object, options.negotiated.metaVersion);
  });
  return table;
}

export function renderObject(context: RestContext, info: ResourceInfo, object: KubeObject, options: RenderOptions): unknown {
  switch (options.negotiated.representation) {
    case Representation.Table:
      return buildTable(context, info, [object], undefined, options);
    case Representation.PartialObjectMetadata:
    case Representation.PartialObjectMetadataList:
      return partialMetadata(object, options.negotiated.metaVersion);
    default:
      return object;
  }
}

export function renderList(context: RestContext, info: ResourceInfo, list: ObjectList, options: RenderOptions): unknown {
  switch (options.negotiated.representation) {
    case Representation.Table:
      return buildTable(context, info, list.items, list.metadata, options);
    case Representation.PartialObjectMetadata:
    case Representation.PartialObjectMetadataList:
      return {
        kind: 'PartialObjectMetadataList',
        apiVersion: `meta.k8s.io/${options.negotiated.metaVersion}`,
        metadata: list.metadata,
        items: list.items.map((item) => partialMetadata(item, options.negotiated.metaVersion)),
      };
    default:
      return list;
  }
}

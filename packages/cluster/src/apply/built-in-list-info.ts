// List semantics of the built-in kinds: the strategic-merge metadata of @aviary/kube, corrected where Kubernetes'
// `x-kubernetes-list-map-keys` differ from the strategic merge key, plus the atomic structs and maps.
//
// Sources: k8s.io/api core/v1 types.go (`+listType=map` `+listMapKey=containerPort` `+listMapKey=protocol` on
// container ports, `port`+`protocol` on service ports, `topologyKey`+`whenUnsatisfiable` on
// topologySpreadConstraints; `+default="TCP"` on both protocols; `+mapType=atomic` on nodeSelector and the
// service selector; `+structType=atomic` on LabelSelector and the env `valueFrom` references).
import { copyJson, patchSchemaOf, type FieldPatchMeta, type PatchSchema } from '@aviary/kube';
import {
  atomicList,
  atomicMap,
  freeFormMap,
  mapList,
  objectMetaListAt,
  setList,
  structMap,
  type ListInfoProvider,
  type ListSemantics,
  type MapSemantics,
  type SchemaPath,
} from './list-info.js';

const tcpProtocol = { name: 'protocol', default: 'TCP' } as const;
const containerLists = new Set(['containers', 'initContainers', 'ephemeralContainers']);

/** Structs and maps Kubernetes marks atomic, by field name (they are atomic wherever they appear). */
const atomicMapFields = new Set([
  'selector', // LabelSelector (workloads, PDB, HPA metrics) and the Service selector map
  'labelSelector',
  'namespaceSelector',
  'nodeSelector',
  'configMapKeyRef',
  'secretKeyRef',
  'fieldRef',
  'resourceFieldRef',
]);

/** Maps with free-form keys (as opposed to structs), by field name. */
const freeFormMapFields = new Set([
  'labels', 'annotations', 'matchLabels', 'data', 'binaryData', 'stringData', 'limits', 'requests', 'capacity', 'allocatable',
]);

/**
 * The provider for a built-in kind (`v1`/`Service`, `apps/v1`/`Deployment`…). Kinds without strategic-merge
 * metadata get ObjectMeta semantics and atomic lists elsewhere.
 *
 *   builtInListInfo({ apiVersion: 'v1', kind: 'Service' }).listAt(['spec', 'ports'])
 *     → { type: 'map', keys: [{ name: 'port' }, { name: 'protocol', default: 'TCP' }] }
 */
export function builtInListInfo(options: { readonly apiVersion: string; readonly kind: string }): ListInfoProvider {
  const schema = patchSchemaOf(options) ?? {};
  const kind = options.kind;
  return {
    listAt(path: SchemaPath): ListSemantics {
      if (path[0] === 'metadata') return objectMetaListAt(path.slice(1));
      const override = listOverride(kind, path);
      if (override !== undefined) return override;
      const meta = patchMetaAt(schema, path);
      if (meta?.strategy !== 'merge') return atomicList;
      return meta.mergeKey !== undefined ? mapList(meta.mergeKey) : setList;
    },
    mapAt(path: SchemaPath): MapSemantics {
      if (path.length === 0) return structMap;
      // objectMetaMapAt(path.slice(1)), without the copy: labels and annotations are free-form.
      if (path[0] === 'metadata') return path.length === 2 && (path[1] === 'labels' || path[1] === 'annotations') ? freeFormMap : structMap;
      const last = path[path.length - 1] as string;
      if (atomicMapFields.has(last)) return atomicMap;
      if (freeFormMapFields.has(last)) return freeFormMap;
      return structMap;
    },
    emptyObject: () => copyJson(zeroSkeletons[kind] ?? { metadata: {} }),
  };
}

const podTemplate = { metadata: {}, spec: { containers: null } };

/**
 * The containers a built-in kind's zero value serializes (Go structs and fields without `omitempty`); the
 * scalars of the zero value are left out, since a change to them counts the same as an addition.
 */
const zeroSkeletons: Readonly<Record<string, Record<string, unknown>>> = {
  Pod: { metadata: {}, spec: { containers: null }, status: {} },
  PodTemplate: { metadata: {}, template: podTemplate },
  ReplicationController: { metadata: {}, spec: {}, status: {} },
  Deployment: { metadata: {}, spec: { selector: null, template: podTemplate, strategy: {} }, status: {} },
  ReplicaSet: { metadata: {}, spec: { selector: null, template: podTemplate }, status: {} },
  StatefulSet: { metadata: {}, spec: { selector: null, template: podTemplate, updateStrategy: {} }, status: {} },
  DaemonSet: { metadata: {}, spec: { selector: null, template: podTemplate, updateStrategy: {} }, status: {} },
  Job: { metadata: {}, spec: { template: podTemplate }, status: {} },
  CronJob: { metadata: {}, spec: { jobTemplate: { metadata: {}, spec: { template: podTemplate } } }, status: {} },
  Service: { metadata: {}, spec: {}, status: { loadBalancer: {} } },
  Ingress: { metadata: {}, spec: {}, status: { loadBalancer: {} } },
  Namespace: { metadata: {}, spec: {}, status: {} },
  Node: { metadata: {}, spec: {}, status: { daemonEndpoints: { kubeletEndpoint: {} }, nodeInfo: {} } },
  Event: { metadata: {}, involvedObject: {}, source: {}, firstTimestamp: null, lastTimestamp: null, eventTime: null },
  Lease: { metadata: {}, spec: {} },
  PersistentVolumeClaim: { metadata: {}, spec: { resources: {} }, status: {} },
  CustomResourceDefinition: {
    metadata: {},
    spec: { names: {}, versions: null },
    status: { acceptedNames: {}, storedVersions: null },
  },
};

function listOverride(kind: string, path: SchemaPath): ListSemantics | undefined {
  const last = path[path.length - 1];
  const parent = path[path.length - 2];
  if (last === 'ports' && parent !== undefined && containerLists.has(parent)) return mapList('containerPort', tcpProtocol);
  if (kind === 'Service' && path.length === 2 && parent === 'spec' && last === 'ports') return mapList('port', tcpProtocol);
  if (last === 'topologySpreadConstraints') return mapList('topologyKey', 'whenUnsatisfiable');
  return undefined;
}

/** The strategic-merge metadata of the field at `path`, walking nested structs and list items alike. */
function patchMetaAt(schema: PatchSchema, path: SchemaPath): FieldPatchMeta | undefined {
  let current: ReadonlyMap<string, FieldPatchMeta> | undefined = fieldMapOf(schema);
  let meta: FieldPatchMeta | undefined;
  for (const segment of path) {
    meta = current?.get(segment);
    current = meta?.fields === undefined ? undefined : fieldMapOf(meta.fields);
  }
  return meta;
}

const fieldMaps = new WeakMap<PatchSchema, ReadonlyMap<string, FieldPatchMeta>>();

/** A struct's patch metadata as a Map (own fields only), made once per schema object: lookups stay monomorphic. */
function fieldMapOf(schema: PatchSchema): ReadonlyMap<string, FieldPatchMeta> {
  let map = fieldMaps.get(schema);
  if (map === undefined) {
    map = new Map(Object.keys(schema).map((key) => [key, schema[key]!]));
    fieldMaps.set(schema, map);
  }
  return map;
}

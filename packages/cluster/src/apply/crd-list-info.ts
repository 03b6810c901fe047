// List semantics of a custom resource, read from its CRD's structural schema (openAPIV3Schema).
//
// As upstream (k8s.io/apiextensions-apiserver + kube-openapi schemaconv): `x-kubernetes-list-type` decides
// (default atomic), `x-kubernetes-list-map-keys` name the keys (defaults from the item schema),
// `x-kubernetes-map-type: atomic` makes an object atomic, and subtrees kept by
// `x-kubernetes-preserve-unknown-fields` are "deduced": maps merge key by key, lists are atomic.
import { isJsonObject, type JsonObject } from './json-values.js';
import {
  atomicList,
  atomicMap,
  freeFormMap,
  ListType,
  objectMetaListAt,
  objectMetaMapAt,
  setList,
  type ListInfoProvider,
  type ListKey,
  type ListSemantics,
  type MapSemantics,
  type SchemaPath,
} from './list-info.js';

/** A subtree the schema does not describe (preserve-unknown-fields or unknown). */
const untyped: unique symbol = Symbol('untyped');
type SchemaNode = JsonObject | typeof untyped;

const rootFields = ['apiVersion', 'kind', 'metadata'];

/**
 * The provider for a custom resource version, from `spec.versions[].schema.openAPIV3Schema` (a plain JSON
 * object). `metadata` always gets ObjectMeta semantics, as on a real server.
 *
 *   crdListInfo({ type: 'object', properties: { spec: { type: 'object', properties: {
 *     hosts: { type: 'array', items: { type: 'string' }, 'x-kubernetes-list-type': 'set' } } } } })
 *     .listAt(['spec', 'hosts'])   → { type: 'set' }
 */
export function crdListInfo(schema: Record<string, unknown>): ListInfoProvider {
  return {
    listAt(path: SchemaPath): ListSemantics {
      if (path[0] === 'metadata') return objectMetaListAt(path.slice(1));
      return listSemanticsOf(resolveNode(schema, path));
    },
    mapAt(path: SchemaPath): MapSemantics {
      if (path[0] === 'metadata') return objectMetaMapAt(path.slice(1));
      const node = unwrapArrays(resolveNode(schema, path));
      if (node === untyped) return freeFormMap;
      if (node['x-kubernetes-map-type'] === 'atomic') return atomicMap;
      const declared = isJsonObject(node.properties) ? Object.keys(node.properties) : [];
      return { atomic: false, fields: new Set(path.length === 0 ? [...declared, ...rootFields] : declared) };
    },
  };
}

function listSemanticsOf(node: SchemaNode): ListSemantics {
  if (node === untyped) return atomicList;
  switch (node['x-kubernetes-list-type']) {
    case ListType.Set: return setList;
    case ListType.Map: {
      const names = node['x-kubernetes-list-map-keys'];
      if (!Array.isArray(names) || names.length === 0) return atomicList;
      const itemProperties = isJsonObject(node.items) && isJsonObject(node.items.properties) ? node.items.properties : {};
      const keys = names.filter((name): name is string => typeof name === 'string').map((name): ListKey => {
        const property = itemProperties[name];
        return isJsonObject(property) && property.default !== undefined ? { name, default: property.default } : { name };
      });
      return { type: ListType.Map, keys };
    }
    default: return atomicList;
  }
}

/** The schema of the value at `path` (list items are left out of paths, so arrays are stepped through). */
function resolveNode(root: Record<string, unknown>, path: SchemaPath): SchemaNode {
  let node: SchemaNode = root;
  for (const segment of path) {
    node = unwrapArrays(node);
    if (node === untyped) return untyped;
    const properties = node.properties;
    if (isJsonObject(properties) && isJsonObject(properties[segment])) {
      node = properties[segment];
    } else if (isJsonObject(node.additionalProperties)) {
      node = node.additionalProperties;
    } else {
      return untyped;
    }
  }
  return node;
}

function unwrapArrays(node: SchemaNode): SchemaNode {
  let current = node;
  while (current !== untyped && (current.type === 'array' || isJsonObject(current.items))) {
    current = isJsonObject(current.items) ? current.items : untyped;
  }
  return current;
}

// Component schemas of a CRD-defined kind: its openAPIV3Schema with apiVersion, kind and an ObjectMeta reference,
// tagged with x-kubernetes-group-version-kind so `kubectl explain` finds it (as the apiserver's CRD builder does).
import type { ResourceInfo } from '../registry/resource-info.js';
import type { JsonSchema } from '../schema/json-schema.js';
import { kind, listKind, preserve } from '../schema/schema-dsl.js';
import { componentNameFor } from './component-names.js';

export function crdComponents(info: ResourceInfo): Record<string, JsonSchema> {
  const gvk = { group: info.group, version: info.version, kind: info.kind };
  const own = (info.schema as JsonSchema | undefined) ?? preserve();
  const { properties = {}, ...rest } = own;
  const { apiVersion: _apiVersion, kind: _kind, metadata: _metadata, ...fields } = properties;
  const wrapped = kind(gvk, fields, rest);
  const component = componentNameFor(info.group, info.version, info.kind);
  return {
    [component]: wrapped,
    [componentNameFor(info.group, info.version, info.listKind)]: listKind(gvk, component),
  };
}

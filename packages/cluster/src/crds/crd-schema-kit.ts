// Building blocks for CRD schemas: built-in component schemas inlined into structural form, and shared argoproj pieces.
import type { JsonSchema } from '../schema/json-schema.js';
import { refOf } from '../schema/json-schema.js';
import { componentPrefix, int32, list, map, object, string } from '../schema/schema-dsl.js';
import { builtinComponents } from '../openapi/index.js';

/** Keys that exist only in OpenAPI documents, never in a CRD's JSONSchemaProps. */
const documentOnlyKeys = new Set(['$ref', 'allOf', 'x-kubernetes-patch-merge-key', 'x-kubernetes-patch-strategy', 'x-kubernetes-group-version-kind']);

const intOrStringCrd = (): JsonSchema => ({ anyOf: [{ type: 'integer' }, { type: 'string' }], 'x-kubernetes-int-or-string': true });

/** How scalar-like components are written in CRDs (controller-gen's structural forms). */
const scalarComponents: Record<string, () => JsonSchema> = {
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': intOrStringCrd,
  'io.k8s.apimachinery.pkg.api.resource.Quantity': intOrStringCrd,
  'io.k8s.apimachinery.pkg.apis.meta.v1.Time': () => ({ type: 'string', format: 'date-time' }),
  'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime': () => ({ type: 'string', format: 'date-time' }),
};

const inlined = new Map<string, JsonSchema>();

/** A built-in component schema with every reference inlined and document-only keywords removed. */
export function inlineComponent(name: string): JsonSchema {
  const scalar = scalarComponents[name];
  if (scalar) return scalar();
  const cached = inlined.get(name);
  if (cached) return structuredClone(cached);
  const source = builtinComponents[name];
  if (!source) throw new Error(`no built-in component ${name}`);
  const result = inlineNode(source);
  inlined.set(name, result);
  return structuredClone(result);
}

function inlineNode(node: JsonSchema): JsonSchema {
  const ref = refOf(node);
  const base: JsonSchema = ref ? inlineComponent(ref.slice(componentPrefix.length)) : {};
  const out: JsonSchema = { ...base };
  for (const [key, value] of Object.entries(node) as [keyof JsonSchema, unknown][]) {
    if (documentOnlyKeys.has(key)) continue;
    if (key === 'default' && typeof value === 'object' && value !== null) continue;
    if (key === 'properties') out.properties = Object.fromEntries(Object.entries(value as Record<string, JsonSchema>).map(([k, v]) => [k, inlineNode(v)]));
    else if (key === 'items' || key === 'additionalProperties') (out as Record<string, unknown>)[key] = typeof value === 'object' ? inlineNode(value as JsonSchema) : value;
    else (out as Record<string, unknown>)[key] = value;
  }
  dropInvalidListMap(out);
  return out;
}

/** A CRD `x-kubernetes-list-type: map` needs its keys required or defaulted; otherwise fall back to an atomic list. */
function dropInvalidListMap(schema: JsonSchema): void {
  if (schema['x-kubernetes-list-type'] !== 'map') return;
  const item = schema.items;
  const keys = schema['x-kubernetes-list-map-keys'] ?? [];
  const ok = item && keys.length > 0 && keys.every((key) => item.required?.includes(key) || item.properties?.[key]?.default !== undefined);
  if (!ok) {
    delete schema['x-kubernetes-list-type'];
    delete schema['x-kubernetes-list-map-keys'];
  }
}

/** Unknown-field-preserving node without a type, as upstream writes resource quantities and volumes. */
export const untypedPreserve = (): JsonSchema => ({ 'x-kubernetes-preserve-unknown-fields': true });

/** `{labels, annotations}`: the metadata argoproj templates allow (pod templates, ephemeral metadata). */
export function labelsAndAnnotations(): JsonSchema {
  return object({ annotations: map(), labels: map() });
}

/**
 * A pod template as the upstream CRDs carry it: full PodSpec, metadata limited to labels and annotations,
 * volumes and container resource quantities kept as-is (upstream trims those to keep the CRD small).
 */
export function crdPodTemplate(): JsonSchema {
  const spec = inlineComponent('io.k8s.api.core.v1.PodSpec');
  const properties = spec.properties ?? {};
  properties['volumes'] = untypedPreserve();
  for (const field of ['containers', 'initContainers', 'ephemeralContainers']) {
    const resources = properties[field]?.items?.properties?.['resources'];
    if (resources?.properties) {
      resources.properties['limits'] = untypedPreserve();
      resources.properties['requests'] = untypedPreserve();
    }
  }
  return object({ metadata: labelsAndAnnotations(), spec });
}

/** A LabelSelector, inlined. */
export function crdLabelSelector(): JsonSchema {
  return inlineComponent('io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector');
}

/** Analysis arguments: `{name, value, valueFrom}`; `valueFrom` differs between templates and rollouts. */
export function analysisArgs(valueFrom: JsonSchema): JsonSchema {
  return list(object({ name: string(), value: string(), valueFrom }, { required: ['name'] }));
}

export function dryRunList(): JsonSchema {
  return list(object({ metricName: string() }, { required: ['metricName'] }));
}

export function measurementRetentionList(): JsonSchema {
  return list(object({ limit: int32(), metricName: string() }, { required: ['limit', 'metricName'] }));
}

/** Conditions as argoproj kinds write them (with lastUpdateTime). */
export function argoConditions(): JsonSchema {
  const time = { type: 'string', format: 'date-time' } as const;
  return list(
    object(
      { lastTransitionTime: { ...time }, lastUpdateTime: { ...time }, message: string(), reason: string(), status: string(), type: string() },
      { required: ['lastTransitionTime', 'lastUpdateTime', 'message', 'reason', 'status', 'type'] },
    ),
  );
}

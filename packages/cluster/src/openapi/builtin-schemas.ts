// Every built-in component schema in one table, plus lookups by kind and the resolver the validator uses.
import { builtinResources } from '../registry/builtin-resources.js';
import type { JsonSchema, SchemaResolver } from '../schema/json-schema.js';
import { componentPrefix, listKind } from '../schema/schema-dsl.js';
import { clusterApiSchemas } from './cluster-api-schemas.js';
import { componentNameFor } from './component-names.js';
import { containerSchemas } from './core-container-schemas.js';
import { coreOtherSchemas } from './core-other-schemas.js';
import { podSchemas } from './core-pod-schemas.js';
import { metaSchemas } from './meta-schemas.js';
import { workloadSchemas } from './workload-schemas.js';

function buildComponents(): Readonly<Record<string, JsonSchema>> {
  const components: Record<string, JsonSchema> = {
    ...metaSchemas,
    ...containerSchemas,
    ...podSchemas,
    ...coreOtherSchemas,
    ...workloadSchemas,
    ...clusterApiSchemas,
  };
  for (const info of builtinResources) {
    const item = componentNameFor(info.group, info.version, info.kind);
    components[componentNameFor(info.group, info.version, info.listKind)] = listKind(info, item);
  }
  return Object.freeze(components);
}

/** Built-in component schemas by their Kubernetes name (`io.k8s.api.core.v1.Pod`), including `<Kind>List`s. */
export const builtinComponents: Readonly<Record<string, JsonSchema>> = buildComponents();

/** Resolves `#/components/schemas/<name>` against the built-in components. */
export const resolveBuiltinRef: SchemaResolver = (ref) =>
  ref.startsWith(componentPrefix) ? builtinComponents[ref.slice(componentPrefix.length)] : undefined;

/** The built-in schema of a kind, or undefined when we have none (CRD kinds). */
export function builtinKindSchema(group: string, version: string, kind: string): JsonSchema | undefined {
  return builtinComponents[componentNameFor(group, version, kind)];
}

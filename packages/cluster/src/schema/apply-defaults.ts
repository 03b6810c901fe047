// Structural defaulting: fills absent fields from their schema's `default`, as the apiserver does on read and write.
// Follows apiextensions-apiserver pkg/apiserver/schema/defaulting/algorithm.go: defaults apply only where the
// parent exists; a null in a non-nullable field with a default is replaced by the default.
import { copyJson } from '@aviary/kube';
import type { JsonSchema, SchemaResolver } from './json-schema.js';
import { resolveSchema } from './schema-resolution.js';

export interface ApplyDefaultsOptions {
  readonly resolve?: SchemaResolver;
}

/** Applies `default:` values throughout the object. Mutates and returns it (call it on a private copy). */
export function applyDefaults<T>(object: T, schema: JsonSchema | Record<string, unknown>, options: ApplyDefaultsOptions = {}): T {
  fill(object, planOf(schema as JsonSchema, options.resolve));
  return object;
}

/**
 * What defaulting has to visit under one schema node: only the properties with a default at or below them
 * (a Rollout's schema has thousands of nodes and a handful of defaults, and every write is defaulted).
 */
interface DefaultPlan {
  readonly properties: readonly PropertyPlan[];
  readonly items: DefaultPlan | undefined;
  /** additionalProperties, for members that are not declared properties. */
  readonly additional: DefaultPlan | undefined;
  readonly declared: ReadonlySet<string>;
}

interface PropertyPlan {
  readonly key: string;
  readonly default: unknown;
  readonly nullable: boolean;
  readonly below: DefaultPlan | undefined;
}

const plansByResolver = new WeakMap<object, WeakMap<JsonSchema, DefaultPlan | null>>();
const withoutResolver = {};

/** The plan for `rawSchema`, or undefined when nothing under it has a default. Cached per schema object. */
function planOf(rawSchema: JsonSchema, resolve: SchemaResolver | undefined, visiting?: Set<JsonSchema>): DefaultPlan | undefined {
  let plans = plansByResolver.get(resolve ?? withoutResolver);
  if (plans === undefined) plansByResolver.set(resolve ?? withoutResolver, (plans = new WeakMap()));
  const known = plans.get(rawSchema);
  if (known !== undefined) return known ?? undefined;
  const schema = resolveSchema(rawSchema, resolve);
  // A schema that refers back to itself: planned without the cycle (recursive schemas carry no defaults we apply).
  if (visiting?.has(schema)) return undefined;
  const plan = buildPlan(schema, resolve, visiting ?? new Set());
  plans.set(rawSchema, plan ?? null);
  return plan;
}

function buildPlan(schema: JsonSchema, resolve: SchemaResolver | undefined, visiting: Set<JsonSchema>): DefaultPlan | undefined {
  visiting.add(schema);
  const properties: PropertyPlan[] = [];
  for (const [key, propertyRaw] of Object.entries(schema.properties ?? {})) {
    const property = resolveSchema(propertyRaw, resolve);
    const below = planOf(propertyRaw, resolve, visiting);
    if (property.default !== undefined || below !== undefined) properties.push({ key, default: property.default, nullable: property.nullable === true, below });
  }
  const items = schema.items ? planOf(schema.items, resolve, visiting) : undefined;
  const additionalSchema = schema.additionalProperties;
  const additional = additionalSchema && typeof additionalSchema === 'object' ? planOf(additionalSchema, resolve, visiting) : undefined;
  visiting.delete(schema);
  if (properties.length === 0 && items === undefined && additional === undefined) return undefined;
  return { properties, items, additional, declared: new Set(Object.keys(schema.properties ?? {})) };
}

function fill(value: unknown, plan: DefaultPlan | undefined): void {
  if (plan === undefined || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    if (plan.items) for (const item of value) fill(item, plan.items);
    return;
  }
  const record = value as Record<string, unknown>;
  for (const property of plan.properties) {
    const current = record[property.key];
    const replaceable = current === undefined || (current === null && !property.nullable);
    if (replaceable && property.default !== undefined) record[property.key] = copyJson(property.default);
    if (record[property.key] !== undefined) fill(record[property.key], property.below);
  }
  if (plan.additional) {
    for (const [key, child] of Object.entries(record)) {
      if (!plan.declared.has(key)) fill(child, plan.additional);
    }
  }
}

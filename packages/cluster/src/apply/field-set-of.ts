// fieldSetOf: the fields an object (an applied configuration) sets, as upstream's TypedValue.ToFieldSet computes them.
//
// Follows structured-merge-diff typed/tofieldset.go: every scalar leaf; atomic maps and lists as one
// field; each set/map list item (the `.` marker) plus its fields; free-form map keys, null values and
// empty objects as fields of their own.
import { FieldSet } from './field-set.js';
import { isJsonObject } from './json-values.js';
import { isDeclaredField, ListType, type ListInfoProvider, type SchemaPath } from './list-info.js';
import { indexListItems } from './list-items.js';
import { fieldElement, type FieldPath } from './path-element.js';

/**
 *   fieldSetOf({ metadata: { labels: { app: 'web' } }, spec: { replicas: 2 } }, listInfo).toFieldsV1()
 *     → { 'f:metadata': { 'f:labels': { 'f:app': {} } }, 'f:spec': { 'f:replicas': {} } }
 */
export function fieldSetOf(object: unknown, listInfo: ListInfoProvider): FieldSet {
  const set = new FieldSet();
  if (isJsonObject(object)) visitMap({ value: object, path: [], schemaPath: [], listInfo, set });
  return set;
}

interface Visit {
  readonly value: unknown;
  readonly path: FieldPath;
  readonly schemaPath: SchemaPath;
  readonly listInfo: ListInfoProvider;
  readonly set: FieldSet;
}

function visitValue(visit: Visit): void {
  if (isJsonObject(visit.value)) {
    if (visit.listInfo.mapAt(visit.schemaPath).atomic) visit.set.insert(visit.path);
    else visitMap(visit);
  } else if (Array.isArray(visit.value)) {
    visitList(visit, visit.value);
  } else {
    visit.set.insert(visit.path);
  }
}

function visitMap(visit: Visit): void {
  const map = visit.value as Record<string, unknown>;
  const semantics = visit.listInfo.mapAt(visit.schemaPath);
  for (const [key, child] of Object.entries(map)) {
    const path = [...visit.path, fieldElement(key)];
    visitValue({ ...visit, value: child, path, schemaPath: [...visit.schemaPath, key] });
    const emptyMap = isJsonObject(child) && Object.keys(child).length === 0;
    if (child === null || emptyMap || !isDeclaredField(semantics, key)) visit.set.insert(path);
  }
}

function visitList(visit: Visit, list: readonly unknown[]): void {
  const semantics = visit.listInfo.listAt(visit.schemaPath);
  if (semantics.type === ListType.Atomic) {
    visit.set.insert(visit.path);
    return;
  }
  const indexed = indexListItems({ list, semantics, listPath: visit.path });
  for (const key of indexed.order) {
    const items = indexed.items.get(key) ?? [];
    const path = [...visit.path, indexed.elements.get(key)!];
    // Duplicated items are owned as a whole, without their fields.
    if (items.length === 1) visitValue({ ...visit, value: items[0], path });
    visit.set.insert(path);
  }
}

/**
 * The set plus every declared struct field that has owned children (upstream's
 * EnsureNamedFieldsAreMembers), so that pruning can tell "spec.strategy" is owned when "spec.strategy.type" is.
 */
export function withNamedFieldsAsMembers(set: FieldSet, listInfo: ListInfoProvider): FieldSet {
  const named: FieldPath[] = [];
  set.walk((path, member, children) => {
    const element = path[path.length - 1]!;
    if (member || element.kind !== 'field' || children.isEmpty()) return;
    const parentSchemaPath = schemaPathOf(path.slice(0, -1));
    if (isDeclaredField(listInfo.mapAt(parentSchemaPath), element.name)) named.push(path);
  });
  return named.length === 0 ? set : set.union(FieldSet.fromPaths(named));
}

/** The schema path of a field path: its field names, list items left out. */
export function schemaPathOf(path: FieldPath): string[] {
  return path.flatMap((element) => (element.kind === 'field' ? [element.name] : []));
}

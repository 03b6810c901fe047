// compareObjects: which fields an update added, removed and modified, as structured-merge-diff's TypedValue.Compare.
//
// Leaves (scalars, atomic values) are added, removed or modified; granular maps, lists and list items are
// themselves recorded as added or removed when they appear or disappear (typed/compare.go).
import { FieldSet } from './field-set.js';
import { isJsonObject, jsonEqual } from './json-values.js';
import type { ListInfoProvider, ListSemantics, SchemaPath } from './list-info.js';
import { indexListItems } from './list-items.js';
import { fieldElement, type FieldPath } from './path-element.js';
import { shapeOfTwo } from './value-shape.js';

export interface Comparison {
  readonly added: FieldSet;
  readonly removed: FieldSet;
  readonly modified: FieldSet;
}

/**
 *   compareObjects({ spec: { replicas: 1 } }, { spec: { replicas: 2, paused: true } }, listInfo)
 *     → modified: .spec.replicas; added: .spec.paused; removed: nothing
 */
export function compareObjects(lhs: unknown, rhs: unknown, listInfo: ListInfoProvider): Comparison {
  const comparison: Comparison = { added: new FieldSet(), removed: new FieldSet(), modified: new FieldSet() };
  compareValues({ lhs, rhs, path: [], schemaPath: [], listInfo, comparison });
  return comparison;
}

interface Step {
  readonly lhs: unknown;
  readonly rhs: unknown;
  readonly path: FieldPath;
  readonly schemaPath: SchemaPath;
  readonly listInfo: ListInfoProvider;
  readonly comparison: Comparison;
}

function compareValues(step: Step): void {
  const { lhs, rhs, path, comparison } = step;
  const shape = shapeOfTwo(lhs, rhs, step.schemaPath, step.listInfo);
  if (shape.kind === 'leaf') {
    if (lhs === undefined) comparison.added.insert(path);
    else if (rhs === undefined) comparison.removed.insert(path);
    else if (!jsonEqual(lhs, rhs)) comparison.modified.insert(path);
    return;
  }
  if (shape.kind === 'map') compareMaps(step);
  else compareLists(step, shape.semantics);
  if (lhs === undefined) comparison.added.insert(path);
  else if (rhs === undefined) comparison.removed.insert(path);
}

function compareMaps(step: Step): void {
  const lhs = isJsonObject(step.lhs) ? step.lhs : {};
  const rhs = isJsonObject(step.rhs) ? step.rhs : {};
  // Every key of lhs, then the keys only rhs has, each once.
  for (const key of Object.keys(lhs)) compareMember(step, lhs, rhs, key);
  for (const key of Object.keys(rhs)) if (!Object.hasOwn(lhs, key)) compareMember(step, lhs, rhs, key);
}

function compareMember(step: Step, lhs: Record<string, unknown>, rhs: Record<string, unknown>, key: string): void {
  compareValues({
    lhs: Object.hasOwn(lhs, key) ? lhs[key] : undefined,
    rhs: Object.hasOwn(rhs, key) ? rhs[key] : undefined,
    path: [...step.path, fieldElement(key)],
    schemaPath: [...step.schemaPath, key],
    listInfo: step.listInfo,
    comparison: step.comparison,
  });
}

function compareLists(step: Step, semantics: ListSemantics): void {
  const left = indexListItems({ list: asList(step.lhs), semantics, listPath: step.path });
  const right = indexListItems({ list: asList(step.rhs), semantics, listPath: step.path });
  const keys = [...left.order, ...right.order.filter((key) => !left.items.has(key))];
  for (const key of keys) {
    const element = left.elements.get(key) ?? right.elements.get(key)!;
    const itemPath = [...step.path, element];
    const lItems = left.items.get(key) ?? [];
    const rItems = right.items.get(key) ?? [];
    if (lItems.length <= 1 && rItems.length <= 1) {
      compareValues({ ...step, lhs: lItems[0], rhs: rItems[0], path: itemPath });
    } else if (lItems.length >= 2 && rItems.length >= 2) {
      // Duplicated on both sides: the items are compared as one opaque group.
      if (!jsonEqual(lItems, rItems)) step.comparison.modified.insert(itemPath);
    } else if (lItems.length >= 2) {
      if (rItems.length > 0) compareValues({ ...step, lhs: undefined, rhs: rItems[0], path: itemPath });
      step.comparison.removed.insert(itemPath);
    } else {
      if (lItems.length > 0) compareValues({ ...step, lhs: lItems[0], rhs: undefined, path: itemPath });
      step.comparison.added.insert(itemPath);
    }
  }
}

function asList(value: unknown): readonly unknown[] | undefined {
  return Array.isArray(value) ? value : undefined;
}

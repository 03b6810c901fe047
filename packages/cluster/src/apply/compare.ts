// compareObjects: which fields an update added, removed and modified, as structured-merge-diff's TypedValue.Compare.
//
// Leaves (scalars, atomic values) are added, removed or modified; granular maps, lists and list items are
// themselves recorded as added or removed when they appear or disappear (typed/compare.go). Every write
// runs this over the whole object, so the walk extends linked paths and builds schema paths only for
// containers rather than copying arrays at every member.
import { FieldSet } from './field-set.js';
import { isJsonObject, jsonEqual } from './json-values.js';
import type { ListInfoProvider, ListSemantics, SchemaPath } from './list-info.js';
import { indexListItems } from './list-items.js';
import { linkElement, linkField, pathOfLink, type PathLink } from './path-element.js';
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
  new ComparisonWalk(listInfo, comparison).values(lhs, rhs, undefined, []);
  return comparison;
}

/** What ownership needs of a comparison: the changed fields (added or modified, in one set) and the removed ones. */
export interface Changes {
  readonly changed: FieldSet;
  readonly removed: FieldSet;
}

export function compareChanges(lhs: unknown, rhs: unknown, listInfo: ListInfoProvider): Changes {
  const changed = new FieldSet();
  const removed = new FieldSet();
  new ComparisonWalk(listInfo, { added: changed, removed, modified: changed }).values(lhs, rhs, undefined, []);
  return { changed, removed };
}

class ComparisonWalk {
  constructor(
    private readonly listInfo: ListInfoProvider,
    private readonly comparison: Comparison,
  ) {}

  /** Compares the values at `link` (undefined: the root); `schemaPath` is that of the values. */
  values(lhs: unknown, rhs: unknown, link: PathLink | undefined, schemaPath: SchemaPath): void {
    const shape = shapeOfTwo(lhs, rhs, schemaPath, this.listInfo);
    if (shape.kind === 'leaf') {
      if (link === undefined) return;
      if (lhs === undefined) this.comparison.added.insertLink(link);
      else if (rhs === undefined) this.comparison.removed.insertLink(link);
      else if (!jsonEqual(lhs, rhs)) this.comparison.modified.insertLink(link);
      return;
    }
    if (shape.kind === 'map') this.maps(lhs, rhs, link, schemaPath);
    else this.lists(lhs, rhs, link, schemaPath, shape.semantics);
    if (link === undefined) return;
    if (lhs === undefined) this.comparison.added.insertLink(link);
    else if (rhs === undefined) this.comparison.removed.insertLink(link);
  }

  private maps(lhsValue: unknown, rhsValue: unknown, link: PathLink | undefined, schemaPath: SchemaPath): void {
    const lhs = isJsonObject(lhsValue) ? lhsValue : {};
    const rhs = isJsonObject(rhsValue) ? rhsValue : {};
    // Every key of lhs, then the keys only rhs has, each once.
    for (const key of Object.keys(lhs)) this.member(lhs[key], Object.hasOwn(rhs, key) ? rhs[key] : undefined, key, link, schemaPath);
    for (const key of Object.keys(rhs)) if (!Object.hasOwn(lhs, key)) this.member(undefined, rhs[key], key, link, schemaPath);
  }

  private member(lhs: unknown, rhs: unknown, key: string, parent: PathLink | undefined, parentSchemaPath: SchemaPath): void {
    // Equal values (most members of an update: a status write leaves spec and metadata as they were) record
    // nothing, so they are passed over with one plain equality walk, without links, schema paths or list
    // indexes. (A malformed list inside an unchanged value is therefore not reported, where a full walk would
    // fail the bookkeeping; such lists cannot pass validation in the first place.)
    if (lhs === rhs || jsonEqual(lhs, rhs)) return;
    const link = linkField(parent, key);
    const container = (typeof lhs === 'object' && lhs !== null) || (typeof rhs === 'object' && rhs !== null);
    this.values(lhs, rhs, link, container ? [...parentSchemaPath, key] : parentSchemaPath);
  }

  private lists(lhs: unknown, rhs: unknown, link: PathLink | undefined, schemaPath: SchemaPath, semantics: ListSemantics): void {
    const listPath = pathOfLink(link);
    const left = indexListItems({ list: asList(lhs), semantics, listPath });
    const right = indexListItems({ list: asList(rhs), semantics, listPath });
    const keys = [...left.order, ...right.order.filter((key) => !left.items.has(key))];
    for (const key of keys) {
      const itemLink = linkElement(link, left.elements.get(key) ?? right.elements.get(key)!, key);
      const lItems = left.items.get(key) ?? [];
      const rItems = right.items.get(key) ?? [];
      if (lItems.length <= 1 && rItems.length <= 1) {
        this.values(lItems[0], rItems[0], itemLink, schemaPath);
      } else if (lItems.length >= 2 && rItems.length >= 2) {
        // Duplicated on both sides: the items are compared as one opaque group.
        if (!jsonEqual(lItems, rItems)) this.comparison.modified.insertLink(itemLink);
      } else if (lItems.length >= 2) {
        if (rItems.length > 0) this.values(undefined, rItems[0], itemLink, schemaPath);
        this.comparison.removed.insertLink(itemLink);
      } else {
        if (lItems.length > 0) this.values(lItems[0], undefined, itemLink, schemaPath);
        this.comparison.added.insertLink(itemLink);
      }
    }
  }
}

function asList(value: unknown): readonly unknown[] | undefined {
  return Array.isArray(value) ? value : undefined;
}

// FieldSet: a set of field paths (what one manager owns), with set algebra and the FieldsV1 wire format.
//
// Mirrors sigs.k8s.io/structured-merge-diff fieldpath/set.go and serialize.go: a path is in the set when
// it was inserted ("member"); FieldsV1 writes a member leaf as `{}` and a member with children as `".": {}`.
import {
  comparePathElements,
  parsePathElement,
  serializePathElement,
  type FieldPath,
  type PathElement,
  type PathLink,
} from './path-element.js';
import { compareStrings, isJsonObject } from './json-values.js';

interface FieldNode {
  /** The element's FieldsV1 key (the key of this node in its parent's map). */
  readonly key: string;
  readonly element: PathElement;
  member: boolean;
  /** `noChildren` (shared, never modified) until something is added below the node: most nodes are leaves. */
  children: FieldSet;
}

/** Thrown by `FieldSet.fromFieldsV1` for a value that is not FieldsV1. */
export class FieldsV1FormatError extends Error {
  override readonly name = 'FieldsV1FormatError';
}

/**
 * Invariant: every node is a member or has a non-empty children set (inserts only add, and the set algebra
 * attaches only such nodes), so a set is empty exactly when it has no nodes. Operations that already hold a
 * node's key never serialize its element again.
 */
export class FieldSet {
  /** Children by their FieldsV1 key (canonical, so equal elements share a key). */
  readonly #nodes = new Map<string, FieldNode>();

  static fromPaths(paths: Iterable<FieldPath>): FieldSet {
    const set = new FieldSet();
    for (const path of paths) set.insert(path);
    return set;
  }

  /** Reads `metadata.managedFields[].fieldsV1`. Unknown key kinds are dropped, as upstream does. */
  static fromFieldsV1(json: unknown): FieldSet {
    if (!isJsonObject(json)) throw new FieldsV1FormatError('fieldsV1 must be a JSON object');
    const set = new FieldSet();
    for (const key of Object.keys(json)) {
      if (key === '.') continue;
      const value = json[key];
      if (!isJsonObject(value)) throw new FieldsV1FormatError(`fieldsV1 value of ${JSON.stringify(key)} must be an object`);
      const element = parsePathElement(key);
      if (element === undefined) continue;
      const children = FieldSet.fromFieldsV1(value);
      // `{}` (no children) or an explicit `"."` marks the path itself as a member.
      const member = Object.hasOwn(value, '.') || children.isEmpty();
      set.#attach(serializePathElement(element), element, member, children);
    }
    return set;
  }

  /** Adds a path (a no-op for the empty path). Returns this set. */
  insert(path: FieldPath): this {
    const last = path.length - 1;
    let current: FieldSet = this;
    for (let index = 0; index <= last; index++) {
      const element = path[index] as PathElement;
      const node = current.#nodeFor(serializePathElement(element), element);
      if (index === last) node.member = true;
      else current = ownChildren(node);
    }
    return this;
  }

  /** Adds the path a link ends at, without building the path (walkers' hot path). Returns this set. */
  insertLink(link: PathLink): this {
    this.#childrenAt(link.parent).#nodeFor(link.key, link.element).member = true;
    return this;
  }

  /** Removes every path of `other` from this set, in place (for sets the caller just built). Returns this set. */
  removeAll(other: FieldSet): this {
    for (const otherNode of other.#nodes.values()) {
      const node = this.#nodes.get(otherNode.key);
      if (node === undefined) continue;
      if (otherNode.member) node.member = false;
      if (!node.children.isEmpty() && !otherNode.children.isEmpty()) node.children.removeAll(otherNode.children);
      if (!node.member && node.children.isEmpty()) this.#nodes.delete(node.key);
    }
    return this;
  }

  has(path: FieldPath): boolean {
    let current: FieldSet = this;
    for (let index = 0; index < path.length; index++) {
      const node = current.#nodes.get(serializePathElement(path[index] as PathElement));
      if (node === undefined) return false;
      if (index === path.length - 1) return node.member;
      current = node.children;
    }
    return false;
  }

  isEmpty(): boolean {
    return this.#nodes.size === 0;
  }

  /** The set of paths below `element`, with `element` removed from their front (read-only: it may be shared). */
  childSet(element: PathElement): FieldSet {
    return this.#nodes.get(serializePathElement(element))?.children ?? noChildren;
  }

  union(other: FieldSet): FieldSet {
    const result = new FieldSet();
    for (const node of this.#nodes.values()) {
      const otherNode = other.#nodes.get(node.key);
      const children = otherNode === undefined ? node.children.clone() : node.children.union(otherNode.children);
      result.#nodes.set(node.key, { key: node.key, element: node.element, member: node.member || (otherNode?.member ?? false), children });
    }
    for (const node of other.#nodes.values()) {
      if (!this.#nodes.has(node.key)) result.#nodes.set(node.key, copyNode(node));
    }
    return result;
  }

  difference(other: FieldSet): FieldSet {
    const result = new FieldSet();
    for (const node of this.#nodes.values()) {
      const otherNode = other.#nodes.get(node.key);
      if (otherNode === undefined) {
        result.#nodes.set(node.key, copyNode(node));
        continue;
      }
      result.#attach(node.key, node.element, node.member && !otherNode.member, node.children.difference(otherNode.children));
    }
    return result;
  }

  intersection(other: FieldSet): FieldSet {
    const result = new FieldSet();
    for (const node of this.#nodes.values()) {
      const otherNode = other.#nodes.get(node.key);
      if (otherNode === undefined) continue;
      result.#attach(node.key, node.element, node.member && otherNode.member, node.children.intersection(otherNode.children));
    }
    return result;
  }

  clone(): FieldSet {
    const result = new FieldSet();
    for (const node of this.#nodes.values()) result.#nodes.set(node.key, copyNode(node));
    return result;
  }

  equals(other: FieldSet): boolean {
    return this.difference(other).isEmpty() && other.difference(this).isEmpty();
  }

  /**
   * Every member path, in upstream's iteration order: at each level the members first (sorted), then
   * the children's paths (sorted by element). Conflict messages list paths in this order.
   */
  paths(): FieldPath[] {
    const out: FieldPath[] = [];
    this.#collect([], out);
    return out;
  }

  /** The FieldsV1 JSON (`{"f:spec":{"f:replicas":{}}}`), keys in upstream order. */
  toFieldsV1(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    this.#writeFieldsV1(out);
    return out;
  }

  /** Visits every node (member or not) with its path; `visit` returns false to skip the node's children. */
  walk(visit: (path: FieldPath, member: boolean, children: FieldSet) => boolean | void, prefix: FieldPath = []): void {
    for (const node of this.#sortedNodes()) {
      const path = [...prefix, node.element];
      if (visit(path, node.member, node.children) === false) continue;
      node.children.walk(visit, path);
    }
  }

  #collect(prefix: FieldPath, out: FieldPath[]): void {
    const nodes = this.#sortedNodes();
    for (const node of nodes) if (node.member) out.push([...prefix, node.element]);
    for (const node of nodes) node.children.#collect([...prefix, node.element], out);
  }

  /** Writes the FieldsV1 members into `out`: a member with children gets `"."` first, then its children. */
  #writeFieldsV1(out: Record<string, unknown>): void {
    for (const node of this.#sortedNodes()) {
      const hasChildren = !node.children.isEmpty();
      if (!node.member && !hasChildren) continue;
      const child: Record<string, unknown> = node.member && hasChildren ? { '.': {} } : {};
      node.children.#writeFieldsV1(child);
      out[node.key] = child;
    }
  }

  #sortedNodes(): FieldNode[] {
    const nodes = [...this.#nodes.values()];
    if (nodes.length < 2) return nodes;
    // Fields only (most levels): their keys are `f:` + name, so the keys sort as the names do.
    if (nodes.every(isFieldNode)) return nodes.sort(compareNodeKeys);
    return nodes.sort((a, b) => comparePathElements(a.element, b.element));
  }

  /** The children of the node a link ends at (this set for the root), creating the nodes on the way. */
  #childrenAt(link: PathLink | undefined): FieldSet {
    return link === undefined ? this : ownChildren(this.#childrenAt(link.parent).#nodeFor(link.key, link.element));
  }

  #nodeFor(key: string, element: PathElement): FieldNode {
    let node = this.#nodes.get(key);
    if (node === undefined) {
      node = { key, element, member: false, children: noChildren };
      this.#nodes.set(key, node);
    }
    return node;
  }

  /** Adds a node, keeping the set free of empty non-member nodes. */
  #attach(key: string, element: PathElement, member: boolean, children: FieldSet): void {
    if (!member && children.isEmpty()) return;
    const node = this.#nodeFor(key, element);
    node.member ||= member;
    if (!children.isEmpty()) ownChildren(node).#addAll(children);
  }

  #addAll(other: FieldSet): void {
    for (const node of other.#nodes.values()) this.#attach(node.key, node.element, node.member, node.children);
  }
}

function isFieldNode(node: FieldNode): boolean {
  return node.element.kind === 'field';
}

function compareNodeKeys(a: FieldNode, b: FieldNode): number {
  return compareStrings(a.key, b.key);
}

/** The children of leaf nodes: never modified (`ownChildren` replaces it before anything is added). */
const noChildren = new FieldSet();

function ownChildren(node: FieldNode): FieldSet {
  if (node.children === noChildren) node.children = new FieldSet();
  return node.children;
}

function copyNode(node: FieldNode): FieldNode {
  return { key: node.key, element: node.element, member: node.member, children: node.children.isEmpty() ? noChildren : node.children.clone() };
}

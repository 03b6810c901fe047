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
} from './path-element.js';
import { isJsonObject } from './json-values.js';

interface FieldNode {
  readonly element: PathElement;
  member: boolean;
  readonly children: FieldSet;
}

/** Thrown by `FieldSet.fromFieldsV1` for a value that is not FieldsV1. */
export class FieldsV1FormatError extends Error {
  override readonly name = 'FieldsV1FormatError';
}

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
    for (const [key, value] of Object.entries(json)) {
      if (key === '.') continue;
      if (!isJsonObject(value)) throw new FieldsV1FormatError(`fieldsV1 value of ${JSON.stringify(key)} must be an object`);
      const element = parsePathElement(key);
      if (element === undefined) continue;
      const children = FieldSet.fromFieldsV1(value);
      // `{}` (no children) or an explicit `"."` marks the path itself as a member.
      const member = Object.hasOwn(value, '.') || children.isEmpty();
      set.#attach(element, member, children);
    }
    return set;
  }

  /** Adds a path (a no-op for the empty path). Returns this set. */
  insert(path: FieldPath): this {
    if (path.length === 0) return this;
    let current: FieldSet = this;
    path.forEach((element, index) => {
      const node = current.#nodeFor(element);
      if (index === path.length - 1) node.member = true;
      current = node.children;
    });
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
    for (const node of this.#nodes.values()) {
      if (node.member || !node.children.isEmpty()) return false;
    }
    return true;
  }

  /** The set of paths below `element`, with `element` removed from their front. */
  childSet(element: PathElement): FieldSet {
    return this.#nodes.get(serializePathElement(element))?.children ?? new FieldSet();
  }

  union(other: FieldSet): FieldSet {
    const result = this.clone();
    result.#addAll(other);
    return result;
  }

  difference(other: FieldSet): FieldSet {
    const result = new FieldSet();
    for (const [key, node] of this.#nodes) {
      const otherNode = other.#nodes.get(key);
      const member = node.member && !(otherNode?.member ?? false);
      const children = otherNode ? node.children.difference(otherNode.children) : node.children.clone();
      result.#attach(node.element, member, children);
    }
    return result;
  }

  intersection(other: FieldSet): FieldSet {
    const result = new FieldSet();
    for (const [key, node] of this.#nodes) {
      const otherNode = other.#nodes.get(key);
      if (otherNode === undefined) continue;
      result.#attach(node.element, node.member && otherNode.member, node.children.intersection(otherNode.children));
    }
    return result;
  }

  clone(): FieldSet {
    const result = new FieldSet();
    for (const node of this.#nodes.values()) result.#attach(node.element, node.member, node.children.clone());
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
    for (const node of this.#sortedNodes()) {
      const childJson = node.children.toFieldsV1();
      const hasChildren = Object.keys(childJson).length > 0;
      if (!node.member && !hasChildren) continue;
      out[serializePathElement(node.element)] = node.member && hasChildren ? { '.': {}, ...childJson } : childJson;
    }
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

  #sortedNodes(): FieldNode[] {
    return [...this.#nodes.values()].sort((a, b) => comparePathElements(a.element, b.element));
  }

  #nodeFor(element: PathElement): FieldNode {
    const key = serializePathElement(element);
    let node = this.#nodes.get(key);
    if (node === undefined) {
      node = { element, member: false, children: new FieldSet() };
      this.#nodes.set(key, node);
    }
    return node;
  }

  /** Adds a node, keeping the set free of empty non-member nodes. */
  #attach(element: PathElement, member: boolean, children: FieldSet): void {
    if (!member && children.isEmpty()) return;
    const node = this.#nodeFor(element);
    node.member ||= member;
    node.children.#addAll(children);
  }

  #addAll(other: FieldSet): void {
    for (const node of other.#nodes.values()) this.#attach(node.element, node.member, node.children);
  }
}

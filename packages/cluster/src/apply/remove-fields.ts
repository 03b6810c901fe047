// removeFieldSet: an object with the fields (and list items) of a set removed, as structured-merge-diff's RemoveItems.
import { setOwnMember } from '@aviary/kube';
import type { FieldSet } from './field-set.js';
import { isJsonObject, type JsonObject } from './json-values.js';
import { ListType, type ListInfoProvider, type SchemaPath } from './list-info.js';
import { listItemElement } from './list-items.js';
import { fieldElement, type FieldPath, type PathElement } from './path-element.js';

/**
 * Removes every member path of `set` from `object` (a member removes its whole subtree). Maps and lists
 * left empty by the removal disappear too, as a nil map or slice does in Kubernetes' typed objects.
 *
 *   removeFieldSet({ spec: { replicas: 1, paused: true } }, set(.spec.paused), listInfo) → { spec: { replicas: 1 } }
 */
export function removeFieldSet(object: JsonObject, set: FieldSet, listInfo: ListInfoProvider): JsonObject {
  const result = removeFrom({ value: object, set, path: [], schemaPath: [], listInfo });
  return isJsonObject(result) ? result : {};
}

interface Step {
  readonly value: unknown;
  readonly set: FieldSet;
  readonly path: FieldPath;
  readonly schemaPath: SchemaPath;
  readonly listInfo: ListInfoProvider;
}

function removeFrom(step: Step): unknown {
  const { value, set } = step;
  if (set.isEmpty()) return value;
  if (isJsonObject(value)) {
    if (step.listInfo.mapAt(step.schemaPath).atomic) return value;
    const out: JsonObject = {};
    for (const [key, child] of Object.entries(value)) {
      const kept = removeChild(step, child, fieldElement(key), [...step.schemaPath, key]);
      if (kept !== undefined) setOwnMember(out, key, kept);
    }
    return Object.keys(out).length > 0 ? out : undefined;
  }
  if (Array.isArray(value)) {
    const semantics = step.listInfo.listAt(step.schemaPath);
    if (semantics.type === ListType.Atomic) return value;
    const out: unknown[] = [];
    value.forEach((item, index) => {
      const element = listItemElement({ item, index, list: semantics, listPath: step.path });
      const kept = removeChild(step, item, element, step.schemaPath);
      if (kept !== undefined) out.push(kept);
    });
    return out.length > 0 ? out : undefined;
  }
  return value;
}

function removeChild(step: Step, child: unknown, element: PathElement, schemaPath: SchemaPath): unknown {
  if (step.set.has([element])) return undefined;
  const below = step.set.childSet(element);
  if (below.isEmpty()) return child;
  return removeFrom({ ...step, value: child, set: below, path: [...step.path, element], schemaPath });
}

// mergeApplied: the live object with an applied configuration merged in, as structured-merge-diff's TypedValue.Merge.
//
// Maps merge key by key; associative lists merge item by item (by key or value) keeping live-only items
// in place; atomic lists, atomic maps and scalars take the applied value (typed/merge.go). A null in the
// applied configuration removes the field, as decoding into Kubernetes' typed objects does.
import { copyJson, setOwnMember } from '@aviary/kube';
import { ApplyInputError } from './apply-error.js';
import { isJsonObject, type JsonObject } from './json-values.js';
import type { ListInfoProvider, ListSemantics, SchemaPath } from './list-info.js';
import { indexListItems } from './list-items.js';
import { describeFieldPath, describePathElement, fieldElement, type FieldPath } from './path-element.js';
import { shapeOfPair } from './value-shape.js';

/**
 *   mergeApplied({ spec: { replicas: 1, paused: true } }, { spec: { replicas: 3 } }, listInfo)
 *     → { spec: { replicas: 3, paused: true } }
 */
export function mergeApplied(live: JsonObject, applied: JsonObject, listInfo: ListInfoProvider): JsonObject {
  const merged = mergeValues({ lhs: live, rhs: applied, path: [], schemaPath: [], listInfo });
  return isJsonObject(merged) ? merged : {};
}

interface Step {
  readonly lhs: unknown;
  readonly rhs: unknown;
  readonly path: FieldPath;
  readonly schemaPath: SchemaPath;
  readonly listInfo: ListInfoProvider;
}

/** The merged value, or undefined when the field ends up absent. */
function mergeValues(step: Step): unknown {
  const { lhs, rhs } = step;
  if (rhs === null) return undefined;
  if (rhs === undefined) return copyJson(lhs);
  const shape = shapeOfPair({ values: [lhs, rhs], schemaPath: step.schemaPath, listInfo: step.listInfo });
  if (shape.kind === 'leaf') return copyJson(rhs);
  return shape.kind === 'map' ? mergeMaps(step) : mergeLists(step, shape.semantics);
}

function mergeMaps(step: Step): JsonObject | undefined {
  const lhs = isJsonObject(step.lhs) ? step.lhs : {};
  const rhs = step.rhs as JsonObject;
  const out: JsonObject = {};
  const keys = [...Object.keys(lhs), ...Object.keys(rhs).filter((key) => !Object.hasOwn(lhs, key))];
  for (const key of keys) {
    const value = mergeValues({
      ...step,
      lhs: Object.hasOwn(lhs, key) ? lhs[key] : undefined,
      rhs: Object.hasOwn(rhs, key) ? rhs[key] : undefined,
      path: [...step.path, fieldElement(key)],
      schemaPath: [...step.schemaPath, key],
    });
    if (value !== undefined) setOwnMember(out, key, value);
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * Applied items come out in applied order; a live item the configuration does not mention stays just
 * before the next item both lists share, so the live order of unmentioned items is kept.
 */
function mergeLists(step: Step, semantics: ListSemantics): unknown[] | undefined {
  const liveList = Array.isArray(step.lhs) ? step.lhs : [];
  const live = indexListItems({ list: liveList, semantics, listPath: step.path });
  const applied = indexListItems({ list: step.rhs as unknown[], semantics, listPath: step.path });
  for (const [key, items] of applied.items) {
    if (items.length > 1) {
      const element = describePathElement(applied.elements.get(key)!);
      throw new ApplyInputError({ message: `${describeFieldPath(step.path)}: duplicate entries for key ${element}`, statusCode: 500 });
    }
  }
  const liveKeys = live.positions;
  const appliedKeys = applied.order;
  const shared = appliedKeys.filter((key) => live.items.has(key));
  let nextShared = shared.shift();
  const emitted = new Set<string>();
  const out: unknown[] = [];
  const emit = (key: string, lhs: unknown, rhs: unknown): void => {
    const element = live.elements.get(key) ?? applied.elements.get(key)!;
    const value = mergeValues({ ...step, lhs, rhs, path: [...step.path, element] });
    if (value !== undefined) out.push(value);
  };
  // A key duplicated in the live list has no single live item to merge with: the applied item wins.
  const liveItemFor = (key: string): unknown => {
    const items = live.items.get(key);
    return items?.length === 1 ? items[0] : undefined;
  };

  let li = 0;
  let ri = 0;
  while (li < liveKeys.length || ri < appliedKeys.length) {
    const liveKey = liveKeys[li];
    const appliedKey = appliedKeys[ri];
    if (liveKey !== undefined && appliedKey !== undefined) {
      if (liveKey === appliedKey) {
        emitted.add(liveKey);
        emit(liveKey, liveItemFor(liveKey), applied.items.get(appliedKey)?.[0]);
        li++;
        ri++;
        nextShared = shared.shift();
        continue;
      }
      // This live item comes later in the applied order: hold it back until the applied list reaches it.
      if (applied.items.has(liveKey) && nextShared !== undefined && nextShared !== liveKey) {
        li++;
        continue;
      }
    }
    if (liveKey !== undefined) {
      if (!applied.items.has(liveKey)) {
        emit(liveKey, liveList[li], undefined);
        li++;
        continue;
      }
      if (emitted.has(liveKey)) li++;
    }
    if (appliedKey !== undefined) {
      emitted.add(appliedKey);
      emit(appliedKey, liveItemFor(appliedKey), applied.items.get(appliedKey)?.[0]);
      ri++;
      if (nextShared === appliedKey) nextShared = shared.shift();
    }
  }
  return out.length > 0 ? out : undefined;
}

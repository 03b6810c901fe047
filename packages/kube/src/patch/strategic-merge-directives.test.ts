// Directive semantics of strategic merge patch ($patch, $retainKeys, $setElementOrder, $deleteFromPrimitiveList)
// over a small made-up schema, and the errors malformed patches raise.
import { describe, expect, it } from 'vitest';
import { mergeListBy, mergePrimitiveList, nestedFields } from './strategic-merge-schema.js';
import {
  PatchStrategy,
  StrategicMergePatchError,
  strategicMergePatch,
  type PatchSchema,
} from './strategic-merge.js';
import type { JsonObject } from './strategic-merge-values.js';

const schema: PatchSchema = {
  mergingList: mergeListBy('name', { innerList: mergeListBy('name'), tags: mergePrimitiveList() }),
  mergingIntList: mergePrimitiveList(),
  keylessMergeList: { strategy: PatchStrategy.Merge },
  atomicList: {},
  replaceMap: { strategy: PatchStrategy.Replace },
  retainKeysMap: nestedFields({}, { retainKeys: true }),
  volumes: mergeListBy('name', undefined, { retainKeys: true }),
};

function apply(original: JsonObject, patch: unknown): Record<string, unknown> {
  return strategicMergePatch(original, patch, { schema });
}

const names = (...ids: number[]) => ids.map((name) => ({ name }));

interface Case {
  name: string;
  original: JsonObject;
  patch: JsonObject;
  expected: JsonObject;
}

const cases: Case[] = [
  {
    name: '$patch replace on a map keeps only the patch fields',
    original: { simpleMap: { a: 1, b: 2 } },
    patch: { simpleMap: { $patch: 'replace', c: 3 } },
    expected: { simpleMap: { c: 3 } },
  },
  {
    name: '$patch replace at the top replaces the whole document',
    original: { name: 1, value: 1 },
    patch: { $patch: 'replace', other: 'a' },
    expected: { other: 'a' },
  },
  {
    name: '$patch delete on a live map leaves an empty map, as upstream does',
    original: { simpleMap: { a: 1 }, keep: true },
    patch: { simpleMap: { $patch: 'delete' } },
    expected: { simpleMap: {}, keep: true },
  },
  {
    name: '$patch delete on a map the object lacks adds nothing',
    original: { keep: true },
    patch: { simpleMap: { $patch: 'delete' } },
    expected: { keep: true },
  },
  {
    name: '$patch merge on a map merges as if no directive were given',
    original: { simpleMap: { a: 1 } },
    patch: { simpleMap: { $patch: 'merge', b: 2 } },
    expected: { simpleMap: { a: 1, b: 2 } },
  },
  {
    name: 'a $patch replace item replaces the list with the other patch items',
    original: { mergingList: [{ name: 1, v: 'a' }, { name: 2 }] },
    patch: { mergingList: [{ name: 3 }, { $patch: 'replace' }, { name: 1 }] },
    expected: { mergingList: [{ name: 3 }, { name: 1 }] },
  },
  {
    name: 'a lone $patch replace item empties the list',
    original: { mergingList: names(1, 2) },
    patch: { mergingList: [{ $patch: 'replace' }] },
    expected: { mergingList: [] },
  },
  {
    name: '$patch delete removes every live item with that key, duplicates included',
    original: { mergingList: [{ name: 1 }, { name: 1 }, { name: 2, v: 'a' }, { name: 3 }] },
    patch: { mergingList: [{ name: 1, $patch: 'delete' }, { name: 3, $patch: 'delete' }] },
    expected: { mergingList: [{ name: 2, v: 'a' }] },
  },
  {
    name: '$patch delete of an item the list lacks changes nothing',
    original: { mergingList: names(1) },
    patch: { mergingList: [{ name: 9, $patch: 'delete' }] },
    expected: { mergingList: names(1) },
  },
  {
    name: 'a merge list follows the patch order and slots live-only items before their live successors',
    original: { mergingList: [{ name: 1 }, { name: 2, v: 'b' }, { name: 3 }] },
    patch: { mergingList: [{ name: 3, v: 'c' }, { name: 1, v: 'a' }] },
    expected: { mergingList: [{ name: 2, v: 'b' }, { name: 3, v: 'c' }, { name: 1, v: 'a' }] },
  },
  {
    name: 'a primitive merge list becomes the union, in patch order where the patch names items',
    original: { mergingIntList: [1, 2, 3] },
    patch: { mergingIntList: [3, 1] },
    expected: { mergingIntList: [2, 3, 1] },
  },
  {
    name: 'merge keys match by type and value, so 1 and "1" are different items',
    original: { mergingList: [{ name: 1, v: 'a' }] },
    patch: { mergingList: [{ name: '1', v: 'b' }] },
    expected: { mergingList: [{ name: '1', v: 'b' }, { name: 1, v: 'a' }] },
  },
  {
    name: '$setElementOrder alone reorders the live list',
    original: { mergingList: [{ name: 1 }, { name: 3, v: 3 }, { name: 4, v: 4 }, { name: 2, v: 2 }] },
    patch: { '$setElementOrder/mergingList': names(4, 2, 3, 1) },
    expected: { mergingList: [{ name: 4, v: 4 }, { name: 2, v: 2 }, { name: 3, v: 3 }, { name: 1 }] },
  },
  {
    name: '$setElementOrder keeps server-only items next to their live neighbours',
    original: { mergingList: names(1, 2, 7, 9, 8, 3, 4) },
    patch: { '$setElementOrder/mergingList': names(2, 1, 4, 3) },
    expected: { mergingList: names(2, 1, 7, 9, 8, 4, 3) },
  },
  {
    name: '$setElementOrder places a newly added item where the order says',
    original: { mergingList: [{ name: 1, other: 'a' }, { name: 3 }] },
    patch: { '$setElementOrder/mergingList': names(1, 2), mergingList: [{ name: 2 }] },
    expected: { mergingList: [{ name: 1, other: 'a' }, { name: 2 }, { name: 3 }] },
  },
  {
    name: '$setElementOrder ignores items that neither side has',
    original: { mergingList: names(1, 3) },
    patch: { '$setElementOrder/mergingList': names(3, 2, 1), mergingList: [{ name: 3, v: 3 }, { name: 1, v: 1 }] },
    expected: { mergingList: [{ name: 3, v: 3 }, { name: 1, v: 1 }] },
  },
  {
    name: '$setElementOrder on a list the object lacks takes the patch list in order, without directives',
    original: {},
    patch: { '$setElementOrder/mergingList': names(2, 1), mergingList: [{ name: 2 }, { name: 1 }, { name: 5, $patch: 'delete' }] },
    expected: { mergingList: names(2, 1) },
  },
  {
    name: '$setElementOrder orders a primitive merge list',
    original: { mergingIntList: [1, 3, 2] },
    patch: { '$setElementOrder/mergingIntList': [3, 2, 1] },
    expected: { mergingIntList: [3, 2, 1] },
  },
  {
    name: '$deleteFromPrimitiveList of a value the list lacks changes nothing',
    original: { mergingIntList: [1, 2] },
    patch: { '$deleteFromPrimitiveList/mergingIntList': [3] },
    expected: { mergingIntList: [1, 2] },
  },
  {
    name: '$deleteFromPrimitiveList on a list the object lacks does not create it',
    original: { other: ['x'] },
    patch: { '$deleteFromPrimitiveList/mergingIntList': [3] },
    expected: { other: ['x'] },
  },
  {
    name: '$deleteFromPrimitiveList also works on an atomic list',
    original: { atomicList: [1, 2, 3, 2] },
    patch: { '$deleteFromPrimitiveList/atomicList': [2] },
    expected: { atomicList: [1, 3] },
  },
  {
    name: '$retainKeys drops unlisted live keys, then merges the patch',
    original: { retainKeysMap: { type: 'A', a: { x: 1 }, keep: { y: 1 } } },
    patch: { retainKeysMap: { $retainKeys: ['type', 'keep'], type: 'B', keep: { z: 2 } } },
    expected: { retainKeysMap: { type: 'B', keep: { y: 1, z: 2 } } },
  },
  {
    name: '$retainKeys inside a list item switches a volume source',
    original: { volumes: [{ name: 'v', emptyDir: {} }, { name: 'w', hostPath: { path: '/w' } }] },
    patch: { volumes: [{ name: 'v', $retainKeys: ['name', 'configMap'], configMap: { name: 'cm' } }] },
    expected: { volumes: [{ name: 'v', configMap: { name: 'cm' } }, { name: 'w', hostPath: { path: '/w' } }] },
  },
  {
    name: '$retainKeys allows a null deletion of a key outside the list',
    original: { retainKeysMap: { type: 'A', a: 1 } },
    patch: { retainKeysMap: { $retainKeys: ['type'], a: null } },
    expected: { retainKeysMap: { type: 'A' } },
  },
  {
    name: 'a map with patchStrategy replace is replaced rather than merged',
    original: { replaceMap: { matchLabels: { a: '1' } } },
    patch: { replaceMap: { matchExpressions: [{ key: 'k', operator: 'Exists' }] } },
    expected: { replaceMap: { matchExpressions: [{ key: 'k', operator: 'Exists' }] } },
  },
  {
    name: 'merge lists nest: an inner list merges by key inside a matched item',
    original: { mergingList: [{ name: 1, innerList: [{ name: 'a', v: 1 }], tags: ['x'] }] },
    patch: { mergingList: [{ name: 1, innerList: [{ name: 'a', w: 2 }], tags: ['y'] }] },
    expected: { mergingList: [{ name: 1, innerList: [{ name: 'a', v: 1, w: 2 }], tags: ['y', 'x'] }] },
  },
  {
    name: 'a new item comes out without nulls or directives',
    original: { mergingList: names(1) },
    patch: { mergingList: [{ name: 2, gone: null, sub: { $retainKeys: ['a'], a: 1 }, innerList: [{ name: 'q', $patch: 'delete' }, { name: 'r' }] }] },
    expected: { mergingList: [{ name: 2, sub: { a: 1 }, innerList: [{ name: 'r' }] }, { name: 1 }] },
  },
  {
    name: 'an atomic list is replaced and its $patch items dropped',
    original: { atomicList: [{ k: 1 }] },
    patch: { atomicList: [{ k: 2, n: null }, { $patch: 'replace' }] },
    expected: { atomicList: [{ k: 2 }] },
  },
  {
    name: 'a patch value of another type replaces the live value',
    original: { mergingList: names(1), scalar: 'x' },
    patch: { mergingList: { name: 'now-a-map' }, scalar: ['now', 'a', 'list'] },
    expected: { mergingList: { name: 'now-a-map' }, scalar: ['now', 'a', 'list'] },
  },
  {
    name: 'an unknown dollar key is kept as an ordinary field, as upstream does',
    original: {},
    patch: { $unknown: 1 },
    expected: { $unknown: 1 },
  },
];

describe('strategic merge patch directives', () => {
  it.each(cases)('$name', ({ original, patch, expected }) => {
    expect(apply(original, patch)).toEqual(expected);
  });
});

interface ErrorCase {
  name: string;
  original: unknown;
  patch: unknown;
  path: string;
  message: RegExp;
  code?: 400 | 422;
}

const errorCases: ErrorCase[] = [
  { name: 'an unknown $patch value on a map', original: {}, patch: { simpleMap: { $patch: 'remove' } }, path: 'simpleMap', message: /unknown patch type "remove"/ },
  { name: 'an unknown $patch value in a list item', original: { mergingList: names(1) }, patch: { mergingList: [{ name: 1, $patch: 'drop' }] }, path: 'mergingList[0]', message: /unknown patch type/ },
  { name: '$patch merge inside a list', original: { mergingList: names(1) }, patch: { mergingList: [{ $patch: 'merge' }] }, path: 'mergingList[0]', message: /merging lists cannot yet be specified/ },
  { name: 'a patch item without the merge key', original: { mergingList: names(1) }, patch: { mergingList: [{ v: 'b' }] }, path: 'mergingList[0]', message: /does not contain declared merge key: name/ },
  { name: 'a $patch delete item without the merge key', original: { mergingList: names(1) }, patch: { mergingList: [{ $patch: 'delete' }] }, path: 'mergingList[0]', message: /merge key: name/ },
  {
    name: 'a $setElementOrder list that contradicts the patch order',
    original: { mergingList: names(1, 3, 2) },
    patch: { '$setElementOrder/mergingList': names(1, 2, 3), mergingList: names(3, 1) },
    path: '$setElementOrder/mergingList',
    message: /doesn't match/,
  },
  { name: 'a $setElementOrder item without the merge key', original: {}, patch: { '$setElementOrder/mergingList': [{ v: 1 }] }, path: '$setElementOrder/mergingList[0]', message: /merge key/ },
  { name: 'a $setElementOrder value that is not a list', original: {}, patch: { '$setElementOrder/mergingList': { name: 1 } }, path: '$setElementOrder/mergingList', message: /must be a list/ },
  { name: 'a $setElementOrder key without a field name', original: {}, patch: { $setElementOrder: [] }, path: '$setElementOrder', message: /\$setElementOrder\/<field>/ },
  { name: 'a $deleteFromPrimitiveList value that is not a list', original: {}, patch: { '$deleteFromPrimitiveList/mergingIntList': 1 }, path: '$deleteFromPrimitiveList/mergingIntList', message: /must be a list/ },
  { name: 'a $retainKeys value that is not a list of names', original: {}, patch: { retainKeysMap: { $retainKeys: 'type' } }, path: 'retainKeysMap.$retainKeys', message: /retainKeys/ },
  { name: 'a patch setting a field missing from $retainKeys', original: { retainKeysMap: {} }, patch: { retainKeysMap: { $retainKeys: ['type'], other: 1 } }, path: 'retainKeysMap.$retainKeys', message: /"other"/ },
  { name: 'a list of lists in a merge list', original: { mergingIntList: [[1]] }, patch: { mergingIntList: [[2]] }, path: 'mergingIntList', message: /lists of lists/, code: 422 },
  { name: 'a merge list mixing maps and primitives', original: { mergingIntList: [1] }, patch: { mergingIntList: [{ a: 1 }] }, path: 'mergingIntList', message: /not identical/ },
  { name: 'a list of maps under a merge strategy without a merge key', original: { keylessMergeList: [{ a: 1 }] }, patch: { keylessMergeList: [{ a: 2 }] }, path: 'keylessMergeList', message: /without a merge key/ },
  { name: 'a patch that is a list rather than a map', original: {}, patch: [{ a: 1 }], path: '', message: /must be a JSON object/ },
  { name: 'a patch that is a string', original: {}, patch: 'spec', path: '', message: /invalid JSON document/ },
  { name: 'an original that is not a map', original: [], patch: {}, path: '', message: /object to patch/ },
];

describe('malformed strategic merge patches', () => {
  it.each(errorCases)('$name is rejected', ({ original, patch, path, message, code }) => {
    let caught: unknown;
    try {
      strategicMergePatch(original as object, patch, { schema });
    } catch (err: unknown) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(StrategicMergePatchError);
    const error = caught as StrategicMergePatchError;
    expect(error.path).toBe(path);
    expect(error.message).toMatch(message);
    expect(error.code).toBe(code ?? 400);
  });

  it('names the nested path of the failing item', () => {
    const patch = { spec: { template: { spec: { containers: [{ name: 'a' }, { image: 'nginx' }] } } } };
    expect(() => strategicMergePatch({ spec: { template: { spec: { containers: [] } } } }, patch, { apiVersion: 'apps/v1', kind: 'Deployment' }))
      .toThrow(expect.objectContaining({ path: 'spec.template.spec.containers[1]', reason: 'BadRequest' }));
  });
});

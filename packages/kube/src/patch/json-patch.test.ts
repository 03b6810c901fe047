// Tests for RFC 6902 JSON Patch, in the spirit of the RFC's appendix, with Kubernetes-shaped documents.
import { describe, expect, it } from 'vitest';
import { applyJsonPatch, formatJsonPointer, JsonPatchError, JsonPatchErrorReason, parseJsonPointer } from './json-patch.js';

const rollout = () => ({
  metadata: { name: 'demo', labels: { app: 'demo', 'app.kubernetes.io/name': 'demo' }, annotations: { 'a~b': 'x' } },
  spec: { replicas: 3, steps: [{ setWeight: 20 }, { pause: {} }] },
});

describe('applyJsonPatch', () => {
  it.each<{ name: string; doc: unknown; patch: unknown[]; expected: unknown }>([
    { name: 'add creates an object member', doc: { spec: {} }, patch: [{ op: 'add', path: '/spec/paused', value: true }], expected: { spec: { paused: true } } },
    { name: 'add replaces an existing object member', doc: { a: 1 }, patch: [{ op: 'add', path: '/a', value: 2 }], expected: { a: 2 } },
    { name: 'add inserts into an array before the index', doc: { s: ['a', 'c'] }, patch: [{ op: 'add', path: '/s/1', value: 'b' }], expected: { s: ['a', 'b', 'c'] } },
    { name: 'add with index equal to the length appends', doc: { s: ['a'] }, patch: [{ op: 'add', path: '/s/1', value: 'b' }], expected: { s: ['a', 'b'] } },
    { name: 'add with a dash appends', doc: { s: ['a'] }, patch: [{ op: 'add', path: '/s/-', value: { x: 1 } }], expected: { s: ['a', { x: 1 }] } },
    { name: 'add an array value inserts it as one element', doc: { s: ['a'] }, patch: [{ op: 'add', path: '/s/-', value: ['b', 'c'] }], expected: { s: ['a', ['b', 'c']] } },
    { name: 'add on the root replaces the document', doc: { a: 1 }, patch: [{ op: 'add', path: '', value: [1] }], expected: [1] },
    { name: 'remove deletes an object member', doc: { a: 1, b: 2 }, patch: [{ op: 'remove', path: '/a' }], expected: { b: 2 } },
    { name: 'remove deletes an array element and shifts the rest', doc: { s: [1, 2, 3] }, patch: [{ op: 'remove', path: '/s/0' }], expected: { s: [2, 3] } },
    { name: 'replace swaps a value', doc: rollout(), patch: [{ op: 'replace', path: '/spec/replicas', value: 5 }], expected: { ...rollout(), spec: { ...rollout().spec, replicas: 5 } } },
    { name: 'replace on the root swaps the document', doc: { a: 1 }, patch: [{ op: 'replace', path: '', value: 'x' }], expected: 'x' },
    { name: 'move relocates a member', doc: { a: { b: 1 }, c: {} }, patch: [{ op: 'move', from: '/a/b', path: '/c/d' }], expected: { a: {}, c: { d: 1 } } },
    { name: 'move reorders array elements', doc: { s: ['a', 'b', 'c', 'd'] }, patch: [{ op: 'move', from: '/s/1', path: '/s/3' }], expected: { s: ['a', 'c', 'd', 'b'] } },
    { name: 'move onto itself changes nothing', doc: { a: 1 }, patch: [{ op: 'move', from: '/a', path: '/a' }], expected: { a: 1 } },
    { name: 'copy duplicates a value', doc: { a: { x: [1] } }, patch: [{ op: 'copy', from: '/a', path: '/b' }], expected: { a: { x: [1] }, b: { x: [1] } } },
    { name: 'a passing test lets later operations apply', doc: { a: 'x' }, patch: [{ op: 'test', path: '/a', value: 'x' }, { op: 'add', path: '/b', value: 1 }], expected: { a: 'x', b: 1 } },
    { name: 'test compares objects regardless of member order', doc: { a: { x: 1, y: [1, { z: 2 }] } }, patch: [{ op: 'test', path: '/a', value: { y: [1, { z: 2 }], x: 1 } }], expected: { a: { x: 1, y: [1, { z: 2 }] } } },
    { name: 'add nests a new object member', doc: { a: 1 }, patch: [{ op: 'add', path: '/child', value: { grand: { x: 1 } } }], expected: { a: 1, child: { grand: { x: 1 } } } },
    { name: 'unrecognised operation members are ignored', doc: { a: 1 }, patch: [{ op: 'add', path: '/b', value: 2, note: 'x' }], expected: { a: 1, b: 2 } },
    { name: '~1 addresses a key containing a slash', doc: rollout(), patch: [{ op: 'remove', path: '/metadata/labels/app.kubernetes.io~1name' }], expected: { ...rollout(), metadata: { ...rollout().metadata, labels: { app: 'demo' } } } },
    { name: '~0 addresses a key containing a tilde', doc: { 'a~b': 1, 'a/b': 2 }, patch: [{ op: 'test', path: '/a~0b', value: 1 }, { op: 'test', path: '/a~1b', value: 2 }], expected: { 'a~b': 1, 'a/b': 2 } },
    { name: 'an empty key is an ordinary member', doc: { '': 1 }, patch: [{ op: 'replace', path: '/', value: 2 }], expected: { '': 2 } },
  ])('$name', ({ doc, patch, expected }) => {
    expect(applyJsonPatch(doc, patch)).toEqual(expected);
  });

  it.each<{ name: string; doc: unknown; patch: unknown; reason: JsonPatchErrorReason; index: number | undefined; path: string | undefined }>([
    { name: 'a failing test', doc: { a: 'x' }, patch: [{ op: 'test', path: '/a', value: 'y' }], reason: 'TestFailed', index: 0, path: '/a' },
    { name: 'a test comparing a number with a string', doc: { a: 10 }, patch: [{ op: 'test', path: '/a', value: '10' }], reason: 'TestFailed', index: 0, path: '/a' },
    { name: 'adding under a missing parent', doc: { a: 1 }, patch: [{ op: 'add', path: '/b/c', value: 1 }], reason: 'PathNotFound', index: 0, path: '/b/c' },
    { name: 'removing a missing member', doc: { a: 1 }, patch: [{ op: 'add', path: '/x', value: 1 }, { op: 'remove', path: '/b' }], reason: 'PathNotFound', index: 1, path: '/b' },
    { name: 'replacing a missing member', doc: {}, patch: [{ op: 'replace', path: '/a', value: 1 }], reason: 'PathNotFound', index: 0, path: '/a' },
    { name: 'adding past the end of an array', doc: { s: [1] }, patch: [{ op: 'add', path: '/s/2', value: 1 }], reason: 'InvalidIndex', index: 0, path: '/s/2' },
    { name: 'an index with a leading zero', doc: { s: [1, 2] }, patch: [{ op: 'remove', path: '/s/01' }], reason: 'InvalidIndex', index: 0, path: '/s/01' },
    { name: 'a dash outside of add', doc: { s: [1] }, patch: [{ op: 'replace', path: '/s/-', value: 1 }], reason: 'InvalidIndex', index: 0, path: '/s/-' },
    { name: 'moving a value into its own child', doc: { a: { b: {} } }, patch: [{ op: 'move', from: '/a', path: '/a/b/c' }], reason: 'InvalidTarget', index: 0, path: '/a/b/c' },
    { name: 'copying from a missing member', doc: {}, patch: [{ op: 'copy', from: '/a', path: '/b' }], reason: 'PathNotFound', index: 0, path: '/a' },
    { name: 'adding a member to a scalar', doc: { a: 1 }, patch: [{ op: 'add', path: '/a/b', value: 1 }], reason: 'InvalidTarget', index: 0, path: '/a/b' },
    { name: 'a pointer without a leading slash', doc: {}, patch: [{ op: 'add', path: 'a', value: 1 }], reason: 'InvalidPatch', index: 0, path: 'a' },
    { name: 'a pointer with a bad tilde escape', doc: {}, patch: [{ op: 'add', path: '/a~2', value: 1 }], reason: 'InvalidPatch', index: 0, path: '/a~2' },
    { name: 'an unknown operation', doc: {}, patch: [{ op: 'merge', path: '/a' }], reason: 'InvalidPatch', index: 0, path: '/a' },
    { name: 'an add without a value', doc: {}, patch: [{ op: 'add', path: '/a' }], reason: 'InvalidPatch', index: 0, path: '/a' },
    { name: 'a move without a from', doc: {}, patch: [{ op: 'move', path: '/a' }], reason: 'InvalidPatch', index: 0, path: undefined },
    { name: 'a patch that is not an array', doc: {}, patch: { op: 'add' }, reason: 'InvalidPatch', index: undefined, path: undefined },
  ])('rejects $name', ({ doc, patch, reason, index, path }) => {
    let caught: unknown;
    try {
      applyJsonPatch(doc, patch);
    } catch (err: unknown) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(JsonPatchError);
    const error = caught as JsonPatchError;
    expect({ reason: error.reason, index: error.operationIndex, path: error.path }).toEqual({ reason, index, path });
  });

  it('keeps a __proto__ key an own member instead of changing the prototype', () => {
    const patched = applyJsonPatch<Record<string, unknown>>({}, [{ op: 'add', path: '/__proto__', value: { polluted: true } }]);
    expect(Object.hasOwn(patched, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(patched)).toBe(Object.prototype);
    expect((patched as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('never mutates the document or the patch values', () => {
    const doc = rollout();
    const value = { setWeight: 50 };
    const patch = [
      { op: 'add', path: '/spec/steps/-', value },
      { op: 'replace', path: '/metadata/name', value: 'other' },
      { op: 'remove', path: '/spec/steps/0' },
    ];
    const patched = applyJsonPatch<ReturnType<typeof rollout>>(doc, patch);
    expect(doc).toEqual(rollout());
    patched.spec.steps.forEach((step) => Object.assign(step, { mutated: true }));
    expect(value).toEqual({ setWeight: 50 });
  });

  it('does not half-apply a failing patch to the input', () => {
    const doc = { a: 1 };
    expect(() => applyJsonPatch(doc, [{ op: 'add', path: '/b', value: 2 }, { op: 'test', path: '/a', value: 2 }])).toThrow(JsonPatchError);
    expect(doc).toEqual({ a: 1 });
  });
});

describe('JSON pointers', () => {
  it.each([
    { name: 'the empty pointer is the whole document', pointer: '', tokens: [] },
    { name: 'a slash alone is the empty key', pointer: '/', tokens: [''] },
    { name: 'escapes decode ~1 before ~0', pointer: '/a~01b/c~1d', tokens: ['a~1b', 'c/d'] },
  ])('$name', ({ pointer, tokens }) => {
    expect(parseJsonPointer(pointer)).toEqual(tokens);
    expect(formatJsonPointer(tokens)).toBe(pointer);
  });
});

// Tests for RFC 7386 JSON Merge Patch: applying, creating, and the round trip between them.
import { describe, expect, it } from 'vitest';
import { applyMergePatch, createMergePatch, isEmptyMergePatch } from './merge-patch.js';

describe('applyMergePatch', () => {
  it.each<{ name: string; target: unknown; patch: unknown; expected: unknown }>([
    { name: 'a member is replaced', target: { a: 'b' }, patch: { a: 'c' }, expected: { a: 'c' } },
    { name: 'a member is added', target: { a: 'b' }, patch: { b: 'c' }, expected: { a: 'b', b: 'c' } },
    { name: 'null deletes a member', target: { a: 'b', b: 'c' }, patch: { a: null }, expected: { b: 'c' } },
    { name: 'null for a missing member is a no-op', target: { a: 1 }, patch: { z: null }, expected: { a: 1 } },
    { name: 'arrays are replaced whole', target: { a: [1, 2] }, patch: { a: [3] }, expected: { a: [3] } },
    { name: 'nested objects merge', target: { spec: { replicas: 1, paused: true } }, patch: { spec: { paused: null, strategy: {} } }, expected: { spec: { replicas: 1, strategy: {} } } },
    { name: 'an object patch replaces a scalar target member', target: { a: 'x' }, patch: { a: { b: 'c' } }, expected: { a: { b: 'c' } } },
    { name: 'nulls inside a new object are dropped', target: {}, patch: { a: { b: null, c: 1 } }, expected: { a: { c: 1 } } },
    { name: 'nulls inside arrays are kept', target: {}, patch: { a: [null] }, expected: { a: [null] } },
    { name: 'a non-object patch replaces the whole target', target: { a: 1 }, patch: ['x'], expected: ['x'] },
    { name: 'an object patch turns a non-object target into an object', target: 'text', patch: { a: 1 }, expected: { a: 1 } },
    { name: 'a null patch replaces the target with null', target: { a: 1 }, patch: null, expected: null },
    { name: 'an empty patch changes nothing', target: { a: 1 }, patch: {}, expected: { a: 1 } },
  ])('$name', ({ target, patch, expected }) => {
    expect(applyMergePatch(target, patch)).toEqual(expected);
  });

  it('never mutates the target or the patch', () => {
    const target = { spec: { replicas: 1, template: { labels: { a: 'b' } } } };
    const patch = { spec: { template: { labels: { c: 'd' } } } };
    const result = applyMergePatch<typeof target>(target, patch);
    expect(target).toEqual({ spec: { replicas: 1, template: { labels: { a: 'b' } } } });
    (result.spec.template.labels as Record<string, string>).e = 'f';
    expect(patch).toEqual({ spec: { template: { labels: { c: 'd' } } } });
  });
});

describe('createMergePatch', () => {
  it.each<{ name: string; original: unknown; modified: unknown; patch: unknown }>([
    { name: 'equal documents give an empty patch', original: { a: { b: [1] } }, modified: { a: { b: [1] } }, patch: {} },
    { name: 'a removed member becomes null', original: { a: 1, b: 2 }, modified: { a: 1 }, patch: { b: null } },
    { name: 'an added member is given whole', original: {}, modified: { a: { b: 1 } }, patch: { a: { b: 1 } } },
    { name: 'a changed nested member gives a nested patch', original: { status: { phase: 'Running', count: 1 } }, modified: { status: { phase: 'Done', count: 1 } }, patch: { status: { phase: 'Done' } } },
    { name: 'a changed array is given whole', original: { a: [1, 2] }, modified: { a: [1, 3] }, patch: { a: [1, 3] } },
    { name: 'a scalar changed to an object is given whole', original: { a: 1 }, modified: { a: { x: 1 } }, patch: { a: { x: 1 } } },
    { name: 'a non-object modified document is the patch', original: { a: 1 }, modified: [1], patch: [1] },
  ])('$name', ({ original, modified, patch }) => {
    expect(createMergePatch(original, modified)).toEqual(patch);
  });

  const rollout = {
    metadata: { name: 'demo', labels: { app: 'demo' }, annotations: { note: 'x' } },
    spec: { replicas: 3, paused: true, strategy: { canary: { steps: [{ setWeight: 20 }, { pause: {} }] } } },
    status: { phase: 'Paused', pauseConditions: [{ reason: 'CanaryPauseStep' }], currentStepIndex: 1 },
  };
  it.each<{ name: string; original: unknown; modified: unknown }>([
    { name: 'promoting a rollout', original: rollout, modified: { ...rollout, spec: { ...rollout.spec, paused: false }, status: { phase: 'Progressing', currentStepIndex: 2 } } },
    { name: 'relabelling and dropping annotations', original: rollout, modified: { ...rollout, metadata: { name: 'demo', labels: { app: 'demo', tier: 'web' } } } },
    { name: 'replacing the steps list', original: rollout, modified: { ...rollout, spec: { ...rollout.spec, strategy: { canary: { steps: [] } } } } },
    { name: 'going from a scalar to an object and back', original: { a: 1, b: { c: 2 } }, modified: { a: { x: { y: 1 } }, b: 3 } },
    { name: 'emptying an object', original: { a: { b: 1, c: 2 } }, modified: { a: {} } },
    { name: 'turning an object into a scalar document', original: { a: 1 }, modified: 'text' },
  ])('round-trips $name', ({ original, modified }) => {
    const patch = createMergePatch(original, modified);
    expect(applyMergePatch(original, patch)).toEqual(modified);
  });

  it('reports an empty patch as empty', () => {
    expect(isEmptyMergePatch(createMergePatch({ a: 1 }, { a: 1 }))).toBe(true);
    expect(isEmptyMergePatch(createMergePatch({ a: 1 }, { a: 2 }))).toBe(false);
  });
});

describe('merge patch and __proto__', () => {
  it('keeps a __proto__ member an own member', () => {
    const patched = applyMergePatch<Record<string, unknown>>({}, JSON.parse('{"__proto__":{"polluted":true}}'));
    expect(Object.hasOwn(patched, '__proto__')).toBe(true);
    expect((patched as { polluted?: unknown }).polluted).toBeUndefined();
  });
});

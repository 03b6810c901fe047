// shareUnchanged: which parts of a new version keep the previous version's identity, and that values never change.
import { describe, expect, it } from 'vitest';
import { deepFreeze } from './deep-freeze.js';
import { shareUnchanged } from './share-unchanged.js';

const rollout = (weight: number) => ({
  metadata: { name: 'demo', labels: { app: 'demo' }, resourceVersion: String(weight) },
  spec: { replicas: 5, template: { spec: { containers: [{ name: 'demo', image: 'demo:blue' }] } } },
  status: { conditions: [{ type: 'Available', status: 'True' }, { type: 'Progressing', status: 'True' }], weight },
});

describe('shareUnchanged', () => {
  it('reuses equal subtrees of the previous version and keeps the changed ones', () => {
    const previous = deepFreeze(rollout(20));
    const next = shareUnchanged(previous, rollout(60));
    expect(next).toEqual(rollout(60));
    expect(next).not.toBe(previous);
    expect(next.spec).toBe(previous.spec);
    expect(next.metadata).not.toBe(previous.metadata);
    expect(next.metadata.labels).toBe(previous.metadata.labels);
    expect(next.status).not.toBe(previous.status);
    expect(next.status.conditions).toBe(previous.status.conditions);
  });

  it('returns the previous version when the two are equal throughout', () => {
    const previous = deepFreeze(rollout(20));
    expect(shareUnchanged(previous, rollout(20))).toBe(previous);
  });

  it('shares array items by position, and not the array when its length changed', () => {
    const previous = deepFreeze({ items: [{ a: 1 }, { b: 2 }] });
    const longer = shareUnchanged(previous, { items: [{ a: 1 }, { b: 2 }, { c: 3 }] });
    expect(longer.items).not.toBe(previous.items);
    expect(longer.items[0]).toBe(previous.items[0]);
    expect(longer.items[1]).toBe(previous.items[1]);
    const shorter = shareUnchanged(previous, { items: [{ a: 1 }] });
    expect(shorter.items).toEqual([{ a: 1 }]);
    expect(shorter.items[0]).toBe(previous.items[0]);
  });

  it('does not share an object whose keys are the same in another order, or differ', () => {
    const previous = deepFreeze({ map: { a: { x: 1 }, b: 2 } });
    const reordered = shareUnchanged(previous, { map: { b: 2, a: { x: 1 } } });
    expect(Object.keys(reordered.map)).toEqual(['b', 'a']);
    expect(reordered.map).not.toBe(previous.map);
    expect(reordered.map.a).toBe(previous.map.a);
    const added = shareUnchanged(previous, { map: { a: { x: 1 }, b: 2, c: 3 } });
    expect(added.map).toEqual({ a: { x: 1 }, b: 2, c: 3 });
    const removed = shareUnchanged(previous, { map: { a: { x: 1 } } });
    expect(removed.map).toEqual({ a: { x: 1 } });
    expect(removed.map).not.toBe(previous.map);
  });

  it('keeps values whose type changed, including null and array against object', () => {
    const previous = deepFreeze({ a: [1], b: { c: 1 }, d: null as unknown, e: { f: 1 } as unknown });
    const next = shareUnchanged(previous, { a: { 0: 1 }, b: null, d: { c: 1 }, e: 'text' });
    expect(next).toEqual({ a: { 0: 1 }, b: null, d: { c: 1 }, e: 'text' });
  });

  it('leaves a frozen new version as it is, yet answers the previous one when they are equal', () => {
    const previous = deepFreeze(rollout(20));
    const frozen = deepFreeze(rollout(60));
    const next = shareUnchanged(previous, frozen);
    expect(next).toBe(frozen);
    expect(next.spec).not.toBe(previous.spec);
    expect(shareUnchanged(previous, deepFreeze(rollout(20)))).toBe(previous);
  });
});

// The create memo: structure signatures tell apart what the comparison tells apart, and memoized creates equal fresh ones.
import { describe, expect, it } from 'vitest';
import { builtInListInfo } from './built-in-list-info.js';
import { structureSignature } from './create-memo.js';
import { mapList, structMap, type ListInfoProvider } from './list-info.js';
import { trackUpdate } from './track-update.js';

const podInfo = builtInListInfo({ apiVersion: 'v1', kind: 'Pod' });

function pod(name: string, ip: string): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      labels: { app: 'web' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-1', uid: 'rs-1', controller: true }],
    },
    spec: {
      containers: [{ name: 'web', image: 'nginx', ports: [{ containerPort: 80 }], env: [{ name: 'A', value: '1' }] }],
      tolerations: [{ key: 'k', operator: 'Exists' }],
    },
    status: { phase: 'Running', podIP: ip, conditions: [{ type: 'Ready', status: 'True', lastProbeTime: null }] },
  };
}

function track(object: Record<string, unknown>, memo: boolean): Record<string, unknown> {
  return trackUpdate({
    updated: object,
    manager: 'bench',
    now: '2026-11-21T00:00:00Z',
    apiVersion: 'v1',
    listInfo: podInfo,
    ...(memo ? { memoKind: 'v1/Pod' } : {}),
  });
}

function managedFieldsOf(object: Record<string, unknown>): unknown {
  return (object.metadata as { managedFields?: unknown }).managedFields;
}

/** A deterministic pseudo-random structural change: drops, adds, retypes and duplicates members and items. */
function mutate(value: unknown, next: () => number): unknown {
  if (Array.isArray(value)) {
    let items = value.map((item) => (next() < 0.3 ? mutate(item, next) : item));
    if (next() < 0.15 && items.length > 0) items = items.slice(1);
    if (next() < 0.15 && items.length > 0) items = [...items, items[0]];
    if (next() < 0.05) items = [];
    return items;
  }
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      const roll = next();
      if (roll < 0.08) continue;
      out[key] = roll < 0.35 ? mutate(child, next) : child;
    }
    if (next() < 0.1) out[['extra', 'name', 'value', 'type'][Math.floor(next() * 4)]!] = [1, 'x', null, {}, [], { a: 1 }][Math.floor(next() * 6)];
    return out;
  }
  return next() < 0.3 ? [2, 'b', true, null, { z: 1 }, ['q']][Math.floor(next() * 6)] : value;
}

/** Every string value (not member names) with a suffix: list items keyed by strings get new identities. */
function changeStrings(value: unknown): unknown {
  if (typeof value === 'string') return `${value}-2`;
  if (Array.isArray(value)) return value.map(changeStrings);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, changeStrings(child)]));
  return value;
}

describe('structureSignature', () => {
  const pairs: ListInfoProvider = { listAt: () => mapList('a', 'b'), mapAt: () => structMap };

  it('is the same for objects that differ only in leaf values, and differs with list-item identity', () => {
    expect(structureSignature(pod('a', '10.0.0.1'), podInfo)).toBe(structureSignature(pod('b', '10.0.0.2'), podInfo));
    const renamed = pod('a', '10.0.0.1');
    (renamed.spec as { containers: { name: string }[] }).containers[0]!.name = 'other';
    expect(structureSignature(renamed, podInfo)).not.toBe(structureSignature(pod('a', '10.0.0.1'), podInfo));
  });

  it('keeps multi-field keys apart (1,23 against 12,3) and nulls apart from values', () => {
    expect(structureSignature({ l: [{ a: 1, b: 23 }] }, pairs)).not.toBe(structureSignature({ l: [{ a: 12, b: 3 }] }, pairs));
    expect(structureSignature({ x: null }, pairs)).not.toBe(structureSignature({ x: 1 }, pairs));
    expect(structureSignature({ x: {} }, pairs)).not.toBe(structureSignature({ x: [] }, pairs));
  });

  it('declines what the comparison rejects: undefined members and list items without their key', () => {
    expect(structureSignature({ x: undefined }, pairs)).toBeUndefined();
    expect(structureSignature({ l: [{ a: 1 }] }, pairs)).toBeUndefined();
  });
});

describe('trackUpdate with the create memo', () => {
  it('gives a create the managedFields a fresh computation gives, shared and frozen', () => {
    track(pod('a', '10.0.0.1'), true);
    const second = track(pod('b', '10.0.0.2'), true);
    const third = track(pod('c', '10.0.0.3'), true);
    expect(managedFieldsOf(second)).toEqual(managedFieldsOf(track(pod('b', '10.0.0.2'), false)));
    expect(managedFieldsOf(third)).toBe(managedFieldsOf(second));
    expect(Object.isFrozen(managedFieldsOf(second))).toBe(true);
    expect((second.metadata as { name: string }).name).toBe('b');
  });

  it('matches the fresh computation over 3,000 random structures, each created as is and with every string value changed', () => {
    let seed = 7;
    const next = (): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    for (let round = 0; round < 3_000; round++) {
      const shape = mutate(pod('p', '10.0.0.1'), next) as Record<string, unknown>;
      if (typeof shape.metadata !== 'object' || shape.metadata === null || Array.isArray(shape.metadata)) continue;
      // The same structure with other leaf values (a hit when no list key changed), then with other list keys.
      const variants = [shape, { ...shape, metadata: { ...(shape.metadata as object), name: 'q' } }, changeStrings(shape)];
      for (const variant of variants) {
        const object = structuredClone(variant) as Record<string, unknown>;
        expect(JSON.stringify(managedFieldsOf(track(structuredClone(object), true)))).toBe(JSON.stringify(managedFieldsOf(track(object, false))));
      }
    }
  });
});

// SortedKeySet: ordered prefix iteration with lazily merged additions and removals.
import { describe, expect, it } from 'vitest';
import { SortedKeySet } from './sorted-keys.js';

function collect(set: SortedKeySet, prefix: string, after?: string): string[] {
  return [...set.keysFrom(prefix, after)];
}

describe('SortedKeySet', () => {
  it('iterates keys under a prefix in order, after a given key', () => {
    const set = new SortedKeySet();
    for (const key of ['/b/2', '/a/1', '/b/1', '/c/1', '/b/3']) set.add(key);
    expect(collect(set, '/b/')).toEqual(['/b/1', '/b/2', '/b/3']);
    expect(collect(set, '/b/', '/b/1')).toEqual(['/b/2', '/b/3']);
    expect(collect(set, '/b/', '/a/9')).toEqual(['/b/1', '/b/2', '/b/3']);
    expect(collect(set, '/b/', '/c/0')).toEqual([]);
    expect(collect(set, '')).toEqual(['/a/1', '/b/1', '/b/2', '/b/3', '/c/1']);
  });

  it('merges a few additions into a large sorted set and removes merged and unmerged keys', () => {
    const set = new SortedKeySet();
    for (let i = 0; i < 100; i++) set.add(`/k/${String(i).padStart(3, '0')}`);
    expect(collect(set, '/k/')).toHaveLength(100);
    set.add('/k/050a');
    set.add('/k/000a');
    set.remove('/k/010');
    set.remove('/k/000a');
    set.add('/k/999');
    set.remove('/k/999');
    const keys = collect(set, '/k/');
    expect(keys).toHaveLength(100);
    expect(keys).toEqual([...keys].sort());
    expect(keys).toContain('/k/050a');
    expect(keys).not.toContain('/k/010');
    expect(set.size).toBe(100);
  });
});

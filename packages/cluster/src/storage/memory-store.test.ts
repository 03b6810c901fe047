// MemoryStore: the shared Store conformance suite, plus the bounded watch history only the memory store has.
import { describe, expect, it } from 'vitest';
import { MemoryStore } from './memory-store.js';
import { CompactedError } from './store.js';
import { StoreClosedError } from './store-closed-error.js';
import { describeStoreConformance } from './store-conformance.js';

describeStoreConformance('MemoryStore', async () => {
  const store = new MemoryStore({ onListenerError: () => undefined });
  return { store, cleanup: async () => store.close() };
});

describe('MemoryStore history', () => {
  it('forgets events beyond its history capacity and answers older watches with CompactedError', () => {
    const store = new MemoryStore({ historyCapacity: 3 });
    for (let i = 1; i <= 5; i++) store.create(`/core/pods/default/p${i}`, { metadata: { name: `p${i}` } });
    expect(store.oldestWatchableRevision()).toBe(2);
    expect(() => store.watch('/core/pods/', 1, () => undefined)).toThrow(CompactedError);
    const revisions: number[] = [];
    store.watch('/core/pods/', 2, (event) => revisions.push(event.revision));
    expect(revisions).toEqual([3, 4, 5]);
  });

  it('refuses use after close', () => {
    const store = new MemoryStore();
    store.close();
    store.close();
    expect(() => store.get('/core/pods/default/a')).toThrow(StoreClosedError);
  });

  it('lists 100,000 keys in order and pages through one namespace quickly', () => {
    const store = new MemoryStore({ historyCapacity: 10 });
    for (let i = 0; i < 100_000; i++) {
      store.create(`/core/pods/ns-${i % 100}/pod-${i}`, { metadata: { name: `pod-${i}` } });
    }
    const started = performance.now();
    const page = store.list('/core/pods/ns-7/', { limit: 10 });
    expect(page.items).toHaveLength(10);
    expect(page.items.map((item) => item.key)).toEqual([...page.items.map((item) => item.key)].sort());
    for (let n = 0; n < 100; n++) store.list('/core/pods/ns-42/', { limit: 50 });
    expect(performance.now() - started).toBeLessThan(1_000);
    const lastPage = store.list('/core/pods/', { limit: 5, continueAfter: '/core/pods/ns-99/pod-99899' });
    expect(lastPage.items.map((item) => item.key)).toEqual([
      '/core/pods/ns-99/pod-999',
      '/core/pods/ns-99/pod-9999',
      '/core/pods/ns-99/pod-99999',
    ]);
    expect(lastPage.continueAfter).toBeUndefined();
  });
});

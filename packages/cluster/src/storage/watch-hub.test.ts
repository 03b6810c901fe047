// WatchHub: ring-buffer eviction, replay, history readers, compaction and listener isolation.
import { describe, expect, it } from 'vitest';
import { CompactedError, StoreEventType } from './store.js';
import type { StoreEvent } from './store.js';
import { WatchHub } from './watch-hub.js';
import type { RecordedEvent } from './watch-hub.js';

function added(revision: number, key = `/core/pods/default/p${revision}`): RecordedEvent {
  return { type: StoreEventType.Added, key, revision, json: JSON.stringify({ metadata: { resourceVersion: String(revision) } }) };
}

describe('WatchHub', () => {
  it('keeps only the newest capacity events and raises its floor as it evicts', () => {
    const hub = new WatchHub({ startRevision: 10, capacity: 3 });
    expect(hub.floor).toBe(10);
    for (let revision = 11; revision <= 15; revision++) hub.publish(added(revision));
    expect(hub.floor).toBe(12);
    expect(hub.lastRevision).toBe(15);
    expect(() => hub.watch('/', 11, () => undefined)).toThrow(CompactedError);
    const seen: number[] = [];
    hub.watch('/', 12, (event) => seen.push(event.revision));
    hub.publish(added(16));
    expect(seen).toEqual([13, 14, 15, 16]);
  });

  it('reads revisions older than the buffer from a history reader', () => {
    const hub = new WatchHub({ startRevision: 0, capacity: 2 });
    for (let revision = 1; revision <= 5; revision++) hub.publish(added(revision));
    const asked: [number, number][] = [];
    const seen: number[] = [];
    hub.watch('/', 1, (event) => seen.push(event.revision), (after, through) => {
      asked.push([after, through]);
      return [2, 3].filter((revision) => revision > after && revision <= through).map((revision) => added(revision));
    });
    expect(asked).toEqual([[1, 3]]);
    expect(seen).toEqual([2, 3, 4, 5]);
  });

  it('drops buffered events at or below a compaction target', () => {
    const hub = new WatchHub({ startRevision: 0 });
    for (let revision = 1; revision <= 5; revision++) hub.publish(added(revision));
    hub.dropThrough(3);
    expect(hub.floor).toBe(3);
    hub.dropThrough(99);
    expect(hub.floor).toBe(5);
    expect(hub.lastRevision).toBe(5);
  });

  it('reports a throwing listener and keeps delivering to the rest', () => {
    const failures: [unknown, StoreEvent][] = [];
    const hub = new WatchHub({ startRevision: 0, onListenerError: (error, event) => failures.push([error, event]) });
    const seen: number[] = [];
    hub.watch('/', 0, () => {
      throw new Error('boom');
    });
    hub.watch('/', 0, (event) => seen.push(event.revision));
    hub.publish(added(1));
    expect(seen).toEqual([1]);
    expect(failures).toHaveLength(1);
    expect(failures[0]![1].revision).toBe(1);
  });

  it('gives each listener its own decoded copy of the event', () => {
    const hub = new WatchHub({ startRevision: 0 });
    const objects: unknown[] = [];
    hub.watch('/', 0, (event) => objects.push(event.object));
    hub.watch('/', 0, (event) => objects.push(event.object));
    hub.publish(added(1));
    expect(objects[0]).toEqual(objects[1]);
    expect(objects[0]).not.toBe(objects[1]);
  });

  it('stops all watches on stopAll', () => {
    const hub = new WatchHub({ startRevision: 0 });
    const seen: number[] = [];
    hub.watch('/', 0, (event) => seen.push(event.revision));
    hub.stopAll();
    hub.publish(added(1));
    expect(seen).toEqual([]);
    expect(hub.listenerCount).toBe(0);
  });
});

// The one Store conformance suite: every Store implementation runs it; cases it cannot support are skipped with a reason.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KubeObject } from '@aviary/kube';
import {
  CompactedError,
  KeyExistsError,
  KeyNotFoundError,
  RevisionConflictError,
  type Store,
  type StoreEvent,
} from './store.js';

export interface StoreUnderTest {
  readonly store: Store;
  /** Closes the store and opens it again on the same data; absent for stores that are not durable. */
  readonly reopen?: () => Promise<Store>;
  readonly cleanup: () => Promise<void>;
}

export interface StoreConformanceOptions {
  /** Case name → why this implementation skips it. */
  readonly skip?: Readonly<Record<string, string>>;
}

const NOT_DURABLE = 'the store is not durable (no reopen)';

function pod(name: string, namespace = 'default', extra: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace, labels: { app: 'web' } }, ...extra };
}

function podKey(name: string, namespace = 'default'): string {
  return `/core/pods/${namespace}/${name}`;
}

function nameOf(object: KubeObject): string | undefined {
  return object.metadata?.name;
}

/** Collects events a watch delivers, as `TYPE key@revision`. */
function recordEvents(): { events: StoreEvent[]; lines: () => string[]; listener: (event: StoreEvent) => void } {
  const events: StoreEvent[] = [];
  return {
    events,
    lines: () => events.map((event) => `${event.type} ${event.key}@${event.revision}`),
    listener: (event) => events.push(event),
  };
}

export function describeStoreConformance(
  name: string,
  makeStore: () => Promise<StoreUnderTest>,
  options: StoreConformanceOptions = {},
): void {
  describe(`Store conformance: ${name}`, () => {
    let subject: StoreUnderTest;
    let store: Store;

    beforeEach(async () => {
      subject = await makeStore();
      store = subject.store;
    });
    afterEach(async () => {
      await subject.cleanup();
    });

    /** Registers a case, or skips it by name with the implementation's reason (or when `needsReopen` and there is no reopen). */
    function conformanceCase(caseName: string, body: () => Promise<void> | void, needsReopen = false): void {
      const reason = options.skip?.[caseName];
      if (reason !== undefined) {
        it.skip(`${caseName} (skipped: ${reason})`, body);
        return;
      }
      if (needsReopen) {
        it(caseName, async (context) => {
          if (!subject.reopen) context.skip(NOT_DURABLE);
          await body();
        });
        return;
      }
      it(caseName, body);
    }

    conformanceCase('starts empty at revision 0', () => {
      expect(store.currentRevision()).toBe(0);
      expect(store.list('/core/pods/')).toEqual({ items: [], revision: 0 });
      expect(store.get(podKey('a'))).toBeUndefined();
    });

    conformanceCase('create then get returns the object stamped with its revision', () => {
      const created = store.create(podKey('a'), pod('a'));
      expect(created.revision).toBe(1);
      expect(created.key).toBe(podKey('a'));
      expect(created.object.metadata?.resourceVersion).toBe('1');
      const got = store.get(podKey('a'));
      expect(got).toEqual(created);
      expect(got?.object.metadata?.labels).toEqual({ app: 'web' });
    });

    conformanceCase('every write takes the next revision and stamps it as the resourceVersion', () => {
      const a = store.create(podKey('a'), pod('a'));
      const b = store.create(podKey('b'), pod('b'));
      const a2 = store.update(podKey('a'), pod('a', 'default', { spec: { x: 1 } }));
      const removed = store.delete(podKey('b'));
      expect([a.revision, b.revision, a2.revision, removed.revision]).toEqual([1, 2, 3, 4]);
      expect(a2.object.metadata?.resourceVersion).toBe('3');
      expect(store.currentRevision()).toBe(4);
      expect(store.list('/core/pods/').revision).toBe(4);
    });

    conformanceCase('list returns keys in order and a namespace prefix does not match a longer namespace', () => {
      store.create(podKey('b'), pod('b'));
      store.create(podKey('a', 'default2'), pod('a', 'default2'));
      store.create(podKey('a'), pod('a'));
      store.create('/apps/replicasets/default/a', { kind: 'ReplicaSet', metadata: { name: 'a' } });
      store.create('/core/namespaces/default', { kind: 'Namespace', metadata: { name: 'default' } });
      expect(store.list('/core/pods/default/').items.map((item) => item.key)).toEqual([podKey('a'), podKey('b')]);
      expect(store.list('/core/pods/').items.map((item) => item.key)).toEqual([
        podKey('a'),
        podKey('b'),
        podKey('a', 'default2'),
      ]);
      expect(store.list('/core/namespaces/').items.map((item) => nameOf(item.object))).toEqual(['default']);
    });

    conformanceCase('create of a live key throws KeyExistsError', () => {
      store.create(podKey('a'), pod('a'));
      expect(() => store.create(podKey('a'), pod('a'))).toThrow(KeyExistsError);
      expect(store.currentRevision()).toBe(1);
    });

    conformanceCase('update and delete of a missing key throw KeyNotFoundError', () => {
      expect(() => store.update(podKey('a'), pod('a'))).toThrow(KeyNotFoundError);
      expect(() => store.delete(podKey('a'))).toThrow(KeyNotFoundError);
      expect(store.currentRevision()).toBe(0);
    });

    conformanceCase('a stale expected revision throws RevisionConflictError with both revisions', () => {
      const created = store.create(podKey('a'), pod('a'));
      store.update(podKey('a'), pod('a', 'default', { spec: { x: 1 } }), created.revision);
      let thrown: unknown;
      try {
        store.update(podKey('a'), pod('a', 'default', { spec: { x: 2 } }), created.revision);
      } catch (error: unknown) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(RevisionConflictError);
      expect(thrown).toMatchObject({ key: podKey('a'), expectedRevision: 1, actualRevision: 2 });
      expect(() => store.delete(podKey('a'), 1)).toThrow(RevisionConflictError);
      expect(store.get(podKey('a'))?.object).toMatchObject({ spec: { x: 1 } });
      expect(store.currentRevision()).toBe(2);
    });

    conformanceCase('update without an expected revision replaces whatever is there', () => {
      store.create(podKey('a'), pod('a'));
      store.update(podKey('a'), pod('a', 'default', { spec: { x: 1 } }));
      const updated = store.update(podKey('a'), pod('a', 'default', { spec: { x: 2 } }));
      expect(updated.revision).toBe(3);
      expect(store.get(podKey('a'))?.object).toMatchObject({ spec: { x: 2 }, metadata: { resourceVersion: '3' } });
    });

    conformanceCase('delete returns the last value at the delete revision, and the key can be created again', () => {
      store.create(podKey('a'), pod('a', 'default', { spec: { x: 1 } }));
      const removed = store.delete(podKey('a'));
      expect(removed).toMatchObject({ key: podKey('a'), revision: 2, object: { spec: { x: 1 } } });
      expect(removed.object.metadata?.resourceVersion).toBe('2');
      expect(store.get(podKey('a'))).toBeUndefined();
      expect(store.list('/core/pods/').items).toEqual([]);
      const again = store.create(podKey('a'), pod('a'));
      expect(again.revision).toBe(3);
      expect(store.get(podKey('a'))?.revision).toBe(3);
    });

    conformanceCase('list pages with limit and continueAfter', () => {
      for (const name of ['e', 'c', 'a', 'd', 'b']) store.create(podKey(name), pod(name));
      const first = store.list('/core/pods/default/', { limit: 2 });
      expect(first.items.map((item) => nameOf(item.object))).toEqual(['a', 'b']);
      expect(first.continueAfter).toBe(podKey('b'));
      const second = store.list('/core/pods/default/', { limit: 2, continueAfter: first.continueAfter! });
      expect(second.items.map((item) => nameOf(item.object))).toEqual(['c', 'd']);
      const last = store.list('/core/pods/default/', { limit: 2, continueAfter: second.continueAfter! });
      expect(last.items.map((item) => nameOf(item.object))).toEqual(['e']);
      expect(last.continueAfter).toBeUndefined();
      expect(store.list('/core/pods/default/', { limit: 5 }).continueAfter).toBeUndefined();
    });

    conformanceCase('list filter keeps matching objects and limit counts only those', () => {
      for (let i = 0; i < 6; i++) store.create(podKey(`p${i}`), pod(`p${i}`, 'default', { spec: { odd: i % 2 === 1 } }));
      const isOdd = (object: KubeObject): boolean => (object as { spec?: { odd?: boolean } }).spec?.odd === true;
      const page = store.list('/core/pods/', { filter: isOdd, limit: 2 });
      expect(page.items.map((item) => nameOf(item.object))).toEqual(['p1', 'p3']);
      expect(page.continueAfter).toBe(podKey('p3'));
      const rest = store.list('/core/pods/', { filter: isOdd, limit: 2, continueAfter: page.continueAfter! });
      expect(rest.items.map((item) => nameOf(item.object))).toEqual(['p5']);
    });

    conformanceCase('watch replays history after a revision, then delivers live events in order', () => {
      store.create(podKey('a'), pod('a'));
      store.create(podKey('b'), pod('b'));
      store.update(podKey('a'), pod('a', 'default', { spec: { x: 1 } }));
      const seen = recordEvents();
      const watch = store.watch('/core/pods/', 1, seen.listener);
      expect(seen.lines()).toEqual([`ADDED ${podKey('b')}@2`, `MODIFIED ${podKey('a')}@3`]);
      store.delete(podKey('b'));
      expect(seen.lines().slice(2)).toEqual([`DELETED ${podKey('b')}@4`]);
      const modified = seen.events[1]!;
      expect(modified.object.metadata?.resourceVersion).toBe('3');
      expect(modified.previous?.metadata?.resourceVersion).toBe('1');
      const deleted = seen.events[2]!;
      expect(deleted.object.metadata?.resourceVersion).toBe('4');
      expect(deleted.previous?.metadata?.resourceVersion).toBe('2');
      expect(seen.events[0]!.previous).toBeUndefined();
      watch.stop();
      watch.stop();
      store.create(podKey('c'), pod('c'));
      expect(seen.events).toHaveLength(3);
    });

    conformanceCase('live events lend the written object to listeners; replayed ones decode their own', () => {
      const created = pod('a');
      const updated = pod('a', 'default', { spec: { x: 1 } });
      const seen = recordEvents();
      store.watch('/core/pods/', 0, seen.listener);
      store.create(podKey('a'), created);
      store.update(podKey('a'), updated);
      store.delete(podKey('a'));
      expect(seen.events.map((event) => event.written)).toEqual([created, updated, undefined]);
      expect(seen.events[0]!.written).toBe(created);
      const replayed = recordEvents();
      store.watch('/core/pods/', 0, replayed.listener);
      expect(replayed.lines()).toEqual(seen.lines());
      expect(replayed.events.map((event) => event.written)).toEqual([undefined, undefined, undefined]);
      expect((replayed.events[1]!.object as { spec?: unknown }).spec).toEqual({ x: 1 });
    });

    conformanceCase('watch delivers only events under its prefix', () => {
      const seen = recordEvents();
      store.watch('/core/pods/default/', store.currentRevision(), seen.listener);
      store.create(podKey('a', 'default2'), pod('a', 'default2'));
      store.create('/core/configmaps/default/a', { kind: 'ConfigMap', metadata: { name: 'a' } });
      store.create(podKey('a'), pod('a'));
      expect(seen.lines()).toEqual([`ADDED ${podKey('a')}@3`]);
    });

    conformanceCase('a throwing listener does not stop delivery to the others', () => {
      const seen = recordEvents();
      const errors: unknown[] = [];
      store.watch('/core/pods/', 0, () => {
        errors.push('called');
        throw new Error('listener broke');
      });
      store.watch('/core/pods/', 0, seen.listener);
      const created = store.create(podKey('a'), pod('a'));
      expect(created.revision).toBe(1);
      store.create(podKey('b'), pod('b'));
      expect(seen.lines()).toEqual([`ADDED ${podKey('a')}@1`, `ADDED ${podKey('b')}@2`]);
      expect(errors).toHaveLength(2);
    });

    conformanceCase('a write made from inside a listener reaches every listener after the current event', () => {
      const first = recordEvents();
      const second = recordEvents();
      store.watch('/core/pods/', 0, (event) => {
        first.listener(event);
        if (event.key === podKey('a') && event.type === 'ADDED') store.create(podKey('b'), pod('b'));
      });
      store.watch('/core/pods/', 0, second.listener);
      store.create(podKey('a'), pod('a'));
      const expected = [`ADDED ${podKey('a')}@1`, `ADDED ${podKey('b')}@2`];
      expect(first.lines()).toEqual(expected);
      expect(second.lines()).toEqual(expected);
    });

    conformanceCase('watching below the oldest watchable revision throws CompactedError', () => {
      for (let i = 0; i < 10; i++) store.create(podKey(`p${i}`), pod(`p${i}`));
      store.compact(3);
      const oldest = store.oldestWatchableRevision();
      expect(oldest).toBe(7);
      expect(() => store.watch('/core/pods/', oldest - 1, () => undefined)).toThrow(CompactedError);
      expect(() => store.watch('/core/pods/', 2, () => undefined)).toThrow(
        expect.objectContaining({ requestedRevision: 2, oldestRevision: 7 }),
      );
      const seen = recordEvents();
      store.watch('/core/pods/', oldest, seen.listener);
      expect(seen.lines()).toEqual([8, 9, 10].map((revision) => `ADDED ${podKey(`p${revision - 1}`)}@${revision}`));
    });

    conformanceCase('compaction keeps the newest revisions watchable and every live object readable', () => {
      store.create(podKey('keep'), pod('keep'));
      store.create(podKey('gone'), pod('gone'));
      store.delete(podKey('gone'));
      for (let i = 1; i <= 7; i++) store.update(podKey('keep'), pod('keep', 'default', { spec: { i } }));
      expect(store.currentRevision()).toBe(10);
      store.compact(2);
      const seen = recordEvents();
      store.watch('/core/pods/', store.oldestWatchableRevision(), seen.listener);
      expect(seen.lines()).toEqual([`MODIFIED ${podKey('keep')}@9`, `MODIFIED ${podKey('keep')}@10`]);
      expect(seen.events[0]!.previous).toMatchObject({ spec: { i: 5 } });
      expect(store.get(podKey('keep'))?.object).toMatchObject({ spec: { i: 7 } });
      expect(store.get(podKey('gone'))).toBeUndefined();
      expect(store.list('/core/pods/').items).toHaveLength(1);
      store.compact(0);
      expect(store.oldestWatchableRevision()).toBe(10);
      expect(store.create(podKey('next'), pod('next')).revision).toBe(11);
    });

    conformanceCase('returned objects are copies: changing them does not change the store', () => {
      const input = pod('a');
      const created = store.create(podKey('a'), input);
      expect(input.metadata?.resourceVersion).toBeUndefined();
      input.metadata!.labels!.app = 'changed-input';
      created.object.metadata!.labels!.app = 'changed-created';
      store.get(podKey('a'))!.object.metadata!.labels!.app = 'changed-get';
      store.list('/core/pods/').items[0]!.object.metadata!.labels!.app = 'changed-list';
      store.watch('/core/pods/', 0, (event) => {
        event.object.metadata!.labels!.app = 'changed-watch';
      });
      const seen = recordEvents();
      store.watch('/core/pods/', 0, seen.listener);
      expect(seen.events[0]!.object.metadata?.labels).toEqual({ app: 'web' });
      expect(store.get(podKey('a'))!.object.metadata?.labels).toEqual({ app: 'web' });
    });

    conformanceCase(
      'the revision keeps counting up across a reopen',
      async () => {
        store.create(podKey('a'), pod('a'));
        store.create(podKey('b'), pod('b'));
        store.delete(podKey('b'));
        store = await subject.reopen!();
        expect(store.currentRevision()).toBe(3);
        expect(store.create(podKey('c'), pod('c')).revision).toBe(4);
      },
      true,
    );

    conformanceCase(
      'objects, deletions and history survive a reopen',
      async () => {
        store.create(podKey('a'), pod('a'));
        store.create(podKey('b'), pod('b'));
        store.update(podKey('a'), pod('a', 'default', { spec: { x: 1 } }));
        store.delete(podKey('b'));
        store = await subject.reopen!();
        expect(store.get(podKey('a'))?.object).toMatchObject({ spec: { x: 1 }, metadata: { resourceVersion: '3' } });
        expect(store.get(podKey('b'))).toBeUndefined();
        expect(() => store.update(podKey('a'), pod('a'), 1)).toThrow(RevisionConflictError);
        const seen = recordEvents();
        store.watch('/core/pods/', 0, seen.listener);
        expect(seen.lines()).toEqual([
          `ADDED ${podKey('a')}@1`,
          `ADDED ${podKey('b')}@2`,
          `MODIFIED ${podKey('a')}@3`,
          `DELETED ${podKey('b')}@4`,
        ]);
      },
      true,
    );

    conformanceCase(
      'compaction survives a reopen',
      async () => {
        for (let i = 0; i < 6; i++) store.create(podKey(`p${i}`), pod(`p${i}`));
        store.compact(2);
        store = await subject.reopen!();
        expect(store.oldestWatchableRevision()).toBe(4);
        expect(() => store.watch('/core/pods/', 3, () => undefined)).toThrow(CompactedError);
        expect(store.list('/core/pods/').items).toHaveLength(6);
      },
      true,
    );
  });
}

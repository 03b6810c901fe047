// Reflector: lists a resource, then watches it from the list's resourceVersion, re-watching and re-listing as
// client-go's tools/cache/reflector.go does (410 Gone → re-list; broken connection → back off and re-watch).
import type { Clock, Timer } from '../clock/clock.js';
import type { KubeClient, WatchHandle } from '../client/kube-client.js';
import type { ResourceType } from '../client/resource-type.js';
import { ApiError, isGone } from '../errors/api-error.js';
import type { KubeObject, Status, WatchEvent } from '../types/meta.js';
import { Backoff, type BackoffOptions } from './backoff.js';

/** Where the reflector delivers what it learns. */
export interface ReflectorSink<T extends KubeObject> {
  /** A complete, consistent list: the store becomes exactly these items. */
  replace(items: T[], resourceVersion: string): void;
  /** One ADDED, MODIFIED or DELETED event, in order. */
  apply(event: WatchEvent<T>): void;
}

export interface ReflectorOptions<T extends KubeObject> {
  client: KubeClient;
  type: ResourceType;
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  clock: Clock;
  backoff?: BackoffOptions;
  /** List page size; default 500 (client-go's). */
  pageSize?: number;
  /** The server ends each watch after this long so a silently dead connection cannot last forever; default 300 s. */
  watchTimeoutSeconds?: number;
  sink: ReflectorSink<T>;
  /** Told about each failed list or watch before the retry. */
  onError: (err: unknown) => void;
}

/** A watch closed cleanly within a second without delivering anything: treated as a failure, so it backs off. */
export class ShortWatchError extends Error {
  override readonly name = 'ShortWatchError';
}

type WatchOutcome = { kind: 'closed' } | { kind: 'relist' } | { kind: 'failed'; error: unknown };

/** Watches shorter than this with no events count as failures (client-go's "very short watch"). */
const SHORT_WATCH_MS = 1000;

export class Reflector<T extends KubeObject> {
  private readonly options: ReflectorOptions<T>;
  private readonly backoff: Backoff;
  private lastRv = '';
  private stopped = false;
  private running: Promise<void> | undefined;
  private currentWatch: WatchHandle | undefined;
  private pauseTimer: { timer: Timer; wake: () => void } | undefined;

  constructor(options: ReflectorOptions<T>) {
    this.options = options;
    this.backoff = new Backoff(options.backoff);
  }

  /** The resourceVersion of the last list, watch event or bookmark seen. */
  get lastSyncResourceVersion(): string {
    return this.lastRv;
  }

  start(): void {
    this.running ??= this.run();
  }

  /** Stops the loop; resolves once it has exited. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.currentWatch?.stop();
    if (this.pauseTimer) {
      this.pauseTimer.timer.cancel();
      this.pauseTimer.wake();
    }
    await this.running;
  }

  private async run(): Promise<void> {
    let needList = true;
    while (!this.stopped) {
      if (needList) {
        try {
          await this.list();
          needList = false;
          this.backoff.reset();
        } catch (err: unknown) {
          if (this.stopped) return;
          this.options.onError(err);
          await this.pause(this.backoff.next());
          continue;
        }
      }
      if (this.stopped) return;
      const outcome = await this.watch();
      if (this.stopped) return;
      if (outcome.kind === 'relist') needList = true;
      if (outcome.kind === 'failed') {
        this.options.onError(outcome.error);
        await this.pause(this.backoff.next());
      }
    }
  }

  /** Lists every page; a continue token that expired mid-way restarts the list unpaginated (as client-go does). */
  private async list(): Promise<void> {
    const { client, type, namespace, labelSelector, fieldSelector } = this.options;
    let limit: number | undefined = this.options.pageSize ?? 500;
    let items: T[] = [];
    let token: string | undefined;
    let resourceVersion = '';
    do {
      try {
        const page = await client.list<T>(type, { namespace, labelSelector, fieldSelector, limit, continue: token });
        items.push(...page.items);
        resourceVersion = page.metadata.resourceVersion ?? '';
        token = page.metadata.continue || undefined;
      } catch (err: unknown) {
        if (token === undefined || !isGone(err)) throw err;
        items = [];
        token = undefined;
        limit = undefined;
      }
      if (this.stopped) return;
    } while (token !== undefined);
    this.lastRv = resourceVersion;
    this.options.sink.replace(items, resourceVersion);
  }

  /** One watch from the last seen resourceVersion, until it closes, fails, or asks for a re-list. */
  private async watch(): Promise<WatchOutcome> {
    const { client, type, namespace, labelSelector, fieldSelector, clock, sink } = this.options;
    const startedAt = clock.now();
    let events = 0;
    let outcome: WatchOutcome | undefined;
    let settle: (outcome: WatchOutcome) => void = () => undefined;
    const done = new Promise<WatchOutcome>((resolve) => (settle = resolve));
    const finish = (result: WatchOutcome): void => {
      if (outcome) return;
      outcome = result;
      settle(result);
      this.currentWatch?.stop();
    };

    let handle: WatchHandle;
    try {
      handle = await client.watch<T>(
        type,
        {
          namespace,
          labelSelector,
          fieldSelector,
          resourceVersion: this.lastRv,
          allowWatchBookmarks: true,
          timeoutSeconds: this.options.watchTimeoutSeconds ?? 300,
        },
        {
          onEvent: (event) => {
            if (outcome || this.stopped) return;
            if (event.type === 'ERROR') {
              const status = event.object as unknown as Status;
              const error = new ApiError({ ...status, code: status.code ?? 500 });
              finish(isGone(error) ? { kind: 'relist' } : { kind: 'failed', error });
              return;
            }
            events += 1;
            const rv = event.object.metadata?.resourceVersion;
            if (event.type !== 'BOOKMARK') sink.apply(event);
            if (rv) this.lastRv = rv;
            this.backoff.reset();
          },
          onClose: (err) => {
            if (err !== undefined) finish({ kind: 'failed', error: err });
            else if (events === 0 && !this.stopped && clock.now() - startedAt < SHORT_WATCH_MS) {
              finish({ kind: 'failed', error: new ShortWatchError(`the ${type.resource} watch closed at once without events`) });
            } else finish({ kind: 'closed' });
          },
        },
      );
    } catch (err: unknown) {
      return isGone(err) ? { kind: 'relist' } : { kind: 'failed', error: err };
    }
    this.currentWatch = handle;
    if (outcome || this.stopped) handle.stop();
    const result = await done;
    this.currentWatch = undefined;
    return result;
  }

  /** Waits on the clock; `stop()` cuts the wait short. */
  private pause(delayMs: number): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = (): void => {
        this.pauseTimer = undefined;
        resolve();
      };
      this.pauseTimer = { timer: this.options.clock.setTimer(wake, delayMs), wake };
    });
  }
}

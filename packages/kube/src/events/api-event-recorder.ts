// ApiEventRecorder: writes core/v1 Events through the KubeClient, a few at a time, folding repeats into a count and
// filtering spam (client-go tools/record: event.go, events_cache.go).
import { realClock, type Clock, type Timer } from '../clock/clock.js';
import { PatchType, type KubeClient } from '../client/kube-client.js';
import { Resources } from '../client/resource-type.js';
import { isNotFound } from '../errors/api-error.js';
import type { ObjectReference } from '../types/core-common.js';
import type { Event, EventType } from '../types/core-event.js';
import { RingBuffer } from '../queue/ring-buffer.js';
import type { KubeObject } from '../types/meta.js';
import type { EventRecorder } from './event-recorder.js';
import { EventSpamFilter, type EventSpamFilterOptions } from './event-spam-filter.js';

export interface ApiEventRecorderOptions {
  client: KubeClient;
  /** `source.component` and `reportingComponent`, e.g. `rollouts-controller`. */
  component: string;
  /** `source.host` and `reportingInstance`; omitted when not given. */
  host?: string;
  clock?: Clock;
  /** A repeat of the same event within this window updates the first one; default 10 minutes. */
  repeatWindowMs?: number;
  /** Events waiting to be written beyond this are dropped (and counted in the log); default 1000. */
  maxPending?: number;
  /** Writes in flight at once (never two for the same event); default 4. */
  maxInFlight?: number;
  /** Drops are logged as one summed line at most this often; default 10 s. */
  dropLogIntervalMs?: number;
  /** Per-event token buckets; default client-go's (burst 25, then one per 5 minutes). */
  spamFilter?: EventSpamFilterOptions;
  /**
   * While this answers true, no new write starts (the controller is working off timed wake-ups, whose writes
   * should not queue behind Events); each such stretch holds writes back for at most `maxDeferMs`.
   */
  deferWhile?: () => boolean;
  /** The longest one busy stretch of `deferWhile` holds writes back; default 250 ms. */
  maxDeferMs?: number;
  /** Where write failures go; default console.warn. */
  log?: (message: string, err?: unknown) => void;
}

const DEFAULT_REPEAT_WINDOW_MS = 10 * 60 * 1000;
const DEFAULT_MAX_PENDING = 1000;
const DEFAULT_MAX_IN_FLIGHT = 4;
const DEFAULT_DROP_LOG_INTERVAL_MS = 10_000;
const DEFAULT_MAX_DEFER_MS = 250;
/** How often a deferred recorder looks again whether it may write. */
const DEFER_RECHECK_MS = 5;
/** How many distinct recent events are remembered for folding repeats. */
const MAX_REMEMBERED = 4096;

/** What the recorder remembers about an event it wrote, to fold a repeat into it. */
interface RecentEvent {
  name: string;
  namespace: string;
  count: number;
  lastSeenMs: number;
}

/** One write to make: an event and the repeats of it recorded before the write started. */
interface EventJob {
  /** The correlation key: object, type, reason and message. */
  key: string;
  involvedObject: ObjectReference;
  namespace: string;
  type: EventType;
  reason: string;
  message: string;
  firstMs: number;
  lastMs: number;
  /** How many times the event was recorded into this job. */
  repeats: number;
}

/**
 * Creates an Event per new (object, type, reason, message); a repeat within the window patches the
 * existing Event's `count` and `lastTimestamp` instead, and repeats recorded while a write for the same
 * event is still waiting are folded into that write. Writes run in the background, a few at a time
 * (the writes of one event in order); a token bucket per event filters spam as client-go does; beyond
 * `maxPending` waiting writes events are dropped and the drops logged as a sum at most once per interval.
 * Failures are logged, never thrown. `flush()` waits until nothing is waiting or in flight.
 */
export class ApiEventRecorder implements EventRecorder {
  private readonly client: KubeClient;
  private readonly component: string;
  private readonly host: string | undefined;
  private readonly clock: Clock;
  private readonly repeatWindowMs: number;
  private readonly maxPending: number;
  private readonly maxInFlight: number;
  private readonly dropLogIntervalMs: number;
  private readonly spam: EventSpamFilter;
  private readonly log: (message: string, err?: unknown) => void;
  private readonly deferWhile: (() => boolean) | undefined;
  private readonly maxDeferMs: number;
  /** When the current busy stretch of `deferWhile` began holding writes back. */
  private deferringSinceMs: number | undefined;
  /** The current busy stretch has held writes back for `maxDeferMs` already: write until it ends. */
  private deferSpent = false;
  private recheck: Timer | undefined;
  private readonly recent = new Map<string, RecentEvent>();
  /** Jobs not started, in recording order. */
  private readonly queue = new RingBuffer<EventJob>();
  /** Jobs not started, by key, so repeats fold into them. */
  private readonly waiting = new Map<string, EventJob>();
  /** Keys with a write in flight. */
  private readonly inFlight = new Set<string>();
  /** Jobs taken from the queue while their key had a write in flight; started when it ends. */
  private readonly parked = new Map<string, EventJob>();
  private readonly idleWaiters: (() => void)[] = [];
  /** Jobs waiting, parked or in flight. */
  private pending = 0;
  private nameSeq = 0;
  private droppedSinceLog = 0;
  private lastDropLogMs = -Infinity;
  /** Events the spam filter refused, since the recorder started. */
  spamFiltered = 0;

  constructor(options: ApiEventRecorderOptions) {
    this.client = options.client;
    this.component = options.component;
    this.host = options.host;
    this.clock = options.clock ?? realClock;
    this.repeatWindowMs = options.repeatWindowMs ?? DEFAULT_REPEAT_WINDOW_MS;
    this.maxPending = options.maxPending ?? DEFAULT_MAX_PENDING;
    this.maxInFlight = Math.max(1, options.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT);
    this.dropLogIntervalMs = options.dropLogIntervalMs ?? DEFAULT_DROP_LOG_INTERVAL_MS;
    this.spam = new EventSpamFilter(options.spamFilter);
    this.log = options.log ?? ((message, err) => console.warn(message, err ?? ''));
    this.deferWhile = options.deferWhile;
    this.maxDeferMs = options.maxDeferMs ?? DEFAULT_MAX_DEFER_MS;
  }

  event(object: Readonly<KubeObject>, type: EventType, reason: string, message: string): void {
    const name = object.metadata?.name;
    if (!name) {
      this.log(`event ${reason} dropped: the object has no name`);
      return;
    }
    const nowMs = this.clock.now();
    const involvedObject = referenceTo(object);
    const key = JSON.stringify([involvedObject.kind, involvedObject.namespace, name, involvedObject.uid, type, reason, message]);
    if (!this.spam.allow(key, nowMs)) {
      this.spamFiltered++;
      return;
    }
    const queued = this.waiting.get(key);
    if (queued !== undefined) {
      queued.repeats++;
      queued.lastMs = nowMs;
      return;
    }
    if (this.pending >= this.maxPending) {
      this.noteDrop(nowMs);
      return;
    }
    const job: EventJob = { key, involvedObject, namespace: involvedObject.namespace || 'default', type, reason, message, firstMs: nowMs, lastMs: nowMs, repeats: 1 };
    this.pending++;
    this.waiting.set(key, job);
    this.queue.push(job);
    this.pump();
  }

  /** Resolves once nothing is waiting to be written or in flight (writes that failed were logged). */
  flush(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Starts queued jobs while there is room in flight (unless they are being held back; see `deferWhile`). */
  private pump(): void {
    if (this.queue.length > 0 && this.holdingBack()) {
      this.recheck ??= this.clock.setTimer(() => {
        this.recheck = undefined;
        this.pump();
      }, DEFER_RECHECK_MS);
      return;
    }
    while (this.inFlight.size < this.maxInFlight) {
      const job = this.queue.shift();
      if (job === undefined) return;
      if (this.inFlight.has(job.key)) this.parked.set(job.key, job);
      else this.start(job);
    }
  }

  private start(job: EventJob): void {
    this.waiting.delete(job.key); // repeats from now on go into a new job
    this.inFlight.add(job.key);
    this.write(job)
      .catch((err: unknown) => this.log(`event ${job.reason} on ${job.involvedObject.name} not recorded`, err))
      .finally(() => this.finish(job));
  }

  private finish(job: EventJob): void {
    this.inFlight.delete(job.key);
    this.pending--;
    const parked = this.parked.get(job.key);
    if (parked !== undefined) {
      this.parked.delete(job.key);
      this.start(parked);
    }
    this.pump();
    if (this.pending > 0) return;
    if (this.droppedSinceLog > 0) this.logDrops(this.clock.now());
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  /** Whether writes wait for `deferWhile` now: at most `maxDeferMs` of each stretch in which it answers true. */
  private holdingBack(): boolean {
    if (this.deferWhile === undefined) return false;
    if (!this.deferWhile()) {
      this.deferringSinceMs = undefined;
      this.deferSpent = false;
      return false;
    }
    if (this.deferSpent) return false;
    const nowMs = this.clock.now();
    this.deferringSinceMs ??= nowMs;
    if (nowMs - this.deferringSinceMs < this.maxDeferMs) return true;
    this.deferSpent = true;
    return false;
  }

  /** Counts a dropped event; logs the sum when the interval since the last drop line has passed. */
  private noteDrop(nowMs: number): void {
    this.droppedSinceLog++;
    if (nowMs - this.lastDropLogMs >= this.dropLogIntervalMs) this.logDrops(nowMs);
  }

  private logDrops(nowMs: number): void {
    this.log(`${this.droppedSinceLog} events dropped: ${this.pending} events already waiting to be written (drops are summed over ${this.dropLogIntervalMs / 1000} s)`);
    this.droppedSinceLog = 0;
    this.lastDropLogMs = nowMs;
  }

  private async write(job: EventJob): Promise<void> {
    const previous = this.recent.get(job.key);
    const isRepeat = previous !== undefined && job.firstMs - previous.lastSeenMs <= this.repeatWindowMs;
    const entry: RecentEvent = isRepeat
      ? { ...previous, count: previous.count + job.repeats, lastSeenMs: job.lastMs }
      : { name: `${job.involvedObject.name}.${this.nameSuffix(job.firstMs)}`, namespace: job.namespace, count: job.repeats, lastSeenMs: job.lastMs };
    this.remember(job.key, entry);
    if (isRepeat) {
      try {
        const patch = { count: entry.count, lastTimestamp: formatTime(job.lastMs) };
        await this.client.patch(Resources.events, entry.name, entry.namespace, patch, PatchType.StrategicMerge);
        return;
      } catch (err: unknown) {
        if (!isNotFound(err)) throw err;
        // The event expired on the server: write it again under the same name, count kept.
      }
    }
    await this.client.create<Event>(Resources.events, this.buildEvent({ entry, job }));
  }

  private buildEvent(args: { entry: RecentEvent; job: EventJob }): Event {
    const { entry, job } = args;
    const { involvedObject, type, reason, message } = job;
    return {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: entry.name, namespace: entry.namespace },
      involvedObject,
      reason,
      message,
      type,
      source: this.host === undefined ? { component: this.component } : { component: this.component, host: this.host },
      firstTimestamp: formatTime(job.firstMs),
      lastTimestamp: formatTime(job.lastMs),
      count: entry.count,
      reportingComponent: this.component,
      reportingInstance: this.host ?? '',
    };
  }

  /** 16 hex digits from the time in nanoseconds (client-go uses UnixNano), unique per recorder. */
  private nameSuffix(nowMs: number): string {
    const nanos = BigInt(Math.floor(nowMs)) * 1_000_000n + BigInt(this.nameSeq++ % 1_000_000);
    return nanos.toString(16).padStart(16, '0').slice(-16);
  }

  /** Moves the entry to the newest position, evicting the oldest past the limit. */
  private remember(key: string, entry: RecentEvent): void {
    this.recent.delete(key);
    this.recent.set(key, entry);
    if (this.recent.size > MAX_REMEMBERED) {
      const oldest = this.recent.keys().next().value;
      if (oldest !== undefined) this.recent.delete(oldest);
    }
  }
}

/** The involvedObject reference for an object: only identifying fields, never its content. */
function referenceTo(object: Readonly<KubeObject>): ObjectReference {
  const meta = object.metadata ?? {};
  const reference: ObjectReference = { kind: object.kind, namespace: meta.namespace, name: meta.name, uid: meta.uid, apiVersion: object.apiVersion, resourceVersion: meta.resourceVersion };
  for (const field of Object.keys(reference) as (keyof ObjectReference)[]) {
    if (reference[field] === undefined) delete reference[field];
  }
  return reference;
}

/** meta/v1 Time: RFC 3339 with whole seconds, `2026-01-02T03:04:05Z`. */
function formatTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

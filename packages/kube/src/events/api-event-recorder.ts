// ApiEventRecorder: writes core/v1 Events through the KubeClient, folding repeats into a count (client-go tools/record).
import { realClock, type Clock } from '../clock/clock.js';
import { PatchType, type KubeClient } from '../client/kube-client.js';
import { Resources } from '../client/resource-type.js';
import { isNotFound } from '../errors/api-error.js';
import type { ObjectReference } from '../types/core-common.js';
import type { Event, EventType } from '../types/core-event.js';
import type { KubeObject } from '../types/meta.js';
import type { EventRecorder } from './event-recorder.js';

export interface ApiEventRecorderOptions {
  client: KubeClient;
  /** `source.component` and `reportingComponent`, e.g. `rollouts-controller`. */
  component: string;
  /** `source.host` and `reportingInstance`; omitted when not given. */
  host?: string;
  clock?: Clock;
  /** A repeat of the same event within this window updates the first one; default 10 minutes. */
  repeatWindowMs?: number;
  /** Events waiting to be written beyond this are dropped (and logged); default 1000. */
  maxPending?: number;
  /** Where write failures go; default console.warn. */
  log?: (message: string, err?: unknown) => void;
}

const DEFAULT_REPEAT_WINDOW_MS = 10 * 60 * 1000;
const DEFAULT_MAX_PENDING = 1000;
/** How many distinct recent events are remembered for folding repeats. */
const MAX_REMEMBERED = 4096;

/** What the recorder remembers about an event it wrote, to fold a repeat into it. */
interface RecentEvent {
  name: string;
  namespace: string;
  count: number;
  lastSeenMs: number;
}

/**
 * Creates an Event per new (object, type, reason, message); a repeat within the window patches the
 * existing Event's `count` and `lastTimestamp` instead. Writes happen in order, in the background;
 * failures are logged, never thrown. `flush()` waits for the pending writes.
 */
export class ApiEventRecorder implements EventRecorder {
  private readonly client: KubeClient;
  private readonly component: string;
  private readonly host: string | undefined;
  private readonly clock: Clock;
  private readonly repeatWindowMs: number;
  private readonly maxPending: number;
  private readonly log: (message: string, err?: unknown) => void;
  private readonly recent = new Map<string, RecentEvent>();
  private tail: Promise<void> = Promise.resolve();
  private pending = 0;
  private nameSeq = 0;

  constructor(options: ApiEventRecorderOptions) {
    this.client = options.client;
    this.component = options.component;
    this.host = options.host;
    this.clock = options.clock ?? realClock;
    this.repeatWindowMs = options.repeatWindowMs ?? DEFAULT_REPEAT_WINDOW_MS;
    this.maxPending = options.maxPending ?? DEFAULT_MAX_PENDING;
    this.log = options.log ?? ((message, err) => console.warn(message, err ?? ''));
  }

  event(object: Readonly<KubeObject>, type: EventType, reason: string, message: string): void {
    const name = object.metadata?.name;
    if (!name) {
      this.log(`event ${reason} dropped: the object has no name`);
      return;
    }
    if (this.pending >= this.maxPending) {
      this.log(`event ${reason} on ${name} dropped: ${this.pending} events already waiting to be written`);
      return;
    }
    const nowMs = this.clock.now();
    this.pending++;
    this.tail = this.tail
      .then(() => this.write(object, type, reason, message, nowMs))
      .catch((err: unknown) => this.log(`event ${reason} on ${name} not recorded`, err))
      .finally(() => void this.pending--);
  }

  /** Resolves once every event recorded so far has been written (or has failed). */
  flush(): Promise<void> {
    return this.tail;
  }

  private async write(object: Readonly<KubeObject>, type: EventType, reason: string, message: string, nowMs: number): Promise<void> {
    const involvedObject = referenceTo(object);
    const namespace = involvedObject.namespace || 'default';
    const correlationKey = JSON.stringify([involvedObject.kind, namespace, involvedObject.name, involvedObject.uid, type, reason, message]);
    const previous = this.recent.get(correlationKey);
    const isRepeat = previous !== undefined && nowMs - previous.lastSeenMs <= this.repeatWindowMs;
    const entry: RecentEvent = isRepeat
      ? { ...previous, count: previous.count + 1, lastSeenMs: nowMs }
      : { name: `${involvedObject.name}.${this.nameSuffix(nowMs)}`, namespace, count: 1, lastSeenMs: nowMs };
    this.remember(correlationKey, entry);
    if (isRepeat) {
      try {
        const patch = { count: entry.count, lastTimestamp: formatTime(nowMs) };
        await this.client.patch(Resources.events, entry.name, entry.namespace, patch, PatchType.StrategicMerge);
        return;
      } catch (err: unknown) {
        if (!isNotFound(err)) throw err;
        // The event expired on the server: write it again under the same name, count kept.
      }
    }
    await this.client.create<Event>(Resources.events, this.buildEvent({ entry, involvedObject, type, reason, message, nowMs }));
  }

  private buildEvent(args: { entry: RecentEvent; involvedObject: ObjectReference; type: EventType; reason: string; message: string; nowMs: number }): Event {
    const { entry, involvedObject, type, reason, message, nowMs } = args;
    const time = formatTime(nowMs);
    return {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: entry.name, namespace: entry.namespace },
      involvedObject,
      reason,
      message,
      type,
      source: this.host === undefined ? { component: this.component } : { component: this.component, host: this.host },
      firstTimestamp: time,
      lastTimestamp: time,
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

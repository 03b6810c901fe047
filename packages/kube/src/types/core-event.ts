// core/v1 Event: what `kubectl describe` and `kubectl get events` show about an object.
import type { ObjectReference } from './core-common.js';
import type { KubeObject, ObjectList, ObjectMeta } from './meta.js';
import type { MicroTime, Time } from './scalars.js';

export const EventType = { Normal: 'Normal', Warning: 'Warning' } as const;
export type EventType = (typeof EventType)[keyof typeof EventType];

export interface EventSource {
  component?: string;
  host?: string;
}

/** Set when the same event repeats in the new (events.k8s.io) style. */
export interface EventSeries {
  count?: number;
  lastObservedTime?: MicroTime;
}

export interface Event extends KubeObject {
  metadata?: ObjectMeta;
  /** The object this event is about. */
  involvedObject: ObjectReference;
  /** Short UpperCamelCase machine-readable cause, e.g. `ScalingReplicaSet`. */
  reason?: string;
  message?: string;
  /** Legacy reporter; `reportingComponent` is the newer field. */
  source?: EventSource;
  firstTimestamp?: Time;
  lastTimestamp?: Time;
  /** How many times this event has occurred (deduplicated by reason/message/object). */
  count?: number;
  type?: EventType | (string & {});
  eventTime?: MicroTime | null;
  series?: EventSeries;
  /** What was done or failed, e.g. `Scheduling`. */
  action?: string;
  /** A second object involved, if any. */
  related?: ObjectReference;
  reportingComponent?: string;
  reportingInstance?: string;
}
export type EventList = ObjectList<Event>;

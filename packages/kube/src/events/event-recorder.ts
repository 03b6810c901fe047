// EventRecorder: how controllers report what they did to an object, plus the fake that tests read back.
import type { EventType } from '../types/core-event.js';
import type { KubeObject } from '../types/meta.js';

/**
 * Records core/v1 Events about objects (`kubectl describe` shows them). Recording never throws and
 * never blocks the caller. Pass only the reason and a human message: never secret values.
 */
export interface EventRecorder {
  event(object: Readonly<KubeObject>, type: EventType, reason: string, message: string): void;
}

/** Keeps events as `"<type> <reason> <message>"` strings, in order (client-go record.FakeRecorder). */
export class FakeEventRecorder implements EventRecorder {
  readonly events: string[] = [];

  event(_object: Readonly<KubeObject>, type: EventType, reason: string, message: string): void {
    this.events.push(`${type} ${reason} ${message}`);
  }

  /** Returns the events recorded so far and forgets them. */
  take(): string[] {
    return this.events.splice(0, this.events.length);
  }
}

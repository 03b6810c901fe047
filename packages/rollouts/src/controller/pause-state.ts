// PauseState: the pause and abort changes a reconcile decides on, applied to the new status at the end.
// Upstream: rollout/pause.go (pauseContext).
import { PauseReason, type PauseCondition, type Rollout, type RolloutStatus } from '@aviary/kube';
import { formatTime } from './time-format.js';

export class PauseState {
  private readonly rollout: Rollout;
  private readonly addReasons: PauseReason[] = [];
  private readonly removeReasons: PauseReason[] = [];
  private clearAll = false;
  private addAbortFlag = false;
  private removeAbortFlag = false;
  /** Why the controller aborted (analysis failed, deadline exceeded), appended to the RolloutAborted message. */
  abortMessage = '';

  constructor(rollout: Rollout) {
    this.rollout = rollout;
  }

  hasAddPause(): boolean {
    return this.addReasons.length > 0;
  }

  isAborted(): boolean {
    if (this.removeAbortFlag) return false;
    return this.addAbortFlag || Boolean(this.rollout.status?.abort);
  }

  addAbort(message: string): void {
    this.addAbortFlag = true;
    this.abortMessage = message;
  }

  removeAbort(): void {
    this.removeAbortFlag = true;
  }

  addPauseCondition(reason: PauseReason): void {
    this.addReasons.push(reason);
  }

  removePauseCondition(reason: PauseReason): void {
    this.removeReasons.push(reason);
  }

  clearPauseConditions(): void {
    this.clearAll = true;
  }

  /** Writes abort/abortedAt, then (unless aborted or cleared) pauseConditions and controllerPause. */
  applyTo(newStatus: RolloutStatus, nowMs: number): void {
    if (this.applyAbort(newStatus, nowMs)) return;
    if (this.clearAll) return;
    this.applyPauseConditions(newStatus, nowMs);
  }

  private applyAbort(newStatus: RolloutStatus, nowMs: number): boolean {
    const status = this.rollout.status ?? {};
    if (this.addAbortFlag || (!this.removeAbortFlag && status.abort)) {
      newStatus.abort = true;
      // Keep the original time, or every reconcile would write a new one.
      newStatus.abortedAt = status.abortedAt ?? formatTime(nowMs);
      return true;
    }
    delete newStatus.abort;
    delete newStatus.abortedAt;
    return false;
  }

  private applyPauseConditions(newStatus: RolloutStatus, nowMs: number): void {
    const status = this.rollout.status ?? {};
    let controllerPause = Boolean(status.controllerPause);
    const removing = new Set(this.removeReasons);
    const existing = new Set<string>();
    const conditions: PauseCondition[] = [];
    for (const condition of status.pauseConditions ?? []) {
      if (!removing.has(condition.reason)) conditions.push({ ...condition });
      existing.add(condition.reason);
    }
    for (const reason of this.addReasons) {
      if (existing.has(reason)) continue;
      existing.add(reason);
      conditions.push({ reason, startTime: formatTime(nowMs) });
      controllerPause = true;
    }
    // No conditions left: controllerPause falls back to its zero value (false), as upstream's fresh status does.
    if (conditions.length === 0) return;
    newStatus.controllerPause = controllerPause;
    newStatus.pauseConditions = conditions;
  }
}

/** The rollout's pause condition with this reason, if any. */
export function pauseConditionOf(rollout: Rollout, reason: PauseReason): PauseCondition | undefined {
  return rollout.status?.pauseConditions?.find((condition) => condition.reason === reason);
}


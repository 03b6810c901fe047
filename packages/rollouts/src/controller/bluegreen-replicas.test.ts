// Table tests of the blue-green math: the new RS's replica count (previewReplicaCount), ready-for-pause, saturation,
// and when the controller pauses and when that pause is over.
import { FakeClock, PauseReason, type ReplicaSet, type Rollout, type RolloutStatus } from '@aviary/kube';
import { describe, expect, it } from 'vitest';
import { completedBlueGreenPause, needsBlueGreenControllerPause } from './bluegreen-pause.js';
import { blueGreenNewRSReplicas, isSaturated, readyForPause } from './bluegreen-replicas.js';
import type { RolloutContext } from './context.js';
import { PauseState } from './pause-state.js';
import { blueGreenRollout } from './testdata/bluegreen-fixture.js';

function rs(hash: string, spec: number, available: number, desired: string | null = '5'): ReplicaSet {
  return {
    metadata: { name: `demo-${hash}`, labels: { 'rollouts-pod-template-hash': hash }, annotations: desired === null ? {} : { 'rollout.argoproj.io/desired-replicas': desired } },
    spec: { replicas: spec, selector: {} },
    status: { replicas: spec, availableReplicas: available },
  };
}

function rollout(blueGreen: Record<string, unknown>, status: RolloutStatus, paused = false): Rollout {
  const ro = blueGreenRollout({ replicas: 5, blueGreen });
  ro.spec.paused = paused;
  ro.status = status;
  return ro;
}

const oldRS = rs('old', 5, 5);
const newRS = rs('new', 1, 1);
const preview = { previewReplicaCount: 1 };
const midUpdate: RolloutStatus = { currentPodHash: 'new', stableRS: 'old', blueGreen: { activeSelector: 'old' } };
const paused: RolloutStatus = { ...midUpdate, pauseConditions: [{ reason: PauseReason.BlueGreenPause, startTime: '2026-01-01T00:00:00Z' }] };

describe('blueGreenNewRSReplicas', () => {
  it.each([
    { name: 'without previewReplicaCount it is always spec.replicas', bg: {}, status: midUpdate, userPaused: false, want: 5 },
    { name: 'a first deploy (no active selector) gets spec.replicas', bg: preview, status: { currentPodHash: 'new' }, userPaused: false, want: 5 },
    { name: 'an active selector naming a missing RS counts as no active RS', bg: preview, status: { ...midUpdate, blueGreen: { activeSelector: 'gone' } }, userPaused: false, want: 5 },
    { name: 'the new RS already active gets spec.replicas', bg: preview, status: { ...midUpdate, blueGreen: { activeSelector: 'new' } }, userPaused: false, want: 5 },
    { name: 'promote --full ignores previewReplicaCount', bg: preview, status: { ...midUpdate, promoteFull: true }, userPaused: false, want: 5 },
    { name: 'a brand-new update (hash not yet recorded) gets previewReplicaCount', bg: preview, status: { ...midUpdate, currentPodHash: 'older', blueGreen: { activeSelector: 'old', scaleUpPreviewCheckPoint: true } }, userPaused: false, want: 1 },
    { name: 'before the checkpoint it stays at previewReplicaCount', bg: preview, status: midUpdate, userPaused: false, want: 1 },
    { name: 'past the checkpoint and not paused it scales to spec.replicas', bg: preview, status: { ...midUpdate, blueGreen: { activeSelector: 'old', scaleUpPreviewCheckPoint: true } }, userPaused: false, want: 5 },
    { name: 'past the checkpoint but paused by a condition it stays at previewReplicaCount', bg: preview, status: { ...paused, blueGreen: { activeSelector: 'old', scaleUpPreviewCheckPoint: true } }, userPaused: false, want: 1 },
    { name: 'past the checkpoint but paused by the user it stays at previewReplicaCount', bg: preview, status: { ...midUpdate, blueGreen: { activeSelector: 'old', scaleUpPreviewCheckPoint: true } }, userPaused: true, want: 1 },
  ])('$name', ({ bg, status, userPaused, want }) => {
    expect(blueGreenNewRSReplicas(rollout(bg, status, userPaused), [oldRS, newRS], newRS)).toBe(want);
  });
});

describe('readyForPause and isSaturated', () => {
  it.each([
    { name: 'preview at previewReplicaCount and available is ready', bg: preview, set: rs('new', 1, 1), ready: true, saturated: false },
    { name: 'preview still starting is not ready', bg: preview, set: rs('new', 1, 0), ready: false, saturated: false },
    { name: 'a full-size new RS with every pod available is ready and saturated', bg: {}, set: rs('new', 5, 5), ready: true, saturated: true },
    { name: 'a full-size RS whose desired-replicas annotation lags is ready but not saturated', bg: {}, set: rs('new', 5, 5, '4'), ready: true, saturated: false },
    { name: 'an RS without the desired-replicas annotation is not saturated', bg: {}, set: rs('new', 5, 5, null), ready: true, saturated: false },
    { name: 'an RS not yet scaled to its count is not ready', bg: {}, set: rs('new', 3, 3), ready: false, saturated: false },
  ])('$name', ({ bg, set, ready, saturated }) => {
    const ro = rollout(bg, midUpdate);
    expect(readyForPause(ro, set, [oldRS, set])).toBe(ready);
    expect(isSaturated(ro, set)).toBe(saturated);
  });
});

describe('needsBlueGreenControllerPause', () => {
  it.each([
    { name: 'auto-promotion by default needs no pause', bg: {}, want: false },
    { name: 'autoPromotionEnabled false needs a pause', bg: { autoPromotionEnabled: false }, want: true },
    { name: 'autoPromotionSeconds needs a (timed) pause', bg: { autoPromotionSeconds: 30 }, want: true },
  ])('$name', ({ bg, want }) => {
    expect(needsBlueGreenControllerPause(rollout(bg, midUpdate))).toBe(want);
  });
});

describe('completedBlueGreenPause', () => {
  const start = Date.UTC(2026, 0, 1);
  function ctxFor(ro: Rollout, nowMs: number, addedPause = false): RolloutContext {
    const pause = new PauseState(ro);
    if (addedPause) pause.addPauseCondition(PauseReason.BlueGreenPause);
    return { rollout: ro, pause, deps: { clock: new FakeClock({ startMs: nowMs }) } } as unknown as RolloutContext;
  }
  it.each([
    { name: 'never in the reconcile that added the pause', bg: {}, status: midUpdate, now: start, added: true, want: false },
    { name: 'past the scale-up checkpoint', bg: { autoPromotionEnabled: false }, status: { ...paused, blueGreen: { activeSelector: 'old', scaleUpPreviewCheckPoint: true } }, now: start, added: false, want: true },
    { name: 'auto-promotion without seconds completes at once', bg: {}, status: midUpdate, now: start, added: false, want: true },
    { name: 'autoPromotionSeconds not yet elapsed', bg: { autoPromotionSeconds: 30 }, status: paused, now: start + 29_999, added: false, want: false },
    { name: 'autoPromotionSeconds elapsed exactly', bg: { autoPromotionSeconds: 30 }, status: paused, now: start + 30_000, added: false, want: true },
    { name: 'autoPromotionSeconds but never paused', bg: { autoPromotionSeconds: 30 }, status: midUpdate, now: start + 60_000, added: false, want: false },
    { name: 'manual promotion: the condition still there', bg: { autoPromotionEnabled: false }, status: { ...paused, controllerPause: true }, now: start, added: false, want: false },
    { name: 'manual promotion: the user cleared the condition', bg: { autoPromotionEnabled: false }, status: { ...midUpdate, controllerPause: true }, now: start, added: false, want: true },
    { name: 'manual promotion: never paused by the controller', bg: { autoPromotionEnabled: false }, status: midUpdate, now: start, added: false, want: false },
  ])('$name', ({ bg, status, now, added, want }) => {
    expect(completedBlueGreenPause(ctxFor(rollout(bg, status), now, added))).toBe(want);
  });
});

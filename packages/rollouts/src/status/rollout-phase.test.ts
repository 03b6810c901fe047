// Phase and message tables, and the step descriptions used in events.
import type { CanaryStep, Rollout, RolloutStatus } from '@aviary/kube';
import { describe, expect, it } from 'vitest';
import { canaryStepString, displayedRolloutPhase, rolloutPhase } from './rollout-phase.js';

const times = { lastUpdateTime: '2026-11-20T00:00:00Z', lastTransitionTime: '2026-11-20T00:00:00Z' };
const healthyStatus: RolloutStatus = { replicas: 5, updatedReplicas: 5, availableReplicas: 5, stableRS: 'abc', currentPodHash: 'abc' };

function rollout(status: RolloutStatus, spec: Partial<Rollout['spec']> = {}): Rollout {
  return { metadata: { name: 'demo', generation: 2 }, spec: { replicas: 5, strategy: { canary: { steps: [{ setWeight: 20 }] } }, ...spec }, status };
}

describe('rolloutPhase', () => {
  it.each<[string, Rollout, string, string]>([
    ['everything updated and promoted is Healthy', rollout(healthyStatus), 'Healthy', ''],
    [
      'an invalid spec is Degraded with its message',
      rollout({ ...healthyStatus, conditions: [{ ...times, type: 'InvalidSpec', status: 'True', reason: 'InvalidSpec', message: 'The Rollout "demo" is invalid' }] }),
      'Degraded',
      'InvalidSpec: The Rollout "demo" is invalid',
    ],
    [
      'an abort is Degraded with the abort message',
      rollout({ ...healthyStatus, conditions: [{ ...times, type: 'Progressing', status: 'False', reason: 'RolloutAborted', message: 'Rollout aborted update to revision 3' }] }),
      'Degraded',
      'RolloutAborted: Rollout aborted update to revision 3',
    ],
    [
      'a timed-out update is Degraded',
      rollout({ ...healthyStatus, conditions: [{ ...times, type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: 'ReplicaSet "demo-abc" has timed out progressing.' }] }),
      'Degraded',
      'ProgressDeadlineExceeded: ReplicaSet "demo-abc" has timed out progressing.',
    ],
    ['a user pause is Paused, manually', rollout(healthyStatus, { paused: true }), 'Paused', 'manually paused'],
    ['a pause step is Paused with its reason', rollout({ ...healthyStatus, pauseConditions: [{ reason: 'CanaryPauseStep', startTime: '2026-11-20T00:00:00Z' }] }), 'Paused', 'CanaryPauseStep'],
    ['a pending restart is Progressing', rollout(healthyStatus, { restartAt: '2026-11-20T00:00:00Z' }), 'Progressing', 'rollout is restarting'],
    ['too few updated replicas is Progressing', rollout({ ...healthyStatus, updatedReplicas: 1 }), 'Progressing', 'more replicas need to be updated'],
    ['unavailable updated replicas is Progressing', rollout({ ...healthyStatus, availableReplicas: 4 }), 'Progressing', 'updated replicas are still becoming available'],
    ['old basic-canary pods still running is Progressing', rollout({ ...healthyStatus, replicas: 6 }), 'Progressing', 'old replicas are pending termination'],
    ['steps left is Progressing', rollout({ ...healthyStatus, currentPodHash: 'def' }), 'Progressing', 'waiting for all steps to complete'],
    [
      'blue-green before the active switch is Progressing',
      rollout({ ...healthyStatus, blueGreen: { activeSelector: 'old' } }, { strategy: { blueGreen: { activeService: 'active' } } }),
      'Progressing',
      'active service cutover pending',
    ],
    [
      'blue-green waiting on post-promotion analysis is Progressing',
      rollout({ ...healthyStatus, stableRS: 'old', blueGreen: { activeSelector: 'abc' } }, { strategy: { blueGreen: { activeService: 'a', postPromotionAnalysis: { templates: [{ templateName: 't' }] } } } }),
      'Progressing',
      'waiting for analysis to complete',
    ],
  ])('%s', (_name, subject, phase, message) => {
    expect(rolloutPhase(subject)).toEqual({ phase, message });
  });
});

describe('displayedRolloutPhase', () => {
  it('is Progressing until the controller observes the new generation', () => {
    expect(displayedRolloutPhase(rollout({ ...healthyStatus, phase: 'Healthy', observedGeneration: '1' }))).toEqual({
      phase: 'Progressing',
      message: 'waiting for rollout spec update to be observed',
    });
  });
  it('shows the recorded phase once observed', () => {
    expect(displayedRolloutPhase(rollout({ ...healthyStatus, phase: 'Paused', message: 'CanaryPauseStep', observedGeneration: '2', pauseConditions: [{ reason: 'CanaryPauseStep', startTime: 'x' }] }))).toEqual({
      phase: 'Paused',
      message: 'CanaryPauseStep',
    });
  });
  it('is Progressing while unpausing', () => {
    expect(displayedRolloutPhase(rollout({ ...healthyStatus, observedGeneration: '2', controllerPause: true }))).toEqual({ phase: 'Progressing', message: 'waiting for rollout to unpause' });
  });
});

describe('canaryStepString', () => {
  it.each<[CanaryStep, string]>([
    [{ setWeight: 20 }, 'setWeight: 20'],
    [{ pause: {} }, 'pause'],
    [{ pause: { duration: 10 } }, 'pause: 10'],
    [{ pause: { duration: '1h' } }, 'pause: 1h'],
    [{ analysis: { templates: [{ templateName: 'success-rate' }] } }, 'analysis'],
    [{ experiment: { templates: [] } }, 'experiment'],
    [{ setCanaryScale: { weight: 50 } }, 'setCanaryScale{weight: 50}'],
    [{ setCanaryScale: { matchTrafficWeight: true } }, 'setCanaryScale{matchTrafficWeight: true}'],
    [{ setCanaryScale: { replicas: 3 } }, 'setCanaryScale{replicas: 3}'],
    [{ setHeaderRoute: { name: 'header' } }, 'setHeaderRoute: header'],
    [{ setMirrorRoute: { name: 'mirror' } }, 'setMirrorRoute: mirror'],
    [{ plugin: { name: 'my-plugin' } }, 'plugin: my-plugin'],
    [{}, 'invalid'],
  ])('%j reads %s', (step, text) => {
    expect(canaryStepString(step)).toBe(text);
  });
});

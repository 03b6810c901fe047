// Tests for promoteRollout: the patches upstream's plugin sends for each state, in order, and the usage errors.
import { describe, expect, it } from 'vitest';
import { isNotFound, type Rollout } from '@aviary/kube';
import { notFoundError } from '@aviary/kube/testing';
import { Resources } from '@aviary/kube';
import { PromoteUsageError } from './action-errors.js';
import { promoteRollout } from './promote-rollout.js';
import { actionLog, blueGreenRollout, canaryRollout, fakeClient, namespace } from './testdata/action-fixtures.js';

const pausedAt = { reason: 'CanaryPauseStep', startTime: '2026-01-01T00:00:00Z' } as const;

describe('promoteRollout', () => {
  it.each([
    {
      name: 'promote of a canary paused at a pause step patches status to clear pauseConditions',
      rollout: canaryRollout((r) => Object.assign(r.status ?? {}, { pauseConditions: [pausedAt], controllerPause: true })),
      options: {},
      actions: ['get rollouts', 'patch rollouts/status {"status":{"pauseConditions":null}}'],
      status: { controllerPause: true, currentStepIndex: 1 },
    },
    {
      name: 'promote of a manually paused canary also unpauses the spec',
      rollout: canaryRollout((r) => {
        r.spec.paused = true;
        Object.assign(r.status ?? {}, { pauseConditions: [pausedAt], controllerPause: true });
      }),
      options: {},
      actions: ['get rollouts', 'patch rollouts/status {"status":{"pauseConditions":null}}', 'patch rollouts {"spec":{"paused":false}}'],
      status: { currentStepIndex: 1 },
    },
    {
      name: 'promote of a canary running an analysis step moves to the next step',
      rollout: canaryRollout((r) => Object.assign(r.status ?? {}, { currentStepIndex: 2 })),
      options: {},
      actions: ['get rollouts', 'patch rollouts/status {"status":{"pauseConditions":null,"currentStepIndex":3}}'],
      status: { currentStepIndex: 3 },
    },
    {
      name: 'promote of a canary with no step index yet moves from step 0 to 1',
      rollout: canaryRollout((r) => delete r.status?.currentStepIndex),
      options: {},
      actions: ['get rollouts', 'patch rollouts/status {"status":{"pauseConditions":null,"currentStepIndex":1}}'],
      status: { currentStepIndex: 1 },
    },
    {
      name: 'promote of a canary past its last step keeps the index at the end',
      rollout: canaryRollout((r) => Object.assign(r.status ?? {}, { currentStepIndex: 4 })),
      options: {},
      actions: ['get rollouts', 'patch rollouts/status {"status":{"pauseConditions":null,"currentStepIndex":4}}'],
      status: { currentStepIndex: 4 },
    },
    {
      name: 'promote of a canary paused on an inconclusive analysis clears controllerPause and moves on',
      rollout: canaryRollout((r) =>
        Object.assign(r.status ?? {}, {
          currentStepIndex: 2,
          controllerPause: true,
          pauseConditions: [{ reason: 'InconclusiveAnalysisRun', startTime: '2026-01-01T00:00:00Z' }],
          canary: { currentStepAnalysisRunStatus: { name: 'demo-abc-2', status: 'Inconclusive' } },
        }),
      ),
      options: {},
      actions: ['get rollouts', 'patch rollouts/status {"status":{"pauseConditions":null,"controllerPause":false,"currentStepIndex":3}}'],
      status: { controllerPause: false, currentStepIndex: 3 },
    },
    {
      name: 'promote of a blue-green rollout waiting for promotion clears pauseConditions',
      rollout: blueGreenRollout((r) => Object.assign(r.status ?? {}, { pauseConditions: [{ reason: 'BlueGreenPause', startTime: '2026-01-01T00:00:00Z' }], controllerPause: true })),
      options: {},
      actions: ['get rollouts', 'patch rollouts/status {"status":{"pauseConditions":null}}'],
      status: { controllerPause: true },
    },
    {
      name: 'promote of a blue-green rollout with nothing paused sends no patch',
      rollout: blueGreenRollout(),
      options: {},
      actions: ['get rollouts'],
      status: {},
    },
    {
      name: 'promote --full of a canary mid-update sets promoteFull',
      rollout: canaryRollout(),
      options: { full: true },
      actions: ['get rollouts', 'patch rollouts/status {"status":{"promoteFull":true}}'],
      status: { promoteFull: true, currentStepIndex: 1 },
    },
    {
      name: 'promote --full of a paused blue-green rollout sets promoteFull and unpauses',
      rollout: blueGreenRollout((r) => (r.spec.paused = true)),
      options: { full: true },
      actions: ['get rollouts', 'patch rollouts/status {"status":{"promoteFull":true}}', 'patch rollouts {"spec":{"paused":false}}'],
      status: { promoteFull: true },
    },
    {
      name: 'promote --full of a rollout already at its stable hash sends no patch',
      rollout: canaryRollout((r) => Object.assign(r.status ?? {}, { currentPodHash: 'bluehash', stableRS: 'bluehash', currentStepIndex: 4 })),
      options: { full: true },
      actions: ['get rollouts'],
      status: { currentStepIndex: 4 },
    },
    {
      name: 'promote --skip-current-step moves to the next step without touching pauses',
      rollout: canaryRollout((r) => Object.assign(r.status ?? {}, { pauseConditions: [pausedAt] })),
      options: { skipCurrentStep: true },
      actions: ['get rollouts', 'patch rollouts/status {"status":{"currentStepIndex":2}}'],
      status: { currentStepIndex: 2, pauseConditions: [pausedAt] },
    },
    {
      name: 'promote --skip-all-steps jumps to the end of the steps',
      rollout: canaryRollout(),
      options: { skipAllSteps: true },
      actions: ['get rollouts', 'patch rollouts/status {"status":{"currentStepIndex":4}}'],
      status: { currentStepIndex: 4 },
    },
  ])('$name', async ({ rollout, options, actions, status }) => {
    const client = fakeClient(rollout);
    const result = await promoteRollout({ client, namespace, name: 'demo', ...options });
    expect(actionLog(client)).toEqual(actions);
    expect(result.rollout.status).toMatchObject(status);
    if (!('pauseConditions' in status)) expect(result.rollout.status?.pauseConditions).toBeUndefined();
    expect(result.rollout.spec.paused ?? false).toBe(false);
    expect(result.message).toBe('full' in options ? "rollout 'demo' fully promoted" : "rollout 'demo' promoted");
  });

  it('patches spec and status together when the status subresource is not served', async () => {
    const client = fakeClient(canaryRollout((r) => Object.assign(r.status ?? {}, { currentStepIndex: 2 })));
    client.prependReactor('patch', 'rollouts', (action) =>
      action.subresource === 'status' ? { handled: true, error: notFoundError(Resources.rollouts, 'demo') } : { handled: false },
    );
    const result = await promoteRollout({ client, namespace, name: 'demo' });
    expect(actionLog(client)).toEqual([
      'get rollouts',
      'patch rollouts/status {"status":{"pauseConditions":null,"currentStepIndex":3}}',
      'patch rollouts {"spec":{"paused":false},"status":{"pauseConditions":null,"currentStepIndex":3}}',
    ]);
    expect(result.rollout.spec.paused).toBe(false);
  });

  it.each([
    { name: 'both skip flags', rollout: canaryRollout(), options: { skipCurrentStep: true, skipAllSteps: true }, message: 'Cannot use skip-current-step and skip-all-steps flags at the same time', calls: 0 },
    { name: 'a skip flag on a blue-green rollout', rollout: blueGreenRollout(), options: { skipCurrentStep: true }, message: 'Cannot skip steps of a bluegreen rollout. Run without a flags', calls: 1 },
    {
      name: 'a skip flag on a canary without steps',
      rollout: canaryRollout((r: Rollout) => (r.spec.strategy.canary = {})),
      options: { skipAllSteps: true },
      message: 'Cannot skip steps of a rollout without steps',
      calls: 1,
    },
  ])('rejects $name with upstream\'s message and writes nothing', async ({ rollout, options, message, calls }) => {
    const client = fakeClient(rollout);
    const promotion = promoteRollout({ client, namespace, name: 'demo', ...options });
    await expect(promotion).rejects.toThrow(new PromoteUsageError(message));
    expect(client.actions()).toHaveLength(calls);
  });

  it('passes the NotFound of a missing rollout through', async () => {
    const client = fakeClient();
    const error: unknown = await promoteRollout({ client, namespace, name: 'x' }).catch((err: unknown) => err);
    expect(isNotFound(error)).toBe(true);
    expect((error as Error).message).toBe('rollouts.argoproj.io "x" not found');
  });
});

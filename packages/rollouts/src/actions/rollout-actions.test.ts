// Tests for abort, retry, pause, resume, restart and retry experiment: one patch each, where upstream sends it.
import { describe, expect, it } from 'vitest';
import { FakeClock, isNotFound, type Experiment } from '@aviary/kube';
import { GoDurationError } from '../validation/go-duration.js';
import { retryExperiment } from './retry-experiment.js';
import { abortRollout, formatRfc3339, pauseRollout, restartRollout, resumeRollout, retryRollout } from './rollout-actions.js';
import { actionLog, canaryRollout, fakeClient, namespace } from './testdata/action-fixtures.js';

describe('status actions', () => {
  it('abort patches status.abort true through the status subresource', async () => {
    const client = fakeClient(canaryRollout());
    const result = await abortRollout({ client, namespace, name: 'demo' });
    expect(actionLog(client)).toEqual(['patch rollouts/status {"status":{"abort":true}}']);
    expect(result.rollout.status?.abort).toBe(true);
    expect(result.rollout.status?.abortedAt).toBeUndefined();
    expect(result.message).toBe("rollout 'demo' aborted");
  });

  it('retry patches status.abort false', async () => {
    const client = fakeClient(canaryRollout((r) => Object.assign(r.status ?? {}, { abort: true, abortedAt: '2026-01-01T00:00:00Z' })));
    const result = await retryRollout({ client, namespace, name: 'demo' });
    expect(actionLog(client)).toEqual(['patch rollouts/status {"status":{"abort":false}}']);
    expect(result.rollout.status?.abort).toBe(false);
    expect(result.message).toBe("rollout 'demo' retried");
  });

  it.each([
    { action: 'abort', run: abortRollout },
    { action: 'retry', run: retryRollout },
  ])('$action of a missing rollout tries the status and then the object, then passes NotFound through', async ({ run }) => {
    const client = fakeClient();
    const error: unknown = await run({ client, namespace, name: 'x' }).catch((err: unknown) => err);
    expect(isNotFound(error)).toBe(true);
    expect((error as Error).message).toBe('rollouts.argoproj.io "x" not found');
    expect(client.actions().map((a) => `${a.verb} ${a.resource}${a.subresource ? `/${a.subresource}` : ''}`)).toEqual(['patch rollouts/status', 'patch rollouts']);
  });
});

describe('spec actions', () => {
  it('pause patches spec.paused true', async () => {
    const client = fakeClient(canaryRollout());
    const result = await pauseRollout({ client, namespace, name: 'demo' });
    expect(actionLog(client)).toEqual(['patch rollouts {"spec":{"paused":true}}']);
    expect(result.rollout.spec.paused).toBe(true);
    expect(result.message).toBe("rollout 'demo' paused");
  });

  it('resume patches spec.paused false and leaves pause conditions', async () => {
    const pauseConditions = [{ reason: 'CanaryPauseStep' as const, startTime: '2026-01-01T00:00:00Z' }];
    const client = fakeClient(canaryRollout((r) => Object.assign(r.spec, { paused: true }) && Object.assign(r.status ?? {}, { pauseConditions })));
    const result = await resumeRollout({ client, namespace, name: 'demo' });
    expect(actionLog(client)).toEqual(['patch rollouts {"spec":{"paused":false}}']);
    expect(result.rollout.spec.paused).toBe(false);
    expect(result.rollout.status?.pauseConditions).toEqual(pauseConditions);
  });

  it.each([
    { name: 'restart without --in sets restartAt to now', in: undefined, restartAt: '2026-01-01T00:00:00Z', message: "rollout 'demo' restarts in 0s" },
    { name: 'restart --in 30s sets restartAt 30 seconds ahead', in: '30s', restartAt: '2026-01-01T00:00:30Z', message: "rollout 'demo' restarts in 30s" },
    { name: 'restart --in 1h5m sets restartAt 65 minutes ahead', in: '1h5m', restartAt: '2026-01-01T01:05:00Z', message: "rollout 'demo' restarts in 1h5m" },
  ])('$name', async ({ in: inText, restartAt, message }) => {
    const clock = new FakeClock({ startMs: Date.UTC(2026, 0, 1, 0, 0, 0, 400) });
    const client = fakeClient(canaryRollout());
    const result = await restartRollout({ client, namespace, name: 'demo', clock, ...(inText ? { in: inText } : {}) });
    expect(actionLog(client)).toEqual([`patch rollouts {"spec":{"restartAt":"${restartAt}"}}`]);
    expect(result.rollout.spec.restartAt).toBe(restartAt);
    expect(result.message).toBe(message);
  });

  it('restart rejects an unreadable --in before writing', async () => {
    const client = fakeClient(canaryRollout());
    await expect(restartRollout({ client, namespace, name: 'demo', in: '10' })).rejects.toThrow(GoDurationError);
    expect(client.actions()).toEqual([]);
  });

  it('formats times as Go formats RFC 3339 in UTC', () => {
    expect(formatRfc3339(Date.UTC(2026, 4, 6, 7, 8, 9, 999))).toBe('2026-05-06T07:08:09Z');
  });
});

describe('retryExperiment', () => {
  it('clears the whole status with a merge patch on the object', async () => {
    const experiment: Experiment = {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Experiment',
      metadata: { name: 'exp', namespace },
      spec: { templates: [] },
      status: { phase: 'Failed', message: 'boom' },
    };
    const client = fakeClient(experiment);
    const result = await retryExperiment({ client, namespace, name: 'exp' });
    expect(actionLog(client)).toEqual(['patch experiments {"status":null}']);
    expect(result.experiment.status).toBeUndefined();
    expect(result.message).toBe("experiment 'exp' retried");
  });
});

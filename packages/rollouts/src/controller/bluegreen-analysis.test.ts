// Controller fixture tests of blue-green analysis: the pre-promotion run gates the active switch, the post-promotion
// run gates the stable mark; Failed aborts (active back to stable), Inconclusive pauses.
import { Resources, type AnalysisRun, type AnalysisTemplate } from '@aviary/kube';
import { describe, expect, it } from 'vitest';
import type { RolloutFixture } from './testdata/fixture.js';
import { blueGreenHash, healthyBlueGreen, selectorOf } from './testdata/bluegreen-fixture.js';

const blue = blueGreenHash('argoproj/rollouts-demo:blue');
const yellow = blueGreenHash('argoproj/rollouts-demo:yellow');
const preRun = `demo-${yellow}-2-pre`;
const postRun = `demo-${yellow}-2-post`;

const template: AnalysisTemplate = {
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'AnalysisTemplate',
  metadata: { name: 'smoke', namespace: 'default' },
  spec: {
    args: [{ name: 'hash' }],
    metrics: [{ name: 'smoke', successCondition: 'result == 1', provider: { job: { spec: { template: { spec: { containers: [], restartPolicy: 'Never' } } } } } as never }],
  },
};
const analysis = { templates: [{ templateName: 'smoke' }], args: [{ name: 'hash', valueFrom: { podTemplateHashValue: 'Latest' as const } }] };

async function updated(blueGreen: Record<string, unknown>): Promise<RolloutFixture> {
  const fixture = await healthyBlueGreen({ blueGreen, extra: [template] });
  await fixture.setImage('argoproj/rollouts-demo:yellow');
  await fixture.syncUntilStable();
  fixture.recorder.take();
  return fixture;
}

function setRunPhase(fixture: RolloutFixture, name: string, phase: 'Successful' | 'Failed' | 'Inconclusive', message?: string): void {
  const run = fixture.client.tracker.get<AnalysisRun>(Resources.analysisRuns, 'default', name)!;
  run.status = { phase, ...(message ? { message } : {}) };
  fixture.client.tracker.update(Resources.analysisRuns, run);
}

const runNames = (fixture: RolloutFixture) => fixture.client.tracker.list<AnalysisRun>(Resources.analysisRuns, 'default').map((run) => run.metadata?.name);

describe('prePromotionAnalysis', () => {
  it('creates <rollout>-<hash>-<revision>-pre once the preview is saturated and holds the active switch', async () => {
    const fixture = await updated({ prePromotionAnalysis: analysis });
    expect(runNames(fixture)).toEqual([preRun]);
    const run = fixture.client.tracker.get<AnalysisRun>(Resources.analysisRuns, 'default', preRun)!;
    expect(run.metadata?.labels).toEqual({ 'rollouts-pod-template-hash': yellow, 'rollout-type': 'PrePromotion', app: 'demo' });
    expect(run.spec.args).toEqual([{ name: 'hash', value: yellow }]);
    expect(selectorOf(fixture, 'demo-active')).toBe(blue);
    expect(fixture.rollout().status).toMatchObject({ phase: 'Progressing', message: 'active service cutover pending', blueGreen: { prePromotionAnalysisRunStatus: { name: preRun } } });
  });

  it('promotes when the run is Successful', async () => {
    const fixture = await updated({ prePromotionAnalysis: analysis });
    setRunPhase(fixture, preRun, 'Successful');
    expect(await fixture.sync()).toEqual(['patch services default/demo-active', 'patch rollouts/status default/demo']);
    expect(fixture.recorder.take()).toEqual([
      `Normal SwitchService Switched selector for service 'demo-active' from '${blue}' to '${yellow}'`,
      `Normal AnalysisRunSuccessful PrePromotion Analysis Run '${preRun}' Status New: 'Successful' Previous: ''`,
      `Normal RolloutCompleted Rollout completed update to revision 2 (${yellow}): Completed blue-green update`,
    ]);
    expect(fixture.rollout().status).toMatchObject({ phase: 'Healthy', stableRS: yellow, blueGreen: { prePromotionAnalysisRunStatus: { name: preRun, status: 'Successful' } } });
  });

  it('with autoPromotionEnabled false pauses only after the run succeeded', async () => {
    const fixture = await updated({ prePromotionAnalysis: analysis, autoPromotionEnabled: false });
    expect(fixture.rollout().status?.pauseConditions).toBeUndefined();
    setRunPhase(fixture, preRun, 'Successful');
    await fixture.syncUntilStable();
    expect(fixture.rollout().status).toMatchObject({ phase: 'Paused', message: 'BlueGreenPause' });
    expect(selectorOf(fixture, 'demo-active')).toBe(blue);
  });

  it('aborts when the run Failed: active stays on stable and the preview is scaled down later', async () => {
    const fixture = await updated({ prePromotionAnalysis: analysis });
    setRunPhase(fixture, preRun, 'Failed', 'metric "smoke" assessed Failed');
    await fixture.sync();
    const message = 'Rollout aborted update to revision 2: Blue/green pre-promotion analysis phase error/failed: metric "smoke" assessed Failed';
    expect(fixture.recorder.take()).toEqual([`Warning AnalysisRunFailed PrePromotion Analysis Run '${preRun}' Status New: 'Failed' Previous: ''`, `Warning RolloutAborted ${message}`]);
    expect(fixture.rollout().status).toMatchObject({ abort: true, phase: 'Degraded', message: `RolloutAborted: ${message}` });
    await fixture.syncUntilStable();
    fixture.clock.advance(30_000);
    await fixture.syncUntilStable();
    expect(selectorOf(fixture, 'demo-active')).toBe(blue);
    expect(fixture.replicaCounts()).toEqual({ [`demo-${blue}`]: '3/3', [`demo-${yellow}`]: '0/0' });
  });

  it('pauses with InconclusiveAnalysisRun when the run is Inconclusive', async () => {
    const fixture = await updated({ prePromotionAnalysis: analysis });
    setRunPhase(fixture, preRun, 'Inconclusive');
    await fixture.syncUntilStable();
    expect(fixture.rollout().status).toMatchObject({ phase: 'Paused', message: 'InconclusiveAnalysisRun', controllerPause: true });
    expect(selectorOf(fixture, 'demo-active')).toBe(blue);
  });
});

describe('postPromotionAnalysis', () => {
  it('runs <rollout>-<hash>-<revision>-post after the switch and marks stable only once it succeeded', async () => {
    const fixture = await updated({ postPromotionAnalysis: analysis });
    expect(selectorOf(fixture, 'demo-active')).toBe(yellow);
    expect(runNames(fixture)).toEqual([postRun]);
    expect(fixture.client.tracker.get<AnalysisRun>(Resources.analysisRuns, 'default', postRun)?.metadata?.labels?.['rollout-type']).toBe('PostPromotion');
    expect(fixture.rollout().status).toMatchObject({ phase: 'Progressing', message: 'waiting for analysis to complete', stableRS: blue });
    // Without an explicit scaleDownDelaySeconds the old active ReplicaSet is the way back: it stays up, undated.
    expect(fixture.replicaCounts()[`demo-${blue}`]).toBe('3/3');

    setRunPhase(fixture, postRun, 'Successful');
    await fixture.sync();
    expect(fixture.recorder.take()).toEqual([
      `Normal AnalysisRunSuccessful PostPromotion Analysis Run '${postRun}' Status New: 'Successful' Previous: ''`,
      `Normal RolloutCompleted Rollout completed update to revision 2 (${yellow}): Completed blue-green update`,
    ]);
    expect(fixture.rollout().status).toMatchObject({ phase: 'Healthy', stableRS: yellow });
    expect(await fixture.sync()).toEqual([`patch replicasets default/demo-${blue}`]); // now the scale-down delay starts
  });

  it('aborts when the run Failed and switches active back to stable', async () => {
    const fixture = await updated({ postPromotionAnalysis: analysis });
    setRunPhase(fixture, postRun, 'Failed');
    await fixture.sync();
    expect(fixture.recorder.take()).toContain('Warning RolloutAborted Rollout aborted update to revision 2: Blue/green post-promotion analysis phase error/failed');
    expect(await fixture.sync()).toContain('patch services default/demo-active');
    expect(selectorOf(fixture, 'demo-active')).toBe(blue);
    expect(fixture.rollout().status).toMatchObject({ phase: 'Degraded', stableRS: blue, blueGreen: { activeSelector: blue } });
  });
});

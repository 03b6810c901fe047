// Controller fixture tests of an analysis step: the AnalysisRun created (name, labels, merged args) and the rollout
// following its phase — Successful completes the step, Failed aborts.
import { Resources, type AnalysisRun, type AnalysisTemplate } from '@aviary/kube';
import { describe, expect, it } from 'vitest';
import { computePodTemplateHash } from '../hash/index.js';
import { canaryRollout, healthyFixture, type RolloutFixture } from './testdata/fixture.js';

const steps = [
  { setWeight: 20 },
  {
    analysis: {
      templates: [{ templateName: 'success-rate' }],
      args: [
        { name: 'service-name', value: 'demo-canary' },
        { name: 'canary-hash', valueFrom: { podTemplateHashValue: 'Latest' as const } },
        { name: 'rollout-name', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
        { name: 'not-in-template', value: 'dropped' },
      ],
    },
  },
  { setWeight: 60 },
];

const template: AnalysisTemplate = {
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'AnalysisTemplate',
  metadata: { name: 'success-rate', namespace: 'default' },
  spec: {
    args: [{ name: 'service-name' }, { name: 'canary-hash' }, { name: 'rollout-name' }, { name: 'threshold', value: '0.95' }],
    metrics: [{ name: 'success-rate', successCondition: 'result[0] >= 0.95', provider: { job: { spec: { template: { spec: { containers: [], restartPolicy: 'Never' } } } } } as never }],
  },
};

const yellow = computePodTemplateHash(canaryRollout({ image: 'argoproj/rollouts-demo:yellow' }).spec.template);
const runName = `demo-${yellow}-2-1`;

async function atAnalysisStep(): Promise<RolloutFixture> {
  const fixture = await healthyFixture({ steps, extra: [template] });
  await fixture.setImage('argoproj/rollouts-demo:yellow');
  await fixture.syncUntilStable();
  return fixture;
}

function setRunPhase(fixture: RolloutFixture, phase: 'Successful' | 'Failed', message?: string): void {
  const run = fixture.client.tracker.get<AnalysisRun>(Resources.analysisRuns, 'default', runName)!;
  run.status = { phase, ...(message ? { message } : {}) };
  fixture.client.tracker.update(Resources.analysisRuns, run);
}

describe('analysis step', () => {
  it('creates one AnalysisRun named <rollout>-<hash>-<revision>-<step> with merged args', async () => {
    const fixture = await atAnalysisStep();
    const runs = fixture.client.tracker.list<AnalysisRun>(Resources.analysisRuns, 'default');
    expect(runs.map((run) => run.metadata?.name)).toEqual([runName]);
    const run = runs[0]!;
    expect(run.metadata?.labels).toEqual({ 'rollouts-pod-template-hash': yellow, 'rollout-type': 'Step', 'step-index': '1', app: 'demo' });
    expect(run.metadata?.annotations).toEqual({ 'rollout.argoproj.io/revision': '2' });
    expect(run.metadata?.ownerReferences?.[0]).toMatchObject({ kind: 'Rollout', name: 'demo', uid: 'rollout-uid', controller: true });
    expect(run.spec.args).toEqual([
      { name: 'service-name', value: 'demo-canary' },
      { name: 'canary-hash', value: yellow },
      { name: 'rollout-name', value: 'demo' },
      { name: 'threshold', value: '0.95' },
    ]);
    expect(run.spec.metrics.map((metric) => metric.name)).toEqual(['success-rate']);
    expect(fixture.rollout().status).toMatchObject({ currentStepIndex: 1, phase: 'Progressing', canary: { currentStepAnalysisRunStatus: { name: runName } } });
  });

  it('completes the step when the run is Successful', async () => {
    const fixture = await atAnalysisStep();
    fixture.recorder.take();
    setRunPhase(fixture, 'Successful');
    expect(await fixture.sync()).toEqual(['patch rollouts/status default/demo']);
    expect(fixture.recorder.take()).toEqual([
      `Normal AnalysisRunSuccessful Step Analysis Run '${runName}' Status New: 'Successful' Previous: ''`,
      'Normal RolloutStepCompleted Rollout step 2/3 completed (analysis)',
    ]);
    expect(fixture.rollout().status?.currentStepIndex).toBe(2);
    expect(fixture.rollout().status?.canary?.currentStepAnalysisRunStatus).toBeUndefined();
  });

  it('aborts the rollout when the run Failed', async () => {
    const fixture = await atAnalysisStep();
    fixture.recorder.take();
    setRunPhase(fixture, 'Failed', 'metric "success-rate" assessed Failed due to failed (1) > failureLimit (0)');
    await fixture.sync();
    const message = 'Rollout aborted update to revision 2: Step-based analysis phase error/failed: metric "success-rate" assessed Failed due to failed (1) > failureLimit (0)';
    expect(fixture.recorder.take()).toEqual([
      `Warning AnalysisRunFailed Step Analysis Run '${runName}' Status New: 'Failed' Previous: ''`,
      `Warning RolloutAborted ${message}`,
    ]);
    expect(fixture.rollout().status).toMatchObject({ abort: true, phase: 'Degraded', message: `RolloutAborted: ${message}` });
    await fixture.syncUntilStable();
    expect(Object.values(fixture.replicaCounts()).sort()).toEqual(['0/0', '5/5']);
  });
});

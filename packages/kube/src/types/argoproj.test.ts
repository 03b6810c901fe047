// Tests for the argoproj.io types: the user's Rollout/AnalysisTemplate manifests parse into them; constants are upstream strings.
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  AnalysisPhase,
  AnalysisRunRolloutType,
  CompletionStatus,
  ExperimentConditionType,
  MetricProviderType,
  PauseReason,
  PingPongType,
  ProgressType,
  ReplicaSetSpecRef,
  RolloutConditionReason,
  RolloutConditionType,
  RolloutEventReason,
  RolloutPhase,
  RolloutsAnnotation,
  RolloutsLabel,
  StepPluginOperation,
  StepPluginPhase,
  TemplateStatusCode,
  TrafficRouterType,
  ValueFromPodTemplateHash,
  WebMetricMethod,
  WorkloadRefScaleDown,
  type AnalysisRun,
  type AnalysisTemplate,
  type CanaryStrategy,
  type Experiment,
  type MetricProvider,
  type ObjectList,
  type Rollout,
  type RolloutList,
  type RolloutStatus,
  type RolloutTrafficRouting,
} from './index.js';
import { loadKind } from './testdata/load-manifests.js';

describe('Rollout manifests from the user documents', () => {
  it('reads the basic canary: 5 replicas, 8 steps, an indefinite pause then timed pauses', () => {
    const [ro] = loadKind<Rollout>('basic-rollout.yaml', 'Rollout');
    expect(ro?.spec.replicas).toBe(5);
    expect(ro?.spec.revisionHistoryLimit).toBe(2);
    expect(ro?.spec.selector?.matchLabels).toEqual({ app: 'rollouts-demo' });
    const steps = ro?.spec.strategy.canary?.steps ?? [];
    expect(steps).toHaveLength(8);
    expect(steps[0]?.setWeight).toBe(20);
    expect(steps[1]?.pause).toEqual({});
    expect(steps[1]?.pause?.duration).toBeUndefined();
    // `pause: { duration: 10 }` is the integer form of IntOrString (seconds).
    expect(steps[3]?.pause?.duration).toBe(10);
    const container = ro?.spec.template?.spec?.containers[0];
    expect(container?.image).toBe('argoproj/rollouts-demo:blue');
    expect(container?.ports?.[0]).toEqual({ name: 'http', containerPort: 8080, protocol: 'TCP' });
    expect(container?.resources?.requests).toEqual({ memory: '32Mi', cpu: '5m' });
    expect(ro?.status).toBeUndefined();
  });

  it('reads the NGINX canary: canary/stable Services and the stable Ingress', () => {
    const [ro] = loadKind<Rollout>('nginx-canary.yaml', 'Rollout');
    const canary = ro?.spec.strategy.canary;
    expect(canary?.canaryService).toBe('rollouts-demo-canary');
    expect(canary?.stableService).toBe('rollouts-demo-stable');
    expect(canary?.trafficRouting?.nginx?.stableIngress).toBe('rollouts-demo-stable');
    expect(canary?.steps).toEqual([{ setWeight: 5 }, { pause: {} }]);
  });

  it('reads background analysis: template ref, startingStep, args, and string pause durations', () => {
    const [ro] = loadKind<Rollout>('background-analysis.yaml', 'Rollout');
    const analysis = ro?.spec.strategy.canary?.analysis;
    expect(analysis?.templates).toEqual([{ templateName: 'success-rate' }]);
    expect(analysis?.startingStep).toBe(2);
    expect(analysis?.args).toEqual([{ name: 'service-name', value: 'guestbook-svc.default.svc.cluster.local' }]);
    expect(ro?.spec.strategy.canary?.steps?.[1]?.pause?.duration).toBe('10m');
  });

  it('reads the blue-green Rollout with manual promotion', () => {
    const [ro] = loadKind<Rollout>('bluegreen-rollout.yaml', 'Rollout');
    const bg = ro?.spec.strategy.blueGreen;
    expect(bg).toEqual({ activeService: 'bluegreen-active', previewService: 'bluegreen-preview', autoPromotionEnabled: false });
    expect(ro?.spec.strategy.canary).toBeUndefined();
    expect(ro?.metadata?.labels).toEqual({ app: 'bluegreen-demo' });
  });
});

describe('AnalysisTemplate manifests from the user documents', () => {
  it('reads the Prometheus success-rate template: interval, failureLimit, condition and args placeholder', () => {
    const [at] = loadKind<AnalysisTemplate>('background-analysis.yaml', 'AnalysisTemplate');
    expect(at?.spec.args).toEqual([{ name: 'service-name' }]);
    const metric = at?.spec.metrics?.[0];
    expect(metric?.name).toBe('success-rate');
    expect(metric?.interval).toBe('5m');
    expect(metric?.failureLimit).toBe(3);
    expect(metric?.successCondition).toBe('result[0] >= 0.95');
    expect(metric?.provider.prometheus?.address).toBe('http://prometheus.example.com:9090');
    expect(metric?.provider.prometheus?.query).toContain('{{args.service-name}}');
  });

  it('reads required, defaulted and secret arguments and a web provider', () => {
    const [at] = loadKind<AnalysisTemplate>('args-template.yaml', 'AnalysisTemplate');
    const args = at?.spec.args ?? [];
    expect(args.map((a) => a.name)).toEqual(['service-name', 'stable-hash', 'latest-hash', 'api-url', 'api-token']);
    expect(args.filter((a) => a.value === undefined && a.valueFrom === undefined)).toHaveLength(3);
    expect(args[3]?.value).toBe('http://example/measure');
    expect(args[4]?.valueFrom?.secretKeyRef).toEqual({ name: 'token-secret', key: 'apiToken' });
    const web = at?.spec.metrics?.[0]?.provider.web;
    expect(web?.url).toBe('{{ args.api-url }}?service={{ args.service-name }}');
    expect(web?.headers).toEqual([{ key: 'Authorization', value: 'Bearer {{ args.api-token }}' }]);
    expect(web?.jsonPath).toBe('{$.results.ok}');
  });

  it('reads a Job provider whose spec is a batch/v1 JobSpec', () => {
    const [at] = loadKind<AnalysisTemplate>('job-analysis-template.yaml', 'AnalysisTemplate');
    const metric = at?.spec.metrics?.[0];
    expect(metric?.interval).toBe('10s');
    const job = metric?.provider.job;
    expect(job?.spec.backoffLimit).toBe(0);
    expect(job?.spec.template.spec?.restartPolicy).toBe('Never');
    expect(job?.spec.template.spec?.containers[0]?.command?.slice(0, 2)).toEqual(['sh', '-c']);
  });
});

describe('argoproj constants hold the exact upstream strings', () => {
  it.each([
    ['RolloutPhase', RolloutPhase, ['Healthy', 'Degraded', 'Progressing', 'Paused']],
    ['AnalysisPhase', AnalysisPhase, ['Pending', 'Running', 'Successful', 'Failed', 'Error', 'Inconclusive']],
    ['PauseReason', PauseReason, ['InconclusiveAnalysisRun', 'InconclusiveExperiment', 'CanaryPauseStep', 'BlueGreenPause']],
    ['RolloutConditionType', RolloutConditionType, ['InvalidSpec', 'Available', 'Progressing', 'ReplicaFailure', 'Paused', 'Completed', 'Healthy']],
    ['ExperimentConditionType', ExperimentConditionType, ['InvalidSpec', 'Completed', 'Progressing', 'Running', 'ReplicaFailure']],
    ['TemplateStatusCode', TemplateStatusCode, ['Progressing', 'Running', 'Successful', 'Failed', 'Error']],
    ['StepPluginPhase', StepPluginPhase, ['Running', 'Successful', 'Failed', 'Error']],
    ['StepPluginOperation', StepPluginOperation, ['Run', 'Terminate', 'Abort']],
    ['CompletionStatus', CompletionStatus, ['Promoted', 'FastPromoted', 'Aborted', 'Superseded', 'RolledBack', 'FastRolledBack']],
    ['PingPongType', PingPongType, ['ping', 'pong']],
    ['ProgressType', ProgressType, ['Percent', 'Pods']],
    ['ReplicaSetSpecRef', ReplicaSetSpecRef, ['canary', 'stable']],
    ['ValueFromPodTemplateHash', ValueFromPodTemplateHash, ['Stable', 'Latest']],
    ['WorkloadRefScaleDown', WorkloadRefScaleDown, ['never', 'onsuccess', 'progressively']],
    ['WebMetricMethod', WebMetricMethod, ['GET', 'POST', 'PUT']],
    ['AnalysisRunRolloutType', AnalysisRunRolloutType, ['Step', 'Background', 'PrePromotion', 'PostPromotion']],
  ] as const)('%s', (_name, constants, expected) => {
    expect(Object.values(constants)).toEqual(expected);
  });

  it.each([
    ['AvailableReason', RolloutConditionReason.AvailableReason],
    ['NewReplicaSetCreated', RolloutConditionReason.NewReplicaSetCreated],
    ['FoundNewReplicaSet', RolloutConditionReason.FoundNewReplicaSet],
    ['ReplicaSetUpdated', RolloutConditionReason.ReplicaSetUpdated],
    ['NewReplicaSetAvailable', RolloutConditionReason.NewReplicaSetAvailable],
    ['ProgressDeadlineExceeded', RolloutConditionReason.ProgressDeadlineExceeded],
    ['RolloutPaused', RolloutConditionReason.RolloutPaused],
    ['RolloutResumed', RolloutConditionReason.RolloutResumed],
    ['RolloutAborted', RolloutConditionReason.RolloutAborted],
    ['RolloutRetry', RolloutConditionReason.RolloutRetry],
    ['RolloutCompleted', RolloutConditionReason.RolloutCompleted],
    ['RolloutHealthy', RolloutConditionReason.RolloutHealthy],
    ['ReplicaSetNotAvailable', RolloutConditionReason.ReplicaSetNotAvailable],
    ['ReplicaSetCreateError', RolloutConditionReason.ReplicaSetCreateError],
    ['InvalidSpec', RolloutConditionReason.InvalidSpec],
    ['ExperimentCompleted', RolloutConditionReason.ExperimentCompleted],
    ['ScalingReplicaSet', RolloutEventReason.ScalingReplicaSet],
    ['RolloutStepCompleted', RolloutEventReason.RolloutStepCompleted],
    ['TrafficWeightUpdated', RolloutEventReason.TrafficWeightUpdated],
    ['SwitchService', RolloutEventReason.SwitchService],
    ['AnalysisRunInconclusive', RolloutEventReason.AnalysisRunInconclusive],
  ])('reason %s', (expected, actual) => {
    expect(actual).toBe(expected);
  });

  it('every reason constant is keyed by its own wire string', () => {
    for (const table of [RolloutConditionReason, RolloutEventReason]) {
      for (const [key, value] of Object.entries(table)) expect(value).toBe(key);
    }
  });

  it.each([
    [RolloutsLabel.PodTemplateHash, 'rollouts-pod-template-hash'],
    [RolloutsLabel.ControllerInstanceId, 'argo-rollouts.argoproj.io/controller-instance-id'],
    [RolloutsLabel.RolloutType, 'rollout-type'],
    [RolloutsLabel.StepIndex, 'step-index'],
    [RolloutsLabel.AnalysisRunUid, 'analysisrun.argoproj.io/uid'],
    [RolloutsAnnotation.Revision, 'rollout.argoproj.io/revision'],
    [RolloutsAnnotation.RevisionHistory, 'rollout.argoproj.io/revision-history'],
    [RolloutsAnnotation.DesiredReplicas, 'rollout.argoproj.io/desired-replicas'],
    [RolloutsAnnotation.WorkloadGeneration, 'rollout.argoproj.io/workload-generation'],
    [RolloutsAnnotation.EphemeralMetadata, 'rollout.argoproj.io/ephemeral-metadata'],
    [RolloutsAnnotation.ScaleDownDeadline, 'scale-down-deadline'],
    [RolloutsAnnotation.ManagedByRollouts, 'argo-rollouts.argoproj.io/managed-by-rollouts'],
    [RolloutsAnnotation.ExperimentName, 'experiment.argoproj.io/name'],
    [RolloutsAnnotation.ExperimentTemplateName, 'experiment.argoproj.io/template-name'],
    [RolloutsAnnotation.NotificationEngine, 'notified.notifications.argoproj.io'],
  ])('well-known key %s', (actual, expected) => {
    expect(actual).toBe(expected);
  });
});

describe('argoproj objects written in code', () => {
  it('a Rollout status uses the upstream JSON keys (HPAReplicas, string observedGeneration)', () => {
    const status: RolloutStatus = {
      phase: RolloutPhase.Paused,
      message: PauseReason.CanaryPauseStep,
      observedGeneration: '3',
      HPAReplicas: 5,
      selector: 'app=rollouts-demo',
      currentPodHash: '7bf84f9696',
      stableRS: '789746c88d',
      currentStepIndex: 1,
      currentStepHash: '5b6c9f',
      pauseConditions: [{ reason: PauseReason.CanaryPauseStep, startTime: '2024-05-01T12:00:00Z' }],
      controllerPause: true,
      canary: {
        weights: { canary: { weight: 20, serviceName: 'rollouts-demo-canary', podTemplateHash: '7bf84f9696' }, stable: { weight: 80 } },
        currentStepAnalysisRunStatus: { name: 'rollouts-demo-7bf84f9696-2-2', status: AnalysisPhase.Running },
      },
      conditions: [
        {
          type: RolloutConditionType.Progressing,
          status: 'Unknown',
          reason: RolloutConditionReason.RolloutPaused,
          message: 'Rollout is paused',
          lastUpdateTime: '2024-05-01T12:00:00Z',
          lastTransitionTime: '2024-05-01T12:00:00Z',
        },
      ],
    };
    expect(JSON.parse(JSON.stringify(status))).toHaveProperty('HPAReplicas', 5);
    expect(typeof status.observedGeneration).toBe('string');
  });

  it('a canary strategy can use every step kind and router', () => {
    const canary: CanaryStrategy = {
      canaryService: 'c',
      stableService: 's',
      maxSurge: '25%',
      maxUnavailable: 0,
      scaleDownDelaySeconds: 30,
      abortScaleDownDelaySeconds: 0,
      dynamicStableScale: false,
      minPodsPerReplicaSet: 2,
      replicaProgressThreshold: { type: ProgressType.Pods, value: 1 },
      antiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: { weight: 50 } },
      canaryMetadata: { labels: { role: 'canary' } },
      stableMetadata: { labels: { role: 'stable' } },
      analysis: { templates: [{ templateName: 'success-rate' }], startingStep: 2, args: [{ name: 'h', valueFrom: { podTemplateHashValue: 'Latest' } }] },
      trafficRouting: {
        nginx: { stableIngress: 'ing', additionalIngressAnnotations: { 'canary-by-header': 'X-Canary' } },
        istio: { virtualService: { name: 'vs', routes: ['primary'] }, destinationRule: { name: 'dr', canarySubsetName: 'canary', stableSubsetName: 'stable' } },
        alb: { ingress: 'ing', servicePort: 80 },
        smi: { trafficSplitName: 'split' },
        ambassador: { mappings: ['m'] },
        appMesh: { virtualNodeGroup: { canaryVirtualNodeRef: { name: 'c' }, stableVirtualNodeRef: { name: 's' } } },
        traefik: { weightedTraefikServiceName: 'ts' },
        apisix: { route: { name: 'r', rules: ['r1'] } },
        plugins: { 'argoproj-labs/gatewayAPI': { httpRoute: 'route' } },
        managedRoutes: [{ name: 'header' }, { name: 'mirror' }],
        maxTrafficWeight: 1000,
      },
      steps: [
        { setWeight: 20 },
        { pause: { duration: '1h30m' } },
        { setCanaryScale: { replicas: 2 } },
        { analysis: { templates: [{ templateName: 'smoke', clusterScope: true }], dryRun: [{ metricName: '.*' }] } },
        { experiment: { duration: '5m', templates: [{ name: 'baseline', specRef: 'stable', weight: 5 }], analyses: [{ name: 'a', templateName: 't' }] } },
        { setHeaderRoute: { name: 'header', match: [{ headerName: 'X-Canary', headerValue: { exact: 'yes' } }] } },
        { setMirrorRoute: { name: 'mirror', percentage: 50, match: [{ method: { exact: 'GET' }, path: { prefix: '/' } }] } },
        { plugin: { name: 'argoproj-labs/step', config: { any: 'thing' } } },
      ],
    };
    expect(canary.steps?.map((s) => Object.keys(s)[0])).toEqual([
      'setWeight', 'pause', 'setCanaryScale', 'analysis', 'experiment', 'setHeaderRoute', 'setMirrorRoute', 'plugin',
    ]);
  });

  it('an AnalysisRun and an Experiment carry their status shapes', () => {
    const run: AnalysisRun = {
      metadata: { name: 'ro-abc-2', labels: { [RolloutsLabel.RolloutType]: AnalysisRunRolloutType.Background } },
      spec: { metrics: [{ name: 'm', provider: { web: { url: 'http://x' } } }], ttlStrategy: { secondsAfterCompletion: 60 } },
      status: {
        phase: AnalysisPhase.Failed,
        startedAt: '2024-05-01T12:00:00Z',
        runSummary: { count: 1, failed: 1 },
        metricResults: [
          {
            name: 'm',
            phase: AnalysisPhase.Failed,
            count: 2,
            failed: 2,
            measurements: [{ phase: AnalysisPhase.Failed, value: '[0.5]', startedAt: '2024-05-01T12:00:00Z', finishedAt: '2024-05-01T12:00:01Z' }],
          },
        ],
      },
    };
    const exp: Experiment = {
      spec: { duration: '1m', templates: [{ name: 'canary', selector: { matchLabels: { a: 'b' } }, template: {} }] },
      status: {
        phase: AnalysisPhase.Running,
        templateStatuses: [{ name: 'canary', replicas: 1, updatedReplicas: 1, readyReplicas: 1, availableReplicas: 1, status: TemplateStatusCode.Running }],
        analysisRuns: [{ name: 'a', analysisRun: 'exp-a', phase: AnalysisPhase.Pending }],
      },
    };
    expect(run.status?.metricResults?.[0]?.measurements?.[0]?.value).toBe('[0.5]');
    expect(exp.status?.templateStatuses?.[0]?.status).toBe('Running');
  });
});

describe('type-level contracts', () => {
  it('provider and router key lists are exhaustive; lists are ObjectList aliases', () => {
    expectTypeOf<MetricProviderType>().toEqualTypeOf<keyof MetricProvider>();
    expectTypeOf<TrafficRouterType>().toEqualTypeOf<Exclude<keyof RolloutTrafficRouting, 'managedRoutes' | 'maxTrafficWeight'>>();
    expectTypeOf<RolloutList>().toEqualTypeOf<ObjectList<Rollout>>();
    expectTypeOf<RolloutStatus['observedGeneration']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Rollout['spec']['strategy']['canary']>().toEqualTypeOf<CanaryStrategy | undefined>();
  });
});

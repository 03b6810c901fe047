// Tests for validateRollout and invalidSpecMessage: a table of invalid specs, each naming its field, plus valid ones.
import { describe, expect, it } from 'vitest';
import type { Rollout, Service } from '@aviary/kube';
import { formatFieldError } from './field-error.js';
import { invalidSpecMessage, validateRollout } from './rollout-validation.js';

function canaryRollout(): Rollout {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: { name: 'demo', namespace: 'default' },
    spec: {
      replicas: 5,
      selector: { matchLabels: { app: 'demo' } },
      template: { metadata: { labels: { app: 'demo' } }, spec: { containers: [{ name: 'demo', image: 'argoproj/rollouts-demo:blue' }] } },
      strategy: { canary: { steps: [{ setWeight: 20 }, { pause: {} }] } },
    },
  };
}

function blueGreenRollout(): Rollout {
  const rollout = canaryRollout();
  rollout.spec.strategy = { blueGreen: { activeService: 'active', previewService: 'preview' } };
  return rollout;
}

function routedRollout(): Rollout {
  const rollout = canaryRollout();
  rollout.spec.strategy = {
    canary: { canaryService: 'canary', stableService: 'stable', trafficRouting: { nginx: { stableIngress: 'ingress' } }, steps: [{ setWeight: 20 }] },
  };
  return rollout;
}

function changed(base: () => Rollout, change: (rollout: Rollout) => void): Rollout {
  const rollout = base();
  change(rollout);
  return rollout;
}

const canary = (rollout: Rollout) => rollout.spec.strategy.canary ?? (rollout.spec.strategy.canary = {});
const blueGreen = (rollout: Rollout) => rollout.spec.strategy.blueGreen ?? { activeService: '' };

interface InvalidCase {
  name: string;
  rollout: Rollout;
  /** The first error, as the InvalidSpec condition prints it after the rollout's name. */
  first: string;
}

const invalidCases: InvalidCase[] = [
  {
    name: 'a rollout with neither strategy',
    rollout: changed(canaryRollout, (r) => (r.spec.strategy = {})),
    first: "spec.strategy.strategy: Required value: Rollout has missing field '.spec.strategy.canary or .spec.strategy.blueGreen'",
  },
  {
    name: 'a rollout with both strategies',
    rollout: changed(canaryRollout, (r) => (r.spec.strategy.blueGreen = { activeService: 'a' })),
    first: 'spec.strategy.strategy: Invalid value: "blueGreen: true canary: true": Multiple Strategies can not be listed',
  },
  {
    name: 'a setWeight above 100',
    rollout: changed(canaryRollout, (r) => (canary(r).steps = [{ setWeight: 200 }])),
    first: 'spec.strategy.steps[0].setWeight: Invalid value: 200: SetWeight needs to be between 0 and 100',
  },
  {
    name: 'a negative setWeight',
    rollout: changed(canaryRollout, (r) => (canary(r).steps = [{ pause: {} }, { setWeight: -1 }])),
    first: 'spec.strategy.steps[1].setWeight: Invalid value: -1: SetWeight needs to be between 0 and 100',
  },
  {
    name: 'a setWeight above a custom maxTrafficWeight',
    rollout: changed(routedRollout, (r) => {
      canary(r).trafficRouting = { nginx: { stableIngress: 'ingress' }, maxTrafficWeight: 1000 };
      canary(r).steps = [{ setWeight: 1001 }];
    }),
    first: 'spec.strategy.steps[0].setWeight: Invalid value: 1001: SetWeight needs to be between 0 and 1000',
  },
  {
    name: 'a step with no action',
    rollout: changed(canaryRollout, (r) => (canary(r).steps = [{}])),
    first:
      'spec.strategy.steps[0]: Invalid value: "step.Experiment: true step.Pause: true step.SetWeight: true step.Analysis: true step.SetCanaryScale: true step.SetHeaderRoute: true step.SetMirrorRoute: true step.Plugin: true": Step must have one of the following set: experiment, setWeight, setCanaryScale, plugin or pause',
  },
  {
    name: 'a step with both setWeight and pause',
    rollout: changed(canaryRollout, (r) => (canary(r).steps = [{ setWeight: 10, pause: {} }])),
    first:
      'spec.strategy.steps[0]: Invalid value: "step.Experiment: false step.Pause: true step.SetWeight: true step.Analysis: false": Step must have one of the following set: experiment, setWeight, setCanaryScale, plugin or pause',
  },
  {
    name: 'a pause with an unreadable duration',
    rollout: changed(canaryRollout, (r) => (canary(r).steps = [{ pause: { duration: '10x' } }])),
    first: 'spec.strategy.steps[0].pause.duration: Invalid value: -1: Duration needs to be greater than 0',
  },
  {
    name: 'a pause with a negative duration',
    rollout: changed(canaryRollout, (r) => (canary(r).steps = [{ pause: { duration: '-5m' } }])),
    first: 'spec.strategy.steps[0].pause.duration: Invalid value: -300: Duration needs to be greater than 0',
  },
  {
    name: 'the same canary and stable service',
    rollout: changed(canaryRollout, (r) => Object.assign(canary(r), { canaryService: 'svc', stableService: 'svc' })),
    first: 'spec.strategy.stableService: Invalid value: "svc": This rollout uses the same service for the stable and canary services, but two different services are required.',
  },
  {
    name: 'traffic routing without a stable service',
    rollout: changed(routedRollout, (r) => delete canary(r).stableService),
    first: 'spec.strategy.stableService: Invalid value: "": Canary service and Stable service must to be set to use Traffic Routing',
  },
  {
    name: 'traffic routing without a canary service',
    rollout: changed(routedRollout, (r) => delete canary(r).canaryService),
    first: 'spec.strategy.canaryService: Invalid value: "": Canary service and Stable service must to be set to use Traffic Routing',
  },
  {
    name: 'the same active and preview service',
    rollout: changed(blueGreenRollout, (r) => (blueGreen(r).previewService = 'active')),
    first: 'spec.strategy.activeService: Invalid value: "active": This rollout uses the same service for the active and preview services, but two different services are required.',
  },
  {
    name: 'a blue-green rollout with no services',
    rollout: changed(blueGreenRollout, (r) => (r.spec.strategy.blueGreen = {} as never)),
    first: 'spec.strategy.activeService: Invalid value: "": This rollout uses the same service for the active and preview services, but two different services are required.',
  },
  {
    name: 'maxSurge and maxUnavailable both 0',
    rollout: changed(canaryRollout, (r) => Object.assign(canary(r), { maxSurge: 0, maxUnavailable: 0 })),
    first: 'spec.strategy.maxSurge: Invalid value: 0: MaxSurge and MaxUnavailable both can not be zero',
  },
  {
    name: 'maxSurge "0%" and maxUnavailable 0',
    rollout: changed(canaryRollout, (r) => Object.assign(canary(r), { maxSurge: '0%', maxUnavailable: 0 })),
    first: 'spec.strategy.maxSurge: Invalid value: "0%": MaxSurge and MaxUnavailable both can not be zero',
  },
  {
    name: 'a missing selector',
    rollout: changed(canaryRollout, (r) => delete r.spec.selector),
    first: "spec.selector: Required value: Rollout has missing field '.spec.selector'",
  },
  {
    name: 'an empty selector',
    rollout: changed(canaryRollout, (r) => (r.spec.selector = {})),
    first: 'spec.selector: Invalid value: {}: empty selector is invalid for deployment',
  },
  {
    name: 'a selector that does not match the template labels',
    rollout: changed(canaryRollout, (r) => (r.spec.selector = { matchLabels: { app: 'other' } })),
    first: 'spec.template.metadata.labels: Invalid value: {"app":"demo"}: `selector` does not match template `labels`',
  },
  {
    name: 'a selector expression with an unknown operator',
    rollout: changed(canaryRollout, (r) => (r.spec.selector = { matchExpressions: [{ key: 'app', operator: 'Is' as never, values: ['demo'] }] })),
    first: 'spec.selector.matchExpressions[0].operator: Invalid value: "Is": not a valid selector operator',
  },
  {
    name: 'a selector expression In without values',
    rollout: changed(canaryRollout, (r) => (r.spec.selector = { matchExpressions: [{ key: 'app', operator: 'In' }] })),
    first: "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
  },
  {
    name: 'progressDeadlineSeconds not above minReadySeconds',
    rollout: changed(canaryRollout, (r) => Object.assign(r.spec, { minReadySeconds: 600, progressDeadlineSeconds: 600 })),
    first: 'spec.progressDeadlineSeconds: Invalid value: 600: must be greater than minReadySeconds',
  },
  {
    name: 'minReadySeconds above the default progress deadline',
    rollout: changed(canaryRollout, (r) => (r.spec.minReadySeconds = 700)),
    first: 'spec.progressDeadlineSeconds: Invalid value: 600: must be greater than minReadySeconds',
  },
  {
    name: 'negative replicas',
    rollout: changed(canaryRollout, (r) => (r.spec.replicas = -1)),
    first: 'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
  },
  {
    name: 'a negative minReadySeconds',
    rollout: changed(canaryRollout, (r) => (r.spec.minReadySeconds = -3)),
    first: 'spec.minReadySeconds: Invalid value: -3: must be greater than or equal to 0',
  },
  {
    name: 'a negative revisionHistoryLimit',
    rollout: changed(canaryRollout, (r) => (r.spec.revisionHistoryLimit = -1)),
    first: 'spec.revisionHistoryLimit: Invalid value: -1: must be greater than or equal to 0',
  },
  {
    name: 'a scaleDownDelayRevisionLimit above the revision history limit',
    rollout: changed(blueGreenRollout, (r) => (blueGreen(r).scaleDownDelayRevisionLimit = 11)),
    first: "spec.strategy.scaleDownDelayRevisionLimit: Invalid value: 11: This rollout's revision history limit can not be smaller than the rollout's scale down limit",
  },
  {
    name: 'setCanaryScale without traffic routing',
    rollout: changed(canaryRollout, (r) => (canary(r).steps = [{ setCanaryScale: { replicas: 1 } }])),
    first: 'spec.strategy.trafficRouting: Required value: SetCanaryScale requires TrafficRouting to be set',
  },
  {
    name: 'setHeaderRoute with a router that cannot route headers',
    rollout: changed(routedRollout, (r) => (canary(r).steps = [{ setHeaderRoute: { name: 'header' } }])),
    first: 'spec.strategy.steps[0].setHeaderRoute: Invalid value: {"name":"header"}: SetHeaderRoute requires TrafficRouting, supports Istio and ALB and Apisix',
  },
  {
    name: 'setMirrorRoute without traffic routing',
    rollout: changed(canaryRollout, (r) => (canary(r).steps = [{ setMirrorRoute: { name: 'mirror' } }])),
    first: 'spec.strategy.steps[0].setMirrorRoute: Invalid value: {"name":"mirror"}: SetMirrorRoute requires TrafficRouting, supports Istio and Plugins',
  },
  {
    name: 'setHeaderRoute without managedRoutes',
    rollout: changed(routedRollout, (r) => {
      canary(r).trafficRouting = { plugins: { 'argoproj-labs/gatewayAPI': {} } };
      canary(r).steps = [{ setHeaderRoute: { name: 'header', match: [{ headerName: 'x', headerValue: { exact: 'y' } }] } }];
    }),
    first: "spec.strategy.trafficRouting.managedRoutes: Required value: Rollout has missing field 'spec.strategy.canary.trafficRouting.managedRoutes'",
  },
  {
    name: 'setHeaderRoute naming a route that is not managed',
    rollout: changed(routedRollout, (r) => {
      canary(r).trafficRouting = { plugins: { 'argoproj-labs/gatewayAPI': {} }, managedRoutes: [{ name: 'other' }] };
      canary(r).steps = [{ setHeaderRoute: { name: 'header', match: [{ headerName: 'x', headerValue: { exact: 'y' } }] } }];
    }),
    first: 'spec.strategy.steps[0].setHeaderRoute: Invalid value: "header": Steps define a route that does not exist in spec.strategy.canary.trafficRouting.managedRoutes',
  },
  {
    name: 'a header match with two values',
    rollout: changed(routedRollout, (r) => {
      canary(r).trafficRouting = { plugins: { p: {} }, managedRoutes: [{ name: 'header' }] };
      canary(r).steps = [{ setHeaderRoute: { name: 'header', match: [{ headerName: 'x', headerValue: { exact: 'y', prefix: 'z' } }] } }];
    }),
    first: 'spec.strategy.steps[0].setHeaderRoute.match[0]: Invalid value: {"exact":"y","prefix":"z"}: StringMatch match value must have exactly one of the following: exact, regex, prefix',
  },
  {
    name: 'dynamicStableScale without traffic routing',
    rollout: changed(canaryRollout, (r) => (canary(r).dynamicStableScale = true)),
    first: 'spec.strategy.dynamicStableScale: Invalid value: true: Canary dynamicStableScale can only be used with traffic routing',
  },
  {
    name: 'dynamicStableScale with scaleDownDelaySeconds',
    rollout: changed(routedRollout, (r) => Object.assign(canary(r), { dynamicStableScale: true, scaleDownDelaySeconds: 30 })),
    first: 'spec.strategy.dynamicStableScale: Invalid value: true: Canary dynamicStableScale cannot be used with scaleDownDelaySeconds',
  },
  {
    name: 'scaleDownDelaySeconds without traffic routing',
    rollout: changed(canaryRollout, (r) => (canary(r).scaleDownDelaySeconds = 30)),
    first: 'spec.strategy.scaleDownDelaySeconds: Invalid value: 30: Canary scaleDownDelaySeconds can only be used with traffic routing',
  },
  {
    name: 'maxTrafficWeight with a router other than nginx or plugins',
    rollout: changed(routedRollout, (r) => (canary(r).trafficRouting = { smi: {}, maxTrafficWeight: 1000 })),
    first: 'spec.strategy.trafficRouting.maxTrafficWeight: Invalid value: 1000: Canary maxTrafficWeight in traffic routing only supported in Nginx and Plugins',
  },
  {
    name: 'an experiment template weight without traffic routing',
    rollout: changed(canaryRollout, (r) => (canary(r).steps = [{ experiment: { templates: [{ name: 'exp', specRef: 'canary', weight: 20 }] } }])),
    first: 'spec.strategy.steps[0].experiment.templates[0].weight: Invalid value: 20: Experiment template weight cannot be set unless TrafficRouting is enabled',
  },
  {
    name: 'an experiment template weight with nginx',
    rollout: changed(routedRollout, (r) => (canary(r).steps = [{ experiment: { templates: [{ name: 'exp', specRef: 'canary', weight: 20 }] } }])),
    first:
      'spec.strategy.steps[0].experiment.templates[0].weight: Invalid value: 20: Experiment template weight is only available for TrafficRouting with SMI, ALB, Istio and Plugins at this time',
  },
  {
    name: 'an analysis arg from a metadata field the downward API lacks',
    rollout: changed(canaryRollout, (r) => (canary(r).steps = [{ analysis: { templates: [{ templateName: 't' }], args: [{ name: 'a', valueFrom: { fieldRef: { fieldPath: 'metadata.generation' } } }] } }])),
    first:
      'spec.strategy.steps[0].analyses: Invalid value: [{"name":"a","valueFrom":{"fieldRef":{"fieldPath":"metadata.generation"}}}]: Analyses arguments must refer to valid object metadata supported by downwardAPI',
  },
  {
    name: 'antiAffinity with both kinds',
    rollout: changed(canaryRollout, (r) => (canary(r).antiAffinity = { preferredDuringSchedulingIgnoredDuringExecution: { weight: 50 }, requiredDuringSchedulingIgnoredDuringExecution: {} })),
    first:
      'spec.strategy.antiAffinity: Invalid value: "antiAffinity.PreferredDuringSchedulingIgnoredDuringExecution: true antiAffinity.RequiredDuringSchedulingIgnoredDuringExecution: true": AntiAffinity must have exactly one strategy listed',
  },
  {
    name: 'an antiAffinity weight above 100',
    rollout: changed(blueGreenRollout, (r) => (blueGreen(r).antiAffinity = { preferredDuringSchedulingIgnoredDuringExecution: { weight: 101 } })),
    first: 'spec.strategy.antiAffinity.weight: Invalid value: 101: AntiAffinity weight must be between 1-100',
  },
  {
    name: 'pingPong with the same service twice',
    rollout: changed(routedRollout, (r) => {
      canary(r).trafficRouting = { istio: { virtualService: { name: 'vs' } } };
      canary(r).pingPong = { pingService: 'svc', pongService: 'svc' };
    }),
    first: 'spec.strategy.pingPong.pingService: Invalid value: "svc": This rollout uses the same service for the ping and pong services, but two different services are required.',
  },
  {
    name: 'a template restartPolicy other than Always',
    rollout: changed(canaryRollout, (r) => r.spec.template?.spec && (r.spec.template.spec.restartPolicy = 'Never')),
    first: 'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
  },
  {
    name: 'a template with activeDeadlineSeconds',
    rollout: changed(canaryRollout, (r) => r.spec.template?.spec && (r.spec.template.spec.activeDeadlineSeconds = 30)),
    first: 'spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicaSet is not Supported',
  },
  {
    name: 'a template without containers',
    rollout: changed(canaryRollout, (r) => r.spec.template?.spec && (r.spec.template.spec.containers = [])),
    first: 'spec.template.spec.containers: Required value',
  },
  {
    name: 'a container without an image',
    rollout: changed(canaryRollout, (r) => r.spec.template?.spec && (r.spec.template.spec.containers = [{ name: 'demo' }])),
    first: 'spec.template.spec.containers[0].image: Required value',
  },
  {
    name: 'two containers with one name',
    rollout: changed(canaryRollout, (r) => r.spec.template?.spec && r.spec.template.spec.containers.push({ name: 'demo', image: 'x' })),
    first: 'spec.template.spec.containers[1].name: Duplicate value: "demo"',
  },
  {
    name: 'a workloadRef rollout that also has a template',
    rollout: changed(canaryRollout, (r) => (r.spec.workloadRef = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'demo' })),
    first: 'spec.template: Internal error: template must be empty for workload reference rollout',
  },
];

describe('validateRollout', () => {
  it('has at least 30 invalid cases', () => {
    expect(invalidCases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(invalidCases)('rejects $name', ({ rollout, first }) => {
    const errors = validateRollout(rollout);
    expect(errors.length).toBeGreaterThan(0);
    expect(formatFieldError(errors[0]!)).toBe(first);
  });

  it.each([
    { name: 'a basic canary', rollout: canaryRollout() },
    { name: 'a blue-green rollout', rollout: blueGreenRollout() },
    { name: 'a traffic-routed canary', rollout: routedRollout() },
    { name: 'a workloadRef rollout with an empty template', rollout: changed(canaryRollout, (r) => Object.assign(r.spec, { template: undefined, selector: undefined, workloadRef: { kind: 'Deployment', name: 'd' } })) },
    { name: 'pauses written as "30", "1m30s" and 10', rollout: changed(canaryRollout, (r) => (canary(r).steps = [{ pause: { duration: '30' } }, { pause: { duration: '1m30s' } }, { pause: { duration: 10 } }])) },
    { name: 'a setWeight of 0 and of 100', rollout: changed(canaryRollout, (r) => (canary(r).steps = [{ setWeight: 0 }, { setWeight: 100 }])) },
    { name: 'an analysis arg from a metadata label', rollout: changed(canaryRollout, (r) => (canary(r).steps = [{ analysis: { args: [{ name: 'a', valueFrom: { fieldRef: { fieldPath: "metadata.labels['region']" } } }] } }])) },
  ])('accepts $name', ({ rollout }) => {
    expect(validateRollout(rollout).map(formatFieldError)).toEqual([]);
  });

  it('reports a missing activeService after upstream errors', () => {
    const rollout = changed(blueGreenRollout, (r) => delete (blueGreen(r) as { activeService?: string }).activeService);
    expect(validateRollout(rollout).map(formatFieldError)).toEqual(['spec.strategy.blueGreen.activeService: Required value']);
  });
});

describe('invalidSpecMessage', () => {
  it('names the rollout and the first error as the controller writes it', () => {
    const rollout = changed(canaryRollout, (r) => (canary(r).steps = [{ setWeight: 200 }, { setWeight: 300 }]));
    expect(invalidSpecMessage(rollout, validateRollout(rollout))).toBe(
      'The Rollout "demo" is invalid: spec.strategy.steps[0].setWeight: Invalid value: 200: SetWeight needs to be between 0 and 100',
    );
  });

  it('is undefined when there is nothing wrong', () => {
    expect(invalidSpecMessage(canaryRollout(), [])).toBeUndefined();
  });
});

describe('validateRollout with references', () => {
  const service = (name: string, selector: Record<string, string>, annotations?: Record<string, string>): Service => ({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: 'default', ...(annotations ? { annotations } : {}) },
    spec: { selector },
  });

  it.each([
    {
      name: 'a referenced Service that does not exist',
      services: [service('active', { app: 'demo' })],
      first: 'spec.strategy.blueGreen.previewService: Invalid value: "preview": service "preview" not found',
    },
    {
      name: 'a Service selecting labels the pods lack',
      services: [service('active', { app: 'demo', tier: 'web' }), service('preview', { app: 'demo' })],
      first: 'spec.strategy.blueGreen.activeService: Invalid value: "active": Service "active" has unmatch label "tier" in rollout',
    },
    {
      name: 'a Service managed by another rollout',
      services: [service('active', { app: 'demo' }), service('preview', { app: 'demo' }, { 'argo-rollouts.argoproj.io/managed-by-rollouts': 'other' })],
      first: 'spec.strategy.blueGreen.previewService: Invalid value: "preview": Service "preview" is managed by another Rollout',
    },
  ])('rejects $name', ({ services, first }) => {
    const errors = validateRollout(blueGreenRollout(), { services });
    expect(errors.map(formatFieldError)[0]).toBe(first);
  });

  it('accepts Services whose selectors the pods satisfy, ignoring the pod-template hash', () => {
    const services = [service('active', { app: 'demo', 'rollouts-pod-template-hash': 'abc' }), service('preview', { app: 'demo' })];
    expect(validateRollout(blueGreenRollout(), { services })).toEqual([]);
  });

  it('rejects an analysis step whose template does not exist', () => {
    const rollout = changed(canaryRollout, (r) => (canary(r).steps = [{ analysis: { templates: [{ templateName: 'success-rate' }] } }]));
    expect(validateRollout(rollout, { templates: [] }).map(formatFieldError)).toEqual([
      'spec.strategy.canary.steps[0].analysis.templates: Invalid value: "success-rate": AnalysisTemplate \'success-rate\' not found',
    ]);
  });

  it('rejects a missing cluster template nested in a found one', () => {
    const rollout = changed(canaryRollout, (r) => (canary(r).analysis = { templates: [{ templateName: 'outer' }] }));
    const templates = [{ apiVersion: 'argoproj.io/v1alpha1', kind: 'AnalysisTemplate', metadata: { name: 'outer' }, spec: { templates: [{ templateName: 'inner', clusterScope: true }] } }];
    expect(validateRollout(rollout, { templates }).map(formatFieldError)).toEqual([
      'spec.templates: Invalid value: "inner": ClusterAnalysisTemplate \'inner\' not found',
    ]);
  });
});

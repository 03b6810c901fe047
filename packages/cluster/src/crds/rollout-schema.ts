// The Rollout openAPIV3Schema: spec (canary and blueGreen strategies, traffic routing, steps) and status.
// Field set follows upstream argo-rollouts pkg/apis/rollouts/v1alpha1/types.go (manifests/crds/rollout-crd.yaml).
import type { JsonSchema } from '../schema/json-schema.js';
import { boolean, dateTime, int32, int64, intOrString, list, map, object, preserve, string } from '../schema/schema-dsl.js';
import {
  analysisArgs,
  argoConditions,
  crdLabelSelector,
  crdPodTemplate,
  dryRunList,
  labelsAndAnnotations,
  measurementRetentionList,
} from './crd-schema-kit.js';

const strings = (): JsonSchema => list(string());

/** Rollout-side analysis arguments: values from a pod template hash or a field of the Rollout. */
const rolloutArgs = (): JsonSchema =>
  analysisArgs(object({ fieldRef: object({ fieldPath: string() }, { required: ['fieldPath'] }), podTemplateHashValue: string() }));

/** RolloutAnalysis: templates merged into one AnalysisRun (canary steps, pre/post promotion). */
function rolloutAnalysis(extra: Record<string, JsonSchema> = {}): JsonSchema {
  return object({
    analysisRunMetadata: labelsAndAnnotations(),
    args: rolloutArgs(),
    dryRun: dryRunList(),
    measurementRetention: measurementRetentionList(),
    templates: list(object({ clusterScope: boolean(), templateName: string() })),
    ...extra,
  });
}

const antiAffinity = (): JsonSchema =>
  object({
    preferredDuringSchedulingIgnoredDuringExecution: object({ weight: int32() }, { required: ['weight'] }),
    requiredDuringSchedulingIgnoredDuringExecution: object({}),
  });

const stringMatch = (): JsonSchema => object({ exact: string(), prefix: string(), regex: string() });

function canaryStep(): JsonSchema {
  return object({
    analysis: rolloutAnalysis(),
    experiment: object(
      {
        analyses: list(
          object(
            { args: rolloutArgs(), clusterScope: boolean(), name: string(), requiredForCompletion: boolean(), templateName: string() },
            { required: ['name', 'templateName'] },
          ),
        ),
        analysisRunMetadata: labelsAndAnnotations(),
        dryRun: dryRunList(),
        duration: string(),
        scaleDownDelaySeconds: int32(),
        templates: list(
          object(
            {
              metadata: labelsAndAnnotations(),
              name: string(),
              replicas: int32(),
              selector: crdLabelSelector(),
              service: object({ name: string() }),
              specRef: string(),
              weight: int32(),
            },
            { required: ['name', 'specRef'] },
          ),
        ),
      },
      { required: ['templates'] },
    ),
    pause: object({ duration: intOrString() }),
    plugin: object({ config: preserve(), name: string() }, { required: ['name'] }),
    setCanaryScale: object({ matchTrafficWeight: boolean(), replicas: int32(), weight: int32() }),
    setHeaderRoute: object({
      match: list(object({ headerName: string(), headerValue: stringMatch() }, { required: ['headerName', 'headerValue'] })),
      name: string(),
    }),
    setMirrorRoute: object(
      {
        match: list(object({ headers: map(stringMatch()), method: stringMatch(), path: stringMatch() })),
        name: string(),
        percentage: int32(),
      },
      { required: ['name'] },
    ),
    setWeight: int32(),
  });
}

function istioVirtualService(): JsonSchema {
  return object(
    {
      name: string(),
      routes: strings(),
      tcpRoutes: list(object({ port: int64() })),
      tlsRoutes: list(object({ port: int64(), sniHosts: strings() })),
    },
    { required: ['name'] },
  );
}

function trafficRouting(): JsonSchema {
  return object({
    alb: object(
      {
        annotationPrefix: string(),
        ingress: string(),
        ingresses: strings(),
        rootService: string(),
        servicePort: int32(),
        stickinessConfig: object({ durationSeconds: int64(), enabled: boolean() }, { required: ['durationSeconds', 'enabled'] }),
      },
      { required: ['servicePort'] },
    ),
    ambassador: object({ mappings: strings() }, { required: ['mappings'] }),
    apisix: object({ route: object({ name: string(), rules: strings() }, { required: ['name'] }) }),
    appMesh: object({
      virtualNodeGroup: object(
        {
          canaryVirtualNodeRef: object({ name: string() }, { required: ['name'] }),
          stableVirtualNodeRef: object({ name: string() }, { required: ['name'] }),
        },
        { required: ['canaryVirtualNodeRef', 'stableVirtualNodeRef'] },
      ),
      virtualService: object({ name: string(), routes: strings() }, { required: ['name'] }),
    }),
    istio: object({
      destinationRule: object(
        { additionalSubsetNames: strings(), canarySubsetName: string(), name: string(), stableSubsetName: string() },
        { required: ['canarySubsetName', 'name', 'stableSubsetName'] },
      ),
      virtualService: istioVirtualService(),
      virtualServices: list(istioVirtualService()),
    }),
    managedRoutes: list(object({ name: string() }, { required: ['name'] })),
    maxTrafficWeight: int32(),
    nginx: object({
      additionalIngressAnnotations: map(),
      annotationPrefix: string(),
      canaryIngressAnnotations: map(),
      stableIngress: string(),
      stableIngresses: strings(),
    }),
    plugins: preserve(),
    smi: object({ rootService: string(), trafficSplitName: string() }),
    traefik: object({ weightedTraefikServiceName: string() }, { required: ['weightedTraefikServiceName'] }),
  });
}

function canaryStrategy(): JsonSchema {
  return object({
    abortScaleDownDelaySeconds: int32(),
    analysis: rolloutAnalysis({ startingStep: int32() }),
    antiAffinity: antiAffinity(),
    canaryMetadata: labelsAndAnnotations(),
    canaryService: string(),
    dynamicStableScale: boolean(),
    maxSurge: intOrString(),
    maxUnavailable: intOrString(),
    minPodsPerReplicaSet: int32(),
    pingPong: object({ pingService: string(), pongService: string() }, { required: ['pingService', 'pongService'] }),
    replicaProgressThreshold: object({ type: string(), value: int32() }, { required: ['type', 'value'] }),
    scaleDownDelayRevisionLimit: int32(),
    scaleDownDelaySeconds: int32(),
    stableMetadata: labelsAndAnnotations(),
    stableService: string(),
    steps: list(canaryStep()),
    trafficRouting: trafficRouting(),
  });
}

function blueGreenStrategy(): JsonSchema {
  return object(
    {
      abortScaleDownDelaySeconds: int32(),
      activeMetadata: labelsAndAnnotations(),
      activeService: string(),
      antiAffinity: antiAffinity(),
      autoPromotionEnabled: boolean(),
      autoPromotionSeconds: int32(),
      maxUnavailable: intOrString(),
      postPromotionAnalysis: rolloutAnalysis(),
      prePromotionAnalysis: rolloutAnalysis(),
      previewMetadata: labelsAndAnnotations(),
      previewReplicaCount: int32(),
      previewService: string(),
      scaleDownDelayRevisionLimit: int32(),
      scaleDownDelaySeconds: int32(),
    },
    { required: ['activeService'] },
  );
}

function rolloutSpec(): JsonSchema {
  const selector = crdLabelSelector();
  selector['x-kubernetes-validations'] = [{ message: '.spec.selector is immutable', rule: 'self == oldSelf' }];
  return object({
    analysis: object({ successfulRunHistoryLimit: int32(), unsuccessfulRunHistoryLimit: int32() }),
    minReadySeconds: int32(),
    paused: boolean(),
    progressDeadlineAbort: boolean(),
    progressDeadlineSeconds: int32(),
    replicas: int32(),
    restartAt: dateTime(),
    revisionHistoryLimit: int32(),
    rollbackWindow: object({ revisions: int32() }),
    selector,
    strategy: object({ blueGreen: blueGreenStrategy(), canary: canaryStrategy() }),
    template: crdPodTemplate(),
    workloadRef: object({ apiVersion: string(), kind: string(), name: string(), scaleDown: string() }),
  });
}

const runStatus = (): JsonSchema => object({ message: string(), name: string(), status: string() }, { required: ['name', 'status'] });
const targetGroup = (): JsonSchema => object({ arn: string(), fullName: string(), name: string() }, { required: ['arn', 'name'] });
const albStatus = (): JsonSchema =>
  object({ canaryTargetGroup: targetGroup(), ingress: string(), loadBalancer: targetGroup(), stableTargetGroup: targetGroup() });

/**
 * Rollout status. The commonly read fields are declared; unknown status fields are preserved rather than
 * pruned (x-kubernetes-preserve-unknown-fields) so nothing a controller writes is silently dropped.
 */
function rolloutStatus(): JsonSchema {
  const weight = object({ podTemplateHash: string(), serviceName: string(), weight: int32() }, { required: ['weight'] });
  return object(
    {
      HPAReplicas: int32(),
      abort: boolean(),
      abortedAt: dateTime(),
      alb: albStatus(),
      albs: list(albStatus()),
      availableReplicas: int32(),
      blueGreen: object({
        activeSelector: string(),
        postPromotionAnalysisRunStatus: runStatus(),
        prePromotionAnalysisRunStatus: runStatus(),
        previewSelector: string(),
        scaleUpPreviewCheckPoint: boolean(),
      }),
      canary: object(
        {
          currentBackgroundAnalysisRunStatus: runStatus(),
          currentExperiment: string(),
          currentStepAnalysisRunStatus: runStatus(),
          stablePingPong: string(),
          stepPluginStatuses: list(preserve()),
          weights: object({ additional: list(weight), canary: weight, stable: weight, verified: boolean() }, { required: ['canary', 'stable'] }),
        },
        { 'x-kubernetes-preserve-unknown-fields': true },
      ),
      collisionCount: int32(),
      conditions: argoConditions(),
      controllerPause: boolean(),
      currentPodHash: string(),
      currentStepHash: string(),
      currentStepIndex: int32(),
      duration: preserve(),
      message: string(),
      observedGeneration: string(),
      pauseConditions: list(object({ reason: string(), startTime: dateTime() }, { required: ['reason', 'startTime'] })),
      phase: string(),
      promoteFull: boolean(),
      readyReplicas: int32(),
      replicas: int32(),
      restartedAt: dateTime(),
      selector: string(),
      stableRS: string(),
      updatedReplicas: int32(),
      workloadObservedGeneration: string(),
    },
    { 'x-kubernetes-preserve-unknown-fields': true },
  );
}

export function rolloutSchema(): JsonSchema {
  return object(
    { apiVersion: string(), kind: string(), metadata: { type: 'object' }, spec: rolloutSpec(), status: rolloutStatus() },
    { description: 'Rollout is a specification for a Rollout resource', required: ['spec'] },
  );
}

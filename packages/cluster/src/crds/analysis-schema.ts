// openAPIV3Schemas of AnalysisTemplate, ClusterAnalysisTemplate and AnalysisRun: arguments, metrics and providers.
// Field set follows upstream argo-rollouts pkg/apis/rollouts/v1alpha1/analysis_types.go. The kayenta and
// cloudWatch providers are kept as-is (x-kubernetes-preserve-unknown-fields) rather than modelled field by field.
import type { JsonSchema } from '../schema/json-schema.js';
import { boolean, dateTime, int32, int64, intOrString, list, map, object, oneOfStrings, preserve, string } from '../schema/schema-dsl.js';
import { analysisArgs, crdPodTemplate, dryRunList, inlineComponent, labelsAndAnnotations, measurementRetentionList } from './crd-schema-kit.js';

const strings = (): JsonSchema => list(string());

/** Template-side arguments: values from a Secret key or a field path. */
export function templateArgs(): JsonSchema {
  return analysisArgs(
    object({
      fieldRef: object({ fieldPath: string() }, { required: ['fieldPath'] }),
      secretKeyRef: object({ key: string(), name: string() }, { required: ['key', 'name'] }),
    }),
  );
}

const headers = (): JsonSchema => list(object({ key: string(), value: string() }, { required: ['key', 'value'] }));

const authentication = (): JsonSchema =>
  object({
    basicAuth: object({ password: string(), username: string() }),
    oauth2: object({ clientId: string(), clientSecret: string(), scopes: strings(), tokenUrl: string() }),
    sigv4: object({ profile: string(), region: string(), roleArn: string() }),
  });

function jobProvider(): JsonSchema {
  const spec = inlineComponent('io.k8s.api.batch.v1.JobSpec');
  if (spec.properties) spec.properties['template'] = crdPodTemplate();
  return object({ metadata: labelsAndAnnotations(), spec }, { required: ['spec'] });
}

function provider(): JsonSchema {
  return object({
    cloudWatch: preserve(),
    datadog: object({
      aggregator: oneOfStrings(['avg', 'min', 'max', 'sum', 'last', 'percentile', 'mean', 'l2norm', 'area']),
      apiVersion: oneOfStrings(['v1', 'v2'], { default: 'v1' }),
      formula: string(),
      interval: string({ default: '5m' }),
      queries: map(),
      query: string(),
      requestTimeout: string({ default: '10s' }),
      secretRef: object({ name: string(), namespaced: boolean() }),
    }),
    graphite: object({ address: string(), query: string() }),
    influxdb: object({ profile: string(), query: string() }),
    job: jobProvider(),
    kayenta: preserve(),
    newRelic: object({ profile: string(), query: string(), timeout: int64() }, { required: ['query'] }),
    plugin: preserve(),
    prometheus: object({
      address: string(),
      authentication: authentication(),
      headers: headers(),
      insecure: boolean(),
      query: string(),
      rangeQuery: object({ end: string(), start: string(), step: string() }),
      timeout: int64(),
    }),
    skywalking: object({ address: string(), interval: string(), query: string() }),
    wavefront: object({ address: string(), query: string() }),
    web: object(
      {
        authentication: authentication(),
        body: string(),
        headers: headers(),
        insecure: boolean(),
        jsonBody: preserve(),
        jsonPath: string(),
        method: string(),
        timeoutSeconds: int64(),
        url: string(),
      },
      { required: ['url'] },
    ),
  });
}

export function metrics(): JsonSchema {
  return list(
    object(
      {
        consecutiveErrorLimit: intOrString(),
        consecutiveSuccessLimit: intOrString(),
        count: intOrString(),
        failureCondition: string(),
        failureLimit: intOrString(),
        inconclusiveLimit: intOrString(),
        initialDelay: string(),
        interval: string(),
        name: string(),
        provider: provider(),
        successCondition: string(),
      },
      { required: ['name', 'provider'] },
    ),
  );
}

export function analysisTemplateSchema(description: string): JsonSchema {
  return object(
    {
      apiVersion: string(),
      kind: string(),
      metadata: { type: 'object' },
      spec: object({
        args: templateArgs(),
        dryRun: dryRunList(),
        measurementRetention: measurementRetentionList(),
        metrics: metrics(),
        templates: list(object({ clusterScope: boolean(), templateName: string() })),
      }),
    },
    { description, required: ['spec'] },
  );
}

const summary = (): JsonSchema => object({ count: int32(), error: int32(), failed: int32(), inconclusive: int32(), successful: int32() });

/** AnalysisRun status; measurements and metric metadata are free-form, unknown status fields are preserved. */
function analysisRunStatus(): JsonSchema {
  return object(
    {
      completedAt: dateTime(),
      dryRunSummary: summary(),
      message: string(),
      metricResults: list(
        object(
          {
            consecutiveError: int32(),
            consecutiveSuccess: int32(),
            count: int32(),
            dryRun: boolean(),
            error: int32(),
            failed: int32(),
            inconclusive: int32(),
            measurements: list(preserve()),
            message: string(),
            metadata: map(),
            name: string(),
            phase: string(),
            successful: int32(),
          },
          { required: ['name', 'phase'], 'x-kubernetes-preserve-unknown-fields': true },
        ),
      ),
      phase: string(),
      runSummary: summary(),
      startedAt: dateTime(),
    },
    { required: ['phase'], 'x-kubernetes-preserve-unknown-fields': true },
  );
}

export function analysisRunSchema(): JsonSchema {
  return object(
    {
      apiVersion: string(),
      kind: string(),
      metadata: { type: 'object' },
      spec: object(
        {
          args: templateArgs(),
          dryRun: dryRunList(),
          measurementRetention: measurementRetentionList(),
          metrics: metrics(),
          terminate: boolean(),
          ttlStrategy: object({ secondsAfterCompletion: int32(), secondsAfterFailure: int32(), secondsAfterSuccess: int32() }),
        },
        { required: ['metrics'] },
      ),
      status: analysisRunStatus(),
    },
    { description: 'AnalysisRun is an instantiation of an AnalysisTemplate', required: ['spec'] },
  );
}

// argoproj.io/v1alpha1 metric providers: where a Metric's measurement comes from (exactly one per metric).
// Upstream: pkg/apis/rollouts/v1alpha1/analysis_types.go (MetricProvider and the *Metric structs).
import type { JobSpec } from '../batch.js';
import type { ObjectMeta } from '../meta.js';
import type { IntOrString } from '../scalars.js';

/** A Go duration string: `30s`, `5m`, `1h30m`. */
export type DurationString = string;

export interface WebMetricHeader {
  key: string;
  value: string;
}

export interface Sigv4Config {
  region?: string;
  profile?: string;
  roleArn?: string;
}

export interface OAuth2Config {
  tokenUrl?: string;
  clientId?: string;
  clientSecret?: string;
  scopes?: string[];
}

export interface BasicAuthConfig {
  username?: string;
  password?: string;
}

/** At most one method is used: sigv4 (Amazon Managed Prometheus), oauth2 client credentials, or basic auth. */
export interface Authentication {
  sigv4?: Sigv4Config;
  oauth2?: OAuth2Config;
  basicAuth?: BasicAuthConfig;
}

export interface PrometheusRangeQueryArgs {
  /** An expr expression returning a time, e.g. `now() - duration("1h")`. */
  start?: string;
  end?: string;
  /** Resolution step, e.g. `1m`. */
  step?: DurationString;
}

export interface PrometheusMetric {
  /** Falls back to env `ARGO_ROLLOUTS_PROMETHEUS_ADDRESS` when that is set to a valid URL. */
  address?: string;
  query?: string;
  authentication?: Authentication;
  /** Seconds; default 30. */
  timeout?: number;
  insecure?: boolean;
  headers?: WebMetricHeader[];
  /** Run a range query instead of an instant query; `result` is then every sample flattened. */
  rangeQuery?: PrometheusRangeQueryArgs;
}

export const WebMetricMethod = { GET: 'GET', POST: 'POST', PUT: 'PUT' } as const;
export type WebMetricMethod = (typeof WebMetricMethod)[keyof typeof WebMetricMethod];

export interface WebMetric {
  /** Default GET. */
  method?: WebMetricMethod;
  url: string;
  headers?: WebMetricHeader[];
  /** Request body (POST/PUT only). */
  body?: string;
  /** Seconds; default 10. */
  timeoutSeconds?: number;
  /** Kubernetes JSONPath selecting `result` from the response; default `{$}`. */
  jsonPath?: string;
  insecure?: boolean;
  /** Request body as JSON (POST/PUT only); free-form. */
  jsonBody?: unknown;
  authentication?: Authentication;
}

/** Runs a Job per measurement: Complete ⇒ Successful, Failed ⇒ Failed. */
export interface JobMetric {
  metadata?: ObjectMeta;
  spec: JobSpec;
}

export interface KayentaThreshold {
  /** Score at or above which the measurement is Successful. */
  pass: number;
  /** Score at or above which (but below pass) it is Inconclusive. */
  marginal: number;
}

export interface ScopeDetail {
  scope: string;
  region: string;
  step: number;
  start?: string;
  end?: string;
}

export interface KayentaScope {
  name: string;
  controlScope: ScopeDetail;
  experimentScope: ScopeDetail;
}

export interface KayentaMetric {
  address: string;
  application: string;
  canaryConfigName: string;
  metricsAccountName: string;
  configurationAccountName: string;
  storageAccountName: string;
  threshold: KayentaThreshold;
  scopes: KayentaScope[];
  lookback?: boolean;
}

export interface SecretRef {
  /** Secret holding `api-key`, `app-key`, `address`; default `datadog` in the controller namespace. */
  name?: string;
  /** Look the Secret up in the AnalysisRun's namespace instead of the controller's. */
  namespaced?: boolean;
}

export interface DatadogMetric {
  /** Look-back window of the query (not the polling rate); default `5m`. */
  interval?: DurationString;
  /** v1 query. */
  query?: string;
  /** v2: named queries referenced from `formula`. */
  queries?: Record<string, string>;
  /** v2: formula over `queries`. */
  formula?: string;
  /** `v1` (default) or `v2`. */
  apiVersion?: 'v1' | 'v2';
  /** v2 aggregator. */
  aggregator?: 'avg' | 'min' | 'max' | 'sum' | 'last' | 'percentile' | 'mean' | 'l2norm' | 'area';
  secretRef?: SecretRef;
  /** HTTP timeout; default `10s`. */
  requestTimeout?: DurationString;
}

export interface NewRelicMetric {
  /** Secret with `personal-api-key`, `account-id`, `region`, …; default `newrelic`. */
  profile?: string;
  /** NRQL. */
  query: string;
  timeout?: number;
}

export interface WavefrontMetric {
  address?: string;
  query?: string;
}

export interface GraphiteMetric {
  address?: string;
  query?: string;
}

export interface InfluxdbMetric {
  /** Secret with `authToken`, `address`, `org`; default `influxdb`. */
  profile?: string;
  /** Flux query. */
  query?: string;
}

export interface CloudWatchMetricStatMetricDimension {
  name?: string;
  value?: string;
}

export interface CloudWatchMetricStat {
  metric?: {
    dimensions?: CloudWatchMetricStatMetricDimension[];
    metricName?: string;
    namespace?: string;
  };
  period?: IntOrString;
  stat?: string;
  unit?: string;
}

export interface CloudWatchMetricDataQuery {
  id?: string;
  expression?: string;
  label?: string;
  metricStat?: CloudWatchMetricStat;
  period?: IntOrString;
  returnData?: boolean;
}

export interface CloudWatchMetric {
  /** Look-back window; default `5m`. */
  interval?: DurationString;
  metricDataQueries: CloudWatchMetricDataQuery[];
}

export interface SkyWalkingMetric {
  address?: string;
  /** GraphQL query. */
  query?: string;
  interval?: DurationString;
}

/** Exactly one member is set. */
export interface MetricProvider {
  prometheus?: PrometheusMetric;
  kayenta?: KayentaMetric;
  web?: WebMetric;
  datadog?: DatadogMetric;
  wavefront?: WavefrontMetric;
  newRelic?: NewRelicMetric;
  job?: JobMetric;
  cloudWatch?: CloudWatchMetric;
  graphite?: GraphiteMetric;
  influxdb?: InfluxdbMetric;
  skywalking?: SkyWalkingMetric;
  /** `{<plugin name>: <free-form config>}` for a metric-provider plugin. */
  plugin?: Record<string, unknown>;
}

/** The provider keys of MetricProvider, in upstream order. */
export const MetricProviderType = {
  Prometheus: 'prometheus',
  Kayenta: 'kayenta',
  Web: 'web',
  Datadog: 'datadog',
  Wavefront: 'wavefront',
  NewRelic: 'newRelic',
  Job: 'job',
  CloudWatch: 'cloudWatch',
  Graphite: 'graphite',
  Influxdb: 'influxdb',
  SkyWalking: 'skywalking',
  Plugin: 'plugin',
} as const satisfies Record<string, keyof MetricProvider>;
export type MetricProviderType = (typeof MetricProviderType)[keyof typeof MetricProviderType];

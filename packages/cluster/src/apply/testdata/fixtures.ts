// Test fixtures for server-side apply: small Deployment and Service configurations and a helper to run apply steps.
import { builtInListInfo } from '../built-in-list-info.js';
import { serverSideApply, type ServerSideApplyResult } from '../server-side-apply.js';
import { trackUpdate } from '../track-update.js';

export const deploymentInfo = builtInListInfo({ apiVersion: 'apps/v1', kind: 'Deployment' });
export const serviceInfo = builtInListInfo({ apiVersion: 'v1', kind: 'Service' });

export const t0 = '2025-01-01T00:00:00Z';
export const t1 = '2025-01-01T00:01:00Z';
export const t2 = '2025-01-01T00:02:00Z';

type Json = Record<string, unknown>;

/** A Deployment configuration; `spec` members replace the defaults. */
export function deployment(spec: Json = {}, metadata: Json = {}): Json {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', labels: { app: 'web' }, ...metadata },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'app', image: 'nginx:1', ports: [{ containerPort: 80 }] }] },
      },
      ...spec,
    },
  };
}

/** A Deployment configuration with only the given spec fields (what a second manager applies). */
export function partialDeployment(spec: Json, metadata: Json = {}): Json {
  return { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default', ...metadata }, spec };
}

export function containersSpec(containers: Json[]): Json {
  return { template: { spec: { containers } } };
}

export function service(ports: Json[], metadata: Json = {}): Json {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default', ...metadata }, spec: { ports } };
}

export interface ApplyStep {
  readonly kind: 'apply';
  readonly manager: string;
  readonly config: Json;
  readonly force?: boolean;
  readonly now?: string;
}

export interface UpdateStep {
  readonly kind: 'update';
  readonly manager: string;
  /** Changes the current object into the updated one. */
  readonly change: (object: Json) => Json;
  readonly subresource?: string;
  readonly now?: string;
}

export type Step = ApplyStep | UpdateStep;

export function apply(manager: string, config: Json, options: { force?: boolean; now?: string } = {}): ApplyStep {
  return { kind: 'apply', manager, config, ...options };
}

export function update(manager: string, change: (object: Json) => Json, options: { now?: string; subresource?: string } = {}): UpdateStep {
  return { kind: 'update', manager, change, ...options };
}

/**
 * Runs the steps against one object, as the API server would store it: each apply or update starts from
 * the previous result. Throws if an intermediate apply conflicts; returns the last apply's result.
 */
export function runSteps(steps: readonly Step[], info = deploymentInfo, apiVersion = 'apps/v1'): ServerSideApplyResult {
  let live: Json | undefined;
  let last: ServerSideApplyResult = { object: {}, conflicts: [] };
  steps.forEach((step, index) => {
    const now = step.now ?? t0;
    if (step.kind === 'apply') {
      last = serverSideApply({ live, applied: step.config, manager: step.manager, force: step.force ?? false, now, apiVersion, listInfo: info });
      if (last.conflicts.length > 0 && index < steps.length - 1) throw new Error(`step ${index} conflicted`);
      live = last.object;
    } else {
      const updated = step.change(structuredClone(live ?? {}));
      live = trackUpdate({ live, updated, manager: step.manager, now, apiVersion, listInfo: info, ...(step.subresource ? { subresource: step.subresource } : {}) });
      last = { object: live, conflicts: [] };
    }
  });
  return last;
}

/** The managedFields entry of `manager` (optionally with an operation), or undefined. */
export function entryOf(object: Json, manager: string, operation?: string): Json | undefined {
  const metadata = object.metadata as { managedFields?: Json[] } | undefined;
  return metadata?.managedFields?.find((entry) => entry.manager === manager && (operation === undefined || entry.operation === operation));
}

/** Reads a nested member: `at(obj, 'spec', 'replicas')`. */
export function at(object: unknown, ...path: Array<string | number>): unknown {
  let current: unknown = object;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

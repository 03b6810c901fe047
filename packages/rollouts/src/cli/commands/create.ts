// `create -f FILE... [-w] [--no-color]`: creates every object of the files (YAML with several documents, or JSON):
// the argoproj kinds upstream creates and any other kind the cluster serves; prints `<kind>.<group>/<name> created`.
// With --watch, follows the created Rollout or Experiment. Upstream: pkg/kubectl-argo-rollouts/cmd/create/create.go.
import { defineResourceType, Resources, type KubeObject, type ResourceType } from '@aviary/kube';
import { parseAllDocuments } from 'yaml';
import { boolFlag, stringArrayFlag } from '../command-args.js';
import type { Invocation } from '../command-spec.js';
import { CliError, CliUsageError } from '../errors.js';
import type { KubeCommandIo } from '../io.js';
import { readManifestFile } from './lint.js';

/** Kinds served cluster-wide: created without a namespace. */
const clusterScopedKinds = new Set(['Namespace', 'Node', 'PersistentVolume', 'ClusterRole', 'ClusterRoleBinding', 'StorageClass', 'CustomResourceDefinition', 'ClusterAnalysisTemplate', 'ClusterWorkflowTemplate', 'PriorityClass', 'IngressClass']);

/** The objects of one file: a JSON object or list, or every non-empty YAML document. */
export function readObjects(file: string, text: string): KubeObject[] {
  const trimmed = text.trimStart();
  let values: unknown[];
  if (trimmed.startsWith('{')) {
    try {
      values = [JSON.parse(text)];
    } catch (err: unknown) {
      throw new CliError(`${file}: ${err instanceof Error ? err.message : String(err)}`);
    }
  } else {
    values = parseAllDocuments(text).map((document) => {
      if ('errors' in document && document.errors.length > 0) throw new CliError(`error converting YAML to JSON: ${document.errors.map((e) => e.message).join('; ')}`);
      return document.toJS() as unknown;
    });
  }
  const objects: KubeObject[] = [];
  for (const value of values) {
    if (value === null || value === undefined) continue;
    const object = value as KubeObject & { items?: unknown[] };
    if (typeof object !== 'object' || Array.isArray(object)) throw new CliError(`${file}: a document is not an object`);
    if (object.kind?.endsWith('List') && Array.isArray(object.items)) objects.push(...(object.items as KubeObject[]));
    else objects.push(object);
  }
  return objects;
}

/** The resource type of an object: a known one, else the usual plural of its kind (`Widget` → `widgets`). */
export function resourceTypeOf(object: KubeObject): ResourceType {
  const apiVersion = object.apiVersion ?? '';
  const kind = object.kind ?? '';
  if (!apiVersion || !kind) throw new CliError(`Object 'Kind' is missing in '${JSON.stringify(object).slice(0, 200)}'`);
  const [group, version] = apiVersion.includes('/') ? (apiVersion.split('/') as [string, string]) : ['', apiVersion];
  const known = Object.values(Resources).find((type) => type.group === group && type.version === version && type.kind === kind);
  if (known) return known;
  const lower = kind.toLowerCase();
  const plural = /(s|x|z|ch|sh)$/.test(lower) ? `${lower}es` : /[^aeiou]y$/.test(lower) ? `${lower.slice(0, -1)}ies` : `${lower}s`;
  return defineResourceType(group, version, plural, kind, !clusterScopedKinds.has(kind));
}

/** `rollout.argoproj.io/demo created`, `service/demo created`. */
function createdLine(type: ResourceType, name: string): string {
  return `${type.kind.toLowerCase()}${type.group ? `.${type.group}` : ''}/${name} created`;
}

export interface CreateOptions {
  files: readonly string[];
  watch?: boolean;
  noColor?: boolean;
}

export async function runCreate(io: KubeCommandIo, options: CreateOptions): Promise<number> {
  const objects = options.files.flatMap((file) => readObjects(file, readManifestFile(file)));
  const created: { type: ResourceType; object: KubeObject }[] = [];
  for (const object of objects) {
    const type = resourceTypeOf(object);
    const metadata = { ...object.metadata, ...(type.namespaced ? { namespace: object.metadata?.namespace ?? io.namespace } : {}) };
    const result = await io.client.create<KubeObject>(type, { ...object, metadata });
    io.stdout.write(`${createdLine(type, result.metadata?.name ?? metadata.name ?? '')}\n`);
    created.push({ type, object: result });
  }
  if (!options.watch) return 0;
  const [first] = created;
  const name = first?.object.metadata?.name ?? '';
  const watchIo = { ...io, namespace: first?.object.metadata?.namespace ?? io.namespace };
  if (first?.type === Resources.rollouts) return (await import('./get-rollout.js')).runGetRollout(watchIo, { name, watch: true, noColor: options.noColor ?? false });
  if (first?.type === Resources.experiments) return (await import('./get-experiment.js')).runGetExperiment(watchIo, { name, watch: true, noColor: options.noColor ?? false });
  throw new CliError('Can only watch resources of type Rollout or Experiment');
}

export async function execute(invocation: Invocation): Promise<number> {
  const files = stringArrayFlag(invocation, 'filename');
  const watch = boolFlag(invocation, 'watch');
  if (files.length === 0) throw new CliUsageError(invocation.usage);
  if (files.length > 1 && watch) throw new CliError('Cannot watch multiple resources');
  return runCreate(await invocation.connect(), { files, watch, noColor: boolFlag(invocation, 'no-color') });
}

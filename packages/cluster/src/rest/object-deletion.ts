// Deletion semantics: preconditions, propagation policy finalizers (orphan, foregroundDeletion), graceful pod
// deletion, namespaces that wait for their content, and deletecollection
// (k8s.io/apiserver/pkg/registry/generic/registry/store.go Delete, rest/delete.go BeforeDelete).
import { copyJson, type DeleteOptions, type DeletionPropagation, type KubeObject, type ObjectList } from '@aviary/kube';
import type { ResourceInfo } from '../registry/index.js';
import { badRequestError, conflictError, forbiddenError, notFoundError } from '../server/api-errors.js';
import { resourcePolicy } from './resource-policy.js';
import { finalizersDone, withType, type ListOptions, type ObjectService } from './object-service.js';
import { formatTimestamp } from './timestamps.js';

export const FinalizerName = { Orphan: 'orphan', Foreground: 'foregroundDeletion' } as const;

/** Namespaces the API server refuses to delete (the NamespaceLifecycle admission plugin). */
export const immortalNamespaces: readonly string[] = ['default', 'kube-system', 'kube-public'];

export interface DeleteResult {
  /** The deleted object, or the object now marked for deletion. */
  readonly object: KubeObject;
  /** True when the object is gone from storage. */
  readonly deleted: boolean;
}

export interface DeleteCallOptions extends DeleteOptions {
  /** Legacy DeleteOptions field: true means Orphan, false Background. */
  orphanDependents?: boolean;
}

const terminalPodPhases = new Set(['Succeeded', 'Failed']);

export function deleteObject(
  service: ObjectService,
  info: ResourceInfo,
  namespace: string | undefined,
  name: string,
  options: DeleteCallOptions = {},
  dryRun = false,
): DeleteResult {
  const { store, clock } = service.context;
  const key = service.keyOf(info, namespace, name);
  const stored = store.get(key);
  if (stored === undefined) throw notFoundError(info, name);
  const live = stored.object;
  const meta = live.metadata ?? {};
  checkPreconditions(info, name, live, options);
  if (resourcePolicy.is(info, '', 'namespaces') && immortalNamespaces.includes(name)) {
    throw forbiddenError(info, name, 'this namespace may not be deleted');
  }
  const policy = propagationOf(info, options);
  const finalizers = finalizersFor(meta.finalizers ?? [], policy);
  const grace = gracePeriodOf(info, live, options);
  const namespacePending = resourcePolicy.is(info, '', 'namespaces') && !finalizersDone(info, { metadata: {}, ...live });
  const now = clock.now();

  if (meta.deletionTimestamp) {
    // Already being deleted: only a shorter grace period than the one in force changes anything, and 0 removes
    // the object now (k8s.io/apiserver registry/rest/delete.go BeforeDelete, then the store's immediate delete).
    const unchanged: DeleteResult = { object: withType(live, info), deleted: false };
    const current = meta.deletionGracePeriodSeconds;
    if (current === undefined) return finalizers.length === 0 ? remove() : unchanged;
    if (grace === undefined || grace >= current) return unchanged;
    if (grace === 0 && finalizers.length === 0) return remove();
    const deadline = Date.parse(meta.deletionTimestamp) - current * 1000 + grace * 1000;
    const next = copyJson(live);
    next.metadata = { ...next.metadata, deletionTimestamp: formatTimestamp(deadline), deletionGracePeriodSeconds: grace };
    return write(next);
  }

  if (finalizers.length === 0 && !namespacePending && !(grace !== undefined && grace > 0)) return remove();

  const next = copyJson(live);
  const nextMeta = (next.metadata ??= {});
  if (finalizers.length > 0) nextMeta.finalizers = finalizers;
  else delete nextMeta.finalizers;
  nextMeta.deletionTimestamp = formatTimestamp(now + (grace ?? 0) * 1000);
  nextMeta.deletionGracePeriodSeconds = grace ?? 0;
  if (nextMeta.generation !== undefined && nextMeta.generation > 0) nextMeta.generation += 1;
  if (resourcePolicy.is(info, '', 'namespaces')) {
    const json = next as { status?: Record<string, unknown> };
    json.status = { ...json.status, phase: 'Terminating' };
  }
  return write(next);

  function remove(): DeleteResult {
    if (dryRun) return { object: withType(live, info), deleted: true };
    const gone = store.delete(key, stored?.revision);
    return { object: withType(gone.object, info), deleted: true };
  }

  function write(next: KubeObject): DeleteResult {
    if (dryRun) return { object: withType(next, info), deleted: false };
    return { object: withType(store.update(key, next, stored?.revision).object, info), deleted: false };
  }
}

/** Deletes every object of a collection the selectors match; answers the list of what was deleted. */
export function deleteCollection(
  service: ObjectService,
  info: ResourceInfo,
  namespace: string | undefined,
  listOptions: ListOptions,
  options: DeleteCallOptions = {},
  dryRun = false,
): ObjectList {
  const list = service.list(info, namespace, { ...listOptions, limit: 0, continue: null });
  const items: KubeObject[] = [];
  for (const item of list.items) {
    try {
      const result = deleteObject(service, info, item.metadata?.namespace, item.metadata?.name ?? '', options, dryRun);
      items.push(result.object);
    } catch (err: unknown) {
      // Gone in the meantime, or protected (immortal namespaces): skip it as upstream does for NotFound.
      if (!(err instanceof Error && 'code' in err && (err.code === 404 || err.code === 403))) throw err;
    }
  }
  return { ...list, items };
}

function checkPreconditions(info: ResourceInfo, name: string, live: KubeObject, options: DeleteOptions): void {
  const pre = options.preconditions;
  if (pre === undefined || pre === null) return;
  const meta = live.metadata ?? {};
  if (pre.uid && pre.uid !== meta.uid) {
    throw conflictError(info, name, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${meta.uid ?? ''}`);
  }
  if (pre.resourceVersion && pre.resourceVersion !== meta.resourceVersion) {
    throw conflictError(info, name, `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${meta.resourceVersion ?? ''}`);
  }
}

const policies = new Set<string>(['Orphan', 'Background', 'Foreground']);

function propagationOf(info: ResourceInfo, options: DeleteCallOptions): DeletionPropagation {
  const policy = options.propagationPolicy;
  if (policy !== undefined && policy !== null) {
    if (!policies.has(policy)) {
      throw badRequestError(`propagationPolicy: Unsupported value: ${JSON.stringify(policy)}: supported values: "Foreground", "Background", "Orphan"`);
    }
    if (options.orphanDependents !== undefined) throw badRequestError('propagationPolicy: Invalid value: orphanDependents and propagationPolicy cannot both be set');
    return policy;
  }
  if (options.orphanDependents !== undefined) return options.orphanDependents ? 'Orphan' : 'Background';
  // batch/v1 Jobs keep their pods by default, for backward compatibility (job strategy DefaultGarbageCollectionPolicy).
  return resourcePolicy.is(info, 'batch', 'jobs') ? 'Orphan' : 'Background';
}

function finalizersFor(existing: readonly string[], policy: DeletionPropagation): string[] {
  const others = existing.filter((f) => f !== FinalizerName.Orphan && f !== FinalizerName.Foreground);
  if (policy === 'Orphan') return [...others, FinalizerName.Orphan];
  if (policy === 'Foreground') return [...others, FinalizerName.Foreground];
  return others;
}

/** Pods bound to a node and not finished get a grace period; everything else is deleted at once. */
function gracePeriodOf(info: ResourceInfo, live: KubeObject, options: DeleteOptions): number | undefined {
  if (options.gracePeriodSeconds !== undefined && options.gracePeriodSeconds !== null) {
    if (typeof options.gracePeriodSeconds !== 'number' || !Number.isInteger(options.gracePeriodSeconds)) {
      throw badRequestError('gracePeriodSeconds must be an integer');
    }
  }
  if (!resourcePolicy.is(info, '', 'pods')) return undefined;
  const pod = live as { spec?: { nodeName?: string; terminationGracePeriodSeconds?: number }; status?: { phase?: string } };
  if (!pod.spec?.nodeName || terminalPodPhases.has(pod.status?.phase ?? '')) return 0;
  const requested = options.gracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30;
  return Math.max(0, requested);
}

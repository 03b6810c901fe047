// Query strings for list, watch, write and patch requests, with the parameter names the API server expects.
import { PatchType, type ListOptions, type PatchOptions, type WatchOptions, type WriteOptions } from './kube-client.js';

export type QueryValue = string | number | boolean | undefined;

/** `?a=1&b=x` from the defined values, or '' when there are none. */
export function buildQueryString(params: Readonly<Record<string, QueryValue>>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.append(key, String(value));
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

export function buildListQuery(options: ListOptions = {}): string {
  return buildQueryString({
    labelSelector: options.labelSelector,
    fieldSelector: options.fieldSelector,
    limit: options.limit,
    continue: options.continue,
    resourceVersion: options.resourceVersion,
  });
}

export function buildWatchQuery(options: WatchOptions): string {
  return buildQueryString({
    watch: 'true',
    labelSelector: options.labelSelector,
    fieldSelector: options.fieldSelector,
    resourceVersion: options.resourceVersion,
    allowWatchBookmarks: options.allowWatchBookmarks ? 'true' : undefined,
    timeoutSeconds: options.timeoutSeconds,
  });
}

function writeParams(options: WriteOptions): Record<string, QueryValue> {
  return {
    dryRun: options.dryRun ? 'All' : undefined,
    fieldManager: options.fieldManager,
    fieldValidation: options.fieldValidation,
  };
}

export function buildWriteQuery(options: WriteOptions = {}): string {
  return buildQueryString(writeParams(options));
}

/** Server-side apply requires a field manager; `force` only means something for apply. */
export function buildPatchQuery(options: { patch: PatchOptions; patchType: PatchType; defaultFieldManager: string }): string {
  const { patch, patchType, defaultFieldManager } = options;
  const isApply = patchType === PatchType.Apply;
  return buildQueryString({
    ...writeParams(patch),
    fieldManager: patch.fieldManager ?? (isApply ? defaultFieldManager : undefined),
    force: isApply && patch.force !== undefined ? String(patch.force) : undefined,
  });
}

// ObjectService: the object semantics of the API server (create, get, list, update) over the Store, shared
// by the HTTP handlers and the in-process garbage collector. Deletion lives in object-deletion.ts.
import crypto from 'node:crypto';
import { apiVersionOf, setOwnMember, type KubeObject, type ObjectList } from '@aviary/kube';
import { copyMembers } from '../json/copy-members.js';
import type { ResourceInfo } from '../registry/index.js';
import { collectionPrefix, InvalidKeyError, objectKey } from '../storage/keys.js';
import { KeyExistsError, type StoredObject } from '../storage/store.js';
import {
  alreadyExistsError,
  badRequestError,
  conflictError,
  fieldErrors,
  forbiddenError,
  invalidError,
  notFoundError,
  optimisticLockMessage,
} from '../server/api-errors.js';
import { FieldValidation } from '../server/plugins.js';
import { encodeContinueToken, decodeContinueToken } from './continue-token.js';
import { prepareCrdForWrite, validateCrd } from './crd-support.js';
import { deepEqualJson, specChanged } from './deep-equal.js';
import { prepareForCreate, prepareForUpdate } from './kind-strategies.js';
import { allocateServiceAddresses } from './service-allocation.js';
import { compileFilter, type SelectorParams } from './list-filter.js';
import { applyUrlNamespace, checkTypeMatchesUrl, requireObjectBody, throwIfInvalid, validateObjectMeta } from './object-validation.js';
import { resourcePolicy } from './resource-policy.js';
import type { RestContext } from './rest-context.js';
import { formatTimestamp } from './timestamps.js';
import { runWriteValidation } from './write-validation.js';

export interface WriteOptions {
  dryRun?: boolean;
  fieldValidation?: FieldValidation;
  /** The field manager for managedFields bookkeeping (default derived by the caller from the User-Agent). */
  fieldManager?: string;
  /** Set when the caller (server-side apply) already updated managedFields. */
  managedFieldsDone?: boolean;
}

export interface UpdateOptions extends WriteOptions {
  subresource?: string;
  /**
   * The stored object the caller read and did not change (a patch's base): used as the live object when the
   * store still holds that revision, which saves decoding it again.
   */
  readStored?: StoredObject;
}

export interface WriteResult {
  readonly object: KubeObject;
  /** `JSON.stringify(object)`, when the store already had it: the response is sent without encoding again. */
  readonly json?: string;
  readonly warnings: string[];
  /** For update: true when the PUT created the object. */
  readonly created: boolean;
}

export interface ListOptions extends SelectorParams {
  limit?: number;
  continue?: string | null;
}

const generateNameAttempts = 8;
const suffixAlphabet = 'bcdfghjklmnpqrstvwxz2456789';

const namespacesNames = { group: '', resource: 'namespaces', kind: 'Namespace' };

export class ObjectService {
  constructor(readonly context: RestContext) {}

  keyOf(info: ResourceInfo, namespace: string | undefined, name: string): string {
    try {
      return objectKey({ group: info.group, resource: info.resource, ...(info.namespaced ? { namespace: namespace ?? '' } : {}), name });
    } catch (err: unknown) {
      if (err instanceof InvalidKeyError) throw notFoundError(info, name);
      throw err;
    }
  }

  prefixOf(info: ResourceInfo, namespace: string | undefined): string {
    return collectionPrefix({ group: info.group, resource: info.resource, ...(info.namespaced && namespace ? { namespace } : {}) });
  }

  /** The stored object, or undefined. */
  find(info: ResourceInfo, namespace: string | undefined, name: string): StoredObject | undefined {
    return this.context.store.get(this.keyOf(info, namespace, name));
  }

  get(info: ResourceInfo, namespace: string | undefined, name: string): KubeObject {
    const stored = this.find(info, namespace, name);
    if (stored === undefined) throw notFoundError(info, name);
    return withType(stored.object, info);
  }

  list(info: ResourceInfo, namespace: string | undefined, options: ListOptions = {}): ObjectList {
    const { filter } = compileFilter(info, options);
    const continueAfter = options.continue ? decodeContinueToken(options.continue).afterKey : undefined;
    const limit = options.limit !== undefined && options.limit > 0 ? options.limit : undefined;
    const result = this.context.store.list(this.prefixOf(info, namespace), {
      ...(limit !== undefined ? { limit } : {}),
      ...(continueAfter !== undefined ? { continueAfter } : {}),
      ...(filter !== undefined ? { filter } : {}),
    });
    const keepKind = resourcePolicy.listItemsCarryKind(info);
    const items = result.items.map((s) => (keepKind ? withType(s.object, info) : withoutType(s.object)));
    const metadata: ObjectList['metadata'] = { resourceVersion: String(result.revision) };
    if (result.continueAfter !== undefined) metadata.continue = encodeContinueToken({ revision: result.revision, afterKey: result.continueAfter });
    return { apiVersion: apiVersionOf(info), kind: info.listKind, metadata, items };
  }

  create(info: ResourceInfo, namespace: string | undefined, body: unknown, options: WriteOptions = {}): WriteResult {
    const object = requireObjectBody(body);
    checkTypeMatchesUrl(object, info);
    applyUrlNamespace(object, info, namespace);
    const metadata = (object.metadata ??= {});
    if (info.namespaced) this.checkNamespaceAcceptsCreate(info, namespace ?? '', metadata.name ?? metadata.generateName ?? '');
    const generated = !metadata.name && typeof metadata.generateName === 'string' && metadata.generateName !== '';
    if (generated) metadata.name = generateName(metadata.generateName ?? '');
    for (const field of ['uid', 'resourceVersion', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'selfLink', 'generation'] as const) {
      delete metadata[field];
    }
    const now = formatTimestamp(this.context.clock.now());
    metadata.uid = crypto.randomUUID();
    metadata.creationTimestamp = now;
    if (resourcePolicy.hasGeneration(info)) metadata.generation = 1;
    prepareForCreate(info, object);
    const crd = isCrdResource(info);
    if (crd) prepareCrdForWrite(object, now);
    throwIfInvalid(info, metadata.name ?? '', [...validateObjectMeta(info, object), ...(crd ? validateCrd(object) : [])]);
    const validated = runWriteValidation(this.context, { info, operation: 'create', object, fieldValidation: options.fieldValidation ?? FieldValidation.Warn });
    let final = allocateServiceAddresses(this.context, info, validated.object);
    if (!options.managedFieldsDone && options.fieldManager !== undefined) {
      final = this.context.plugins.trackManagedFields({ info, live: undefined, object: final, fieldManager: options.fieldManager, now }, this.context.pluginContext);
    }
    if (options.dryRun) return { object: withType(final, info), warnings: validated.warnings, created: true };
    for (let attempt = 0; ; attempt++) {
      const name = final.metadata?.name ?? '';
      try {
        const stored = this.context.store.create(this.keyOf(info, namespace, name), withType(final, info));
        return storedResult(stored, info, validated.warnings, true);
      } catch (err: unknown) {
        if (!(err instanceof KeyExistsError)) throw err;
        if (!generated || attempt >= generateNameAttempts) throw alreadyExistsError(info, name);
        final = { ...final, metadata: { ...final.metadata, name: generateName(metadata.generateName ?? '') } };
      }
    }
  }

  update(info: ResourceInfo, namespace: string | undefined, name: string, body: unknown, options: UpdateOptions = {}): WriteResult {
    const subresource = options.subresource;
    const object = requireObjectBody(body);
    checkTypeMatchesUrl(object, info);
    applyUrlNamespace(object, info, namespace);
    const metadata = (object.metadata ??= {});
    if (metadata.name !== undefined && metadata.name !== '' && metadata.name !== name) {
      throw badRequestError(`the name of the object (${metadata.name}) does not match the name on the URL (${name})`);
    }
    metadata.name = name;
    const key = this.keyOf(info, namespace, name);
    const stored = this.context.store.get(key);
    if (stored === undefined) {
      if (subresource === undefined && resourcePolicy.allowsCreateOnUpdate(info)) return this.create(info, namespace, object, options);
      throw notFoundError(info, name);
    }
    const live = options.readStored?.revision === stored.revision ? options.readStored.object : stored.object;
    const liveMeta = live.metadata ?? {};
    const requestedVersion = metadata.resourceVersion;
    if (requestedVersion !== undefined && requestedVersion !== '') {
      if (!/^\d+$/.test(requestedVersion)) {
        throw badRequestError(`metadata.resourceVersion: Invalid value: "${requestedVersion}": must be a resourceVersion this server returned (a decimal number)`);
      }
      if (requestedVersion !== liveMeta.resourceVersion) throw conflictError(info, name, optimisticLockMessage);
    } else if (!resourcePolicy.allowsUnconditionalUpdate(info)) {
      throw invalidError(info, name, [{ path: 'metadata.resourceVersion', type: 'FieldValueInvalid', message: 'Invalid value: 0x0: must be specified for an update' }]);
    }
    if (metadata.uid && metadata.uid !== liveMeta.uid) {
      throw conflictError(info, name, `Precondition failed: UID in precondition: ${metadata.uid}, UID in object meta: ${liveMeta.uid ?? ''}`);
    }
    const next = prepareForUpdate(info, live, object, subresource);
    const nextMeta = (next.metadata ??= {});
    copySystemFields(liveMeta, nextMeta);
    const now = formatTimestamp(this.context.clock.now());
    const crd = isCrdResource(info);
    if (crd && subresource === undefined) prepareCrdForWrite(next, now);
    const errors = [...validateObjectMeta(info, next), ...(crd ? validateCrd(next) : [])];
    if (liveMeta.deletionTimestamp) {
      const added = (nextMeta.finalizers ?? []).filter((f) => !(liveMeta.finalizers ?? []).includes(f));
      if (added.length > 0) {
        errors.push(fieldErrors.forbidden('metadata.finalizers', `no new finalizers can be added if the object is being deleted, found new finalizers ${JSON.stringify(added)}`));
      }
    }
    throwIfInvalid(info, name, errors);
    const validated = runWriteValidation(this.context, {
      info,
      operation: 'update',
      object: next,
      oldObject: live,
      fieldValidation: options.fieldValidation ?? FieldValidation.Warn,
      ...(subresource !== undefined ? { subresource } : {}),
    });
    let final = subresource === undefined ? allocateServiceAddresses(this.context, info, validated.object, live) : validated.object;
    if (resourcePolicy.hasGeneration(info) && specChanged(live, final, info.statusSubresource)) {
      final = copyMembers(final, { metadata: copyMembers(final.metadata ?? {}, { generation: (liveMeta.generation ?? 0) + 1 }) });
    }
    if (!options.managedFieldsDone && options.fieldManager !== undefined) {
      final = this.context.plugins.trackManagedFields(
        { info, live, object: final, fieldManager: options.fieldManager, now, ...(subresource !== undefined ? { subresource } : {}) },
        this.context.pluginContext,
      );
    }
    const result = (object: KubeObject): WriteResult => ({ object: withType(object, info), warnings: validated.warnings, created: false });
    if (deepEqualJson(live, final)) return result(live);
    if (liveMeta.deletionTimestamp && finalizersDone(info, final)) {
      // The last finalizer is gone: the object goes now (upstream deletes in the same request).
      if (!options.dryRun) this.context.store.delete(key, stored.revision);
      return result(final);
    }
    if (options.dryRun) return result(final);
    return storedResult(this.context.store.update(key, withType(final, info), stored.revision), info, validated.warnings, false);
  }

  /** 404 when the namespace is missing, 403 when it is terminating. */
  private checkNamespaceAcceptsCreate(info: ResourceInfo, namespace: string, name: string): void {
    const stored = this.context.store.get(objectKey({ group: '', resource: 'namespaces', name: namespace || '-' }));
    if (stored === undefined) throw notFoundError(namespacesNames, namespace);
    // Stored JSON without the member name cannot have the member: most creates skip decoding the namespace.
    if (stored.json?.includes('"deletionTimestamp"') === false) return;
    if (stored.object.metadata?.deletionTimestamp) {
      throw forbiddenError(info, name, `unable to create new content in namespace ${namespace} because it is being terminated`, {
        reason: 'NamespaceTerminating',
        message: `namespace ${namespace} is being terminated`,
        field: 'metadata.namespace',
      });
    }
  }
}

/** Keeps what clients may not change on update: uid, creation and deletion times, generation, resourceVersion. */
function copySystemFields(live: NonNullable<KubeObject['metadata']>, next: NonNullable<KubeObject['metadata']>): void {
  next.uid = live.uid;
  next.creationTimestamp = live.creationTimestamp;
  next.resourceVersion = live.resourceVersion;
  delete next.selfLink;
  for (const field of ['deletionTimestamp', 'deletionGracePeriodSeconds', 'generation'] as const) {
    if (live[field] === undefined) delete next[field];
  }
  if (live.deletionTimestamp !== undefined) next.deletionTimestamp = live.deletionTimestamp;
  if (live.deletionGracePeriodSeconds !== undefined) next.deletionGracePeriodSeconds = live.deletionGracePeriodSeconds;
  if (live.generation !== undefined) next.generation = live.generation;
}

/** No finalizers left (for namespaces also no spec.finalizers). */
export function finalizersDone(info: ResourceInfo, object: KubeObject): boolean {
  if ((object.metadata?.finalizers ?? []).length > 0) return false;
  if (resourcePolicy.is(info, '', 'namespaces')) {
    const spec = (object as { spec?: { finalizers?: unknown[] } }).spec;
    return (spec?.finalizers ?? []).length === 0;
  }
  return true;
}

export function isCrdResource(info: ResourceInfo): boolean {
  return resourcePolicy.is(info, 'apiextensions.k8s.io', 'customresourcedefinitions');
}

/**
 * The result of a stored write. Objects are stored with apiVersion and kind first (withType), so the stored JSON
 * is usually exactly the served form: then the object is decoded only if someone reads it, and the JSON goes out as is.
 */
function storedResult(stored: StoredObject, info: ResourceInfo, warnings: string[], created: boolean): WriteResult {
  const json = stored.json;
  if (json === undefined || !json.startsWith(typePrefixOf(info))) return { object: withType(stored.object, info), warnings, created };
  return {
    get object(): KubeObject {
      return stored.object;
    },
    json,
    warnings,
    created,
  };
}

const typePrefixes = new WeakMap<ResourceInfo, string>();

/** `{"apiVersion":"v1","kind":"Pod",`: how the JSON of a served object of this resource starts. */
export function typePrefixOf(info: ResourceInfo): string {
  let prefix = typePrefixes.get(info);
  if (prefix === undefined) {
    prefix = `{"apiVersion":${JSON.stringify(apiVersionOf(info))},"kind":${JSON.stringify(info.kind)},`;
    typePrefixes.set(info, prefix);
  }
  return prefix;
}

/** The object with apiVersion and kind of the URL's resource first, as served objects carry them. */
export function withType(object: KubeObject, info: ResourceInfo): KubeObject {
  const typed: Record<string, unknown> = { apiVersion: apiVersionOf(info), kind: info.kind };
  for (const key of Object.keys(object)) if (key !== 'apiVersion' && key !== 'kind') setOwnMember(typed, key, (object as Record<string, unknown>)[key]);
  return typed as KubeObject;
}

function withoutType(object: KubeObject): KubeObject {
  const { apiVersion: _a, kind: _k, ...rest } = object;
  return rest;
}

function generateName(prefix: string): string {
  const bytes = crypto.randomBytes(5);
  let suffix = '';
  for (const byte of bytes) suffix += suffixAlphabet[byte % suffixAlphabet.length];
  const base = prefix.length > 58 ? prefix.slice(0, 58) : prefix;
  return `${base}${suffix}`;
}

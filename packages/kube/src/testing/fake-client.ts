// FakeKubeClient: a KubeClient over an in-memory ObjectTracker, with an ordered action log and reactors (client-go's fake clientset, in spirit).
import type { KubeClient, ListOptions, PatchOptions, PatchType, WatchHandle, WatchHandlers, WatchOptions, WriteOptions } from '../client/kube-client.js';
import { apiVersionOf, type ResourceType } from '../client/resource-type.js';
import { parseFieldSelector } from '../labels/field-selector.js';
import { parseLabelSelector } from '../labels/label-matcher.js';
import type { DeleteOptions, KubeObject, ObjectList, WatchEvent } from '../types/meta.js';
import { badRequestError, notFoundError } from './object-tracker-errors.js';
import { ObjectTracker, type ObjectTrackerOptions } from './object-tracker.js';

export { ObjectTracker, UnknownResourceKindError, type ObjectTrackerOptions, type ResourceTypeRegistration } from './object-tracker.js';
export {
  alreadyExistsError,
  badRequestError,
  conflictError,
  expiredError,
  invalidError,
  notFoundError,
  qualifiedResourceOf,
  unprocessableError,
} from './object-tracker-errors.js';

export const FakeVerb = { Get: 'get', List: 'list', Watch: 'watch', Create: 'create', Update: 'update', Patch: 'patch', Delete: 'delete' } as const;
export type FakeVerb = (typeof FakeVerb)[keyof typeof FakeVerb];

/** One call the code under test made, in the order made. Objects and patches are copies taken at call time. */
export interface FakeAction {
  readonly verb: FakeVerb;
  /** Plural resource name: `replicasets`. */
  readonly resource: string;
  /** `status` for updateStatus and status patches. */
  readonly subresource?: string;
  readonly namespace?: string;
  readonly name?: string;
  readonly object?: KubeObject;
  readonly patch?: unknown;
  readonly patchType?: PatchType;
  readonly labelSelector?: string;
  readonly fieldSelector?: string;
}

/** What a reactor decided: not handled (fall through), an answer, or an error to throw. */
export interface ReactorResult {
  readonly handled: boolean;
  readonly result?: unknown;
  readonly error?: unknown;
}

export type Reactor = (action: FakeAction) => ReactorResult;

export interface FakeKubeClientOptions extends ObjectTrackerOptions {
  /** Objects present before the test starts; each carries apiVersion and kind. */
  objects?: readonly KubeObject[];
}

interface RegisteredReactor {
  readonly verb: FakeVerb | '*';
  readonly resource: string;
  readonly react: Reactor;
}

const WRITE_VERBS: ReadonlySet<FakeVerb> = new Set<FakeVerb>(['create', 'update', 'patch', 'delete']);

/** `create replicasets`, `patch rollouts/status default/demo`: a one-line description for ordered-action assertions. */
export function describeAction(action: FakeAction, options: { withName?: boolean } = {}): string {
  const resource = action.subresource ? `${action.resource}/${action.subresource}` : action.resource;
  if (!options.withName || action.name === undefined) return `${action.verb} ${resource}`;
  return `${action.verb} ${resource} ${action.namespace ? `${action.namespace}/` : ''}${action.name}`;
}

/**
 * A KubeClient for controller tests. Every call is logged as a FakeAction, then offered to the reactors
 * (most recently prepended first); if none handles it, the ObjectTracker answers with API server semantics.
 * Everything returned is a deep copy.
 *
 *   const client = new FakeKubeClient({ objects: [rollout], clock });
 *   await sync(client, 'default/demo');
 *   expect(client.writeActions().map((a) => describeAction(a))).toEqual(['create replicasets', 'patch rollouts/status']);
 */
export class FakeKubeClient implements KubeClient {
  readonly tracker: ObjectTracker;
  private readonly log: FakeAction[] = [];
  private readonly reactors: RegisteredReactor[] = [];

  constructor(options: FakeKubeClientOptions = {}) {
    this.tracker = new ObjectTracker(options);
    for (const object of options.objects ?? []) this.tracker.add(object);
  }

  /** Makes a kind (a CRD under test) known to the tracker. */
  registerResourceType(type: ResourceType, options: { statusSubresource?: boolean } = {}): void {
    this.tracker.registerType(type, options);
  }

  /** Every action so far, oldest first (copies). */
  actions(): FakeAction[] {
    return structuredClone(this.log);
  }

  /** Only create, update, patch and delete actions: what a sync changed. */
  writeActions(): FakeAction[] {
    return this.actions().filter((action) => WRITE_VERBS.has(action.verb));
  }

  clearActions(): void {
    this.log.length = 0;
  }

  /** Adds a reactor that runs before every earlier one; `'*'` matches any verb or resource. */
  prependReactor(verb: FakeVerb | '*', resource: string, react: Reactor): void {
    this.reactors.unshift({ verb, resource, react });
  }

  async get<T extends KubeObject>(type: ResourceType, name: string, namespace?: string): Promise<T> {
    return this.run({ verb: 'get', resource: type.resource, ...scoped(type, namespace), name }, () => {
      const found = this.tracker.get<T>(type, this.namespaceOrFail(type, namespace), name);
      if (found === undefined) throw notFoundError(type, name);
      return found;
    });
  }

  async list<T extends KubeObject>(type: ResourceType, options: ListOptions = {}): Promise<ObjectList<T>> {
    const { labelSelector, fieldSelector } = options;
    const action: FakeAction = { verb: 'list', resource: type.resource, ...scoped(type, options.namespace), ...selectors(labelSelector, fieldSelector) };
    return this.run(action, () => {
      const matches = buildFilter(labelSelector, fieldSelector);
      const all = this.tracker.list<T>(type, options.namespace).filter((object) => matches(object));
      const start = options.continue ? decodeContinue(options.continue) : 0;
      const end = options.limit ? start + options.limit : all.length;
      const items = all.slice(start, end);
      const more = end < all.length;
      return {
        apiVersion: apiVersionOf(type),
        kind: `${type.kind}List`,
        metadata: { resourceVersion: this.tracker.resourceVersion(), ...(more ? { continue: encodeContinue(end), remainingItemCount: all.length - end } : {}) },
        items,
      };
    });
  }

  /**
   * Watches the tracker (see ObjectTracker.watch for replay from a resourceVersion). `timeoutSeconds` and
   * bookmarks are ignored: a fake watch lasts until stop() or tracker.closeWatches(). A reactor that
   * handles a watch may answer with its own WatchHandle.
   */
  watch<T extends KubeObject>(type: ResourceType, options: WatchOptions, handlers: WatchHandlers<T>): Promise<WatchHandle> {
    const { labelSelector, fieldSelector } = options;
    const action: FakeAction = { verb: 'watch', resource: type.resource, ...scoped(type, options.namespace), ...selectors(labelSelector, fieldSelector) };
    try {
      let started: { start: () => void } | undefined;
      const answered = this.runSync<WatchHandle | undefined>(action, () => {
        const watch = this.tracker.watch(type, { namespace: options.namespace, resourceVersion: options.resourceVersion, matches: buildFilter(labelSelector, fieldSelector) }, {
          onEvent: (event) => handlers.onEvent(event as WatchEvent<T>),
          onClose: (err) => handlers.onClose(err),
        });
        started = watch;
        return { stop: () => watch.stop() };
      });
      const handle: WatchHandle = answered ?? { stop: () => undefined };
      const opened = Promise.resolve(handle);
      // Deliver the first events only after the caller's `await` has received the handle.
      void opened.then(() => queueMicrotask(() => started?.start()));
      return opened;
    } catch (err: unknown) {
      return Promise.reject(err);
    }
  }

  async create<T extends KubeObject>(type: ResourceType, object: T, _options?: WriteOptions): Promise<T> {
    const action: FakeAction = { verb: 'create', resource: type.resource, ...scoped(type, object.metadata?.namespace), ...named(object), object: structuredClone(object) };
    return this.run(action, () => this.tracker.create(type, object));
  }

  async update<T extends KubeObject>(type: ResourceType, object: T, _options?: WriteOptions): Promise<T> {
    const action: FakeAction = { verb: 'update', resource: type.resource, ...scoped(type, object.metadata?.namespace), ...named(object), object: structuredClone(object) };
    return this.run(action, () => this.tracker.update(type, object));
  }

  async updateStatus<T extends KubeObject>(type: ResourceType, object: T, _options?: WriteOptions): Promise<T> {
    const action: FakeAction = {
      verb: 'update',
      resource: type.resource,
      subresource: 'status',
      ...scoped(type, object.metadata?.namespace),
      ...named(object),
      object: structuredClone(object),
    };
    return this.run(action, () => this.tracker.update(type, object, { subresource: 'status' }));
  }

  async patch<T extends KubeObject>(
    type: ResourceType,
    name: string,
    namespace: string | undefined,
    patch: unknown,
    patchType: PatchType,
    options: PatchOptions = {},
  ): Promise<T> {
    const action: FakeAction = {
      verb: 'patch',
      resource: type.resource,
      ...(options.subresource ? { subresource: options.subresource } : {}),
      ...scoped(type, namespace),
      name,
      patch: structuredClone(patch),
      patchType,
    };
    return this.run(action, () => this.tracker.patch<T>(type, name, namespace, patch, patchType, { subresource: options.subresource }));
  }

  async delete(type: ResourceType, name: string, namespace?: string, options?: DeleteOptions): Promise<void> {
    await this.run({ verb: 'delete', resource: type.resource, ...scoped(type, namespace), name }, () => {
      this.tracker.delete(type, name, namespace, options);
      return undefined;
    });
  }

  private async run<R>(action: FakeAction, fallback: () => R): Promise<R> {
    return this.runSync(action, fallback);
  }

  /** Logs the action, then lets the reactors answer it, then the tracker. */
  private runSync<R>(action: FakeAction, fallback: () => R): R {
    this.log.push(structuredClone(action));
    for (const reactor of this.reactors) {
      if (reactor.verb !== '*' && reactor.verb !== action.verb) continue;
      if (reactor.resource !== '*' && reactor.resource !== action.resource) continue;
      const outcome = reactor.react(structuredClone(action));
      if (!outcome.handled) continue;
      if (outcome.error !== undefined) throw outcome.error;
      // A watch reactor answers with a WatchHandle (functions cannot be cloned); everything else is copied.
      if (outcome.result === undefined || action.verb === 'watch') return outcome.result as R;
      return structuredClone(outcome.result) as R;
    }
    return fallback();
  }

  private namespaceOrFail(type: ResourceType, namespace: string | undefined): string | undefined {
    if (type.namespaced && !namespace) throw badRequestError(`a namespace is required for ${type.resource} (a namespaced resource)`);
    return namespace;
  }
}

function scoped(type: ResourceType, namespace: string | undefined): { namespace?: string } {
  return type.namespaced && namespace ? { namespace } : {};
}

function named(object: KubeObject): { name?: string } {
  return object.metadata?.name ? { name: object.metadata.name } : {};
}

function selectors(labelSelector: string | undefined, fieldSelector: string | undefined): { labelSelector?: string; fieldSelector?: string } {
  return { ...(labelSelector ? { labelSelector } : {}), ...(fieldSelector ? { fieldSelector } : {}) };
}

/** The list/watch filter; a selector that does not parse is a 400, as from the API server. */
function buildFilter(labelSelector: string | undefined, fieldSelector: string | undefined): (object: KubeObject) => boolean {
  try {
    const labels = parseLabelSelector(labelSelector ?? '');
    const fields = parseFieldSelector(fieldSelector ?? '');
    return (object) => labels.matches(object.metadata?.labels) && fields.matchesObject(object);
  } catch (err: unknown) {
    throw badRequestError(`unable to parse selector: ${(err as Error).message}`);
  }
}

function encodeContinue(offset: number): string {
  return Buffer.from(JSON.stringify({ offset })).toString('base64');
}

function decodeContinue(token: string): number {
  try {
    const { offset } = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as { offset?: unknown };
    if (typeof offset === 'number' && Number.isInteger(offset) && offset >= 0) return offset;
  } catch {
    // fall through to the error below
  }
  throw badRequestError(`invalid continue token ${JSON.stringify(token)}`);
}

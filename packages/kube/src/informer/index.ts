// Shared informers: list/watch caches with indexes and event handlers, and the factory that shares them.
export { SharedInformer, InformerStoppedError } from './shared-informer.js';
export type { EventHandler, SharedInformerOptions } from './shared-informer.js';
export { InformerFactory } from './informer-factory.js';
export type { InformerFactoryOptions, ForResourceOptions } from './informer-factory.js';
export { IndexName, indexByNamespace, indexByController, indexByLabel } from './index-functions.js';
export type { IndexFunc } from './index-functions.js';
export { IndexerError } from './indexed-store.js';
export type { BackoffOptions as InformerBackoffOptions } from './backoff.js';
export { ShortWatchError } from './reflector.js';
export { deepFreeze } from './deep-freeze.js';
export { shareUnchanged } from './share-unchanged.js';
export { stripManagedFields } from './transforms.js';
export type { InformerTransform } from './transforms.js';

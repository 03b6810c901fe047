// Storage for the embedded API server: the Store interface, its key scheme, and the memory and SQLite stores.
// (The conformance suite, store-conformance.ts, imports vitest and is deliberately not exported here.)
export * from './store.js';
export * from './store-closed-error.js';
export * from './store-failed-error.js';
export * from './keys.js';
export * from './memory-store.js';
export * from './sqlite-store.js';
export { WatchHub, DEFAULT_HISTORY_CAPACITY } from './watch-hub.js';
export type { HistoryReader, RecordedEvent, WatchHubOptions } from './watch-hub.js';

// The controller runtime: object keys, the worker loop written once, and the Controller that wires them.
export * from './object-key.js';
export * from './run-workers.js';
export * from './controller.js';

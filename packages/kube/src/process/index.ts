// Settings for the process an Aviary controller runs in.
export { CONTROLLER_HEAP_FLAGS, tuneControllerHeap } from './garbage-collector-tuning.js';
export { flagsNotGiven } from './node-flags.js';

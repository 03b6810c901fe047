// tuneControllerHeap: applies the controller's heap flags, leaving alone those the user gave.
import { describe, expect, it } from 'vitest';
import { CONTROLLER_HEAP_FLAGS, tuneControllerHeap } from './garbage-collector-tuning.js';

describe('tuneControllerHeap', () => {
  it('applies every flag when the user gave none', () => {
    expect(tuneControllerHeap({ execArgv: ['--import', 'tsx'], nodeOptions: '' })).toEqual([...CONTROLLER_HEAP_FLAGS]);
  });

  it('leaves a flag the user set on the command line or in NODE_OPTIONS, in either spelling', () => {
    expect(tuneControllerHeap({ execArgv: ['--heap-growing-percent=30'], nodeOptions: '' })).toEqual([]);
    expect(tuneControllerHeap({ execArgv: [], nodeOptions: '--max-old-space-size=512 --heap_growing_percent=50' })).toEqual([]);
    expect(tuneControllerHeap({ execArgv: ['--max-semi-space-size=32'], nodeOptions: '' })).toEqual(['--heap-growing-percent=50']);
  });
});

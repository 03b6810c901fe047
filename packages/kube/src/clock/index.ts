// Clocks: the real one and the fake one tests advance.
export * from './clock.js';
export * from './fake-clock.js';

// Events: the EventRecorder interface, the recorder that writes core/v1 Events, and the fake for tests.
export * from './event-recorder.js';
export * from './api-event-recorder.js';
export * from './event-spam-filter.js';

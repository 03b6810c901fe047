// API errors and their predicates.
export * from './api-error.js';

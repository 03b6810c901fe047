// Label and field selectors, and label key/value validation.
export * from './selector-errors.js';
export * from './label-validation.js';
export * from './label-requirement.js';
export * from './label-matcher.js';
export * from './field-selector.js';

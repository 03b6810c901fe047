// Structural schemas: a builder DSL, pruning, validation, defaulting and the fieldValidation messages.
export * from './json-schema.js';
export * as schemaDsl from './schema-dsl.js';
export * from './field-errors.js';
export * from './field-validation.js';
export { resolveSchema, UnresolvedSchemaRefError } from './schema-resolution.js';
export * from './prune-validate.js';
export * from './apply-defaults.js';

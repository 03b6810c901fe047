// OpenAPI v3 for the embedded API server: built-in kind schemas, CRD components, the index and per-group/version documents.
export { builtinComponents, builtinKindSchema, resolveBuiltinRef } from './builtin-schemas.js';
export { componentNameFor } from './component-names.js';
export { openApiDocument, openApiIndex, openApiInfoVersion, groupVersionPath, type OpenApiDocument, type OpenApiIndex } from './openapi-document.js';
export { patchContentTypes } from './openapi-operations.js';
export { schemaForResource, pruneAndValidateResource, applyResourceDefaults } from './resource-schema.js';
export { openApiPathHandler } from './openapi-handler.js';
export { validateWithSchemas } from './validate-plugin.js';

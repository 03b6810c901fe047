// Rollout validation: upstream's spec rules, the InvalidSpec message, reference checks and the offline manifest lint.
export * from './field-error.js';
export { formatGoValue, type GoValue } from './go-value-format.js';
// parseGoDuration and pauseDurationSeconds stay internal: the controller exports its own under those names.
export { GoDurationError } from './go-duration.js';
export { ValidationMessage } from './validation-messages.js';
export { validateRollout, invalidSpecMessage } from './rollout-validation.js';
export type { ValidationContext } from './reference-validation.js';
export { validateRolloutManifest, type ManifestDocumentResult } from './manifest-validation.js';

// The seam for spec validation: the controller calls a validateRollout-shaped function before reconciling.
// This stub accepts every spec; the validation module replaces `validateRollout` (and may refine the formatter).
import type { Rollout } from '@aviary/kube';

/** One problem with a Rollout spec, in the shape of apimachinery's field.Error. */
export interface RolloutValidationIssue {
  /** The field, e.g. `spec.strategy.canary.steps[0].setWeight`. */
  path: string;
  /** `Invalid`, `Required`, `Forbidden`, `NotSupported`, `Duplicate`, `TooLong`, `TooMany`, `InternalError`. */
  type: string;
  /** The detail, e.g. `must be between 0 and 100`. */
  message: string;
  /** The offending value, for `Invalid` issues. */
  value?: unknown;
}

/** Returns every problem found; an empty list means valid. Must never throw. */
export type ValidateRollout = (rollout: Rollout) => RolloutValidationIssue[];

/** Accepts every spec (placeholder until the validation module lands). */
export const validateRollout: ValidateRollout = () => [];

/** Renders an issue like field.Error.Error(): `spec.x: Invalid value: 200: must be …`. */
export function formatValidationIssue(issue: RolloutValidationIssue): string {
  switch (issue.type) {
    case 'Invalid':
      return `${issue.path}: Invalid value: ${formatValue(issue.value)}: ${issue.message}`;
    case 'Required':
      return `${issue.path}: Required value${issue.message ? `: ${issue.message}` : ''}`;
    case 'Forbidden':
      return `${issue.path}: Forbidden${issue.message ? `: ${issue.message}` : ''}`;
    default:
      return `${issue.path}: ${issue.type}: ${issue.message}`;
  }
}

function formatValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined || value === null) return 'null';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

// Runs the validate plugin for a write and turns its answer into a 422, a 400 (strict unknown fields) or warnings.
import type { KubeObject } from '@aviary/kube';
import type { ResourceInfo } from '../registry/index.js';
import { badRequestError, invalidError } from '../server/api-errors.js';
import { FieldValidation } from '../server/plugins.js';
import type { RestContext } from './rest-context.js';

export interface ValidatedWrite {
  readonly object: KubeObject;
  readonly warnings: string[];
}

export function runWriteValidation(
  context: RestContext,
  input: {
    info: ResourceInfo;
    operation: 'create' | 'update';
    object: KubeObject;
    oldObject?: KubeObject;
    subresource?: string;
    fieldValidation: FieldValidation;
  },
): ValidatedWrite {
  const result = context.plugins.validate(
    {
      info: input.info,
      operation: input.operation,
      object: input.object,
      fieldValidation: input.fieldValidation,
      ...(input.oldObject !== undefined ? { oldObject: input.oldObject } : {}),
      ...(input.subresource !== undefined ? { subresource: input.subresource } : {}),
    },
    context.pluginContext,
  );
  const unknown = result.unknownFields ?? [];
  const warnings = [...(result.warnings ?? [])];
  if (unknown.length > 0) {
    const texts = unknown.map((path) => `unknown field ${JSON.stringify(path)}`);
    if (input.fieldValidation === FieldValidation.Strict) throw badRequestError(`strict decoding error: ${texts.join(', ')}`);
    if (input.fieldValidation === FieldValidation.Warn) warnings.push(...texts);
  }
  if (result.errors && result.errors.length > 0) throw invalidError(input.info, input.object.metadata?.name ?? '', result.errors);
  return { object: result.object, warnings };
}

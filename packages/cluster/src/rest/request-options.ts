// Query and body options of write requests: dryRun, fieldValidation, fieldManager, force, DeleteOptions, limit.
import type { DeleteOptions } from '@aviary/kube';
import { badRequestError, fieldErrors, invalidError } from '../server/api-errors.js';
import { FieldValidation } from '../server/plugins.js';
import { isTrue } from '../server/request-info.js';
import type { DeleteCallOptions } from './object-deletion.js';

const fieldValidations = new Set<string>(Object.values(FieldValidation));
const maxFieldManagerLength = 128;

/** `dryRun=All` (the only value Kubernetes defines); 400 for anything else. */
export function parseDryRun(values: readonly string[]): boolean {
  for (const value of values) {
    if (value !== 'All') throw badRequestError(`dryRun: Unsupported value: ${JSON.stringify(value)}: supported values: "All"`);
  }
  return values.length > 0;
}

export function parseFieldValidation(value: string | null): FieldValidation {
  if (value === null || value === '') return FieldValidation.Warn;
  if (!fieldValidations.has(value)) {
    throw badRequestError(`fieldValidation: Unsupported value: ${JSON.stringify(value)}: supported values: "Ignore", "Strict", "Warn"`);
  }
  return value as FieldValidation;
}

/** The fieldManager parameter, or the User-Agent's product name (`kubectl/v1.32.4 (…)` → `kubectl`), as upstream. */
export function parseFieldManager(value: string | null, userAgent: string | undefined): string {
  if (value !== null && value !== '') {
    if (value.length > maxFieldManagerLength) {
      throw invalidError({ group: '', resource: '', kind: '' }, '', [fieldErrors.invalid('fieldManager', value, `must be no more than ${maxFieldManagerLength} characters`)]);
    }
    return value;
  }
  return (userAgent ?? '').split('/')[0]?.slice(0, maxFieldManagerLength) ?? '';
}

/** `limit`: a non-negative integer; 0 or absent means no limit. */
export function parseLimit(value: string | null): number | undefined {
  if (value === null || value === '') return undefined;
  if (!/^\d+$/.test(value)) throw badRequestError(`limit: Invalid value: ${JSON.stringify(value)}: must be a non-negative integer`);
  const limit = Number(value);
  return limit === 0 ? undefined : limit;
}

/** DeleteOptions from the body (if any) overlaid by query parameters. */
export function parseDeleteOptions(body: unknown, query: URLSearchParams): { options: DeleteCallOptions; dryRun: boolean } {
  let options: DeleteCallOptions = {};
  if (body !== undefined && body !== null) {
    if (typeof body !== 'object' || Array.isArray(body)) throw badRequestError('the body of a DELETE must be a DeleteOptions object');
    const kind = (body as { kind?: unknown }).kind;
    if (kind !== undefined && kind !== 'DeleteOptions') throw badRequestError(`the kind in the data (${String(kind)}) does not match the expected kind (DeleteOptions)`);
    options = { ...(body as DeleteOptions) };
  }
  const grace = query.get('gracePeriodSeconds');
  if (grace !== null && grace !== '') {
    if (!/^-?\d+$/.test(grace)) throw badRequestError(`gracePeriodSeconds: Invalid value: ${JSON.stringify(grace)}: must be an integer`);
    options.gracePeriodSeconds = Number(grace);
  }
  const policy = query.get('propagationPolicy');
  if (policy !== null && policy !== '') options.propagationPolicy = policy as DeleteOptions['propagationPolicy'];
  const orphan = query.get('orphanDependents');
  if (orphan !== null && orphan !== '') options.orphanDependents = isTrue(orphan);
  const dryRun = parseDryRun([...query.getAll('dryRun'), ...(Array.isArray(options.dryRun) ? options.dryRun : [])]);
  return { options, dryRun };
}

// Checks every write gets whatever its kind: body shape, apiVersion/kind against the URL, name, labels,
// annotations and owner references (k8s.io/apimachinery/pkg/api/validation/objectmeta.go).
import { apiVersionOf, validateDns1123Subdomain, validateLabelKey, validateLabels, type KubeObject } from '@aviary/kube';
import type { ResourceInfo } from '../registry/index.js';
import { badRequestError, fieldErrors, invalidError, type FieldError } from '../server/api-errors.js';

/** The decoded body as an object with a metadata object, or 400. */
export function requireObjectBody(body: unknown): KubeObject & Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badRequestError('the request body must be a JSON or YAML object');
  }
  const object = body as KubeObject & Record<string, unknown>;
  if (object.metadata !== undefined && (typeof object.metadata !== 'object' || object.metadata === null || Array.isArray(object.metadata))) {
    throw badRequestError('metadata must be an object');
  }
  return object;
}

/** Fills apiVersion/kind from the URL when missing; 400 when present and different. */
export function checkTypeMatchesUrl(object: KubeObject, info: ResourceInfo, expectedKind = info.kind, expectedApiVersion = apiVersionOf(info)): void {
  if (object.apiVersion !== undefined && object.apiVersion !== '' && object.apiVersion !== expectedApiVersion) {
    throw badRequestError(`the API version in the data (${String(object.apiVersion)}) does not match the expected API version (${expectedApiVersion})`);
  }
  if (object.kind !== undefined && object.kind !== '' && object.kind !== expectedKind) {
    throw badRequestError(`the kind in the data (${String(object.kind)}) does not match the expected kind (${expectedKind})`);
  }
  object.apiVersion = expectedApiVersion;
  object.kind = expectedKind;
}

/** Sets metadata.namespace from the URL (400 when the body names another); clears it for cluster-scoped kinds. */
export function applyUrlNamespace(object: KubeObject, info: ResourceInfo, namespace: string | undefined): void {
  const metadata = (object.metadata ??= {});
  if (!info.namespaced) {
    delete metadata.namespace;
    return;
  }
  if (metadata.namespace !== undefined && metadata.namespace !== '' && metadata.namespace !== namespace) {
    throw badRequestError('the namespace of the provided object does not match the namespace sent on the request');
  }
  if (namespace !== undefined) metadata.namespace = namespace;
}

const dns1123Label = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const dns1035Label = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

function validateName(info: ResourceInfo, name: string): string[] {
  if (name === '.' || name === '..') return [`may not be '${name}'`];
  if (name.includes('/')) return ["may not contain '/'"];
  if (name.includes('%')) return ["may not contain '%'"];
  if (info.group === '' && info.resource === 'namespaces') {
    if (name.length > 63) return ['must be no more than 63 characters'];
    return dns1123Label.test(name) ? [] : [`a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`];
  }
  if (info.group === '' && info.resource === 'services') {
    if (name.length > 63) return ['must be no more than 63 characters'];
    return dns1035Label.test(name) ? [] : [`a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`];
  }
  return validateDns1123Subdomain(name);
}

/** Metadata errors: name, labels, annotation keys, owner references, finalizers. */
export function validateObjectMeta(info: ResourceInfo, object: KubeObject): FieldError[] {
  const metadata = object.metadata ?? {};
  const errors: FieldError[] = [];
  const name = metadata.name ?? '';
  if (name === '') {
    errors.push(fieldErrors.required('metadata.name', 'name or generateName is required'));
  } else {
    for (const message of validateName(info, name)) errors.push(fieldErrors.invalid('metadata.name', name, message));
  }
  if (metadata.labels !== undefined && (typeof metadata.labels !== 'object' || metadata.labels === null)) {
    errors.push(fieldErrors.invalid('metadata.labels', metadata.labels, 'must be a map of string keys to string values'));
  } else {
    for (const issue of validateLabels(metadata.labels)) errors.push(fieldErrors.invalid(issue.path, issue.value, issue.message));
    for (const [key, value] of Object.entries(metadata.labels ?? {})) {
      if (typeof value !== 'string') errors.push(fieldErrors.invalid(`metadata.labels.${key}`, value, 'must be a string'));
    }
  }
  for (const key of Object.keys(metadata.annotations ?? {})) {
    const problems = validateLabelKey(key.toLowerCase());
    if (problems.length > 0) errors.push(fieldErrors.invalid('metadata.annotations', key, problems.join('; ')));
  }
  (metadata.ownerReferences ?? []).forEach((ref, i) => {
    const path = `metadata.ownerReferences[${i}]`;
    if (!ref.apiVersion) errors.push(fieldErrors.invalid(`${path}.apiVersion`, ref.apiVersion ?? '', 'version must not be empty'));
    if (!ref.kind) errors.push(fieldErrors.invalid(`${path}.kind`, ref.kind ?? '', 'kind must not be empty'));
    if (!ref.name) errors.push(fieldErrors.invalid(`${path}.name`, ref.name ?? '', 'name must not be empty'));
    if (!ref.uid) errors.push(fieldErrors.invalid(`${path}.uid`, ref.uid ?? '', 'uid must not be empty'));
  });
  const controllers = (metadata.ownerReferences ?? []).filter((r) => r.controller === true);
  if (controllers.length > 1) {
    errors.push(fieldErrors.invalid('metadata.ownerReferences', metadata.ownerReferences, 'Only one reference can have Controller set to true'));
  }
  (metadata.finalizers ?? []).forEach((finalizer, i) => {
    const problems = typeof finalizer === 'string' ? validateLabelKey(finalizer) : ['must be a string'];
    if (problems.length > 0) errors.push(fieldErrors.invalid(`metadata.finalizers[${i}]`, finalizer, problems.join('; ')));
  });
  return errors;
}

/** Throws 422 Invalid when there are errors. */
export function throwIfInvalid(info: ResourceInfo, name: string, errors: readonly FieldError[]): void {
  if (errors.length > 0) throw invalidError(info, name, errors);
}

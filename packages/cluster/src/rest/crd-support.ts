// CustomResourceDefinition handling inside the API server: minimal validation, the status conditions a real
// apiextensions controller sets (NamesAccepted, Established), the cleanup finalizer, and a minimal conversion to
// ResourceInfos for when no crds/ plugin is wired in.
import type { KubeObject } from '@aviary/kube';
import { ResourceSource, standardVerbs, type PrinterColumn, type ResourceInfo, type ScalePaths } from '../registry/index.js';
import { fieldErrors, type FieldError } from '../server/api-errors.js';

type Json = Record<string, unknown>;

/** The finalizer that makes CRD deletion wait until every custom resource it defines is gone. */
export const crdCleanupFinalizer = 'customresourcecleanup.apiextensions.k8s.io';

interface CrdVersion {
  name?: string;
  served?: boolean;
  storage?: boolean;
  schema?: { openAPIV3Schema?: Json };
  subresources?: { status?: object; scale?: ScalePaths };
  additionalPrinterColumns?: PrinterColumn[];
}

interface CrdSpec {
  group?: string;
  scope?: string;
  names?: { plural?: string; singular?: string; kind?: string; listKind?: string; shortNames?: string[]; categories?: string[] };
  versions?: CrdVersion[];
}

function specOf(crd: KubeObject): CrdSpec {
  return ((crd as Json).spec ?? {}) as CrdSpec;
}

/** The structural errors that would make a CRD unservable (a small subset of apiextensions validation). */
export function validateCrd(crd: KubeObject): FieldError[] {
  const spec = specOf(crd);
  const errors: FieldError[] = [];
  if (!spec.group) errors.push(fieldErrors.required('spec.group', ''));
  if (!spec.names?.plural) errors.push(fieldErrors.required('spec.names.plural', ''));
  if (!spec.names?.kind) errors.push(fieldErrors.required('spec.names.kind', ''));
  if (spec.scope !== 'Namespaced' && spec.scope !== 'Cluster') {
    errors.push({ path: 'spec.scope', type: 'FieldValueNotSupported', message: `Unsupported value: ${JSON.stringify(spec.scope ?? '')}: supported values: "Cluster", "Namespaced"` });
  }
  const versions = Array.isArray(spec.versions) ? spec.versions : [];
  if (versions.length === 0) errors.push(fieldErrors.required('spec.versions', 'must have exactly one version marked as storage version'));
  else if (versions.filter((v) => v.storage === true).length !== 1) {
    errors.push(fieldErrors.invalid('spec.versions', versions.map((v) => v.name), 'must have exactly one version marked as storage version'));
  }
  const expectedName = `${spec.names?.plural ?? ''}.${spec.group ?? ''}`;
  const name = crd.metadata?.name ?? '';
  if (spec.group && spec.names?.plural && name !== expectedName) {
    errors.push(fieldErrors.invalid('metadata.name', name, 'must be spec.names.plural+"."+spec.group'));
  }
  return errors;
}

/** Sets the status a real apiextensions controller converges to right away, and the cleanup finalizer. */
export function prepareCrdForWrite(crd: KubeObject, now: string): void {
  const json = crd as Json;
  const spec = specOf(crd);
  const names = spec.names ?? {};
  const status = (json.status ?? {}) as Json;
  const previous = Array.isArray(status.conditions) ? (status.conditions as Json[]) : [];
  const condition = (type: string, reason: string, message: string): Json => {
    const old = previous.find((c) => c.type === type && c.status === 'True');
    return { type, status: 'True', lastTransitionTime: (old?.lastTransitionTime as string | undefined) ?? now, reason, message };
  };
  json.status = {
    ...status,
    conditions: [
      condition('NamesAccepted', 'NoConflicts', 'no conflicts found'),
      condition('Established', 'InitialNamesAccepted', 'the initial names have been accepted'),
    ],
    acceptedNames: {
      plural: names.plural,
      singular: names.singular ?? names.kind?.toLowerCase(),
      kind: names.kind,
      listKind: names.listKind ?? `${names.kind ?? ''}List`,
      ...(names.shortNames?.length ? { shortNames: names.shortNames } : {}),
      ...(names.categories?.length ? { categories: names.categories } : {}),
    },
    storedVersions: [...new Set([...((status.storedVersions as string[] | undefined) ?? []), ...(spec.versions ?? []).filter((v) => v.storage).map((v) => v.name ?? '')])],
  };
  const metadata = (crd.metadata ??= {});
  if (!metadata.deletionTimestamp && !(metadata.finalizers ?? []).includes(crdCleanupFinalizer)) {
    metadata.finalizers = [...(metadata.finalizers ?? []), crdCleanupFinalizer];
  }
}

/** A minimal CRD → ResourceInfo conversion (one entry per served version). */
export function minimalCrdResourceInfos(crd: KubeObject): ResourceInfo[] {
  const spec = specOf(crd);
  const names = spec.names ?? {};
  if (!spec.group || !names.plural || !names.kind) return [];
  return (spec.versions ?? [])
    .filter((v) => v.served !== false && v.name)
    .map((v) => {
      const info: ResourceInfo = {
        group: spec.group ?? '',
        version: v.name ?? '',
        resource: names.plural ?? '',
        kind: names.kind ?? '',
        namespaced: spec.scope !== 'Cluster',
        singular: names.singular ?? (names.kind ?? '').toLowerCase(),
        listKind: names.listKind ?? `${names.kind ?? ''}List`,
        shortNames: names.shortNames ?? [],
        categories: names.categories ?? [],
        verbs: standardVerbs,
        statusSubresource: v.subresources?.status !== undefined,
        ...(v.subresources?.scale ? { scale: v.subresources.scale } : {}),
        extraSubresources: [],
        ...(v.schema?.openAPIV3Schema ? { schema: v.schema.openAPIV3Schema } : {}),
        ...(v.additionalPrinterColumns ? { printerColumns: v.additionalPrinterColumns } : {}),
        source: ResourceSource.Crd,
        crdName: crd.metadata?.name ?? '',
      };
      return Object.freeze(info);
    });
}

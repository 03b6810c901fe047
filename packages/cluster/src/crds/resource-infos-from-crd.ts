// Turns a CustomResourceDefinition into the registry entries the API server serves, one per served version.
import type { CustomResourceDefinition } from '@aviary/kube';
import { ResourceSource, standardVerbs, type PrinterColumn, type ResourceInfo, type StructuralSchema } from '../registry/resource-info.js';

/** The column the apiserver prints for a CRD version without additionalPrinterColumns. */
const defaultAgeColumn: PrinterColumn = {
  name: 'Age',
  type: 'date',
  format: '',
  description: 'Time since resource was created',
  priority: 0,
  jsonPath: '.metadata.creationTimestamp',
};

export function resourceInfosFromCrd(crd: CustomResourceDefinition): ResourceInfo[] {
  const { group, names, scope } = crd.spec;
  const crdName = crd.metadata?.name ?? `${names.plural}.${group}`;
  return crd.spec.versions
    .filter((version) => version.served)
    .map((version) => {
      const columns = version.additionalPrinterColumns ?? [];
      const printerColumns: PrinterColumn[] =
        columns.length === 0
          ? [defaultAgeColumn]
          : columns.map((column) => ({
              name: column.name,
              type: column.type,
              format: column.format ?? '',
              description: column.description ?? '',
              priority: column.priority ?? 0,
              jsonPath: column.jsonPath,
            }));
      const scale = version.subresources?.scale;
      const schema = version.schema?.openAPIV3Schema as StructuralSchema | undefined;
      const info: ResourceInfo = {
        group,
        version: version.name,
        resource: names.plural,
        kind: names.kind,
        namespaced: scope === 'Namespaced',
        singular: names.singular ?? names.kind.toLowerCase(),
        listKind: names.listKind ?? `${names.kind}List`,
        shortNames: names.shortNames ?? [],
        categories: names.categories ?? [],
        verbs: standardVerbs,
        statusSubresource: version.subresources?.status !== undefined,
        ...(scale
          ? {
              scale: {
                specReplicasPath: scale.specReplicasPath,
                statusReplicasPath: scale.statusReplicasPath,
                ...(scale.labelSelectorPath ? { labelSelectorPath: scale.labelSelectorPath } : {}),
              },
            }
          : {}),
        extraSubresources: [],
        ...(schema ? { schema } : {}),
        printerColumns,
        source: ResourceSource.Crd,
        crdName,
      };
      return Object.freeze(info);
    });
}

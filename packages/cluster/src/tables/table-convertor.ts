// Converts objects of any served resource to a meta/v1 Table, the way `kubectl get` asks the server to.
import type { KubeObject, ListMeta, Table, TableRow } from '@aviary/kube';
import { ResourceSource, type ResourceInfo } from '../registry/index.js';
import { endpointsPrinter, servicePrinter } from './service-printer.js';
import {
  configMapPrinter,
  eventPrinter,
  ingressPrinter,
  leasePrinter,
  namespacePrinter,
  nodePrinter,
  secretPrinter,
  serviceAccountPrinter,
} from './cluster-printers.js';
import type { TablePrinter } from './column.js';
import { crdPrinter, defaultPrinter } from './crd-printer.js';
import { podPrinter } from './pod-printer.js';
import { deploymentPrinter, jobPrinter, replicaSetPrinter } from './workload-printers.js';

/** What each row carries besides its cells (`?includeObject=`); kubectl's default is Metadata. */
export type IncludeObject = 'None' | 'Metadata' | 'Object';

export interface TableOptions {
  /** Milliseconds since the epoch, for ages. */
  now: number;
  includeObject?: IncludeObject;
  /** Omit columnDefinitions (watch events after the first, or `?noHeaders=true`). */
  noHeaders?: boolean;
  listMeta?: ListMeta;
}

const builtinPrinters: Record<string, TablePrinter<never>> = {
  '/Pod': podPrinter,
  '/Service': servicePrinter,
  '/Endpoints': endpointsPrinter,
  '/Namespace': namespacePrinter,
  '/Node': nodePrinter,
  '/ConfigMap': configMapPrinter,
  '/Secret': secretPrinter,
  '/ServiceAccount': serviceAccountPrinter,
  '/Event': eventPrinter,
  'apps/ReplicaSet': replicaSetPrinter,
  'apps/Deployment': deploymentPrinter,
  'batch/Job': jobPrinter,
  'networking.k8s.io/Ingress': ingressPrinter,
  'coordination.k8s.io/Lease': leasePrinter,
};

const crdPrinters = new WeakMap<ResourceInfo, TablePrinter>();

/** The printer for a resource: built-in code, CRD printer columns, or NAME / CREATED AT. */
export function tablePrinterFor(info: ResourceInfo): TablePrinter {
  if (info.source === ResourceSource.Crd) {
    let printer = crdPrinters.get(info);
    if (!printer) {
      printer = crdPrinter(info.printerColumns);
      crdPrinters.set(info, printer);
    }
    return printer;
  }
  return (builtinPrinters[`${info.group}/${info.kind}`] as TablePrinter | undefined) ?? defaultPrinter;
}

function rowObject(object: KubeObject, include: IncludeObject): unknown {
  if (include === 'None') return undefined;
  if (include === 'Object') return object;
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: object.metadata ?? {} };
}

/** One Table holding a row per object, in the given order. */
export function convertToTable(info: ResourceInfo, objects: readonly KubeObject[], options: TableOptions): Table {
  const printer = tablePrinterFor(info);
  const include = options.includeObject ?? 'Metadata';
  const rows: TableRow[] = objects.map((object) => {
    const row: TableRow = { cells: printer.cells(object, options.now) };
    const carried = rowObject(object, include);
    if (carried !== undefined) row.object = carried;
    return row;
  });
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: options.listMeta ?? {},
    columnDefinitions: options.noHeaders ? [] : [...printer.columns],
    rows,
  };
}

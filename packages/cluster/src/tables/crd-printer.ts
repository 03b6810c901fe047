// Tables for custom resources from their CRD's additionalPrinterColumns (apiextensions tableconvertor semantics).
import type { KubeObject, TableColumnDefinition } from '@aviary/kube';
import type { PrinterColumn } from '../registry/index.js';
import { ageSince } from './age.js';
import { nameColumn, type TablePrinter } from './column.js';
import { findJsonPath, parseJsonPath } from './json-path.js';

/** A CRD with no printer columns gets an Age column on creationTimestamp, as the real server gives it. */
const defaultColumns: PrinterColumn[] = [
  { name: 'Age', type: 'date', format: '', description: 'Custom resource definition column (in JSONPath format): .metadata.creationTimestamp', priority: 0, jsonPath: '.metadata.creationTimestamp' },
];

/** Converts one cell: strings print as text, numbers and booleans keep their type, dates become ages, missing is null. */
function cell(column: PrinterColumn, value: unknown, now: number): unknown {
  if (value === undefined || value === null) return null;
  switch (column.type) {
    case 'integer':
      return typeof value === 'number' ? Math.trunc(value) : null;
    case 'number':
      return typeof value === 'number' ? value : null;
    case 'boolean':
      return typeof value === 'boolean' ? value : null;
    case 'date':
      return typeof value === 'string' ? ageSince(value, now) : null;
    default:
      return typeof value === 'string' ? value : JSON.stringify(value);
  }
}

export function crdPrinter(printerColumns: readonly PrinterColumn[] | undefined): TablePrinter {
  const columns = printerColumns && printerColumns.length > 0 ? printerColumns : defaultColumns;
  const paths = columns.map((c) => parseJsonPath(c.jsonPath ?? ''));
  const definitions: TableColumnDefinition[] = [
    nameColumn,
    ...columns.map((c) => ({
      name: c.name,
      type: c.type,
      format: c.format ?? '',
      description: c.description || `Custom resource definition column (in JSONPath format): ${c.jsonPath ?? ''}`,
      priority: c.priority ?? 0,
    })),
  ];
  return {
    columns: definitions,
    cells(object: KubeObject, now: number) {
      return [object.metadata?.name ?? '', ...columns.map((c, i) => cell(c, findJsonPath(object, paths[i]!)[0], now))];
    },
  };
}

/** Kinds with no printer of their own: NAME and CREATED AT (RFC 3339), like the server's default convertor. */
export const defaultPrinter: TablePrinter = {
  columns: [
    nameColumn,
    { name: 'Created At', type: 'date', format: '', description: 'CreationTimestamp is a timestamp representing the server time when this object was created.', priority: 0 },
  ],
  cells: (object) => [object.metadata?.name ?? '', object.metadata?.creationTimestamp ?? ''],
};

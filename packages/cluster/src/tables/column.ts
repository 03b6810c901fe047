// Column definitions and the printer contract shared by every built-in kind's table printer.
import type { KubeObject, TableColumnDefinition } from '@aviary/kube';

/** The descriptions real Kubernetes gives the two columns every kind has. */
export const nameDescription =
  'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names';
export const ageDescription =
  'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata';

/** A column: `wide` ones (priority 1) show only with `-o wide`. */
export function column(name: string, description = '', options: { type?: string; format?: string; wide?: boolean } = {}): TableColumnDefinition {
  return { name, type: options.type ?? 'string', format: options.format ?? '', description, priority: options.wide ? 1 : 0 };
}

export const nameColumn = column('Name', nameDescription, { format: 'name' });
export const ageColumn = column('Age', ageDescription);

/** Prints one kind: its columns, and the cells of one object's row (`now` for ages). */
export interface TablePrinter<T extends KubeObject = KubeObject> {
  readonly columns: readonly TableColumnDefinition[];
  cells(object: T, now: number): unknown[];
}

/** `<none>` for an empty value, as kubectl's printers write it. */
export function orNone(value: string | undefined | null): string {
  return value === undefined || value === null || value === '' ? '<none>' : value;
}

/** `a=b,c=d` in key order, or `<none>`. */
export function formatLabels(map: Record<string, string> | undefined): string {
  if (!map || Object.keys(map).length === 0) return '<none>';
  return Object.keys(map)
    .sort()
    .map((key) => `${key}=${map[key]}`)
    .join(',');
}

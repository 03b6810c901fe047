// Default Table conversion (NAME, AGE), and the age formatting kubectl shows (apimachinery duration.HumanDuration).
import type { KubeObject, Table, TableColumnDefinition } from '@aviary/kube';
import type { TableInput } from './plugins.js';

const nameColumn: TableColumnDefinition = {
  name: 'Name',
  type: 'string',
  format: 'name',
  description: 'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names',
  priority: 0,
};

const ageColumn: TableColumnDefinition = {
  name: 'Age',
  type: 'date',
  format: '',
  description: 'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata',
  priority: 0,
};

export function convertToDefaultTable(input: TableInput): Table {
  return {
    apiVersion: 'meta.k8s.io/v1',
    kind: 'Table',
    metadata: input.listMeta ?? {},
    columnDefinitions: [nameColumn, ageColumn],
    rows: input.objects.map((object) => ({ cells: [object.metadata?.name ?? '', formatAge(object, input.now)] })),
  };
}

/** The AGE cell of an object: `<unknown>` without a creationTimestamp. */
export function formatAge(object: KubeObject, now: number): string {
  const created = Date.parse(object.metadata?.creationTimestamp ?? '');
  if (Number.isNaN(created)) return '<unknown>';
  return formatHumanDuration(now - created);
}

/**
 * A duration as kubectl prints ages: `45s`, `5m30s`, `12m`, `4h20m`, `30h`, `3d4h`, `40d`, `3y20d`, `9y`.
 * Two seconds of negative skew read as `0s`.
 */
export function formatHumanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.trunc(seconds / 60);
  const pair = (big: number, bigUnit: string, small: number, smallUnit: string): string =>
    small === 0 ? `${big}${bigUnit}` : `${big}${bigUnit}${small}${smallUnit}`;
  if (minutes < 10) return pair(minutes, 'm', seconds % 60, 's');
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.trunc(minutes / 60);
  if (hours < 8) return pair(hours, 'h', minutes % 60, 'm');
  if (hours < 48) return `${hours}h`;
  const days = Math.trunc(hours / 24);
  if (hours < 24 * 8) return pair(days, 'd', hours % 24, 'h');
  if (hours < 24 * 365 * 2) return `${days}d`;
  const years = Math.trunc(days / 365);
  if (hours < 24 * 365 * 8) return pair(years, 'y', days % 365, 'd');
  return `${years}y`;
}

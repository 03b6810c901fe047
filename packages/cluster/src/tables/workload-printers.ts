// Tables for ReplicaSets, Deployments and Jobs, with the `-o wide` CONTAINERS IMAGES SELECTOR columns.
import type { Deployment, Job, LabelSelector, PodTemplateSpec, ReplicaSet } from '@aviary/kube';
import { ageSince, humanDuration } from './age.js';
import { ageColumn, column, nameColumn, type TablePrinter } from './column.js';

const containersColumn = column('Containers', 'Names of each container in the template.', { wide: true });
const imagesColumn = column('Images', 'Images referenced by each container in the template.', { wide: true });
const selectorColumn = column('Selector', 'Label selector for pods.', { wide: true });

function templateCells(template: PodTemplateSpec | undefined): [string, string] {
  const containers = template?.spec?.containers ?? [];
  return [containers.map((c) => c.name).join(','), containers.map((c) => c.image ?? '').join(',')];
}

/** A LabelSelector as `kubectl get -o wide` prints it: `app=web,tier in (a,b)`, or `<none>`. */
export function formatSelector(selector: LabelSelector | undefined): string {
  if (!selector) return '<none>';
  const parts = Object.entries(selector.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const req of selector.matchExpressions ?? []) {
    const values = [...(req.values ?? [])].sort().join(',');
    if (req.operator === 'In') parts.push(`${req.key} in (${values})`);
    else if (req.operator === 'NotIn') parts.push(`${req.key} notin (${values})`);
    else if (req.operator === 'Exists') parts.push(req.key);
    else parts.push(`!${req.key}`);
  }
  return parts.length > 0 ? parts.join(',') : '<none>';
}

export const replicaSetPrinter: TablePrinter<ReplicaSet> = {
  columns: [
    nameColumn,
    column('Desired', 'Replicas is the number of desired pods.', { type: 'integer' }),
    column('Current', 'Replicas is the most recently observed number of replicas.', { type: 'integer' }),
    column('Ready', 'The number of ready replicas for this replica set.', { type: 'integer' }),
    ageColumn,
    containersColumn,
    imagesColumn,
    selectorColumn,
  ],
  cells(rs, now) {
    return [
      rs.metadata?.name ?? '',
      rs.spec?.replicas ?? 1,
      rs.status?.replicas ?? 0,
      rs.status?.readyReplicas ?? 0,
      ageSince(rs.metadata?.creationTimestamp, now),
      ...templateCells(rs.spec?.template),
      formatSelector(rs.spec?.selector),
    ];
  },
};

export const deploymentPrinter: TablePrinter<Deployment> = {
  columns: [
    nameColumn,
    column('Ready', 'Number of the pod with ready state'),
    column('Up-to-date', 'Total number of non-terminated pods targeted by this deployment that have the desired template spec.', { type: 'integer' }),
    column('Available', 'Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.', { type: 'integer' }),
    ageColumn,
    containersColumn,
    imagesColumn,
    selectorColumn,
  ],
  cells(deployment, now) {
    const status = deployment.status ?? {};
    return [
      deployment.metadata?.name ?? '',
      `${status.readyReplicas ?? 0}/${deployment.spec?.replicas ?? 1}`,
      status.updatedReplicas ?? 0,
      status.availableReplicas ?? 0,
      ageSince(deployment.metadata?.creationTimestamp, now),
      ...templateCells(deployment.spec?.template),
      formatSelector(deployment.spec?.selector),
    ];
  },
};

/** STATUS of a Job: its terminal condition, Suspended, or Running (kubectl 1.31+). */
function jobStatus(job: Job): string {
  const conditions = job.status?.conditions ?? [];
  const has = (type: string) => conditions.some((c) => c.type === type && c.status === 'True');
  if (has('Failed')) return 'Failed';
  if (has('Complete')) return 'Complete';
  if (has('Suspended')) return 'Suspended';
  if (has('FailureTarget')) return 'FailureTarget';
  if (has('SuccessCriteriaMet')) return 'SuccessCriteriaMet';
  return 'Running';
}

function jobCompletions(job: Job): string {
  const succeeded = job.status?.succeeded ?? 0;
  const completions = job.spec?.completions;
  if (completions !== undefined && completions !== null) return `${succeeded}/${completions}`;
  const parallelism = job.spec?.parallelism ?? 1;
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

function jobDuration(job: Job, now: number): string {
  const start = job.status?.startTime;
  if (!start) return '';
  const end = job.status?.completionTime ? Date.parse(job.status.completionTime) : now;
  return humanDuration(end - Date.parse(start));
}

export const jobPrinter: TablePrinter<Job> = {
  columns: [
    nameColumn,
    column('Status', 'Status of the job.'),
    column('Completions', 'The desired number of successfully finished pods the job should be run with.'),
    column('Duration', 'Time required to complete the job.'),
    ageColumn,
    containersColumn,
    imagesColumn,
    selectorColumn,
  ],
  cells(job, now) {
    return [
      job.metadata?.name ?? '',
      jobStatus(job),
      jobCompletions(job),
      jobDuration(job, now),
      ageSince(job.metadata?.creationTimestamp, now),
      ...templateCells(job.spec?.template),
      formatSelector(job.spec?.selector),
    ];
  },
};

// Deployment annotations on ReplicaSets: revision, revision history, desired and max replicas (deployment_util.go).
import type { DeepReadonly, Deployment, ReplicaSet } from '@aviary/kube';

export const DeploymentAnnotation = {
  Revision: 'deployment.kubernetes.io/revision',
  RevisionHistory: 'deployment.kubernetes.io/revision-history',
  DesiredReplicas: 'deployment.kubernetes.io/desired-replicas',
  MaxReplicas: 'deployment.kubernetes.io/max-replicas',
} as const;

/** Deployment annotations never copied onto its ReplicaSets (skipCopyAnnotation). */
const NOT_COPIED = new Set<string>([
  'kubectl.kubernetes.io/last-applied-configuration',
  DeploymentAnnotation.Revision,
  DeploymentAnnotation.RevisionHistory,
  DeploymentAnnotation.DesiredReplicas,
  DeploymentAnnotation.MaxReplicas,
  'deprecated.deployment.rollback.to',
]);

/** The revision number of a ReplicaSet (0 when absent or not a number). */
export function revisionOf(rs: DeepReadonly<ReplicaSet> | undefined): number {
  const value = Number.parseInt(rs?.metadata?.annotations?.[DeploymentAnnotation.Revision] ?? '', 10);
  return Number.isFinite(value) ? value : 0;
}

export function maxRevision(rss: readonly DeepReadonly<ReplicaSet>[]): number {
  return rss.reduce((max, rs) => Math.max(max, revisionOf(rs)), 0);
}

/**
 * SetNewReplicaSetAnnotations: copies the deployment's annotations, raises the revision (keeping the
 * previous one in revision-history), and on a fresh ReplicaSet sets desired/max replicas.
 * Mutates `rs`; returns whether anything changed.
 */
export function setNewReplicaSetAnnotations(options: { deployment: DeepReadonly<Deployment>; rs: ReplicaSet; newRevision: number; exists: boolean; desired: number; max: number }): boolean {
  const { deployment, rs, newRevision } = options;
  const annotations = (rs.metadata ??= {}).annotations ?? {};
  const before = JSON.stringify(annotations);
  for (const [key, value] of Object.entries(deployment.metadata?.annotations ?? {})) {
    if (!NOT_COPIED.has(key)) annotations[key] = value;
  }
  const oldRevision = annotations[DeploymentAnnotation.Revision];
  const oldNumber = Number.parseInt(oldRevision ?? '', 10);
  if (oldRevision === undefined || !Number.isFinite(oldNumber) || oldNumber < newRevision) {
    annotations[DeploymentAnnotation.Revision] = String(newRevision);
    if (oldRevision !== undefined && oldRevision !== '') {
      const history = annotations[DeploymentAnnotation.RevisionHistory];
      annotations[DeploymentAnnotation.RevisionHistory] = history ? `${history},${oldRevision}` : oldRevision;
    }
  }
  if (!options.exists) {
    annotations[DeploymentAnnotation.DesiredReplicas] = String(options.desired);
    annotations[DeploymentAnnotation.MaxReplicas] = String(options.max);
  }
  rs.metadata.annotations = annotations;
  return JSON.stringify(annotations) !== before;
}

/** Whether desired/max replicas annotations differ from the values (ReplicasAnnotationsNeedUpdate). */
export function replicasAnnotationsNeedUpdate(rs: DeepReadonly<ReplicaSet>, desired: number, max: number): boolean {
  const annotations = rs.metadata?.annotations ?? {};
  return annotations[DeploymentAnnotation.DesiredReplicas] !== String(desired) || annotations[DeploymentAnnotation.MaxReplicas] !== String(max);
}

export function setReplicasAnnotations(rs: ReplicaSet, desired: number, max: number): void {
  const metadata = (rs.metadata ??= {});
  metadata.annotations = { ...metadata.annotations, [DeploymentAnnotation.DesiredReplicas]: String(desired), [DeploymentAnnotation.MaxReplicas]: String(max) };
}

/** The desired-replicas annotation, if present and numeric. */
export function desiredReplicasAnnotation(rs: DeepReadonly<ReplicaSet>): number | undefined {
  const value = Number.parseInt(rs.metadata?.annotations?.[DeploymentAnnotation.DesiredReplicas] ?? '', 10);
  return Number.isFinite(value) ? value : undefined;
}

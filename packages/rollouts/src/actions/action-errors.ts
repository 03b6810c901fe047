// The errors a user action raises for wrong usage, with upstream's messages (API errors pass through unchanged).

/** Flags that cannot be used together or on this rollout (promote's deprecated skip flags). */
export class PromoteUsageError extends Error {
  override readonly name = 'PromoteUsageError';
}

/** Upstream's texts for PromoteUsageError (pkg/kubectl-argo-rollouts/cmd/promote/promote.go). */
export const PromoteUsageMessage = {
  BothSkipFlags: 'Cannot use skip-current-step and skip-all-steps flags at the same time',
  SkipOnBlueGreen: 'Cannot skip steps of a bluegreen rollout. Run without a flags',
  SkipWithoutSteps: 'Cannot skip steps of a rollout without steps',
} as const;

/** `set image` named a container the pod template does not have. */
export class ContainerNotFoundError extends Error {
  override readonly name = 'ContainerNotFoundError';
  constructor(readonly container: string) {
    super(`unable to find container named "${container}"`);
  }
}

/** `set image` on a rollout whose spec.workloadRef.name is not a string. */
export class WorkloadRefNameError extends Error {
  override readonly name = 'WorkloadRefNameError';
}

/** `undo` found no ReplicaSet for the revision asked for (or no previous one). */
export class RevisionNotFoundError extends Error {
  override readonly name = 'RevisionNotFoundError';
  constructor(
    readonly rollout: string,
    readonly toRevision: number,
  ) {
    super(toRevision > 0 ? `unable to find specified revision ${toRevision} in history` : `no revision found for rollout ${JSON.stringify(rollout)}`);
  }
}

/** `undo` could not list ReplicaSets or write the template back; `cause` is the API error. */
export class UndoError extends Error {
  override readonly name = 'UndoError';
}

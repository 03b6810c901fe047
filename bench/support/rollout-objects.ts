// Rollouts for the Rollout controller benchmark: a canary with two timed pauses, and the predicates the bench waits on.
import { PauseReason, RolloutPhase, type Rollout } from '../../packages/kube/src/index.js';

export const BENCH_NAMESPACE = 'default';

/** The steps the issue names: [setWeight 20, pause 1s, setWeight 60, pause 1s]. */
export const CANARY_STEPS = [{ setWeight: 20 }, { pause: { duration: '1s' } }, { setWeight: 60 }, { pause: { duration: '1s' } }];
export const PAUSE_STEP_SECONDS: ReadonlyMap<number, number> = new Map([
  [1, 1],
  [3, 1],
]);

export function rolloutName(index: number): string {
  return `r-${String(index).padStart(5, '0')}`;
}

export function makeRollout(options: { index: number; replicas: number; image: string }): Rollout {
  const name = rolloutName(options.index);
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: { name, namespace: BENCH_NAMESPACE },
    spec: {
      replicas: options.replicas,
      revisionHistoryLimit: 2,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image: options.image }] } },
      strategy: { canary: { steps: CANARY_STEPS } },
    },
  } as Rollout;
}

/** Healthy for its current spec: phase Healthy, and the controller has seen this generation (from `minGeneration` on). */
export function isHealthyAt(rollout: Rollout, minGeneration: number): boolean {
  const generation = rollout.metadata?.generation ?? 0;
  return generation >= minGeneration && rollout.status?.phase === RolloutPhase.Healthy && rollout.status.observedGeneration === String(generation);
}

/** The CanaryPauseStep condition's startTime, if the rollout is at a timed pause. */
export function canaryPauseStart(rollout: Rollout | undefined): string | undefined {
  return rollout?.status?.pauseConditions?.find((condition) => condition.reason === PauseReason.CanaryPauseStep)?.startTime;
}

// Rollout statuses around a timed canary pause, as the controller writes them: for the status-write cost tools.
import type { RolloutStatus } from '../../packages/kube/src/index.js';

const condition = (type: string, status: string, reason: string, message: string) => ({
  type,
  status,
  lastUpdateTime: '2026-11-21T02:41:47Z',
  lastTransitionTime: '2026-11-21T02:41:47Z',
  reason,
  message,
});

const unchanged = [
  condition('Available', 'True', 'AvailableReason', 'Rollout has minimum availability'),
  condition('Healthy', 'False', 'RolloutHealthy', 'Rollout is not healthy'),
  condition('Completed', 'False', 'RolloutCompleted', 'Rollout is not completed'),
];

const base: RolloutStatus = {
  observedGeneration: '2',
  replicas: 2,
  updatedReplicas: 1,
  readyReplicas: 2,
  availableReplicas: 2,
  HPAReplicas: 2,
  selector: 'app=r-00000',
  stableRS: '6d4f8c7b9',
  currentPodHash: '5b7c9d8f6',
  currentStepHash: '7f6d5c4b8',
  canary: {},
  blueGreen: {},
};

/** At the first timed pause (step 1). */
export const pausedStatus: RolloutStatus = {
  ...base,
  currentStepIndex: 1,
  controllerPause: true,
  pauseConditions: [{ reason: 'CanaryPauseStep', startTime: '2026-11-21T02:41:52Z' }],
  phase: 'Paused',
  message: 'CanaryPauseStep',
  conditions: [...unchanged, condition('Progressing', 'Unknown', 'RolloutPaused', 'Rollout is paused'), condition('Paused', 'True', 'RolloutPaused', 'Rollout is paused')],
} as RolloutStatus;

/** Just after that pause expired (step 2): the write a pause expiry makes. */
export const advancedStatus: RolloutStatus = {
  ...base,
  currentStepIndex: 2,
  phase: 'Progressing',
  message: 'more replicas need to be updated',
  conditions: [...unchanged, condition('Progressing', 'True', 'ReplicaSetUpdated', 'ReplicaSet "r-00000-5b7c9d8f6" is progressing.'), condition('Paused', 'False', 'RolloutPaused', 'Rollout is paused')],
} as RolloutStatus;

// Descriptors for policy/v1 messages: PodDisruptionBudget and Eviction.
import type { MessageSpecs } from './message-descriptor.js';

export const policyV1Messages: MessageSpecs = {
  PodDisruptionBudgetSpec: [
    '1 minAvailable *IntOrString', '2 selector LabelSelector', '3 maxUnavailable *IntOrString', '4 unhealthyPodEvictionPolicy *string',
  ],
  PodDisruptionBudgetStatus: [
    '1 observedGeneration int64', '2 disruptedPods map<string,Time>', '3 disruptionsAllowed *int32', '4 currentHealthy *int32',
    '5 desiredHealthy *int32', '6 expectedPods *int32', '7 conditions []Condition',
  ],
  PodDisruptionBudget: ['1 metadata ObjectMeta', '2 spec PodDisruptionBudgetSpec', '3 status PodDisruptionBudgetStatus'],
  Eviction: ['1 metadata ObjectMeta', '2 deleteOptions DeleteOptions'],
};

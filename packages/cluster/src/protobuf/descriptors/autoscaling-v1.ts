// Descriptors for autoscaling/v1 messages: Scale and HorizontalPodAutoscaler.
import type { MessageSpecs } from './message-descriptor.js';

export const autoscalingV1Messages: MessageSpecs = {
  // replicas has omitempty upstream, but kept here: a scale to 0 must say 0 to a JSON-minded server.
  ScaleSpec: ['1 replicas *int32'],
  ScaleStatus: ['1 replicas *int32', '2 selector string'],
  Scale: ['1 metadata ObjectMeta', '2 spec ScaleSpec', '3 status ScaleStatus'],
  CrossVersionObjectReference: ['1 kind *string', '2 name *string', '3 apiVersion string'],
  HorizontalPodAutoscalerSpec: [
    '1 scaleTargetRef CrossVersionObjectReference', '2 minReplicas *int32', '3 maxReplicas *int32',
    '4 targetCPUUtilizationPercentage *int32',
  ],
  HorizontalPodAutoscalerStatus: [
    '1 observedGeneration *int64', '2 lastScaleTime Time', '3 currentReplicas *int32', '4 desiredReplicas *int32',
    '5 currentCPUUtilizationPercentage *int32',
  ],
  HorizontalPodAutoscaler: ['1 metadata ObjectMeta', '2 spec HorizontalPodAutoscalerSpec', '3 status HorizontalPodAutoscalerStatus'],
};

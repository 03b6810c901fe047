// Descriptors for scheduling.k8s.io/v1 messages: PriorityClass.
import type { MessageSpecs } from './message-descriptor.js';

export const schedulingV1Messages: MessageSpecs = {
  PriorityClass: ['1 metadata ObjectMeta', '2 value *int32', '3 globalDefault bool', '4 description string', '5 preemptionPolicy *string'],
};

// Descriptors for coordination/v1 messages: Lease.
import type { MessageSpecs } from './message-descriptor.js';

export const coordinationV1Messages: MessageSpecs = {
  LeaseSpec: [
    '1 holderIdentity *string', '2 leaseDurationSeconds *int32', '3 acquireTime MicroTime', '4 renewTime MicroTime',
    '5 leaseTransitions *int32', '6 strategy *string', '7 preferredHolder *string',
  ],
  Lease: ['1 metadata ObjectMeta', '2 spec LeaseSpec'],
};

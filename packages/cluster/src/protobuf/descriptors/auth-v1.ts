// Descriptors for authentication.k8s.io/v1 and authorization.k8s.io/v1 messages: TokenRequest, SelfSubjectReview, SelfSubjectAccessReview.
import type { MessageSpecs } from './message-descriptor.js';

export const authV1Messages: MessageSpecs = {
  BoundObjectReference: ['1 kind string', '2 apiVersion string', '3 name string', '4 uid string'],
  TokenRequestSpec: ['1 audiences []string', '4 expirationSeconds *int64', '3 boundObjectRef BoundObjectReference'],
  TokenRequestStatus: ['1 token *string', '2 expirationTimestamp Time'],
  TokenRequest: ['1 metadata ObjectMeta', '2 spec TokenRequestSpec', '3 status TokenRequestStatus'],
  UserInfo: ['1 username string', '2 uid string', '3 groups []string', '4 extra map<string,StringList>'],
  SelfSubjectReviewStatus: ['1 userInfo UserInfo'],
  SelfSubjectReview: ['1 metadata ObjectMeta', '2 status SelfSubjectReviewStatus'],
  FieldSelectorAttributes: ['1 rawSelector string', '2 requirements []FieldSelectorRequirement'],
  LabelSelectorAttributes: ['1 rawSelector string', '2 requirements []LabelSelectorRequirement'],
  ResourceAttributes: [
    '1 namespace string', '2 verb string', '3 group string', '4 version string', '5 resource string', '6 subresource string',
    '7 name string', '8 fieldSelector FieldSelectorAttributes', '9 labelSelector LabelSelectorAttributes',
  ],
  NonResourceAttributes: ['1 path string', '2 verb string'],
  SelfSubjectAccessReviewSpec: ['1 resourceAttributes ResourceAttributes', '2 nonResourceAttributes NonResourceAttributes'],
  SubjectAccessReviewStatus: ['1 allowed *bool', '4 denied bool', '2 reason string', '3 evaluationError string'],
  SelfSubjectAccessReview: ['1 metadata ObjectMeta', '2 spec SelfSubjectAccessReviewSpec', '3 status SubjectAccessReviewStatus'],
};

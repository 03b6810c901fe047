// Descriptors for rbac.authorization.k8s.io/v1 messages: Role, ClusterRole, RoleBinding, ClusterRoleBinding.
import type { MessageSpecs } from './message-descriptor.js';

export const rbacV1Messages: MessageSpecs = {
  PolicyRule: [
    '1 verbs []string', '2 apiGroups []string', '3 resources []string', '4 resourceNames []string', '5 nonResourceURLs []string',
  ],
  Role: ['1 metadata ObjectMeta', '2 rules []PolicyRule'],
  AggregationRule: ['1 clusterRoleSelectors []LabelSelector'],
  ClusterRole: ['1 metadata ObjectMeta', '2 rules []PolicyRule', '3 aggregationRule AggregationRule'],
  Subject: ['1 kind *string', '2 apiGroup string', '3 name *string', '4 namespace string'],
  RoleRef: ['1 apiGroup *string', '2 kind *string', '3 name *string'],
  RoleBinding: ['1 metadata ObjectMeta', '2 subjects []Subject', '3 roleRef RoleRef'],
  ClusterRoleBinding: ['1 metadata ObjectMeta', '2 subjects []Subject', '3 roleRef RoleRef'],
};

// The client: resource descriptors, the KubeClient interface and its implementation over a kubeconfig.
export * from './resource-type.js';
export * from './kube-client.js';

// @aviary/cluster: the embedded Kubernetes-compatible cluster.
export {};

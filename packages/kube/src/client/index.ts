// The client: resource descriptors, the KubeClient interface and its implementation over a kubeconfig.
export * from './resource-type.js';
export * from './kube-client.js';
export { loadKubeConfig, mergeKubeConfigFiles, KubeConfigNotFoundError, KubeContextError, SERVICE_ACCOUNT_DIR } from './kubeconfig.js';
export type { LoadKubeConfigOptions, LoadedKubeConfig } from './kubeconfig.js';
export { HttpKubeClient, createKubeClient, createLeanKubeClient } from './http-kube-client.js';
export { isLiteCapable, kubeconfigFiles, liteKubeConfigAdapter, readLiteInClusterConfig, readLiteKubeconfig } from './kubeconfig-lite.js';
export type { LiteCluster, LiteKubeconfig, LiteKubeSettings, LiteUser } from './kubeconfig-lite.js';
export type { HttpKubeClientOptions, CreateKubeClientOptions, TransportKubeClientOptions } from './http-kube-client.js';
export type { KubeTransport, OpenedStream, StreamRequest, StreamResponse, TransportRequest, TransportResponse } from './kube-transport.js';
export { RequestTimeoutError } from './http-transport.js';
export { WatchConnectionError, WatchDecodeError } from './watch-stream.js';

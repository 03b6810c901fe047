// The plugin's quick kubeconfig reader now lives in @aviary/kube (client/kubeconfig-lite.ts), shared with `aviary controller`.
export { isLiteCapable, kubeconfigFiles, liteKubeConfigAdapter, readLiteKubeconfig } from '@aviary/kube';
export type { LiteCluster, LiteKubeconfig, LiteKubeSettings, LiteUser } from '@aviary/kube';

// core/v1 configuration kinds: ConfigMap, Secret (with its well-known types) and ServiceAccount.
import type { LocalObjectReference, ObjectReference } from './core-common.js';
import type { KubeObject, ObjectList, ObjectMeta } from './meta.js';

export interface ConfigMap extends KubeObject {
  metadata?: ObjectMeta;
  data?: Record<string, string>;
  /** Base64-encoded values for keys whose content is not UTF-8. */
  binaryData?: Record<string, string>;
  immutable?: boolean;
}
export type ConfigMapList = ObjectList<ConfigMap>;

/** The `type` strings of core/v1 Secret. */
export const SecretType = {
  Opaque: 'Opaque',
  ServiceAccountToken: 'kubernetes.io/service-account-token',
  Dockercfg: 'kubernetes.io/dockercfg',
  DockerConfigJson: 'kubernetes.io/dockerconfigjson',
  BasicAuth: 'kubernetes.io/basic-auth',
  SSHAuth: 'kubernetes.io/ssh-auth',
  TLS: 'kubernetes.io/tls',
  BootstrapToken: 'bootstrap.kubernetes.io/token',
} as const;
export type SecretType = (typeof SecretType)[keyof typeof SecretType];

export interface Secret extends KubeObject {
  metadata?: ObjectMeta;
  /** Base64-encoded values. */
  data?: Record<string, string>;
  /** Write-only plain-text values; the API server merges them into `data` and never returns this field. */
  stringData?: Record<string, string>;
  /** Default Opaque; any string is allowed. */
  type?: SecretType | (string & {});
  immutable?: boolean;
}
export type SecretList = ObjectList<Secret>;

export interface ServiceAccount extends KubeObject {
  metadata?: ObjectMeta;
  /** Legacy token Secrets of this account. */
  secrets?: ObjectReference[];
  imagePullSecrets?: LocalObjectReference[];
  automountServiceAccountToken?: boolean;
}
export type ServiceAccountList = ObjectList<ServiceAccount>;

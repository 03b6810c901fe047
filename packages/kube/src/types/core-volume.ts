// core/v1 Volume: the volume sources a pod may mount (emptyDir, hostPath, configMap, secret, projected, …).
import type { KeyToPath, LocalObjectReference, ObjectFieldSelector, ResourceFieldSelector } from './core-common.js';
import type { Quantity } from './scalars.js';

export interface EmptyDirVolumeSource {
  /** '' (node disk) or `Memory` (tmpfs). */
  medium?: '' | 'Memory';
  sizeLimit?: Quantity;
}

export interface HostPathVolumeSource {
  path: string;
  type?: '' | 'DirectoryOrCreate' | 'Directory' | 'FileOrCreate' | 'File' | 'Socket' | 'CharDevice' | 'BlockDevice';
}

export interface ConfigMapVolumeSource extends LocalObjectReference {
  items?: KeyToPath[];
  defaultMode?: number;
  optional?: boolean;
}

export interface SecretVolumeSource {
  secretName?: string;
  items?: KeyToPath[];
  defaultMode?: number;
  optional?: boolean;
}

export interface PersistentVolumeClaimVolumeSource {
  claimName: string;
  readOnly?: boolean;
}

export interface DownwardAPIVolumeFile {
  path: string;
  fieldRef?: ObjectFieldSelector;
  resourceFieldRef?: ResourceFieldSelector;
  mode?: number;
}

export interface DownwardAPIVolumeSource {
  items?: DownwardAPIVolumeFile[];
  defaultMode?: number;
}

export interface ServiceAccountTokenProjection {
  audience?: string;
  expirationSeconds?: number;
  path: string;
}

export interface VolumeProjection {
  configMap?: { name?: string; items?: KeyToPath[]; optional?: boolean };
  secret?: { name?: string; items?: KeyToPath[]; optional?: boolean };
  downwardAPI?: { items?: DownwardAPIVolumeFile[] };
  serviceAccountToken?: ServiceAccountTokenProjection;
}

/** Several sources merged into one directory (this is how the service-account token is mounted). */
export interface ProjectedVolumeSource {
  sources?: VolumeProjection[];
  defaultMode?: number;
}

export interface CSIVolumeSource {
  driver: string;
  readOnly?: boolean;
  fsType?: string;
  volumeAttributes?: Record<string, string>;
  nodePublishSecretRef?: LocalObjectReference;
}

export interface NFSVolumeSource {
  server: string;
  path: string;
  readOnly?: boolean;
}

/** An OCI image or artifact mounted read-only. */
export interface ImageVolumeSource {
  reference?: string;
  pullPolicy?: 'Always' | 'Never' | 'IfNotPresent';
}

export interface EphemeralVolumeSource {
  volumeClaimTemplate?: { metadata?: Record<string, unknown>; spec: Record<string, unknown> };
}

/** A named volume; exactly one source is set. */
export interface Volume {
  name: string;
  emptyDir?: EmptyDirVolumeSource;
  hostPath?: HostPathVolumeSource;
  configMap?: ConfigMapVolumeSource;
  secret?: SecretVolumeSource;
  persistentVolumeClaim?: PersistentVolumeClaimVolumeSource;
  downwardAPI?: DownwardAPIVolumeSource;
  projected?: ProjectedVolumeSource;
  csi?: CSIVolumeSource;
  nfs?: NFSVolumeSource;
  image?: ImageVolumeSource;
  ephemeral?: EphemeralVolumeSource;
}

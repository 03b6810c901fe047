// Default server-side apply, until the apply/ plugin is wired in: create when absent, else a JSON merge patch
// of the applied configuration over the live object (no managedFields, no conflicts).
import { applyMergePatch, type KubeObject } from '@aviary/kube';
import type { ApplyInput } from './plugins.js';

export function applyByMergePatch(input: ApplyInput): KubeObject {
  if (input.live === undefined) return structuredClone(input.patch);
  const patch = structuredClone(input.patch);
  if (patch.metadata) delete patch.metadata.resourceVersion;
  return applyMergePatch<KubeObject>(input.live, patch);
}

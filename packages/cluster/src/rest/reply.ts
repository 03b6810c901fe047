// What a REST handler answers, before rendering: an object or list of the resource (rendered per the Accept
// header), a fixed body (Status, Scale), or a stream the handler writes itself (watch).
import type { KubeObject, ObjectList, Status } from '@aviary/kube';

export type Reply =
  | { readonly kind: 'object'; readonly code: number; readonly object: KubeObject; readonly warnings?: readonly string[] }
  | { readonly kind: 'list'; readonly code: number; readonly list: ObjectList; readonly warnings?: readonly string[] }
  | { readonly kind: 'raw'; readonly code: number; readonly body: unknown; readonly warnings?: readonly string[] }
  | { readonly kind: 'streaming' };

export function successStatus(code: number, details?: Status['details']): Status {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', ...(details !== undefined ? { details } : {}), code };
}

// What a REST handler answers, before rendering: an object or list of the resource (rendered per the Accept
// header), a fixed body (Status, Scale), or a stream the handler writes itself (watch).
import type { KubeObject, ObjectList, Status } from '@aviary/kube';

export type Reply =
  | {
      readonly kind: 'object';
      readonly code: number;
      readonly object: KubeObject;
      /** `JSON.stringify(object)` when already known (a stored write): sent as is for plain JSON responses. */
      readonly json?: string;
      readonly warnings?: readonly string[];
    }
  | { readonly kind: 'list'; readonly code: number; readonly list: ObjectList; readonly warnings?: readonly string[] }
  | { readonly kind: 'raw'; readonly code: number; readonly body: unknown; readonly warnings?: readonly string[] }
  | { readonly kind: 'streaming' };

export function successStatus(code: number, details?: Status['details']): Status {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', ...(details !== undefined ? { details } : {}), code };
}

/** The reply for a write's result, keeping its JSON and not reading (decoding) its object until rendering needs it. */
export function writeReply(code: number, result: { readonly object: KubeObject; readonly json?: string; readonly warnings: readonly string[] }): Reply {
  if (result.json === undefined) return { kind: 'object', code, object: result.object, warnings: result.warnings };
  return {
    kind: 'object',
    code,
    get object(): KubeObject {
      return result.object;
    },
    json: result.json,
    warnings: result.warnings,
  };
}

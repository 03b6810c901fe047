// Which list and map semantics apply to a served resource: CRD schema annotations, or built-in patch metadata.
import { builtInListInfo } from './built-in-list-info.js';
import { crdListInfo } from './crd-list-info.js';
import type { ListInfoProvider } from './list-info.js';

/**
 * The provider for a served resource: the CRD schema's list annotations when the resource comes from a
 * CRD (`crdSchema` = the version's openAPIV3Schema), the built-in strategic-merge metadata otherwise.
 */
export function listInfoFor(options: {
  readonly apiVersion: string;
  readonly kind: string;
  readonly crdSchema?: Record<string, unknown>;
}): ListInfoProvider {
  return options.crdSchema !== undefined ? crdListInfo(options.crdSchema) : builtInListInfo(options);
}

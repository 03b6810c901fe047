// What the REST layer works with: storage, the registry of served resources, time and the plugins.
import type { Clock } from '@aviary/kube';
import type { ResourceRegistry } from '../registry/index.js';
import type { Store } from '../storage/store.js';
import type { PluginContext, ResolvedPlugins } from '../server/plugins.js';

export interface RestContext {
  readonly store: Store;
  readonly registry: ResourceRegistry;
  readonly clock: Clock;
  readonly plugins: ResolvedPlugins;
  readonly pluginContext: PluginContext;
  /** The range Service cluster IPs come from (`--service-cluster-ip-range`); default 127.96.0.0/16. */
  readonly serviceCidr?: string;
}

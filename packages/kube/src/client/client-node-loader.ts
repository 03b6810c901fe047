// Loads @kubernetes/client-node on first use: it takes about half a second to import (every generated API comes
// with it), which short-lived programs such as the kubectl plugin should not pay when they never build a KubeConfig.
import { createRequire } from 'node:module';

type ClientNode = typeof import('@kubernetes/client-node');

let loaded: ClientNode | undefined;

/** The client-node module (synchronously, through require of its ES module, which Node 20.19+ and 22.12+ allow). */
export function loadClientNode(): ClientNode {
  loaded ??= createRequire(import.meta.url)('@kubernetes/client-node') as ClientNode;
  return loaded;
}

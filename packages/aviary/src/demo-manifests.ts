// The rollouts demo's manifests (demo/rollouts-demo.yaml) and applying them to a cluster.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isAlreadyExists, Resources, type KubeClient, type KubeObject, type ResourceType } from '@aviary/kube';
import { parseAllDocuments } from 'yaml';

export const demoManifestPath = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'demo', 'rollouts-demo.yaml');

export function demoObjects(): KubeObject[] {
  return parseAllDocuments(readFileSync(demoManifestPath, 'utf8'))
    .map((doc) => doc.toJS() as KubeObject | null)
    .filter((object): object is KubeObject => object !== null);
}

const typeOfKind: Record<string, ResourceType> = { Rollout: Resources.rollouts, Service: Resources.services };

/** Creates each demo object in `namespace` unless it is already there (a restart keeps the user's changes). */
export async function applyDemo(client: KubeClient, namespace = 'default'): Promise<string[]> {
  const created: string[] = [];
  for (const object of demoObjects()) {
    const type = typeOfKind[object.kind ?? ''];
    if (!type) throw new Error(`demo manifest has an unexpected kind ${object.kind}`);
    try {
      await client.create(type, { ...object, metadata: { ...object.metadata, namespace } });
      created.push(`${object.kind?.toLowerCase()}/${object.metadata?.name}`);
    } catch (err: unknown) {
      if (!isAlreadyExists(err)) throw err;
    }
  }
  return created;
}

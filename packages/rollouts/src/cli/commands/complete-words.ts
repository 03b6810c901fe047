// `__complete WORDS...` (hidden): prints one completion candidate per line for the completion scripts.
import { Resources, type KubeObject } from '@aviary/kube';
import type { Invocation } from '../command-spec.js';
import { completeWords, NameKind, type NameLookup } from '../completion-candidates.js';

export async function execute(invocation: Invocation): Promise<number> {
  const lookup: NameLookup = async (kind, settings) => {
    try {
      const io = await invocation.connect(settings);
      const type = kind === NameKind.Rollout ? Resources.rollouts : kind === NameKind.Experiment ? Resources.experiments : Resources.namespaces;
      const list = await io.client.list<KubeObject>(type, type.namespaced ? { namespace: io.namespace } : {});
      return list.items.map((item) => item.metadata?.name ?? '').filter((name) => name !== '');
    } catch {
      // No cluster, no names: completion stays quiet.
      return [];
    }
  };
  const candidates = await completeWords(invocation.root, invocation.parsed.args, lookup);
  invocation.io.stdout.write(candidates.map((candidate) => `${candidate}\n`).join(''));
  return 0;
}

// `aviary controller`: the Aviary controllers against any cluster, with Lease-based leader election so several
// replicas can run and one leads (upstream's Lease name: argo-rollouts-controller-lock).
import os from 'node:os';
import { createLeanKubeClient, LeaderElector, tuneControllerHeap } from '@aviary/kube';
import { startRolloutController, type RolloutControllerHandle } from '@aviary/rollouts';
import { parseFlags } from './command-flags.js';
import { runUntilSignal } from './foreground.js';

export const controllerUsage = `Usage: aviary controller [--kubeconfig FILE] [--context NAME] [--namespace NS] [--leader-elect=false]
                         [--lease-name NAME] [--lease-namespace NS]

Runs the Rollout controller against any cluster, reached through a kubeconfig (KUBECONFIG, --kubeconfig, or the
in-cluster service account).
  --namespace NS        watch only this namespace (default: all)
  --leader-elect        take part in leader election before reconciling (default: true)
  --lease-name NAME     the coordination.k8s.io/v1 Lease (default: argo-rollouts-controller-lock)
  --lease-namespace NS  where the Lease lives (default: the kubeconfig context's namespace)
`;

export async function runControllerCommand(argv: readonly string[]): Promise<number> {
  const flags = parseFlags(argv, {
    valued: ['kubeconfig', 'context', 'namespace', 'leader-elect', 'lease-name', 'lease-namespace'],
    switches: ['help', 'h'],
  });
  if (flags.has('help') || flags.has('h')) {
    process.stdout.write(controllerUsage);
    return 0;
  }
  tuneControllerHeap();
  const kubeconfig = flags.get('kubeconfig');
  const context = flags.get('context');
  // A plain kubeconfig (or the in-cluster account) is read without @kubernetes/client-node, which costs ~48 MiB.
  const { client, namespace: contextNamespace } = createLeanKubeClient({ ...(kubeconfig ? { kubeconfig } : {}), ...(context ? { context } : {}) });
  const watchNamespace = flags.get('namespace');
  const log = (line: string) => process.stdout.write(`aviary controller: ${line}\n`);
  let controller: RolloutControllerHandle | undefined;
  const startController = async () => {
    controller = startRolloutController({ client, ...(watchNamespace ? { namespace: watchNamespace } : {}), log });
    await controller.ready;
    log(`Rollout controller running${watchNamespace ? ` in namespace ${watchNamespace}` : ''}`);
  };

  if (flags.get('leader-elect') === 'false') {
    await startController();
    return runUntilSignal('controller', async () => controller?.stop());
  }
  const leaseName = flags.get('lease-name') ?? 'argo-rollouts-controller-lock';
  const leaseNamespace = flags.get('lease-namespace') ?? contextNamespace;
  const elector = new LeaderElector({
    client,
    namespace: leaseNamespace,
    leaseName,
    identity: `${os.hostname()}_${process.pid}`,
    onStartedLeading: () => startController(),
    onStoppedLeading: () => {
      log('lost leadership; stopping');
      void controller?.stop().then(() => process.exit(1));
    },
    onNewLeader: (identity) => log(`leader is ${identity}`),
  });
  log(`waiting to lead via Lease ${leaseNamespace}/${leaseName}`);
  void elector.run();
  return runUntilSignal('controller', async () => {
    await controller?.stop();
    await elector.stop();
  });
}

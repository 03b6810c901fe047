// `aviary up [--data-dir DIR] [--port N] [--simulate-pods] [--demo]`: the embedded local cluster in the foreground.
import path from 'node:path';
import { applyDemo } from './demo-manifests.js';
import { parseFlags, UsageError } from './command-flags.js';
import { runUntilSignal } from './foreground.js';
import { startLocalCluster } from './local-cluster.js';
import { stopWhenParentGoes } from './relaunch.js';

export const upUsage = `Usage: aviary up [--data-dir DIR] [--port N] [--simulate-pods] [--demo] [--pod-subnet CIDR] [--service-cidr CIDR]

Runs the embedded local cluster in the foreground: the API server, the built-in controllers, the local node
(pods run as local processes), the service proxy and the Aviary controllers. Starting again with the same
data directory resumes the same cluster.
  --data-dir DIR    state, certificates, the token, the kubeconfig and pod folders (default: .aviary)
  --port N          API server HTTPS port (default: 6443; 0 picks a free one)
  --simulate-pods   run every container simulated: Running and Ready with no process (scale tests)
  --demo            apply the rollouts demo (demo/rollouts-demo.yaml) once the cluster is up
  --pod-subnet      loopback /16 for pod addresses (default 127.10.0.0/16)
  --service-cidr    loopback /16 for Service cluster IPs (default 127.96.0.0/16)
                    (a second cluster on the same machine needs its own ranges)
`;

export async function runUpCommand(argv: readonly string[]): Promise<number> {
  const flags = parseFlags(argv, { valued: ['data-dir', 'port', 'pod-subnet', 'service-cidr'], switches: ['simulate-pods', 'demo', 'help', 'h'] });
  if (flags.has('help') || flags.has('h')) {
    process.stdout.write(upUsage);
    return 0;
  }
  stopWhenParentGoes();
  const dataDir = path.resolve(flags.get('data-dir') ?? '.aviary');
  const portText = flags.get('port') ?? '6443';
  if (!/^\d+$/.test(portText) || Number(portText) > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${portText}"`);
  const log = (line: string) => process.stdout.write(`aviary up: ${line}\n`);
  const podSubnet = flags.get('pod-subnet');
  const serviceCidr = flags.get('service-cidr');
  const cluster = await startLocalCluster({
    dataDir,
    port: Number(portText),
    simulatePods: flags.has('simulate-pods'),
    log,
    ...(podSubnet ? { podSubnet } : {}),
    ...(serviceCidr ? { serviceCidr } : {}),
  });
  if (flags.has('demo')) {
    const created = await applyDemo(cluster.client);
    log(created.length > 0 ? `rollouts demo applied (${created.join(', ')})` : 'rollouts demo already present');
  }
  process.stdout.write(
    `\nThe cluster is up. In another terminal:\n` +
      `  export KUBECONFIG=${cluster.kubeconfigPath}\n` +
      `  export PATH="$PWD/node_modules/.bin:$PATH"\n` +
      `  kubectl argo rollouts get rollout rollouts-demo --watch\n` +
      'Press Ctrl-C to stop.\n',
  );
  return runUntilSignal('up', () => cluster.stop());
}

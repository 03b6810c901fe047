// `aviary apiserver [--data-dir DIR] [--port N] [--host H]`: the embedded API server alone, in the foreground,
// until SIGINT or SIGTERM.
import path from 'node:path';
import { startApiServer } from '@aviary/cluster';
import { parseFlags, UsageError } from './command-flags.js';

export const apiserverUsage = `Usage: aviary apiserver [--data-dir DIR] [--port N] [--host ADDRESS]

Runs the embedded Kubernetes API server in the foreground.
  --data-dir DIR   where state, certificates, the token and the kubeconfig live (default: .aviary)
  --port N         HTTPS port (default: 6443; 0 picks a free one)
  --host ADDRESS   address to listen on (default: 127.0.0.1)
`;

export async function runApiserverCommand(argv: readonly string[]): Promise<number> {
  const flags = parseFlags(argv, { valued: ['data-dir', 'port', 'host'], switches: ['help', 'h'] });
  if (flags.has('help') || flags.has('h')) {
    process.stdout.write(apiserverUsage);
    return 0;
  }
  const dataDir = path.resolve(flags.get('data-dir') ?? '.aviary');
  const portText = flags.get('port') ?? '6443';
  if (!/^\d+$/.test(portText) || Number(portText) > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${portText}"`);
  const server = await startApiServer({ dataDir, port: Number(portText), host: flags.get('host') ?? '127.0.0.1' });
  process.stdout.write(
    `aviary apiserver: serving ${server.url}\n` +
      `kubeconfig: ${server.kubeconfigPath}\n` +
      `  export KUBECONFIG=${server.kubeconfigPath}\n` +
      'Press Ctrl-C to stop.\n',
  );
  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (signal: string): void => {
      if (stopping) return;
      stopping = true;
      process.stdout.write(`aviary apiserver: ${signal}, stopping\n`);
      server.close().then(
        () => resolve(0),
        (err: unknown) => {
          process.stderr.write(`aviary apiserver: error while stopping: ${err instanceof Error ? err.message : String(err)}\n`);
          resolve(1);
        },
      );
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
}

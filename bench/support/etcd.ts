// etcd for comparison: a throwaway member on loopback, driven through its JSON (grpc-gateway) API.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startProcess, stopProcess } from './child-process.js';
import { JsonClient, runConcurrently } from './json-client.js';

const etcdPath = '/usr/bin/etcd';

/** Puts/s for `count` puts by `concurrency` loops against a fresh etcd, or undefined when etcd is missing. */
export async function measureEtcdPuts(options: { count: number; concurrency: number; value: () => string }): Promise<{ version: string; putsPerSecond: number } | undefined> {
  if (!existsSync(etcdPath)) return undefined;
  const version = /etcd Version: (\S+)/.exec(execFileSync(etcdPath, ['--version'], { encoding: 'utf8' }))?.[1] ?? 'unknown';
  const dataDir = mkdtempSync(join(tmpdir(), 'aviary-bench-etcd-'));
  const clientUrl = 'http://127.0.0.1:23790';
  const etcd = await startProcess(
    etcdPath,
    ['--data-dir', dataDir, '--listen-client-urls', clientUrl, '--advertise-client-urls', clientUrl, '--listen-peer-urls', 'http://127.0.0.1:23800', '--initial-advertise-peer-urls', 'http://127.0.0.1:23800', '--initial-cluster', 'default=http://127.0.0.1:23800'],
    /ready to serve client requests|serving insecure client requests/,
  );
  const client = new JsonClient({ baseUrl: clientUrl, sockets: options.concurrency });
  try {
    const value = Buffer.from(options.value()).toString('base64');
    const putsPerSecond = await runConcurrently(options.count, options.concurrency, async (i) => {
      const res = await client.request('POST', '/v3/kv/put', { key: Buffer.from(`/registry/pods/ns-${i % 100}/pod-${i}`).toString('base64'), value });
      if (res.status !== 200) throw new Error(`etcd put: ${res.status} ${res.text}`);
    });
    return { version, putsPerSecond };
  } finally {
    client.close();
    await stopProcess(etcd.child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

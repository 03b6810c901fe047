// `aviary controller` against an API server: of two replicas one leads (Lease argo-rollouts-controller-lock),
// and when it stops the other takes over and reconciles.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApiServer, type ApiServer } from '@aviary/cluster';
import { createKubeClient, Resources, type Lease } from '@aviary/kube';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from './e2e/processes.js';

const mainScript = path.join(import.meta.dirname, 'main.ts');

interface Replica {
  child: ChildProcess;
  output: () => string;
}

function startReplica(kubeconfig: string): Replica {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', mainScript, 'controller', '--kubeconfig', kubeconfig], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

function stop(replica: Replica): Promise<void> {
  return new Promise((resolve) => {
    if (replica.child.exitCode !== null) return resolve();
    replica.child.once('exit', () => resolve());
    replica.child.kill('SIGTERM');
  });
}

describe('aviary controller', () => {
  let dataDir: string;
  let server: ApiServer;
  const replicas: Replica[] = [];

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aviary-controller-'));
    server = await startApiServer({ dataDir, port: 0 });
  });
  afterAll(async () => {
    await Promise.all(replicas.map(stop));
    await server?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('elects one leader through the Lease, and hands over when the leader stops', async () => {
    const { client } = createKubeClient({ kubeconfig: server.kubeconfigPath });
    const holder = async () => {
      try {
        return (await client.get<Lease>(Resources.leases, 'argo-rollouts-controller-lock', 'default')).spec?.holderIdentity ?? '';
      } catch {
        return '';
      }
    };
    const first = startReplica(server.kubeconfigPath);
    replicas.push(first);
    expect(await eventually(first.output, (out) => out.includes('Rollout controller running'), 30_000)).toContain('Rollout controller running');
    const leader = await holder();
    expect(leader).toMatch(new RegExp(`_${first.child.pid}$`));

    const second = startReplica(server.kubeconfigPath);
    replicas.push(second);
    expect(await eventually(second.output, (out) => out.includes(`leader is ${leader}`), 30_000)).toContain(`leader is ${leader}`);
    expect(second.output()).not.toContain('Rollout controller running');

    await stop(first);
    expect(await eventually(second.output, (out) => out.includes('Rollout controller running'), 30_000)).toContain('Rollout controller running');
    expect(await holder()).toMatch(new RegExp(`_${second.child.pid}$`));
  }, 90_000);
});

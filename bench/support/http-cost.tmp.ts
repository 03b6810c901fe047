import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cpuTimes, startProcess, stopProcess } from './child-process.js';
import { JsonClient, runConcurrently } from './json-client.js';
const dataDir = mkdtempSync(join(tmpdir(), 'aviary-http-cost-'));
const server = await startProcess(process.execPath, ['--conditions=source', '--import', 'tsx', join(import.meta.dirname, 'apiserver-main.ts'), dataDir], /listening (\S+) (\d+)/);
const pid = Number(server.match[2]);
server.child.stderr?.on('data', (d) => process.stderr.write(d));
const client = new JsonClient({ baseUrl: server.match[1]!, ca: readFileSync(join(dataDir, 'pki', 'ca.crt'), 'utf8'), token: readFileSync(join(dataDir, 'token'), 'utf8').trim(), sockets: 16 });
async function measure(label: string, n: number, op: (i: number) => Promise<void>) {
  const b = cpuTimes(pid); const c = process.cpuUsage();
  const rate = await runConcurrently(n, 16, op);
  const a = cpuTimes(pid); const cc = process.cpuUsage(c);
  console.log(`${label}: ${rate.toFixed(0)}/s server user ${((a.user - b.user) / n * 1e6).toFixed(0)} sys ${((a.system - b.system) / n * 1e6).toFixed(0)} µs; client ${((cc.user + cc.system) / n).toFixed(0)} µs`);
}
await measure('warm /version', 3000, async () => { await client.request('GET', '/version'); });
await measure('GET /version', 10000, async () => { await client.request('GET', '/version'); });
await measure('GET 404 pod', 10000, async () => { await client.request('GET', '/api/v1/namespaces/default/pods/nope'); });
await new Promise((r) => setTimeout(r, 300));
await measure('POST configmap', 5000, async (i) => { const r = await client.request('POST', '/api/v1/namespaces/default/configmaps', { metadata: { name: `cm-${i}` }, data: { a: 'b' } }); if (r.status !== 201) throw new Error(r.text); });
await new Promise((r) => setTimeout(r, 1000));
client.close(); await stopProcess(server.child);

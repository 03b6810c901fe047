import https from 'node:https';
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureTlsMaterial } from '../../packages/cluster/src/server/tls-material.js';
import { JsonClient, runConcurrently } from './json-client.js';
import { fork } from 'node:child_process';
if (process.argv[2] === 'server') {
  const tls = ensureTlsMaterial({ dataDir: process.argv[3]!, extraHosts: ['127.0.0.1'] });
  const body = JSON.stringify({ kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'x'.repeat(20), namespace: 'default', uid: 'u'.repeat(36), resourceVersion: '123', creationTimestamp: '2026-11-20T10:00:00Z', managedFields: [{ manager: 'unknown', operation: 'Update', apiVersion: 'v1', time: '2026-11-20T10:00:00Z', fieldsType: 'FieldsV1', fieldsV1: { 'f:data': { '.': {}, 'f:a': {} } } }] }, data: { a: 'b' } });
  const server = https.createServer({ key: tls.keyPem, cert: tls.certPem, keepAlive: true }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => { JSON.parse(Buffer.concat(chunks).toString() || '{}'); res.statusCode = req.method === 'POST' ? 201 : 200; res.setHeader('Content-Type', 'application/json'); res.setHeader('Content-Length', Buffer.byteLength(body)); res.end(body); });
  });
  server.listen(0, '127.0.0.1', () => process.send!((server.address() as { port: number }).port));
  process.on('message', (m) => { if (m === 'cpu') process.send!(process.cpuUsage()); });
} else {
  const dir = mkdtempSync(join(tmpdir(), 'bare-'));
  const child = fork(import.meta.filename, ['server', dir], { execArgv: ['--conditions=source', '--import', 'tsx'] });
  const port = await new Promise<number>((r) => child.once('message', (m) => r(m as number)));
  const cpu = () => new Promise<NodeJS.CpuUsage>((r) => { child.once('message', (m) => r(m as NodeJS.CpuUsage)); child.send('cpu'); });
  const client = new JsonClient({ baseUrl: `https://127.0.0.1:${port}`, ca: readFileSync(join(dir, 'pki', 'ca.crt'), 'utf8'), token: 't', sockets: 16 });
  for (const [label, method] of [['warm', 'POST'], ['GET', 'GET'], ['POST', 'POST']] as const) {
    const n = 8000; const b = await cpu(); const c = process.cpuUsage();
    const rate = await runConcurrently(n, 16, async () => { await client.request(method, '/x', method === 'POST' ? { metadata: { name: 'cm' }, data: { a: 'b' } } : undefined); });
    const a = await cpu(); const cc = process.cpuUsage(c);
    console.log(`${label}: ${rate.toFixed(0)}/s server ${((a.user - b.user + a.system - b.system) / n).toFixed(0)} µs (user ${((a.user - b.user) / n).toFixed(0)}), client ${((cc.user + cc.system) / n).toFixed(0)} µs`);
  }
  client.close(); child.kill();
}

// Authentication, public endpoints, TLS material and the kubeconfig of the API server.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startTestCluster, type TestCluster } from './testing/test-cluster.js';

let cluster: TestCluster;
beforeAll(async () => {
  cluster = await startTestCluster();
});
afterAll(async () => {
  await cluster.close();
});

describe('authentication', () => {
  it('answers a request without a token with a 401 Status', async () => {
    const res = await cluster.request('GET', '/api/v1/namespaces', { token: null });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'Unauthorized', reason: 'Unauthorized', code: 401 });
  });

  it('answers a wrong token with 401, even on public paths', async () => {
    expect((await cluster.request('GET', '/api/v1/namespaces', { token: 'nope' })).status).toBe(401);
    expect((await cluster.request('GET', '/version', { token: 'nope' })).status).toBe(401);
  });

  it('accepts the token from the data directory', async () => {
    const token = fs.readFileSync(`${cluster.dataDir}/token`, 'utf8').trim();
    expect(token).toBe(cluster.server.token);
    expect(fs.statSync(`${cluster.dataDir}/token`).mode & 0o777).toBe(0o600);
    expect((await cluster.request('GET', '/api/v1/namespaces', { token })).status).toBe(200);
  });
});

describe('public endpoints', () => {
  it.each(['/livez', '/readyz', '/healthz'])('%s answers ok without a token', async (path) => {
    const res = await cluster.request('GET', path, { token: null });
    expect(res.status).toBe(200);
    expect(res.text).toBe('ok');
  });

  it('reports version 1.32 without a token', async () => {
    const res = await cluster.request('GET', '/version?timeout=5s', { token: null });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ major: '1', minor: '32', gitVersion: 'v1.32.4-aviary' });
  });
});

describe('kubeconfig and TLS', () => {
  it('writes a kubeconfig named aviary with the CA and the token', () => {
    const config = parse(fs.readFileSync(cluster.server.kubeconfigPath, 'utf8'));
    expect(config['current-context']).toBe('aviary');
    expect(config.clusters[0].name).toBe('aviary');
    expect(config.clusters[0].cluster.server).toBe(cluster.server.url);
    expect(Buffer.from(config.clusters[0].cluster['certificate-authority-data'], 'base64').toString()).toBe(cluster.server.caCertPem);
    expect(config.users[0]).toEqual({ name: 'aviary', user: { token: cluster.server.token } });
    expect(config.contexts[0].context).toEqual({ cluster: 'aviary', user: 'aviary', namespace: 'default' });
  });

  it('keeps the CA, certificate and token across restarts in the same data directory', async () => {
    const { startApiServer } = await import('../apiserver.js');
    const { MemoryStore } = await import('../storage/memory-store.js');
    const store = new MemoryStore();
    const again = await startApiServer({ dataDir: cluster.dataDir, port: 0, store });
    try {
      expect(again.caCertPem).toBe(cluster.server.caCertPem);
      expect(again.token).toBe(cluster.server.token);
    } finally {
      await again.close();
      store.close();
    }
  });
});

describe('bad requests', () => {
  it('answers unknown paths with a 404 Status', async () => {
    const res = await cluster.request('GET', '/apis/nope.example.com/v1/things');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ kind: 'Status', reason: 'NotFound', code: 404 });
  });

  it('answers unsupported methods with 405', async () => {
    const res = await cluster.request('OPTIONS', '/api/v1/namespaces');
    expect(res.status).toBe(405);
    expect(res.body.reason).toBe('MethodNotAllowed');
  });

  it('rejects a body over 3 MiB with 413', async () => {
    const big = JSON.stringify({ metadata: { name: 'big' }, data: { x: 'a'.repeat(3 * 1024 * 1024 + 10) } });
    const res = await cluster.request('POST', '/api/v1/namespaces/default/configmaps', { rawBody: big });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ reason: 'RequestEntityTooLarge', code: 413 });
  });
});

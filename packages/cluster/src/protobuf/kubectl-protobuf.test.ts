// End to end with the real kubectl 1.32: its imperative `create` commands send protobuf bodies; a proxy in front of
// the embedded API server decodes them to JSON, and the objects the server stores must be the ones kubectl meant.
// Skipped with a reason when kubectl is missing; under CI=true a missing kubectl fails.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCluster, type TestCluster } from '../server/testing/test-cluster.js';
import { decodeKubernetesProtobuf, kubernetesProtobufMediaType } from './decode.js';

const kubectlPath = '/usr/lib/google-cloud-sdk/bin/kubectl.1.32';
const haveKubectl = fs.existsSync(kubectlPath);
if (!haveKubectl) {
  if (process.env.CI === 'true') throw new Error(`${kubectlPath} is missing, and CI=true requires the kubectl end-to-end tests`);
  console.warn(`skipping kubectl protobuf tests: ${kubectlPath} is not installed`);
}

const run = promisify(execFile);

/** What the proxy saw: method, path and content type of every request with a body. */
interface SeenWrite {
  method: string;
  path: string;
  contentType: string;
}

/** A plain-HTTP proxy that turns protobuf bodies into JSON before the API server sees them. */
function startDecodingProxy(cluster: TestCluster, seen: SeenWrite[]): Promise<http.Server> {
  const target = new URL(cluster.server.url);
  const agent = new https.Agent({ ca: cluster.server.caCertPem });
  const proxy = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      let body = Buffer.concat(chunks);
      const headers = { ...req.headers, host: target.host, authorization: `Bearer ${cluster.server.token}` };
      const contentType = req.headers['content-type'] ?? '';
      if (body.length > 0) seen.push({ method: req.method ?? '', path: req.url ?? '', contentType });
      if (contentType === kubernetesProtobufMediaType) {
        body = Buffer.from(JSON.stringify(decodeKubernetesProtobuf(body)));
        headers['content-type'] = 'application/json';
        headers['content-length'] = String(body.length);
      }
      const upstream = https.request({ hostname: target.hostname, port: target.port, path: req.url, method: req.method, headers, agent }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      upstream.on('error', () => res.destroy());
      upstream.end(body);
    });
  });
  return new Promise((resolve) => proxy.listen(0, '127.0.0.1', () => resolve(proxy)));
}

describe.skipIf(!haveKubectl)('kubectl 1.32 imperative commands over protobuf', () => {
  let cluster: TestCluster;
  let proxy: http.Server;
  let home: string;
  const seen: SeenWrite[] = [];

  async function kubectl(...args: string[]): Promise<string> {
    const env = { ...process.env, HOME: home, KUBECONFIG: path.join(home, 'kubeconfig') };
    return (await run(kubectlPath, args, { env, timeout: 15_000 })).stdout;
  }

  async function getObject(urlPath: string): Promise<any> {
    const answer = await cluster.request('GET', urlPath);
    expect(answer.status, answer.text).toBe(200);
    return answer.body;
  }

  beforeAll(async () => {
    cluster = await startTestCluster();
    proxy = await startDecodingProxy(cluster, seen);
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'aviary-kubectl-protobuf-'));
    const port = (proxy.address() as AddressInfo).port;
    const kubeconfig = [
      'apiVersion: v1',
      'kind: Config',
      'clusters:',
      `- {name: proxy, cluster: {server: "http://127.0.0.1:${port}"}}`,
      'users:',
      '- {name: anyone, user: {}}',
      'contexts:',
      '- {name: proxy, context: {cluster: proxy, user: anyone}}',
      'current-context: proxy',
    ].join('\n');
    fs.writeFileSync(path.join(home, 'kubeconfig'), `${kubeconfig}\n`);
  });
  afterAll(async () => {
    await new Promise((resolve) => proxy?.close(resolve));
    await cluster?.close();
    if (home) fs.rmSync(home, { recursive: true, force: true });
  });

  it('creates a deployment with 3 replicas of nginx', async () => {
    expect(await kubectl('create', 'deployment', 'web', '--image=nginx', '--replicas=3')).toBe('deployment.apps/web created\n');
    expect(seen.at(-1)).toMatchObject({ method: 'POST', contentType: kubernetesProtobufMediaType });
    const deployment = await getObject('/apis/apps/v1/namespaces/default/deployments/web');
    expect(deployment.spec).toMatchObject({
      replicas: 3,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } },
    });
  });

  it('creates a namespace, a configmap, a secret and a service account', async () => {
    expect(await kubectl('create', 'namespace', 'team-a')).toBe('namespace/team-a created\n');
    expect(await kubectl('create', 'configmap', 'settings', '--from-literal=a=b', '-n', 'team-a')).toBe('configmap/settings created\n');
    expect(await kubectl('create', 'secret', 'generic', 'creds', '--from-literal=password=hunter2', '-n', 'team-a')).toBe('secret/creds created\n');
    expect(await kubectl('create', 'serviceaccount', 'builder', '-n', 'team-a')).toBe('serviceaccount/builder created\n');
    expect(seen.slice(-4).map((w) => w.contentType)).toEqual(Array(4).fill(kubernetesProtobufMediaType));
    expect((await getObject('/api/v1/namespaces/team-a')).metadata.name).toBe('team-a');
    expect((await getObject('/api/v1/namespaces/team-a/configmaps/settings')).data).toEqual({ a: 'b' });
    const secret = await getObject('/api/v1/namespaces/team-a/secrets/creds');
    expect(Buffer.from(secret.data.password, 'base64').toString()).toBe('hunter2');
    expect((await getObject('/api/v1/namespaces/team-a/serviceaccounts/builder')).metadata.name).toBe('builder');
  });

  it('creates a ClusterIP service and a job', async () => {
    expect(await kubectl('create', 'service', 'clusterip', 'my-svc', '--tcp=80:8080')).toBe('service/my-svc created\n');
    expect(await kubectl('create', 'job', 'hello', '--image=busybox', '--', 'echo', 'hi')).toBe('job.batch/hello created\n');
    expect(seen.slice(-2).map((w) => w.contentType)).toEqual([kubernetesProtobufMediaType, kubernetesProtobufMediaType]);
    const service = await getObject('/api/v1/namespaces/default/services/my-svc');
    expect(service.spec.ports).toEqual([expect.objectContaining({ name: '80-8080', protocol: 'TCP', port: 80, targetPort: 8080 })]);
    const job = await getObject('/apis/batch/v1/namespaces/default/jobs/hello');
    expect(job.spec.template.spec.containers[0]).toMatchObject({ name: 'hello', image: 'busybox', command: ['echo', 'hi'] });
  });
});

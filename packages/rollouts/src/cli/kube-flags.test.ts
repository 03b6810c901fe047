// Kubeconfig flags: -n, --kubeconfig, --context and the context's default namespace, read as kubectl reads them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type https from 'node:https';
import { afterAll, describe, expect, it } from 'vitest';
import { KubeConfigNotFoundError, KubeContextError } from '@aviary/kube';
import { FakeKubeClient } from '@aviary/kube/testing';
import { kubeSettingsFromFlags } from './kube-flags.js';
import { isLiteCapable, liteKubeConfigAdapter, readLiteKubeconfig } from './kubeconfig-lite.js';
import { runWithClient } from './testdata/cli-harness.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aviary-kubeflags-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

const main = write(
  'main.yaml',
  `apiVersion: v1
kind: Config
current-context: dev
clusters:
  - name: local
    cluster: { server: https://127.0.0.1:6443, certificate-authority-data: ${Buffer.from('CA PEM').toString('base64')} }
  - name: remote
    cluster: { server: https://remote:443, insecure-skip-tls-verify: true }
users:
  - name: admin
    user: { token: secret-token }
  - name: cloud
    user: { exec: { command: gcloud, apiVersion: client.authentication.k8s.io/v1 } }
contexts:
  - name: dev
    context: { cluster: local, user: admin, namespace: team-dev }
  - name: plain
    context: { cluster: local, user: admin }
  - name: cloud
    context: { cluster: remote, user: cloud }
`,
);
const second = write(
  'second.yaml',
  `current-context: plain
clusters:
  - name: local
    cluster: { server: https://shadowed:1 }
contexts:
  - name: extra
    context: { cluster: local, user: admin, namespace: extra-ns }
`,
);

describe('flag parsing', () => {
  it('passes -n, --kubeconfig, --context and --request-timeout from anywhere on the line', async () => {
    const run = await runWithClient(new FakeKubeClient(), ['-n', 'ns1', 'list', 'rollouts', '--kubeconfig', '/k', '--context=c', '--request-timeout', '5s']);
    expect(run.settings).toEqual({ namespace: 'ns1', kubeconfig: '/k', context: 'c', requestTimeoutMs: 5000 });
  });

  it('accepts --namespace=x and -nx', () => {
    expect(kubeSettingsFromFlags({ namespace: 'x' })).toEqual({ namespace: 'x' });
  });

  it('runs the command in the -n namespace', async () => {
    const client = new FakeKubeClient();
    await runWithClient(client, ['list', 'rollouts', '-nteam']);
    expect(client.actions()[0]).toMatchObject({ verb: 'list', namespace: 'team' });
  });
});

describe('kubeconfig', () => {
  it("uses the current context and its namespace", () => {
    const config = readLiteKubeconfig({ kubeconfig: main }, {});
    expect(config).toMatchObject({ contextName: 'dev', namespace: 'team-dev', cluster: { server: 'https://127.0.0.1:6443' } });
  });

  it('-n wins over the context namespace; a context without one means default', () => {
    expect(readLiteKubeconfig({ kubeconfig: main, namespace: 'mine' }, {})?.namespace).toBe('mine');
    expect(readLiteKubeconfig({ kubeconfig: main, context: 'plain' }, {})?.namespace).toBe('default');
  });

  it('--context picks another context; an unknown one is an error', () => {
    expect(readLiteKubeconfig({ kubeconfig: main, context: 'plain' }, {})?.contextName).toBe('plain');
    expect(() => readLiteKubeconfig({ kubeconfig: main, context: 'nope' }, {})).toThrow(KubeContextError);
  });

  it('merges KUBECONFIG files as kubectl: the first file to name an entry or a current context wins', () => {
    const config = readLiteKubeconfig({}, { KUBECONFIG: [main, second].join(path.delimiter) });
    expect(config).toMatchObject({ contextName: 'dev', cluster: { server: 'https://127.0.0.1:6443' } });
    expect(readLiteKubeconfig({ context: 'extra' }, { KUBECONFIG: [main, second].join(path.delimiter) })?.namespace).toBe('extra-ns');
  });

  it('--kubeconfig wins over KUBECONFIG; a missing --kubeconfig file is an error', () => {
    expect(readLiteKubeconfig({ kubeconfig: main }, { KUBECONFIG: second })?.contextName).toBe('dev');
    expect(() => readLiteKubeconfig({ kubeconfig: path.join(dir, 'missing') }, {})).toThrow(KubeConfigNotFoundError);
  });

  it('falls back to ~/.kube/config, and reports no file at all as undefined (in-cluster is tried next)', () => {
    const home = path.join(dir, 'home');
    fs.mkdirSync(path.join(home, '.kube'), { recursive: true });
    expect(readLiteKubeconfig({}, { HOME: home })).toBeUndefined();
    fs.copyFileSync(main, path.join(home, '.kube', 'config'));
    expect(readLiteKubeconfig({}, { HOME: home })?.contextName).toBe('dev');
  });

  it('leaves exec credentials to the full loader', () => {
    const cloud = readLiteKubeconfig({ kubeconfig: main, context: 'cloud' }, {});
    expect(cloud && isLiteCapable(cloud)).toBe(false);
    const dev = readLiteKubeconfig({ kubeconfig: main }, {});
    expect(dev && isLiteCapable(dev)).toBe(true);
  });

  it('gives the HTTP client the CA, the TLS check and the bearer token', async () => {
    const config = readLiteKubeconfig({ kubeconfig: main }, {});
    if (!config) throw new Error('no config');
    const options: https.RequestOptions = {};
    await liteKubeConfigAdapter(config).applyToHTTPSOptions(options);
    expect(String(options.ca)).toBe('CA PEM');
    expect(options.rejectUnauthorized).toBe(true);
    expect(options.headers).toEqual({ Authorization: 'Bearer secret-token' });
  });
});

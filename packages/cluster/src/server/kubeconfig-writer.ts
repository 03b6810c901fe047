// Writes `<dataDir>/kubeconfig`: cluster, user and context all named `aviary`, with the CA data and the bearer token.
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';

export interface WriteKubeconfigOptions {
  dataDir: string;
  /** `https://127.0.0.1:6443` */
  server: string;
  caCertPem: string;
  token: string;
  /** The context's namespace; default `default`. */
  namespace?: string;
}

export const kubeconfigName = 'aviary';

/** Builds the kubeconfig document (YAML). */
export function renderKubeconfig(options: WriteKubeconfigOptions): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      {
        name: kubeconfigName,
        cluster: { server: options.server, 'certificate-authority-data': Buffer.from(options.caCertPem).toString('base64') },
      },
    ],
    users: [{ name: kubeconfigName, user: { token: options.token } }],
    contexts: [{ name: kubeconfigName, context: { cluster: kubeconfigName, user: kubeconfigName, namespace: options.namespace ?? 'default' } }],
    'current-context': kubeconfigName,
    preferences: {},
  });
}

/** Writes the kubeconfig (mode 0600, it holds the token) and returns its path. */
export function writeKubeconfig(options: WriteKubeconfigOptions): string {
  const file = path.join(options.dataDir, 'kubeconfig');
  fs.mkdirSync(options.dataDir, { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, renderKubeconfig(options), { mode: 0o600 });
  fs.renameSync(tmp, file);
  return file;
}

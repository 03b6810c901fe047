// loadKubeConfig: finds and merges kubeconfig files the way kubectl does, falling back to the in-cluster service account.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Cluster, Context, KubeConfig, User } from '@kubernetes/client-node';
import { loadClientNode } from './client-node-loader.js';

/** Where in-cluster pods find their service account token, CA and namespace. */
export const SERVICE_ACCOUNT_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

export interface LoadKubeConfigOptions {
  /** An explicit kubeconfig path (`--kubeconfig`); wins over everything else. */
  kubeconfig?: string;
  /** The context to use (`--context`) instead of the file's current-context. */
  context?: string;
  /** The namespace to use (`--namespace`) instead of the context's. */
  namespace?: string;
  /** Environment to read KUBECONFIG, HOME and KUBERNETES_SERVICE_HOST/PORT from; default process.env. */
  env?: NodeJS.ProcessEnv;
  /** The home directory holding `.kube/config`; default from env.HOME or os.homedir(). */
  homeDir?: string;
  /** The service account directory for in-cluster config; default SERVICE_ACCOUNT_DIR. */
  serviceAccountDir?: string;
}

export interface LoadedKubeConfig {
  kubeConfig: KubeConfig;
  /** The namespace to work in: the explicit option, else the context's, else 'default'. */
  namespace: string;
  /** Where the configuration came from: file paths, or 'in-cluster'. */
  sources: string[];
}

/** No kubeconfig file and no in-cluster service account could be found. */
export class KubeConfigNotFoundError extends Error {
  override readonly name = 'KubeConfigNotFoundError';
  readonly searched: string[];

  constructor(searched: string[]) {
    super(`no Kubernetes configuration found (looked in: ${searched.join(', ')})`);
    this.searched = searched;
  }
}

/** The requested context (or the current-context) does not name a usable context and cluster. */
export class KubeContextError extends Error {
  override readonly name = 'KubeContextError';
  readonly context: string | undefined;

  constructor(context: string | undefined, message: string) {
    super(message);
    this.context = context;
  }
}

/**
 * Loads the client configuration. Precedence (as kubectl and controller-runtime):
 * explicit path, then the KUBECONFIG list, then ~/.kube/config, then the in-cluster service account.
 */
export function loadKubeConfig(options: LoadKubeConfigOptions = {}): LoadedKubeConfig {
  const env = options.env ?? process.env;
  const { kubeConfig, sources } = loadSources(options, env);
  if (options.context !== undefined) {
    if (!kubeConfig.getContextObject(options.context)) {
      throw new KubeContextError(options.context, `context "${options.context}" does not exist in ${sources.join(', ')}`);
    }
    kubeConfig.setCurrentContext(options.context);
  }
  const current = kubeConfig.getCurrentContext();
  const context = current ? kubeConfig.getContextObject(current) : null;
  if (!context) {
    throw new KubeContextError(current || undefined, current ? `current context "${current}" does not exist` : 'no current context is set');
  }
  if (!kubeConfig.getCurrentCluster()) {
    throw new KubeContextError(current, `context "${current}" names cluster "${context.cluster}", which does not exist`);
  }
  const namespace = options.namespace || context.namespace?.trim() || 'default';
  return { kubeConfig, namespace, sources };
}

function loadSources(options: LoadKubeConfigOptions, env: NodeJS.ProcessEnv): { kubeConfig: KubeConfig; sources: string[] } {
  if (options.kubeconfig) {
    const kubeConfig = new (loadClientNode().KubeConfig)();
    kubeConfig.loadFromFile(options.kubeconfig);
    return { kubeConfig, sources: [options.kubeconfig] };
  }
  const searched: string[] = [];
  const envList = env.KUBECONFIG;
  if (envList) {
    const files = envList.split(path.delimiter).filter((file) => file !== '');
    const existing = files.filter((file) => fs.existsSync(file));
    if (existing.length > 0) return { kubeConfig: mergeKubeConfigFiles(existing), sources: existing };
    searched.push(...files.map((file) => `KUBECONFIG ${file}`));
  }
  const home = options.homeDir ?? env.HOME ?? os.homedir();
  const homeConfig = path.join(home, '.kube', 'config');
  if (!envList) {
    if (fs.existsSync(homeConfig)) {
      const kubeConfig = new (loadClientNode().KubeConfig)();
      kubeConfig.loadFromFile(homeConfig);
      return { kubeConfig, sources: [homeConfig] };
    }
    searched.push(homeConfig);
  }
  const inCluster = loadInClusterConfig(options.serviceAccountDir ?? SERVICE_ACCOUNT_DIR, env);
  if (inCluster) return { kubeConfig: inCluster, sources: ['in-cluster'] };
  searched.push('in-cluster service account');
  throw new KubeConfigNotFoundError(searched);
}

/**
 * Merges kubeconfig files as kubectl does: the first file to define a cluster, user or context
 * by name wins, and the first file to set current-context chooses it. Missing files are skipped.
 * (client-node's loadFromDefault throws on duplicate names and lets later files win current-context.)
 */
export function mergeKubeConfigFiles(files: readonly string[]): KubeConfig {
  const clusters = new Map<string, Cluster>();
  const users = new Map<string, User>();
  const contexts = new Map<string, Context>();
  let currentContext = '';
  for (const file of files) {
    const part = new (loadClientNode().KubeConfig)();
    part.loadFromFile(file);
    for (const cluster of part.getClusters()) if (!clusters.has(cluster.name)) clusters.set(cluster.name, cluster);
    for (const user of part.getUsers()) if (!users.has(user.name)) users.set(user.name, user);
    for (const context of part.getContexts()) if (!contexts.has(context.name)) contexts.set(context.name, context);
    if (!currentContext && part.getCurrentContext()) currentContext = part.getCurrentContext();
  }
  const merged = new (loadClientNode().KubeConfig)();
  merged.loadFromOptions({
    clusters: [...clusters.values()],
    users: [...users.values()],
    contexts: [...contexts.values()],
    currentContext,
  });
  return merged;
}

/** The service account configuration, or undefined when not running in a pod. */
function loadInClusterConfig(dir: string, env: NodeJS.ProcessEnv): KubeConfig | undefined {
  const host = env.KUBERNETES_SERVICE_HOST;
  const port = env.KUBERNETES_SERVICE_PORT;
  const tokenFile = path.join(dir, 'token');
  if (!host || !port || !fs.existsSync(tokenFile)) return undefined;
  const serverHost = host.includes(':') ? `[${host}]` : host;
  const namespaceFile = path.join(dir, 'namespace');
  const namespace = fs.existsSync(namespaceFile) ? fs.readFileSync(namespaceFile, 'utf8').trim() : undefined;
  const kubeConfig = new (loadClientNode().KubeConfig)();
  kubeConfig.loadFromOptions({
    clusters: [{ name: 'in-cluster', server: `https://${serverHost}:${port}`, caFile: path.join(dir, 'ca.crt'), skipTLSVerify: false }],
    // client-node's FileAuth re-reads the token file, so rotated projected tokens are picked up.
    users: [{ name: 'in-cluster', authProvider: { name: 'tokenFile', config: { tokenFile } } }],
    contexts: [{ name: 'in-cluster', cluster: 'in-cluster', user: 'in-cluster', ...(namespace ? { namespace } : {}) }],
    currentContext: 'in-cluster',
  });
  return kubeConfig;
}

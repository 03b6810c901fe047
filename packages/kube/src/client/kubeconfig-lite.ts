// A quick kubeconfig reader, without @kubernetes/client-node: the files kubectl reads (--kubeconfig, KUBECONFIG,
// ~/.kube/config), merged as kubectl merges them, resolved to one context. Users with exec or auth-provider
// credentials, proxied clusters and in-cluster config are left to loadKubeConfig (which loads client-node: half a
// second of start-up and about 48 MiB of memory).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type https from 'node:https';
import { parse } from 'yaml';
import { KubeConfigNotFoundError, KubeContextError } from './kubeconfig.js';

/** Which kubeconfig, context and namespace to use (kubectl's --kubeconfig, --context and -n). */
export interface LiteKubeSettings {
  kubeconfig?: string;
  context?: string;
  namespace?: string;
}

type YamlMap = Record<string, unknown>;

export interface LiteCluster {
  name: string;
  server: string;
  caData?: string;
  caFile?: string;
  skipTLSVerify: boolean;
  tlsServerName?: string;
  proxyUrl?: string;
}

export interface LiteUser {
  name: string;
  token?: string;
  tokenFile?: string;
  certData?: string;
  certFile?: string;
  keyData?: string;
  keyFile?: string;
  username?: string;
  password?: string;
  /** Present when the user needs client-node's authenticators. */
  exec?: unknown;
  authProvider?: unknown;
}

export interface LiteKubeconfig {
  contextName: string;
  cluster: LiteCluster;
  user: LiteUser;
  /** -n, else the context's namespace, else `default`. */
  namespace: string;
  sources: string[];
}

const isMap = (value: unknown): value is YamlMap => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** A path in a kubeconfig is relative to the file that names it (as kubectl reads it). */
function resolvePath(file: string, value: unknown): string | undefined {
  const p = text(value);
  return p === undefined ? undefined : path.resolve(path.dirname(file), p);
}

interface MergedEntries {
  clusters: Map<string, LiteCluster>;
  users: Map<string, LiteUser>;
  contexts: Map<string, { cluster: string; user: string; namespace?: string }>;
  currentContext: string;
}

/** Adds one file's entries; the first file to define a name wins, and the first current-context is kept. */
function mergeFile(file: string, into: MergedEntries): void {
  const doc: unknown = parse(fs.readFileSync(file, 'utf8'));
  if (!isMap(doc)) return;
  for (const entry of Array.isArray(doc['clusters']) ? doc['clusters'] : []) {
    const name = isMap(entry) ? text(entry['name']) : undefined;
    const c = isMap(entry) && isMap(entry['cluster']) ? entry['cluster'] : undefined;
    if (!name || !c || into.clusters.has(name)) continue;
    into.clusters.set(name, {
      name,
      server: text(c['server']) ?? '',
      caData: text(c['certificate-authority-data']),
      caFile: resolvePath(file, c['certificate-authority']),
      skipTLSVerify: c['insecure-skip-tls-verify'] === true,
      tlsServerName: text(c['tls-server-name']),
      proxyUrl: text(c['proxy-url']),
    });
  }
  for (const entry of Array.isArray(doc['users']) ? doc['users'] : []) {
    const name = isMap(entry) ? text(entry['name']) : undefined;
    const u = isMap(entry) && isMap(entry['user']) ? entry['user'] : {};
    if (!name || into.users.has(name)) continue;
    into.users.set(name, {
      name,
      token: text(u['token']),
      tokenFile: resolvePath(file, u['tokenFile']),
      certData: text(u['client-certificate-data']),
      certFile: resolvePath(file, u['client-certificate']),
      keyData: text(u['client-key-data']),
      keyFile: resolvePath(file, u['client-key']),
      username: text(u['username']),
      password: text(u['password']),
      exec: u['exec'] ?? undefined,
      authProvider: u['auth-provider'] ?? undefined,
    });
  }
  for (const entry of Array.isArray(doc['contexts']) ? doc['contexts'] : []) {
    const name = isMap(entry) ? text(entry['name']) : undefined;
    const c = isMap(entry) && isMap(entry['context']) ? entry['context'] : undefined;
    if (!name || !c || into.contexts.has(name)) continue;
    into.contexts.set(name, { cluster: text(c['cluster']) ?? '', user: text(c['user']) ?? '', namespace: text(c['namespace'])?.trim() });
  }
  into.currentContext ||= text(doc['current-context']) ?? '';
}

/** The kubeconfig files kubectl would read, or undefined when none exists (in-cluster, or nothing at all). */
export function kubeconfigFiles(settings: LiteKubeSettings, env: Readonly<Record<string, string | undefined>>, homeDir?: string): { files: string[]; searched: string[] } {
  if (settings.kubeconfig) {
    if (!fs.existsSync(settings.kubeconfig)) throw new KubeConfigNotFoundError([settings.kubeconfig]);
    return { files: [settings.kubeconfig], searched: [settings.kubeconfig] };
  }
  const list = env['KUBECONFIG'];
  if (list) {
    const files = list.split(path.delimiter).filter((file) => file !== '');
    return { files: files.filter((file) => fs.existsSync(file)), searched: files.map((file) => `KUBECONFIG ${file}`) };
  }
  const home = path.join(homeDir ?? env['HOME'] ?? os.homedir(), '.kube', 'config');
  return { files: fs.existsSync(home) ? [home] : [], searched: [home] };
}

/**
 * Reads and resolves the kubeconfig as kubectl does, or returns undefined when there is no file to read (the
 * caller then tries the in-cluster service account). Throws KubeContextError for a missing context or cluster.
 */
export function readLiteKubeconfig(settings: LiteKubeSettings, env: Readonly<Record<string, string | undefined>>, homeDir?: string): LiteKubeconfig | undefined {
  const { files } = kubeconfigFiles(settings, env, homeDir);
  if (files.length === 0) return undefined;
  const merged: MergedEntries = { clusters: new Map(), users: new Map(), contexts: new Map(), currentContext: '' };
  for (const file of files) mergeFile(file, merged);
  const contextName = settings.context ?? merged.currentContext;
  const context = merged.contexts.get(contextName);
  if (settings.context !== undefined && !context) throw new KubeContextError(settings.context, `context "${settings.context}" does not exist in ${files.join(', ')}`);
  if (!context) throw new KubeContextError(contextName || undefined, contextName ? `current context "${contextName}" does not exist` : 'no current context is set');
  const cluster = merged.clusters.get(context.cluster);
  if (!cluster) throw new KubeContextError(contextName, `context "${contextName}" names cluster "${context.cluster}", which does not exist`);
  const user = merged.users.get(context.user) ?? { name: context.user };
  return { contextName, cluster, user, namespace: settings.namespace || context.namespace || 'default', sources: files };
}

/** True when the lean client can serve this configuration (no exec / auth-provider credentials, no proxy). */
export function isLiteCapable(config: LiteKubeconfig): boolean {
  return config.user.exec === undefined && config.user.authProvider === undefined && config.cluster.proxyUrl === undefined;
}

const readFile = (file: string): Buffer => fs.readFileSync(file);
const decode = (data: string): Buffer => Buffer.from(data, 'base64');

/**
 * The three methods of client-node's KubeConfig that @aviary/kube's HttpKubeClient calls, answered from the
 * resolved entries: the TLS material, the bearer token (re-read from tokenFile on each call) or basic auth.
 */
export function liteKubeConfigAdapter(config: LiteKubeconfig): {
  getCurrentCluster(): LiteCluster;
  getCurrentUser(): LiteUser;
  applyToHTTPSOptions(options: https.RequestOptions): Promise<void>;
} {
  const { cluster, user } = config;
  return {
    getCurrentCluster: () => cluster,
    getCurrentUser: () => user,
    applyToHTTPSOptions: async (options) => {
      if (cluster.caData) options.ca = decode(cluster.caData);
      else if (cluster.caFile) options.ca = readFile(cluster.caFile);
      if (user.certData) options.cert = decode(user.certData);
      else if (user.certFile) options.cert = readFile(user.certFile);
      if (user.keyData) options.key = decode(user.keyData);
      else if (user.keyFile) options.key = readFile(user.keyFile);
      options.rejectUnauthorized = !cluster.skipTLSVerify;
      if (cluster.tlsServerName) options.servername = cluster.tlsServerName;
      const token = user.token ?? (user.tokenFile ? fs.readFileSync(user.tokenFile, 'utf8').trim() : undefined);
      const headers: Record<string, string> = {};
      if (token) headers['Authorization'] = `Bearer ${token}`;
      options.headers = { ...(options.headers as Record<string, string> | undefined), ...headers };
      if (!token && user.username) options.auth = `${user.username}:${user.password ?? ''}`;
    },
  };
}

/**
 * The in-cluster service account as a lite configuration (the token file is re-read on each request, so rotated
 * projected tokens are picked up), or undefined when not running in a pod. Same rules as loadKubeConfig's.
 */
export function readLiteInClusterConfig(dir: string, env: Readonly<Record<string, string | undefined>>): LiteKubeconfig | undefined {
  const host = env['KUBERNETES_SERVICE_HOST'];
  const port = env['KUBERNETES_SERVICE_PORT'];
  const tokenFile = path.join(dir, 'token');
  if (!host || !port || !fs.existsSync(tokenFile)) return undefined;
  const serverHost = host.includes(':') ? `[${host}]` : host;
  const namespaceFile = path.join(dir, 'namespace');
  const namespace = fs.existsSync(namespaceFile) ? fs.readFileSync(namespaceFile, 'utf8').trim() : '';
  return {
    contextName: 'in-cluster',
    cluster: { name: 'in-cluster', server: `https://${serverHost}:${port}`, caFile: path.join(dir, 'ca.crt'), skipTLSVerify: false },
    user: { name: 'in-cluster', tokenFile },
    namespace: namespace || 'default',
    sources: ['in-cluster'],
  };
}

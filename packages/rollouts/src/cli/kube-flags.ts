// The global flags every command inherits (kubectl's connection flags and upstream's log levels), and the
// connection settings they give: --kubeconfig, --context, -n/--namespace, --request-timeout.
import { FlagType, type FlagSpec, type FlagValue } from './args.js';
import { CliError } from './errors.js';
import { parseGoDuration } from '../validation/go-duration.js';

export const globalFlags: readonly FlagSpec[] = [
  { name: 'kubeconfig', type: FlagType.String, usage: 'Path to the kubeconfig file to use for CLI requests.' },
  { name: 'context', type: FlagType.String, usage: 'The name of the kubeconfig context to use' },
  { name: 'namespace', short: 'n', type: FlagType.String, usage: 'If present, the namespace scope for this CLI request' },
  {
    name: 'request-timeout',
    type: FlagType.String,
    default: '0',
    usage:
      "The length of time to wait before giving up on a single server request. Non-zero values should contain a corresponding time unit (e.g. 1s, 2m, 3h). A value of zero means don't timeout requests.",
  },
  { name: 'kloglevel', short: 'v', type: FlagType.Int, usage: 'Log level for kubernetes client library' },
  { name: 'loglevel', type: FlagType.String, default: 'info', usage: 'Log level for kubectl argo rollouts' },
];

/** How to reach the cluster: unset fields fall back to KUBECONFIG / ~/.kube/config and the current context. */
export interface KubeSettings {
  kubeconfig?: string;
  context?: string;
  /** -n; without it the context's namespace, else `default`. */
  namespace?: string;
  /** --request-timeout in ms; undefined for none. */
  requestTimeoutMs?: number;
}

/** `30` (seconds, as kubectl accepts a bare number) or a Go duration. */
function parseRequestTimeout(text: string): number | undefined {
  if (text === '' || text === '0') return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  try {
    return parseGoDuration(text);
  } catch {
    throw new CliError(`invalid request timeout ${JSON.stringify(text)}: must be a duration such as 1s, 2m, 3h`);
  }
}

/** The connection settings the parsed global flags ask for. */
export function kubeSettingsFromFlags(flags: Readonly<Record<string, FlagValue | undefined>>): KubeSettings {
  const text = (name: string): string | undefined => {
    const value = flags[name];
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  const settings: KubeSettings = {};
  const kubeconfig = text('kubeconfig');
  const context = text('context');
  const namespace = text('namespace');
  const timeout = parseRequestTimeout(text('request-timeout') ?? '');
  if (kubeconfig) settings.kubeconfig = kubeconfig;
  if (context) settings.context = context;
  if (namespace) settings.namespace = namespace;
  if (timeout !== undefined) settings.requestTimeoutMs = timeout;
  return settings;
}

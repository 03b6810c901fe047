// Env resolution for one container: envFrom, env values with $(VAR), and valueFrom (ConfigMap, Secret, downward API).
//
// Follows kubelet makeEnvironmentVariables (pkg/kubelet/kubelet_pods.go): envFrom first, then env in order,
// each value able to refer to the variables defined before it. A missing non-optional ConfigMap, Secret or
// key is a CreateContainerConfigError with upstream's wording; retrying later may succeed.
import type { ConfigMap, Container, DeepReadonly, EnvVarSource, Pod, Secret } from '@aviary/kube';
import { ContainerConfigError } from './container-config-error.js';
import { expandEnvReferences } from './env-expansion.js';
import { resolveResourceFieldRef } from './resource-field-ref.js';

/** Where ConfigMaps and Secrets come from; undefined means not found. */
export interface EnvObjectSource {
  getConfigMap(namespace: string, name: string): Promise<DeepReadonly<ConfigMap> | undefined>;
  getSecret(namespace: string, name: string): Promise<DeepReadonly<Secret> | undefined>;
}

export interface ContainerEnvInput {
  readonly pod: DeepReadonly<Pod>;
  readonly container: DeepReadonly<Container>;
  readonly podIP: string;
  readonly hostIP: string;
  readonly sources: EnvObjectSource;
  /** Node allocatable, for resourceFieldRef limits a container does not set. */
  readonly nodeAllocatable?: Readonly<Record<string, string>>;
}

export interface ResolvedEnv {
  readonly env: Record<string, string>;
  /** envFrom keys dropped because they are not valid variable names (reported as an event). */
  readonly skippedKeys: readonly { readonly kind: 'configMap' | 'secret'; readonly name: string; readonly keys: readonly string[] }[];
}

const ENV_VAR_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

function decodeSecretValue(value: string): string {
  return Buffer.from(value, 'base64').toString('utf8');
}

/** Resolves the whole environment of a container; throws ContainerConfigError. */
export async function resolveContainerEnv(input: ContainerEnvInput): Promise<ResolvedEnv> {
  const { pod, container, sources } = input;
  const namespace = pod.metadata?.namespace ?? 'default';
  const env: Record<string, string> = {};
  const skippedKeys: { kind: 'configMap' | 'secret'; name: string; keys: string[] }[] = [];

  for (const source of container.envFrom ?? []) {
    const prefix = source.prefix ?? '';
    let values: Record<string, string> | undefined;
    let ref: { kind: 'configMap' | 'secret'; name: string } | undefined;
    if (source.configMapRef !== undefined) {
      const name = source.configMapRef.name ?? '';
      ref = { kind: 'configMap', name };
      const found = await sources.getConfigMap(namespace, name);
      if (found === undefined && source.configMapRef.optional !== true) throw new ContainerConfigError(`configmap "${name}" not found`);
      values = found === undefined ? undefined : { ...found.data };
    } else if (source.secretRef !== undefined) {
      const name = source.secretRef.name ?? '';
      ref = { kind: 'secret', name };
      const found = await sources.getSecret(namespace, name);
      if (found === undefined && source.secretRef.optional !== true) throw new ContainerConfigError(`secret "${name}" not found`);
      values = found === undefined ? undefined : Object.fromEntries(Object.entries(found.data ?? {}).map(([k, v]) => [k, decodeSecretValue(v)]));
    }
    if (values === undefined || ref === undefined) continue;
    const invalid: string[] = [];
    for (const [key, value] of Object.entries(values)) {
      const name = prefix + key;
      if (!ENV_VAR_NAME.test(name)) invalid.push(name);
      else env[name] = value;
    }
    if (invalid.length > 0) skippedKeys.push({ ...ref, keys: invalid.sort() });
  }

  for (const variable of container.env ?? []) {
    if (variable.valueFrom === undefined) {
      env[variable.name] = expandEnvReferences(variable.value ?? '', (name) => (Object.hasOwn(env, name) ? env[name] : undefined));
      continue;
    }
    const value = await resolveValueFrom({ ...input, namespace, source: variable.valueFrom });
    if (value !== undefined) env[variable.name] = value;
  }
  return { env, skippedKeys };
}

/** One `valueFrom`; undefined when an optional source is missing (the variable is left out). */
async function resolveValueFrom(input: ContainerEnvInput & { namespace: string; source: DeepReadonly<EnvVarSource> }): Promise<string | undefined> {
  const { source, namespace, sources } = input;
  if (source.fieldRef !== undefined) return resolveFieldRef(input.pod, source.fieldRef.fieldPath, { podIP: input.podIP, hostIP: input.hostIP });
  if (source.resourceFieldRef !== undefined) {
    return resolveResourceFieldRef({ pod: input.pod, container: input.container, selector: source.resourceFieldRef, nodeAllocatable: input.nodeAllocatable ?? {} });
  }
  if (source.configMapKeyRef !== undefined) {
    const { name = '', key, optional } = source.configMapKeyRef;
    const found = await sources.getConfigMap(namespace, name);
    if (found === undefined) {
      if (optional === true) return undefined;
      throw new ContainerConfigError(`configmap "${name}" not found`);
    }
    const value = found.data?.[key];
    if (value === undefined) {
      if (optional === true) return undefined;
      throw new ContainerConfigError(`couldn't find key ${key} in ConfigMap ${namespace}/${name}`);
    }
    return value;
  }
  if (source.secretKeyRef !== undefined) {
    const { name = '', key, optional } = source.secretKeyRef;
    const found = await sources.getSecret(namespace, name);
    if (found === undefined) {
      if (optional === true) return undefined;
      throw new ContainerConfigError(`secret "${name}" not found`);
    }
    const value = found.data?.[key];
    if (value === undefined) {
      if (optional === true) return undefined;
      throw new ContainerConfigError(`couldn't find key ${key} in Secret ${namespace}/${name}`);
    }
    return decodeSecretValue(value);
  }
  return undefined;
}

function formatMap(map: Readonly<Record<string, string>> | undefined): string {
  return Object.keys(map ?? {})
    .sort()
    .map((key) => `${key}=${JSON.stringify(map?.[key] ?? '')}`)
    .join('\n');
}

/** The downward API fields env may use (pkg/kubelet/kubelet_pods.go podFieldSelectorRuntimeValue). */
export function resolveFieldRef(pod: DeepReadonly<Pod>, fieldPath: string, addresses: { podIP: string; hostIP: string }): string {
  const subscripted = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(fieldPath);
  if (subscripted !== null) {
    const map = subscripted[1] === 'labels' ? pod.metadata?.labels : pod.metadata?.annotations;
    return map?.[subscripted[2] ?? ''] ?? '';
  }
  switch (fieldPath) {
    case 'metadata.name': return pod.metadata?.name ?? '';
    case 'metadata.namespace': return pod.metadata?.namespace ?? '';
    case 'metadata.uid': return pod.metadata?.uid ?? '';
    case 'metadata.labels': return formatMap(pod.metadata?.labels);
    case 'metadata.annotations': return formatMap(pod.metadata?.annotations);
    case 'spec.nodeName': return pod.spec?.nodeName ?? '';
    case 'spec.serviceAccountName': return pod.spec?.serviceAccountName ?? pod.spec?.serviceAccount ?? '';
    case 'status.hostIP':
    case 'status.hostIPs': return addresses.hostIP;
    case 'status.podIP':
    case 'status.podIPs': return addresses.podIP;
    default: throw new ContainerConfigError(`unsupported fieldPath: ${fieldPath}`);
  }
}

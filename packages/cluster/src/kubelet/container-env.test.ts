// Env resolution: $(VAR) expansion, ConfigMap/Secret refs with optional flags, fieldRef, envFrom with prefix.
import { describe, expect, it } from 'vitest';
import type { ConfigMap, Container, Pod, Secret } from '@aviary/kube';
import { ContainerConfigError } from './container-config-error.js';
import { resolveContainerEnv, type EnvObjectSource } from './container-env.js';
import { expandEnvReferences } from './env-expansion.js';

const configMaps: Record<string, ConfigMap> = {
  settings: { data: { color: 'blue', 'log.level': 'debug', 'bad key': 'x' } },
};
const secrets: Record<string, Secret> = {
  creds: { data: { password: Buffer.from('s3cret').toString('base64') } },
};
const sources: EnvObjectSource = {
  getConfigMap: async (_ns, name) => configMaps[name],
  getSecret: async (_ns, name) => secrets[name],
};
const pod: Pod = {
  metadata: { name: 'web-1', namespace: 'shop', uid: 'uid-9', labels: { app: 'web' }, annotations: { team: 'blue' } },
  spec: { nodeName: 'aviary-local', serviceAccountName: 'builder', containers: [] },
};

async function resolve(container: Partial<Container>): Promise<Record<string, string>> {
  const result = await resolveContainerEnv({ pod, container: { name: 'c', ...container }, podIP: '127.10.0.5', hostIP: '127.0.0.1', sources });
  return result.env;
}

describe('expandEnvReferences', () => {
  const lookup = (name: string) => ({ A: 'one', B: 'two' })[name];
  it.each([
    ['a defined variable is replaced', '$(A)-$(B)', 'one-two'],
    ['an undefined one stays as written', '$(MISSING)', '$(MISSING)'],
    ['$$ escapes a reference', '$$(A)', '$(A)'],
    ['a lone $ is kept', 'cost: $5 and $', 'cost: $5 and $'],
    ['an unclosed reference is kept', '$(A', '$(A'],
  ])('%s', (_name, input, output) => {
    expect(expandEnvReferences(input, lookup)).toBe(output);
  });
});

describe('resolveContainerEnv', () => {
  it.each([
    ['a plain value', { env: [{ name: 'X', value: 'y' }] }, { X: 'y' }],
    ['$(VAR) refers to earlier variables only', { env: [{ name: 'A', value: 'a' }, { name: 'B', value: '$(A)-$(C)' }, { name: 'C', value: 'c' }] }, { A: 'a', B: 'a-$(C)', C: 'c' }],
    ['a configMapKeyRef', { env: [{ name: 'COLOR', valueFrom: { configMapKeyRef: { name: 'settings', key: 'color' } } }] }, { COLOR: 'blue' }],
    ['a secretKeyRef is decoded', { env: [{ name: 'PW', valueFrom: { secretKeyRef: { name: 'creds', key: 'password' } } }] }, { PW: 's3cret' }],
    ['an optional missing key is left out', { env: [{ name: 'N', valueFrom: { configMapKeyRef: { name: 'settings', key: 'nope', optional: true } } }] }, {}],
    ['an optional missing secret is left out', { env: [{ name: 'N', valueFrom: { secretKeyRef: { name: 'gone', key: 'k', optional: true } } }] }, {}],
    ['fieldRef metadata', {
      env: [
        { name: 'NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
        { name: 'NS', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
        { name: 'UID', valueFrom: { fieldRef: { fieldPath: 'metadata.uid' } } },
        { name: 'APP', valueFrom: { fieldRef: { fieldPath: "metadata.labels['app']" } } },
        { name: 'TEAM', valueFrom: { fieldRef: { fieldPath: "metadata.annotations['team']" } } },
      ],
    }, { NAME: 'web-1', NS: 'shop', UID: 'uid-9', APP: 'web', TEAM: 'blue' }],
    ['fieldRef spec and status', {
      env: [
        { name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
        { name: 'SA', valueFrom: { fieldRef: { fieldPath: 'spec.serviceAccountName' } } },
        { name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
        { name: 'HOST_IP', valueFrom: { fieldRef: { fieldPath: 'status.hostIP' } } },
        { name: 'URL', value: 'http://$(POD_IP):8080' },
      ],
    }, { NODE: 'aviary-local', SA: 'builder', POD_IP: '127.10.0.5', HOST_IP: '127.0.0.1', URL: 'http://127.10.0.5:8080' }],
    ['envFrom with a prefix skips invalid names; env wins over envFrom', {
      envFrom: [{ configMapRef: { name: 'settings' }, prefix: 'CFG_' }, { secretRef: { name: 'creds' } }],
      env: [{ name: 'CFG_color', value: 'red' }],
    }, { CFG_color: 'red', 'CFG_log.level': 'debug', password: 's3cret' }],
    ['an optional missing envFrom source is skipped', { envFrom: [{ configMapRef: { name: 'gone', optional: true } }] }, {}],
    ['resourceFieldRef falls back to 0 requests', { env: [{ name: 'MEM', valueFrom: { resourceFieldRef: { resource: 'requests.memory' } } }] }, { MEM: '0' }],
    ['resourceFieldRef reads a limit with a divisor', {
      resources: { limits: { memory: '64Mi', cpu: '500m' } },
      env: [
        { name: 'MEM', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '1Mi' } } },
        { name: 'CPU', valueFrom: { resourceFieldRef: { resource: 'limits.cpu' } } },
      ],
    }, { MEM: '64', CPU: '1' }],
  ] as [string, Partial<Container>, Record<string, string>][])('%s', async (_name, container, expected) => {
    expect(await resolve(container)).toEqual(expected);
  });

  it.each([
    ['a missing ConfigMap', { env: [{ name: 'X', valueFrom: { configMapKeyRef: { name: 'gone', key: 'k' } } }] }, 'configmap "gone" not found'],
    ['a missing ConfigMap key', { env: [{ name: 'X', valueFrom: { configMapKeyRef: { name: 'settings', key: 'k' } } }] }, "couldn't find key k in ConfigMap shop/settings"],
    ['a missing Secret', { env: [{ name: 'X', valueFrom: { secretKeyRef: { name: 'gone', key: 'k' } } }] }, 'secret "gone" not found'],
    ['a missing Secret key', { env: [{ name: 'X', valueFrom: { secretKeyRef: { name: 'creds', key: 'k' } } }] }, "couldn't find key k in Secret shop/creds"],
    ['a missing envFrom Secret', { envFrom: [{ secretRef: { name: 'gone' } }] }, 'secret "gone" not found'],
    ['an unsupported fieldPath', { env: [{ name: 'X', valueFrom: { fieldRef: { fieldPath: 'spec.hostname' } } }] }, 'unsupported fieldPath: spec.hostname'],
  ] as [string, Partial<Container>, string][])('%s is a CreateContainerConfigError', async (_name, container, message) => {
    const error: unknown = await resolve(container).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(ContainerConfigError);
    expect((error as ContainerConfigError).message).toBe(message);
  });
});

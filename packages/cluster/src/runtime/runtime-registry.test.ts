// Runtime selection: which runtime serves which container, and the registry that hands it to the kubelet.
import { describe, expect, it } from 'vitest';
import type { ContainerRuntime, ContainerStartSpec, RunningContainer } from './container-runtime.js';
import { RuntimeRegistry, selectRuntime } from './runtime-registry.js';

describe('selectRuntime', () => {
  it.each([
    ['a catalog image runs its built-in app', { image: 'argoproj/rollouts-demo:blue' }, false, 'catalog'],
    ['a catalog image behind a registry and digest', { image: 'docker.io/argoproj/rollouts-demo:yellow@sha256:00' }, false, 'catalog'],
    ['a catalog image with a shell command stays in the catalog', { image: 'docker/whalesay', command: ['sh', '-c', 'cowsay hi'] }, false, 'catalog'],
    ['a general image with a command runs on the host', { image: 'busybox', command: ['sh', '-c', 'exit 1'] }, false, 'process'],
    ['a general image with only args runs on the host', { image: 'alpine:3.6', args: ['echo', 'hi'] }, false, 'process'],
    ['a general image with nothing runs its default command', { image: 'python:alpine3.6' }, false, 'process'],
    ['an unknown image with a command runs the command', { image: 'my-image:latest', command: ['/app/run'] }, false, 'process'],
    ['an unknown image with only args is simulated', { image: 'my-image:latest', args: ['--serve'] }, false, 'simulated'],
    ['an unknown image with nothing is simulated', { image: 'registry.example.com/team/api:3' }, false, 'simulated'],
    ['--simulate-pods simulates even catalog images', { image: 'argoproj/rollouts-demo:blue' }, true, 'simulated'],
    ['--simulate-pods simulates commands too', { image: 'busybox', command: ['sleep', '10'] }, true, 'simulated'],
  ])('%s', (_name, container, simulatePods, expected) => {
    expect(selectRuntime(container, { simulatePods })).toBe(expected);
  });
});

describe('RuntimeRegistry', () => {
  function fakeRuntime(name: string, calls: string[]): ContainerRuntime {
    return {
      name,
      start: async (spec: ContainerStartSpec): Promise<RunningContainer> => {
        calls.push(`${name}:${spec.image}`);
        throw new Error('not used further');
      },
    };
  }

  it('starts each container on the runtime selectRuntime names', async () => {
    const calls: string[] = [];
    const registry = new RuntimeRegistry({
      runtimes: { catalog: fakeRuntime('catalog', calls), process: fakeRuntime('process', calls), simulated: fakeRuntime('simulated', calls) },
    });
    const base = { podUid: 'u', podName: 'p', namespace: 'n', containerName: 'c', env: {}, podIP: '127.0.10.1', ports: [], podDir: '/tmp/x', logPath: '/tmp/x/log', restartCount: 0 };
    for (const image of ['nginx', 'busybox', 'unknown/thing']) await registry.start({ ...base, image }).catch(() => undefined);
    expect(calls).toEqual(['catalog:nginx', 'process:busybox', 'simulated:unknown/thing']);
    expect(registry.runtimeFor({ image: 'nginx' }).name).toBe('catalog');
  });

  it('builds real runtimes by default, all simulated under simulatePods', () => {
    const registry = new RuntimeRegistry({ simulatePods: true });
    expect(registry.simulatePods).toBe(true);
    expect(registry.runtimeFor({ image: 'nginx' }).name).toBe('simulated');
    expect(new RuntimeRegistry().runtimeFor({ image: 'nginx' }).name).toBe('catalog');
  });
});

// Catalog launch plans: Kubernetes' command/args rule over the image config, then app or host command.
import { describe, expect, it } from 'vitest';
import { planCatalogLaunch, resolveImageArgv } from './catalog-launch.js';
import { findCatalogImage, readRolloutsDemoEnv } from './image-catalog.js';

function plan(image: string, container: { command?: string[]; args?: string[] }) {
  const match = findCatalogImage(image);
  if (match === undefined) throw new Error(`${image} is not in the catalog`);
  return planCatalogLaunch(match.image, resolveImageArgv(match.image.configFor(match.reference.tag), container));
}

describe('planCatalogLaunch', () => {
  it.each([
    ['rollouts-demo runs its app with the args as flags', 'argoproj/rollouts-demo:blue', { args: ['--listen-addr=:9000'] }, { kind: 'app', app: 'rollouts-demo', args: ['--listen-addr=:9000'] }],
    ['argosay args go to its ENTRYPOINT', 'argoproj/argosay:v2', { args: ['echo', 'hi'] }, { kind: 'app', app: 'argosay', args: ['echo', 'hi'] }],
    ['argosay cowsay draws the plain cow', 'argoproj/argosay:v2', { command: ['cowsay'], args: ['moo'] }, { kind: 'app', app: 'whalesay', args: ['-f', 'default', 'moo'] }],
    ['whalesay cowsay as command', 'docker/whalesay', { command: ['cowsay'], args: ['hello world'] }, { kind: 'app', app: 'whalesay', args: ['hello world'] }],
    ['whalesay with a shell runs the shell on the host', 'docker/whalesay', { command: ['sh', '-c'], args: ['cowsay hi'] }, { kind: 'host', argv: ['sh', '-c', 'cowsay hi'] }],
    ['whalesay with nothing runs its CMD, bash', 'docker/whalesay', {}, { kind: 'host', argv: ['/bin/bash'] }],
    ['nginx with nothing runs nginx through its entrypoint script', 'nginx', {}, { kind: 'app', app: 'nginx', args: ['-g', 'daemon off;'] }],
    ['nginx args after the entrypoint script can be a shell', 'nginx:alpine', { args: ['sh', '-c', 'echo hi'] }, { kind: 'host', argv: ['sh', '-c', 'echo hi'] }],
    ['bootcamp runs `node server.js`', 'jocatalin/kubernetes-bootcamp:v2', {}, { kind: 'app', app: 'kubernetes-bootcamp', args: [] }],
  ])('%s', (_name, image, container, expected) => {
    expect(plan(image, container)).toEqual(expected);
  });
});

describe('readRolloutsDemoEnv', () => {
  it.each([
    ['blue', { COLOR: 'blue' }],
    ['bad-yellow', { COLOR: 'yellow', ERROR_RATE: '15' }],
    ['slow-red', { COLOR: 'red', LATENCY: '2' }],
    ['latest', {}],
  ])('tag %s sets %o', (tag, env) => {
    expect(readRolloutsDemoEnv(tag)).toEqual(env);
  });
});

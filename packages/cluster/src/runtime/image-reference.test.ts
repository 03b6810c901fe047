// Image references: registries, Docker Hub's library/ namespace, tags and digests.
import { describe, expect, it } from 'vitest';
import { parseImageReference } from './image-reference.js';

describe('parseImageReference', () => {
  it.each([
    ['a bare official image gets docker.io and latest', 'nginx', { registry: 'docker.io', repository: 'nginx', tag: 'latest' }],
    ['library/ is dropped on Docker Hub', 'docker.io/library/nginx:1.27', { registry: 'docker.io', repository: 'nginx', tag: '1.27' }],
    ['index.docker.io is Docker Hub', 'index.docker.io/argoproj/rollouts-demo:blue', { registry: 'docker.io', repository: 'argoproj/rollouts-demo', tag: 'blue' }],
    ['another registry is kept apart from the path', 'quay.io/argoproj/argosay:v2', { registry: 'quay.io', repository: 'argoproj/argosay', tag: 'v2' }],
    ['a registry with a port is not a tag', 'localhost:5000/team/app', { registry: 'localhost:5000', repository: 'team/app', tag: 'latest' }],
    ['a digest alone leaves the tag unset', 'busybox@sha256:abc', { repository: 'busybox', tag: undefined, digest: 'sha256:abc' }],
    ['tag and digest together', 'argoproj/rollouts-demo:bad-red@sha256:def', { repository: 'argoproj/rollouts-demo', tag: 'bad-red', digest: 'sha256:def' }],
  ])('%s', (_name, image, expected) => {
    const actual: Record<string, unknown> = { ...parseImageReference(image) };
    expect(Object.fromEntries(Object.keys(expected).map((key) => [key, actual[key]]))).toEqual(expected);
  });
});

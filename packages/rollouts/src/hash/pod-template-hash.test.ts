// Tests for the pod-template hash: FNV-1a, the safe alphabet, the Go-shaped JSON it hashes, and collision counts.
import { describe, expect, it } from 'vitest';
import { deepFreeze } from '@aviary/kube';
import { computePodTemplateHash, computeStepsHash, fnv1a32, podTemplateJson, safeEncodeString } from './pod-template-hash.js';

const bytes = (text: string) => new TextEncoder().encode(text);
/** A deep-frozen copy, typed as the original (as the controller sees an informer's object). */
const frozenCopy = <T>(value: T): T => deepFreeze(structuredClone(value)) as unknown as T;

describe('fnv1a32', () => {
  it.each([
    { input: '', hash: 0x811c9dc5 },
    { input: 'a', hash: 0xe40c292c },
    { input: 'foobar', hash: 0xbf9cf968 },
  ])('hashes $input as the published FNV-1a test vectors say', ({ input, hash }) => {
    expect(fnv1a32(bytes(input))).toBe(hash);
  });

  it('continues from a seed as one stream would', () => {
    expect(fnv1a32(bytes('bar'), fnv1a32(bytes('foo')))).toBe(fnv1a32(bytes('foobar')));
  });
});

describe('safeEncodeString', () => {
  it('maps decimal digits onto the vowel-free alphabet', () => {
    expect(safeEncodeString('0123456789')).toBe('456789bcdf');
  });
});

describe('podTemplateJson', () => {
  it('writes fields in Go declaration order, with omitempty and always-present structs', () => {
    const json = podTemplateJson({
      spec: { restartPolicy: 'Always', containers: [{ image: 'nginx', name: 'web', ports: [{ containerPort: 80 }] }] },
      metadata: { labels: { z: '1', app: 'demo' } },
    });
    expect(json).toBe(
      '{"metadata":{"labels":{"app":"demo","z":"1"}},"spec":{"containers":[{"name":"web","image":"nginx","ports":[{"containerPort":80}],"resources":{}}],"restartPolicy":"Always"}}',
    );
  });

  it('omits empty values and a zero creationTimestamp, but keeps explicit pointers to false', () => {
    const json = podTemplateJson({ metadata: { labels: {} }, spec: { containers: [], hostNetwork: false, automountServiceAccountToken: false } });
    expect(json).toBe('{"metadata":{},"spec":{"containers":[],"automountServiceAccountToken":false}}');
  });

  it('escapes HTML characters as Go does and canonicalises numeric quantities', () => {
    const json = podTemplateJson({ spec: { containers: [{ name: 'a', args: ['<&>'], resources: { limits: { cpu: 0.5 as unknown as string, memory: '64Mi' } } }] } });
    expect(json).toContain('"args":["\\u003c\\u0026\\u003e"]');
    expect(json).toContain('"resources":{"limits":{"cpu":"500m","memory":"64Mi"}}');
  });

  it('keeps fields it does not know, after the known ones', () => {
    expect(podTemplateJson({ spec: { containers: [], futureField: 1 } as never })).toBe('{"metadata":{},"spec":{"containers":[],"futureField":1}}');
  });
});

describe('computePodTemplateHash', () => {
  const template = { metadata: { labels: { app: 'demo' } }, spec: { containers: [{ name: 'demo', image: 'argoproj/rollouts-demo:blue' }] } };

  it('is stable, safe-encoded, and independent of key order in the input', () => {
    const reordered = { spec: { containers: [{ image: 'argoproj/rollouts-demo:blue', name: 'demo' }] }, metadata: { labels: { app: 'demo' } } };
    expect(computePodTemplateHash(template)).toBe(computePodTemplateHash(reordered));
    expect(computePodTemplateHash(template)).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]+$/);
  });

  it('changes with the template and with the collision count', () => {
    const other = { ...template, spec: { containers: [{ name: 'demo', image: 'argoproj/rollouts-demo:yellow' }] } };
    expect(computePodTemplateHash(other)).not.toBe(computePodTemplateHash(template));
    expect(computePodTemplateHash(template, 1)).not.toBe(computePodTemplateHash(template));
    expect(computePodTemplateHash(template, 1)).not.toBe(computePodTemplateHash(template, 2));
  });

  it('is FNV-1a of the Go JSON printed in decimal and safe-encoded', () => {
    expect(computePodTemplateHash(template)).toBe(safeEncodeString(String(fnv1a32(bytes(podTemplateJson(template))))));
  });

  it('gives a frozen template (remembered by identity) the same hash as a fresh copy, each time', () => {
    const frozen = frozenCopy(template);
    const expected = computePodTemplateHash(structuredClone(template));
    expect(computePodTemplateHash(frozen)).toBe(expected);
    expect(computePodTemplateHash(frozen)).toBe(expected);
    expect(computePodTemplateHash(frozen, 3)).toBe(computePodTemplateHash(structuredClone(template), 3));
  });
});

describe('computeStepsHash', () => {
  it('hashes the steps in Go field order, so key order in the manifest does not matter', () => {
    const a = computeStepsHash([{ setWeight: 20 }, { pause: { duration: '10s' } }]);
    const b = computeStepsHash([{ setWeight: 20 }, { pause: { duration: '10s' } }]);
    expect(a).toBe(b);
    expect(computeStepsHash([{ setWeight: 30 }, { pause: { duration: '10s' } }])).not.toBe(a);
    expect(computeStepsHash(undefined)).toBe(safeEncodeString(String(fnv1a32(bytes('null')))));
  });

  it('gives frozen steps the same hash as unfrozen ones, and different frozen steps their own', () => {
    const steps = [{ setWeight: 20 }, { pause: { duration: '10s' } }];
    const frozen = frozenCopy(steps);
    expect(computeStepsHash(frozen)).toBe(computeStepsHash(steps));
    expect(computeStepsHash(frozen)).toBe(computeStepsHash(steps));
    expect(computeStepsHash(frozenCopy([{ setWeight: 30 }]))).toBe(computeStepsHash([{ setWeight: 30 }]));
  });
});

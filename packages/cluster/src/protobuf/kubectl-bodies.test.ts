// Decodes the protobuf bodies kubectl 1.32 really sends (testdata/*.pb) and checks them against kubectl's own JSON
// for the same command (testdata/*.json, from --dry-run=client -o json), or against the expected object inline.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeKubernetesProtobuf, decodeKubernetesProtobufWithReport } from './decode.js';
import { ProtobufDecodeError } from './protobuf-errors.js';

const testdata = path.join(path.dirname(fileURLToPath(import.meta.url)), 'testdata');
const readBody = (name: string): Buffer => fs.readFileSync(path.join(testdata, `${name}.pb`));
const fixturesWithJson = fs
  .readdirSync(testdata)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -'.json'.length))
  .sort();

describe('bodies captured from kubectl 1.32', () => {
  it('has the JSON twins the table below relies on', () => {
    expect(fixturesWithJson).toEqual(expect.arrayContaining(['create-deployment', 'create-configmap', 'create-namespace', 'create-secret-generic']));
    expect(fixturesWithJson.length).toBeGreaterThanOrEqual(18);
  });

  it.each(fixturesWithJson)('decodes %s to exactly what kubectl encodes as JSON, with no unknown fields', (name) => {
    const expected = JSON.parse(fs.readFileSync(path.join(testdata, `${name}.json`), 'utf8')) as unknown;
    const { object, unknownFields } = decodeKubernetesProtobufWithReport(readBody(name));
    expect(object).toEqual(expected);
    expect(unknownFields).toEqual([]);
  });

  it('decodes create deployment: 3 replicas, selector and template labels app=web, one nginx container', () => {
    expect(decodeKubernetesProtobuf(readBody('create-deployment'))).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', labels: { app: 'web' } },
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: 'web' } },
        template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx', resources: {} }] } },
        strategy: {},
      },
      status: {},
    });
  });

  it('decodes create secret generic with the value base64-encoded, as JSON carries []byte', () => {
    const secret = decodeKubernetesProtobuf(readBody('create-secret-generic')) as { data?: Record<string, string> };
    expect(secret.data).toEqual({ password: Buffer.from('hunter2').toString('base64') });
  });

  it('decodes create configmap --from-file of binary content into binaryData', () => {
    const cm = decodeKubernetesProtobuf(readBody('create-configmap-binary')) as { data?: unknown; binaryData?: Record<string, string> };
    expect(cm.data).toEqual({ x: '1' });
    expect(Buffer.from(cm.binaryData?.['bin.dat'] ?? '', 'base64')).toEqual(Buffer.from([0x00, 0x01, 0xff, 0x62, 0x69, 0x6e]));
  });

  it('decodes create service clusterip --tcp=80:8080 with a numeric targetPort', () => {
    const svc = decodeKubernetesProtobuf(readBody('create-service-clusterip')) as { spec?: unknown };
    expect(svc.spec).toEqual({ ports: [{ name: '80-8080', protocol: 'TCP', port: 80, targetPort: 8080 }], selector: { app: 'my-svc' }, type: 'ClusterIP' });
  });

  it('decodes create job --image=busybox -- echo hi', () => {
    expect(decodeKubernetesProtobuf(readBody('create-job'))).toEqual({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'hello' },
      spec: {
        template: {
          metadata: {},
          spec: { containers: [{ name: 'hello', image: 'busybox', command: ['echo', 'hi'], resources: {} }], restartPolicy: 'Never' },
        },
      },
      status: {},
    });
  });

  it('decodes create cronjob with its job template', () => {
    const cj = decodeKubernetesProtobuf(readBody('create-cronjob')) as { spec?: { schedule?: string; jobTemplate?: { metadata?: unknown } } };
    expect(cj.spec?.schedule).toBe('*/1 * * * *');
    expect(cj.spec?.jobTemplate?.metadata).toEqual({ name: 'cj' });
  });

  it('keeps the zeros of fields without omitempty, as Go writes them (autoscale, auth can-i, create token)', () => {
    expect(decodeKubernetesProtobuf(readBody('autoscale'))).toMatchObject({
      spec: { scaleTargetRef: { kind: 'Deployment', name: 'seed', apiVersion: 'apps/v1' }, maxReplicas: 3 },
      status: { currentReplicas: 0, desiredReplicas: 0 },
    });
    expect(decodeKubernetesProtobuf(readBody('auth-can-i'))).toEqual({
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SelfSubjectAccessReview',
      metadata: {},
      spec: { resourceAttributes: { namespace: 'default', verb: 'get', resource: 'pods' } },
      status: { allowed: false },
    });
    expect(decodeKubernetesProtobuf(readBody('create-token'))).toEqual({
      apiVersion: 'authentication.k8s.io/v1',
      kind: 'TokenRequest',
      metadata: {},
      spec: {},
      status: { token: '' },
    });
  });

  it('throws ProtobufDecodeError, never anything else, for every truncation of a real body', () => {
    const body = readBody('create-deployment-two-images');
    for (let length = 0; length < body.length; length++) {
      let outcome: unknown = 'decoded';
      try {
        decodeKubernetesProtobuf(body.subarray(0, length));
      } catch (err: unknown) {
        outcome = err;
      }
      // A cut right after the type meta leaves a valid envelope with no object bytes; every other cut is an error.
      if (outcome !== 'decoded') expect(outcome, `prefix of ${length} bytes`).toBeInstanceOf(ProtobufDecodeError);
    }
    expect(() => decodeKubernetesProtobuf(body.subarray(0, body.length - 1))).toThrow(/truncated input/);
  });
});

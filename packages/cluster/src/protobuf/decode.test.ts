// Tests for decodeKubernetesProtobuf on hand-built bodies: Go's JSON omission rules, well-known types, inlined
// structs, unknown fields, and clear errors (never a crash) on malformed or unsupported input.
import { describe, expect, it } from 'vitest';
import { decodeKubernetesProtobuf, decodeKubernetesProtobufWithReport } from './decode.js';
import { listDecodableKinds } from './descriptors/index.js';
import { ProtobufDecodeError, UnsupportedProtobufKindError } from './protobuf-errors.js';
import { concatBytes, encodeEnvelope, pb, type Encoded } from './testing/wire-encoder.js';

const deployment = (raw: Encoded): Encoded => encodeEnvelope({ apiVersion: 'apps/v1', kind: 'Deployment', raw });
const intOrString = (field: number, value: number | string): Encoded =>
  typeof value === 'number' ? pb.message(field, pb.varint(1, 0), pb.varint(2, value)) : pb.message(field, pb.varint(1, 1), pb.string(3, value));
const quantity = (field: number, key: string, value: string): Encoded => pb.entry(field, key, pb.message(2, pb.string(1, value)));

describe('decodeKubernetesProtobuf: Go JSON omission rules', () => {
  it('keeps a present zero in a pointer field (replicas: 0) and drops zeros of omitempty values', () => {
    const body = deployment(
      concatBytes(
        pb.message(1, pb.string(1, 'web'), pb.string(2, ''), pb.varint(7, 0)),
        pb.message(2, pb.varint(1, 0), pb.varint(5, 0), pb.bool(7, false), pb.varint(6, 10), pb.varint(9, 600)),
      ),
    );
    expect(decodeKubernetesProtobuf(body)).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: { replicas: 0, revisionHistoryLimit: 10, progressDeadlineSeconds: 600 },
    });
  });

  it('leaves absent fields absent, and writes a present empty sub-message as {}', () => {
    const body = deployment(concatBytes(pb.message(1), pb.message(3)));
    expect(decodeKubernetesProtobuf(body)).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: {}, status: {} });
  });

  it('writes rolling-update values as numbers or percent strings, keeping maxUnavailable: 0', () => {
    const strategy = pb.message(4, pb.string(1, 'RollingUpdate'), pb.message(2, intOrString(1, 0), intOrString(2, '25%')));
    const decoded = decodeKubernetesProtobuf(deployment(pb.message(2, strategy, pb.bool(7, true), pb.varint(5, 5))));
    expect(decoded).toMatchObject({
      spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: '25%' } }, minReadySeconds: 5, paused: true },
    });
  });

  it('writes fields in the Go struct order, not the wire order', () => {
    const decoded = decodeKubernetesProtobuf(deployment(pb.message(2, pb.varint(9, 600), pb.varint(1, 2))));
    expect(Object.keys((decoded as { spec: object }).spec)).toEqual(['replicas', 'progressDeadlineSeconds']);
  });
});

describe('decodeKubernetesProtobuf: a full pod', () => {
  const container = pb.message(
    2,
    pb.string(1, 'app'),
    pb.string(2, 'nginx:1.27'),
    pb.string(3, 'sh'),
    pb.string(3, '-c'),
    pb.string(4, 'run'),
    pb.string(5, '/srv'),
    pb.message(6, pb.string(1, 'http'), pb.varint(3, 8080), pb.string(4, 'TCP')),
    pb.message(19, pb.string(1, 'CFG_'), pb.message(2, pb.message(1, pb.string(1, 'settings')))),
    pb.message(7, pb.string(1, 'MODE'), pb.string(2, 'fast')),
    pb.message(7, pb.string(1, 'TOKEN'), pb.message(3, pb.message(4, pb.message(1, pb.string(1, 'creds')), pb.string(2, 'token')))),
    pb.message(8, quantity(1, 'cpu', '500m'), quantity(1, 'memory', '128Mi'), quantity(2, 'cpu', '100m')),
    pb.message(9, pb.string(1, 'data'), pb.bool(2, true), pb.string(3, '/data')),
    pb.message(10, pb.message(1, pb.message(3, intOrString(1, 8080))), pb.varint(4, 10)),
    pb.message(11, pb.message(1, pb.message(2, pb.string(1, '/healthz'), intOrString(2, 'http'))), pb.varint(2, 0), pb.varint(6, 3)),
    pb.string(13, '/dev/termination-log'),
    pb.string(20, 'File'),
    pb.string(14, 'IfNotPresent'),
    pb.message(15, pb.varint(4, 1000), pb.bool(5, true)),
    pb.bool(16, true),
    pb.bool(18, true),
  );
  const volumes = concatBytes(
    pb.message(1, pb.string(1, 'config'), pb.message(2, pb.message(19, pb.message(1, pb.string(1, 'settings')), pb.varint(3, 420)))),
    pb.message(1, pb.string(1, 'data'), pb.message(2, pb.message(2))),
  );
  const spec = pb.message(2, volumes, container, pb.string(3, 'Always'), pb.varint(4, 30), pb.varint(25, -5), pb.message(14, pb.varint(4, 0), pb.varint(4, 2000)));
  const metadata = pb.message(
    1,
    pb.string(1, 'web-0'),
    pb.string(3, 'prod'),
    pb.message(8, pb.varint(1, 1_700_000_000), pb.varint(2, 999)),
    pb.varint(10, 0),
    pb.stringEntry(11, 'app', 'web'),
    pb.stringEntry(12, 'note', 'hi'),
    pb.message(13, pb.string(1, 'ReplicaSet'), pb.string(3, 'web-abc'), pb.string(4, 'uid-1'), pb.string(5, 'apps/v1'), pb.bool(6, true)),
    pb.string(14, 'example.com/cleanup'),
    pb.message(17, pb.string(1, 'kubectl'), pb.string(2, 'Update'), pb.message(4, pb.varint(1, 86_400)), pb.string(6, 'FieldsV1'), pb.message(7, pb.string(1, '{"f:spec":{}}'))),
  );
  const pod = encodeEnvelope({ apiVersion: 'v1', kind: 'Pod', raw: concatBytes(metadata, spec) });

  it('decodes metadata: time in RFC 3339 seconds, a kept zero grace period, owners, managed fields', () => {
    expect((decodeKubernetesProtobuf(pod) as { metadata: unknown }).metadata).toEqual({
      name: 'web-0',
      namespace: 'prod',
      creationTimestamp: '2023-11-14T22:13:20Z',
      deletionGracePeriodSeconds: 0,
      labels: { app: 'web' },
      annotations: { note: 'hi' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-abc', uid: 'uid-1', controller: true }],
      finalizers: ['example.com/cleanup'],
      managedFields: [{ manager: 'kubectl', operation: 'Update', time: '1970-01-02T00:00:00Z', fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': {} } }],
    });
  });

  it('decodes the pod spec: inlined volume sources, negative priority, repeated int64', () => {
    const decoded = decodeKubernetesProtobuf(pod) as { spec: Record<string, unknown> };
    expect(decoded.spec).toMatchObject({
      volumes: [
        { name: 'config', configMap: { name: 'settings', defaultMode: 420 } },
        { name: 'data', emptyDir: {} },
      ],
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      priority: -5,
      securityContext: { supplementalGroups: [0, 2000] },
    });
  });

  it('decodes the container: command, env sources, resources, mounts, probes, security context', () => {
    const decoded = decodeKubernetesProtobuf(pod) as { spec: { containers: unknown[] } };
    expect(decoded.spec.containers).toEqual([
      {
        name: 'app',
        image: 'nginx:1.27',
        command: ['sh', '-c'],
        args: ['run'],
        workingDir: '/srv',
        ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
        envFrom: [{ prefix: 'CFG_', configMapRef: { name: 'settings' } }],
        env: [
          { name: 'MODE', value: 'fast' },
          { name: 'TOKEN', valueFrom: { secretKeyRef: { name: 'creds', key: 'token' } } },
        ],
        resources: { limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: '100m' } },
        volumeMounts: [{ name: 'data', readOnly: true, mountPath: '/data' }],
        livenessProbe: { tcpSocket: { port: 8080 }, periodSeconds: 10 },
        readinessProbe: { httpGet: { path: '/healthz', port: 'http' }, failureThreshold: 3 },
        terminationMessagePath: '/dev/termination-log',
        terminationMessagePolicy: 'File',
        imagePullPolicy: 'IfNotPresent',
        securityContext: { runAsUser: 1000, runAsNonRoot: true },
        stdin: true,
        tty: true,
      },
    ]);
  });
});

describe('decodeKubernetesProtobuf: other kinds and value types', () => {
  it('writes a Lease MicroTime with microseconds', () => {
    const raw = concatBytes(pb.message(1, pb.string(1, 'leader')), pb.message(2, pb.string(1, 'me'), pb.message(4, pb.varint(1, 1_700_000_000), pb.varint(2, 123_456_789))));
    expect(decodeKubernetesProtobuf(encodeEnvelope({ apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', raw }))).toEqual({
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: { name: 'leader' },
      spec: { holderIdentity: 'me', renewTime: '2023-11-14T22:13:20.123456Z' },
    });
  });

  it('omits a zero creationTimestamp (an empty Time message)', () => {
    const raw = pb.message(1, pb.string(1, 'x'), pb.message(8));
    expect(decodeKubernetesProtobuf(encodeEnvelope({ apiVersion: 'v1', kind: 'ConfigMap', raw }))).toEqual({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } });
  });

  it('keeps a map key named __proto__ as an ordinary key', () => {
    const raw = concatBytes(pb.message(1, pb.string(1, 'x')), pb.stringEntry(2, '__proto__', 'polluted'), pb.stringEntry(2, 'ok', 'yes'));
    const cm = decodeKubernetesProtobuf(encodeEnvelope({ apiVersion: 'v1', kind: 'ConfigMap', raw })) as { data: Record<string, string> };
    expect(Object.keys(cm.data)).toEqual(['__proto__', 'ok']);
    expect(Object.getPrototypeOf(cm.data)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('gives a map entry without a value its zero value, as Go does', () => {
    const raw = concatBytes(pb.message(1, pb.string(1, 's')), pb.entry(2, 'empty'));
    expect(decodeKubernetesProtobuf(encodeEnvelope({ apiVersion: 'v1', kind: 'Secret', raw }))).toMatchObject({ data: { empty: '' } });
  });

  it('decodes scale subresource bodies, keeping spec.replicas: 0', () => {
    const raw = concatBytes(pb.message(1, pb.string(1, 'web')), pb.message(2, pb.varint(1, 0)));
    expect(decodeKubernetesProtobuf(encodeEnvelope({ apiVersion: 'autoscaling/v1', kind: 'Scale', raw }))).toEqual({
      apiVersion: 'autoscaling/v1',
      kind: 'Scale',
      metadata: { name: 'web' },
      spec: { replicas: 0 },
    });
  });

  it('decodes DeleteOptions sent under any group version', () => {
    const raw = concatBytes(pb.varint(1, 0), pb.string(4, 'Foreground'), pb.string(5, 'All'));
    expect(decodeKubernetesProtobuf(encodeEnvelope({ apiVersion: 'apps/v1', kind: 'DeleteOptions', raw }))).toEqual({
      apiVersion: 'apps/v1',
      kind: 'DeleteOptions',
      gracePeriodSeconds: 0,
      propagationPolicy: 'Foreground',
      dryRun: ['All'],
    });
  });

  it('lists the kinds it decodes', () => {
    expect(listDecodableKinds()).toEqual(expect.arrayContaining(['apps/v1 Deployment', 'v1 Secret', 'batch/v1 Job', 'networking.k8s.io/v1 Ingress']));
  });
});

describe('decodeKubernetesProtobuf: unknown fields', () => {
  it('skips fields it has no descriptor for, of every wire type, and reports where they were', () => {
    const container = pb.message(2, pb.string(1, 'c'), pb.string(99, 'future'));
    const raw = concatBytes(
      pb.message(1, pb.string(1, 'web')),
      pb.message(2, pb.varint(1, 1), pb.varint(50, 7), pb.fixed32(51, 1), pb.fixed64(52, 2), pb.message(3, pb.message(2, container))),
      pb.string(40, 'top level'),
    );
    const { object, unknownFields } = decodeKubernetesProtobufWithReport(deployment(raw));
    expect(object).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: { replicas: 1, template: { spec: { containers: [{ name: 'c' }] } } },
    });
    expect(unknownFields).toEqual([
      { path: 'spec', fieldNumber: 50, wireType: 'varint' },
      { path: 'spec', fieldNumber: 51, wireType: 'fixed32' },
      { path: 'spec', fieldNumber: 52, wireType: 'fixed64' },
      { path: 'spec.template.spec.containers[0]', fieldNumber: 99, wireType: 'length-delimited' },
      { path: 'Deployment', fieldNumber: 40, wireType: 'length-delimited' },
    ]);
  });

  it('ignores unknown envelope fields and the content encoding and type', () => {
    const body = encodeEnvelope({ apiVersion: 'v1', kind: 'Namespace', raw: pb.message(1, pb.string(1, 'ns')), extra: concatBytes(pb.string(3, ''), pb.string(4, ''), pb.varint(9, 1)) });
    expect(decodeKubernetesProtobuf(body)).toEqual({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'ns' } });
  });
});

describe('decodeKubernetesProtobuf: errors', () => {
  it.each([
    ['an empty body', new Uint8Array(0), /empty data/],
    ['a JSON body', Buffer.from('{"kind":"Pod"}'), /provided object is not a valid protobuf envelope/],
    ['only the magic', Buffer.from('k8s\0', 'latin1'), /empty body/],
    ['an envelope without a kind', concatBytes(Buffer.from('k8s\0', 'latin1'), pb.message(1, pb.string(1, 'v1'))), /Object 'Kind' is missing/],
    ['an envelope without an apiVersion', concatBytes(Buffer.from('k8s\0', 'latin1'), pb.message(1, pb.string(2, 'Pod'))), /Object 'apiVersion' is missing/],
    ['a cut-off envelope', Buffer.from('k8s\0\x0a\x20v1', 'latin1'), /truncated input/],
    ['garbage after the magic', Buffer.from('k8s\0\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff', 'latin1'), /longer than 10 bytes/],
  ])('rejects %s with a ProtobufDecodeError', (_name, body, message) => {
    expect(() => decodeKubernetesProtobuf(body)).toThrow(ProtobufDecodeError);
    expect(() => decodeKubernetesProtobuf(body)).toThrow(message);
  });

  it('names the field whose wire type is wrong', () => {
    const body = deployment(pb.message(2, pb.string(1, 'three')));
    expect(() => decodeKubernetesProtobuf(body)).toThrow('spec.replicas: int32 must be varint, got length-delimited');
  });

  it('names the field where the object bytes run out', () => {
    const truncatedTemplate = concatBytes(pb.message(2, Uint8Array.of(0x1a, 0x10, 0x0a)));
    expect(() => decodeKubernetesProtobuf(deployment(truncatedTemplate))).toThrow(/^spec\.template: truncated input: length-delimited field at offset 1 declares 16 bytes, only 1 remain$/);
  });

  it('names the kind it cannot decode', () => {
    const body = encodeEnvelope({ apiVersion: 'example.com/v1', kind: 'Widget', raw: new Uint8Array(0) });
    let caught: unknown;
    try {
      decodeKubernetesProtobuf(body);
    } catch (err: unknown) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(UnsupportedProtobufKindError);
    expect(caught).toMatchObject({ kind: 'Widget', apiVersion: 'example.com/v1', message: expect.stringContaining('Widget') });
  });

  it('treats a known kind under the wrong group version as unsupported', () => {
    const body = encodeEnvelope({ apiVersion: 'extensions/v1beta1', kind: 'Deployment', raw: new Uint8Array(0) });
    expect(() => decodeKubernetesProtobuf(body)).toThrow(UnsupportedProtobufKindError);
  });

  it('never throws anything but its own errors for randomly corrupted bodies', () => {
    const base = deployment(
      concatBytes(pb.message(1, pb.string(1, 'web'), pb.stringEntry(11, 'a', 'b')), pb.message(2, pb.varint(1, 3), pb.message(3, pb.message(2, pb.message(2, pb.string(1, 'c')))))),
    );
    let seed = 12345;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 2000; round++) {
      const body = Uint8Array.from(base);
      for (let flips = 1 + random(3); flips > 0; flips--) body[4 + random(body.length - 4)] = random(256);
      try {
        decodeKubernetesProtobuf(body);
      } catch (err: unknown) {
        if (!(err instanceof ProtobufDecodeError || err instanceof UnsupportedProtobufKindError)) throw new Error(`round ${round}: ${String(err)}`);
      }
    }
  });
});

// Tests of serverSideApply: create, re-apply, pruning, conflicts, force, list merging and managedFields entries.
import { describe, expect, it } from 'vitest';
import { ApplyInputError } from './apply-error.js';
import { conflictMessage } from './conflicts.js';
import { lastAppliedAnnotation } from './last-applied.js';
import { serverSideApply } from './server-side-apply.js';
import {
  apply,
  at,
  containersSpec,
  deployment,
  deploymentInfo,
  entryOf,
  partialDeployment,
  runSteps,
  service,
  serviceInfo,
  t0,
  t1,
  update,
  type Step,
} from './testdata/fixtures.js';

type Json = Record<string, unknown>;

describe('serverSideApply creates and updates objects', () => {
  it('creates the object when it is absent, with one Apply entry for the manager', () => {
    const result = serverSideApply({
      applied: deployment(), manager: 'kubectl', force: false, now: t0, apiVersion: 'apps/v1', listInfo: deploymentInfo,
    });
    expect(result.conflicts).toEqual([]);
    const { managedFields, ...metadata } = result.object.metadata as Json;
    expect({ ...result.object, metadata }).toEqual(deployment());
    expect(managedFields).toEqual([{
      manager: 'kubectl',
      operation: 'Apply',
      apiVersion: 'apps/v1',
      time: t0,
      fieldsType: 'FieldsV1',
      fieldsV1: {
        'f:metadata': { 'f:labels': { 'f:app': {} } },
        'f:spec': {
          'f:replicas': {},
          'f:selector': {},
          'f:template': {
            'f:metadata': { 'f:labels': { 'f:app': {} } },
            'f:spec': {
              'f:containers': {
                'k:{"name":"app"}': {
                  '.': {},
                  'f:image': {},
                  'f:name': {},
                  'f:ports': { 'k:{"containerPort":80,"protocol":"TCP"}': { '.': {}, 'f:containerPort': {} } },
                },
              },
            },
          },
        },
      },
    }]);
  });

  it('writes the entry members in the order Kubernetes writes them', () => {
    const result = runSteps([apply('kubectl', deployment())]);
    const entry = entryOf(result.object, 'kubectl')!;
    expect(Object.keys(entry)).toEqual(['manager', 'operation', 'apiVersion', 'time', 'fieldsType', 'fieldsV1']);
    expect(JSON.stringify(at(entry, 'fieldsV1', 'f:spec'))).toMatch(/^\{"f:replicas":\{\},"f:selector":\{\},"f:template"/);
  });

  it.each<{ name: string; steps: Step[]; path: Array<string | number>; value: unknown }>([
    {
      name: 're-applying with a changed value changes the object',
      steps: [apply('kubectl', deployment()), apply('kubectl', deployment({ replicas: 5 }))],
      path: ['spec', 'replicas'],
      value: 5,
    },
    {
      name: 'removing a label from the applied configuration removes it from the object',
      steps: [apply('kubectl', deployment({}, { labels: { app: 'web', tier: 'front' } })), apply('kubectl', deployment())],
      path: ['metadata', 'labels'],
      value: { app: 'web' },
    },
    {
      name: 'removing a container from the applied configuration removes it from the object',
      steps: [
        apply('kubectl', deployment(containersSpec([{ name: 'app', image: 'nginx:1' }, { name: 'sidecar', image: 'envoy:1' }]))),
        apply('kubectl', deployment(containersSpec([{ name: 'app', image: 'nginx:1' }]))),
      ],
      path: ['spec', 'template', 'spec', 'containers'],
      value: [{ name: 'app', image: 'nginx:1' }],
    },
    {
      name: 'a field no longer applied stays when another applier also owns it',
      steps: [
        apply('kubectl', deployment({}, { labels: { app: 'web', tier: 'front' } })),
        apply('labeller', partialDeployment({}, { labels: { tier: 'front' } })),
        apply('kubectl', deployment()),
      ],
      path: ['metadata', 'labels'],
      value: { app: 'web', tier: 'front' },
    },
    {
      name: 'a field no longer applied stays when an updater took it over',
      steps: [
        apply('kubectl', deployment({ paused: true })),
        update('operator', (object) => ({ ...object, spec: { ...(object.spec as Json), paused: false } })),
        apply('kubectl', deployment()),
      ],
      path: ['spec', 'paused'],
      value: false,
    },
    {
      name: 'fields set by others are kept when the applier does not mention them',
      steps: [
        apply('kubectl', deployment()),
        apply('other', partialDeployment({ minReadySeconds: 10 })),
        apply('kubectl', deployment({ replicas: 3 })),
      ],
      path: ['spec', 'minReadySeconds'],
      value: 10,
    },
  ])('$name', ({ steps, path, value }) => {
    const result = runSteps(steps);
    expect(result.conflicts).toEqual([]);
    expect(at(result.object, ...path)).toEqual(value);
  });

  it('moves the entry time only when the apply changed the object', () => {
    const same = runSteps([apply('kubectl', deployment()), apply('kubectl', deployment(), { now: t1 })]);
    expect(entryOf(same.object, 'kubectl')?.time).toBe(t0);
    const changed = runSteps([apply('kubectl', deployment()), apply('kubectl', deployment({ replicas: 4 }), { now: t1 })]);
    expect(entryOf(changed.object, 'kubectl')?.time).toBe(t1);
  });
});

describe('serverSideApply conflicts', () => {
  const createdByClientSideApply = update('kubectl-client-side-apply', () => deployment());

  it.each<{ name: string; steps: Step[]; message: string; fields: string[] }>([
    {
      name: 'changing a scalar another manager updated conflicts',
      steps: [createdByClientSideApply, apply('ssa-tool', partialDeployment({ replicas: 3 }))],
      message: 'Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using apps/v1: .spec.replicas',
      fields: ['.spec.replicas'],
    },
    {
      name: 'changing a scalar another applier owns conflicts without naming an apiVersion',
      steps: [apply('kubectl', deployment()), apply('ssa-tool', partialDeployment({ replicas: 3 }))],
      message: 'Apply failed with 1 conflict: conflict with "kubectl": .spec.replicas',
      fields: ['.spec.replicas'],
    },
    {
      name: 'changing two fields of one manager lists both under it',
      steps: [createdByClientSideApply, apply('ssa-tool', partialDeployment({ replicas: 3, selector: { matchLabels: { app: 'x' } } }))],
      message: 'Apply failed with 2 conflicts: conflicts with "kubectl-client-side-apply" using apps/v1:\n- .spec.replicas\n- .spec.selector',
      fields: ['.spec.replicas', '.spec.selector'],
    },
    {
      name: 'conflicts with several managers are grouped by manager in name order',
      steps: [
        apply('zeta', partialDeployment({ replicas: 2 })),
        apply('alpha', partialDeployment({ minReadySeconds: 5 })),
        apply('ssa-tool', partialDeployment({ replicas: 3, minReadySeconds: 6 })),
      ],
      message: 'Apply failed with 2 conflicts: conflicts with "alpha":\n- .spec.minReadySeconds\nconflicts with "zeta":\n- .spec.replicas',
      fields: ['.spec.minReadySeconds', '.spec.replicas'],
    },
    {
      name: 'changing an atomic list another manager owns names the list item path',
      steps: [
        apply('kubectl', deployment(containersSpec([{ name: 'app', image: 'nginx:1', args: ['--a'] }]))),
        apply('ssa-tool', partialDeployment(containersSpec([{ name: 'app', args: ['--b'] }]))),
      ],
      message: 'Apply failed with 1 conflict: conflict with "kubectl": .spec.template.spec.containers[name="app"].args',
      fields: ['.spec.template.spec.containers[name="app"].args'],
    },
    {
      name: 'an updater that changed a field after an apply owns it, so re-applying the old value conflicts',
      steps: [
        apply('kubectl', deployment()),
        update('autoscaler', (object) => ({ ...object, spec: { ...(object.spec as Json), replicas: 7 } })),
        apply('kubectl', deployment()),
      ],
      message: 'Apply failed with 1 conflict: conflict with "autoscaler" using apps/v1: .spec.replicas',
      fields: ['.spec.replicas'],
    },
    {
      name: 'a status writer is named with its subresource',
      steps: [
        update('controller', (object) => ({ ...object, status: { replicas: 1 } }), { subresource: 'status' }),
        apply('ssa-tool', { ...partialDeployment({}), status: { replicas: 2 } }),
      ],
      message: 'Apply failed with 1 conflict: conflict with "controller" with subresource "status" using apps/v1: .status.replicas',
      fields: ['.status.replicas'],
    },
  ])('$name', ({ steps, message, fields }) => {
    const before = runSteps(steps.slice(0, -1)).object;
    const result = runSteps(steps);
    expect(result.conflicts.map((conflict) => conflict.field)).toEqual(fields);
    expect(result.object).toEqual(before);
    expect(conflictMessage(result.conflicts)).toBe(message);
  });

  it.each<{ name: string; steps: Step[]; owners: Record<string, boolean> }>([
    {
      name: 'applying an equal value shares ownership instead of conflicting',
      steps: [createdByClientSideApply, apply('ssa-tool', partialDeployment({ replicas: 2 }))],
      owners: { 'kubectl-client-side-apply': true, 'ssa-tool': true },
    },
    {
      name: 'force takes ownership away from the other manager',
      steps: [createdByClientSideApply, apply('ssa-tool', partialDeployment({ replicas: 3 }), { force: true })],
      owners: { 'kubectl-client-side-apply': false, 'ssa-tool': true },
    },
  ])('$name', ({ steps, owners }) => {
    const result = runSteps(steps);
    expect(result.conflicts).toEqual([]);
    for (const [manager, owns] of Object.entries(owners)) {
      expect(at(entryOf(result.object, manager), 'fieldsV1', 'f:spec', 'f:replicas') !== undefined).toBe(owns);
    }
  });

  it('force writes the applied value', () => {
    const result = runSteps([createdByClientSideApply, apply('ssa-tool', partialDeployment({ replicas: 3 }), { force: true })]);
    expect(at(result.object, 'spec', 'replicas')).toBe(3);
  });

  it('kubectl upgrading from client-side apply takes fields the last-applied annotation set', () => {
    const lastApplied = `${JSON.stringify(deployment())}\n`;
    const steps = [
      update('kubectl-client-side-apply', () => deployment({}, { annotations: { [lastAppliedAnnotation]: lastApplied } })),
      apply('kubectl', deployment({ replicas: 4 })),
    ];
    const result = runSteps(steps);
    expect(result.conflicts).toEqual([]);
    expect(at(result.object, 'spec', 'replicas')).toBe(4);
    const annotation = at(result.object, 'metadata', 'annotations', lastAppliedAnnotation) as string;
    expect(JSON.parse(annotation)).toEqual(deployment({ replicas: 4 }));
    expect(annotation.endsWith('}\n')).toBe(true);
  });

  it('other managers get no client-side apply upgrade', () => {
    const lastApplied = `${JSON.stringify(deployment())}\n`;
    const result = runSteps([
      update('kubectl-client-side-apply', () => deployment({}, { annotations: { [lastAppliedAnnotation]: lastApplied } })),
      apply('ssa-tool', deployment({ replicas: 4 })),
    ]);
    expect(result.conflicts.map((conflict) => conflict.field)).toEqual(['.spec.replicas']);
  });
});

describe('serverSideApply list semantics', () => {
  it.each<{ name: string; steps: Step[]; path: Array<string | number>; value: unknown; info?: typeof deploymentInfo; apiVersion?: string }>([
    {
      name: 'containers merge by name, keeping the live container the applier does not mention',
      steps: [
        apply('kubectl', deployment()),
        apply('mesh', partialDeployment(containersSpec([{ name: 'sidecar', image: 'envoy:1' }]))),
      ],
      path: ['spec', 'template', 'spec', 'containers'],
      value: [{ name: 'app', image: 'nginx:1', ports: [{ containerPort: 80 }] }, { name: 'sidecar', image: 'envoy:1' }],
    },
    {
      name: 'container fields merge into the matching container',
      steps: [
        apply('kubectl', deployment()),
        apply('mesh', partialDeployment(containersSpec([{ name: 'app', env: [{ name: 'MESH', value: '1' }] }]))),
      ],
      path: ['spec', 'template', 'spec', 'containers', 0, 'env'],
      value: [{ name: 'MESH', value: '1' }],
    },
    {
      name: 'service ports merge by port and protocol, with TCP as the default protocol',
      steps: [
        apply('kubectl', service([{ port: 80, targetPort: 8080 }])),
        apply('dns', service([{ port: 80, protocol: 'UDP', targetPort: 53 }])),
        apply('kubectl', service([{ port: 80, protocol: 'TCP', targetPort: 9090 }])),
      ],
      path: ['spec', 'ports'],
      value: [{ port: 80, targetPort: 9090, protocol: 'TCP' }, { port: 80, protocol: 'UDP', targetPort: 53 }],
      info: serviceInfo,
      apiVersion: 'v1',
    },
    {
      name: 'finalizers merge as a set union',
      steps: [
        apply('kubectl', deployment({}, { finalizers: ['example.com/a'] })),
        apply('other', partialDeployment({}, { finalizers: ['example.com/b'] })),
      ],
      path: ['metadata', 'finalizers'],
      value: ['example.com/a', 'example.com/b'],
    },
    {
      name: 'an atomic list is replaced as a whole',
      steps: [
        apply('kubectl', deployment(containersSpec([{ name: 'app', image: 'nginx:1', args: ['--a', '--b'] }]))),
        apply('kubectl', deployment(containersSpec([{ name: 'app', image: 'nginx:1', args: ['--c'] }]))),
      ],
      path: ['spec', 'template', 'spec', 'containers', 0, 'args'],
      value: ['--c'],
    },
    {
      name: 'an atomic selector is replaced as a whole',
      steps: [
        apply('kubectl', deployment({ selector: { matchLabels: { app: 'web', tier: 'a' } } })),
        apply('kubectl', deployment({ selector: { matchLabels: { app: 'web' } } })),
      ],
      path: ['spec', 'selector'],
      value: { matchLabels: { app: 'web' } },
    },
    {
      name: 'an applied order of shared items wins, and a live-only item stays before the next shared one',
      steps: [
        apply('kubectl', deployment(containersSpec([{ name: 'a', image: 'x' }, { name: 'b', image: 'x' }, { name: 'c', image: 'x' }]))),
        apply('other', partialDeployment(containersSpec([{ name: 'c', image: 'x' }, { name: 'a', image: 'x' }]))),
      ],
      path: ['spec', 'template', 'spec', 'containers'],
      value: [{ name: 'b', image: 'x' }, { name: 'c', image: 'x' }, { name: 'a', image: 'x' }],
    },
  ])('$name', ({ steps, path, value, info, apiVersion }) => {
    const result = runSteps(steps, info, apiVersion);
    expect(result.conflicts).toEqual([]);
    expect(at(result.object, ...path)).toEqual(value);
  });

  it('records associative and set items with their keys', () => {
    const svc = runSteps([apply('kubectl', service([{ port: 80, targetPort: 8080 }]))], serviceInfo, 'v1');
    expect(at(entryOf(svc.object, 'kubectl'), 'fieldsV1', 'f:spec', 'f:ports')).toEqual({
      'k:{"port":80,"protocol":"TCP"}': { '.': {}, 'f:port': {}, 'f:targetPort': {} },
    });
    const fin = runSteps([apply('kubectl', deployment({}, { finalizers: ['example.com/a'] }))]);
    expect(at(entryOf(fin.object, 'kubectl'), 'fieldsV1', 'f:metadata', 'f:finalizers')).toEqual({ 'v:"example.com/a"': {} });
  });
});

describe('serverSideApply bookkeeping and input errors', () => {
  it('gives an untracked object to "before-first-apply" before the first apply', () => {
    const live = deployment();
    const result = serverSideApply({
      live, applied: partialDeployment({ minReadySeconds: 3 }), manager: 'kubectl', force: false, now: t1,
      apiVersion: 'apps/v1', listInfo: deploymentInfo,
    });
    expect(result.conflicts).toEqual([]);
    const entries = (result.object.metadata as { managedFields: Json[] }).managedFields;
    expect(entries.map((entry) => [entry.manager, entry.operation])).toEqual([['kubectl', 'Apply'], ['before-first-apply', 'Update']]);
    expect(at(entries[1], 'fieldsV1', 'f:spec', 'f:replicas')).toEqual({});
  });

  it('does not change the caller\'s objects', () => {
    const live = runSteps([apply('kubectl', deployment())]).object;
    const snapshot = structuredClone(live);
    const applied = deployment({ replicas: 9 });
    serverSideApply({ live, applied, manager: 'kubectl', force: false, now: t1, apiVersion: 'apps/v1', listInfo: deploymentInfo });
    expect(live).toEqual(snapshot);
    expect(applied).toEqual(deployment({ replicas: 9 }));
  });

  it.each<{ name: string; applied: Json; message: string; statusCode: number }>([
    {
      name: 'managedFields in the applied configuration are rejected',
      applied: deployment({}, { managedFields: [] }),
      message: 'metadata.managedFields must be nil',
      statusCode: 400,
    },
    {
      name: 'an apiVersion other than the URL\'s is rejected',
      applied: { ...deployment(), apiVersion: 'apps/v1beta1' },
      message: 'Incorrect version specified in apply patch. Specified patch version: apps/v1beta1, expected: apps/v1',
      statusCode: 400,
    },
    {
      name: 'duplicate keys in an associative list are rejected',
      applied: deployment(containersSpec([{ name: 'app', image: 'a' }, { name: 'app', image: 'b' }])),
      message: '.spec.template.spec.containers: duplicate entries for key [name="app"]',
      statusCode: 500,
    },
    {
      name: 'a list item missing its key is rejected',
      applied: deployment(containersSpec([{ image: 'a' }])),
      message: '.spec.template.spec.containers: element 0: associative list with keys has an element that omits key field "name" (and doesn\'t have default value)',
      statusCode: 500,
    },
  ])('$name', ({ applied, message, statusCode }) => {
    const run = (): unknown => serverSideApply({ applied, manager: 'kubectl', force: false, now: t0, apiVersion: 'apps/v1', listInfo: deploymentInfo });
    expect(run).toThrow(ApplyInputError);
    expect(run).toThrow(message);
    try {
      run();
    } catch (err: unknown) {
      expect((err as ApplyInputError).statusCode).toBe(statusCode);
    }
  });
});

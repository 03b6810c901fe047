// Issue acceptance, end to end: real kubectl 1.32 drives the embedded API server as it would a real cluster.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer } from '../apiserver.js';
import { Kubectl, requireKubectl } from '../testing/kubectl.js';

const testdata = path.join(import.meta.dirname, 'testdata');
const rolloutYaml = fs.readFileSync(path.join(testdata, 'rollout.yaml'), 'utf8');
const serviceYaml = fs.readFileSync(path.join(testdata, 'service.yaml'), 'utf8');

describe.skipIf(!requireKubectl('kubectl acceptance'))('kubectl against the embedded API server', () => {
  let dataDir: string;
  let server: ApiServer;
  let kubectl: Kubectl;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aviary-e2e-'));
    server = await startApiServer({ dataDir, port: 0 });
    kubectl = new Kubectl(server.kubeconfigPath);
  });
  afterAll(async () => {
    await server?.close();
    kubectl?.cleanup();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('lists the five argoproj CRDs', async () => {
    const out = await kubectl.run(['get', 'crd', '-o', 'name']);
    expect(out.trim().split('\n').filter((l) => l.includes('argoproj.io')).sort()).toEqual([
      'customresourcedefinition.apiextensions.k8s.io/analysisruns.argoproj.io',
      'customresourcedefinition.apiextensions.k8s.io/analysistemplates.argoproj.io',
      'customresourcedefinition.apiextensions.k8s.io/clusteranalysistemplates.argoproj.io',
      'customresourcedefinition.apiextensions.k8s.io/experiments.argoproj.io',
      'customresourcedefinition.apiextensions.k8s.io/rollouts.argoproj.io',
    ]);
  });

  it('applies a Rollout and a Service, then re-applies a changed port list with a strategic merge', async () => {
    const created = await kubectl.run(['apply', '-f', '-'], `${rolloutYaml}---\n${serviceYaml}`);
    expect(created).toBe('rollout.argoproj.io/rollouts-demo created\nservice/rollouts-demo created\n');

    const changed = serviceYaml.replace('  - port: 80\n', '  - port: 81\n');
    expect(await kubectl.run(['apply', '-f', '-'], changed)).toBe('service/rollouts-demo configured\n');
    const ports = JSON.parse(await kubectl.run(['get', 'svc', 'rollouts-demo', '-o', 'jsonpath={.spec.ports}']));
    expect(ports).toEqual([{ name: 'http', port: 81, protocol: 'TCP', targetPort: 'http' }]);

    expect(await kubectl.run(['apply', '-f', '-'], rolloutYaml)).toBe('rollout.argoproj.io/rollouts-demo unchanged\n');
  });

  it('prints rollouts with the upstream columns', async () => {
    const out = await kubectl.run(['get', 'ro']);
    const [header, row] = out.trim().split('\n');
    expect(header).toMatch(/^NAME\s+DESIRED\s+CURRENT\s+UP-TO-DATE\s+AVAILABLE\s+AGE$/);
    expect(row).toMatch(/^rollouts-demo\s+5\s+\d+s$/);
  });

  it('prints a ReplicaSet change made by another client while watching', async () => {
    const watch = kubectl.follow(['get', 'rs', '-w']);
    try {
      // An empty list prints nothing under -w; whether the create lands in the list or the watch, its row prints.
      const rs = {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata: { name: 'watched', labels: { app: 'watched' } },
        spec: { replicas: 2, selector: { matchLabels: { app: 'watched' } }, template: { metadata: { labels: { app: 'watched' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
      };
      await kubectl.run(['create', '-f', '-'], JSON.stringify(rs));
      await watch.waitFor(/watched\s+2\s+0\s+0\s+\d+s/);
      await kubectl.run(['scale', 'rs', 'watched', '--replicas=4']);
      await watch.waitFor(/watched\s+4\s+0\s+0\s+\d+s/);
    } finally {
      watch.stop();
    }
  });

  it('edits a rollout through a scripted editor', async () => {
    const editor = path.join(dataDir, 'editor.sh');
    fs.writeFileSync(editor, '#!/bin/sh\nsed -i "s/replicas: 5/replicas: 3/" "$1"\n', { mode: 0o755 });
    expect(await kubectl.run(['edit', 'ro', 'rollouts-demo'], undefined, { KUBE_EDITOR: editor })).toBe('rollout.argoproj.io/rollouts-demo edited\n');
    expect(await kubectl.run(['get', 'ro', 'rollouts-demo', '-o', 'jsonpath={.spec.replicas}'])).toBe('3');
  });

  it('patches with merge, json and strategic patches, and patches the status subresource', async () => {
    await kubectl.run(['patch', 'ro', 'rollouts-demo', '--type', 'merge', '-p', '{"spec":{"replicas":4}}']);
    await kubectl.run(['patch', 'ro', 'rollouts-demo', '--type', 'json', '-p', '[{"op":"replace","path":"/spec/revisionHistoryLimit","value":3}]']);
    await kubectl.run(['patch', 'svc', 'rollouts-demo', '-p', '{"spec":{"ports":[{"port":82,"targetPort":"http","name":"metrics"}]}}']);
    const rollout = JSON.parse(await kubectl.run(['get', 'ro', 'rollouts-demo', '-o', 'json']));
    expect(rollout.spec).toMatchObject({ replicas: 4, revisionHistoryLimit: 3 });
    const ports = JSON.parse(await kubectl.run(['get', 'svc', 'rollouts-demo', '-o', 'jsonpath={.spec.ports[*].port}']).then((p) => `[${p.split(' ').join(',')}]`));
    expect(ports).toEqual([82, 81]);

    const strategicOnCrd = await kubectl.exec(['patch', 'ro', 'rollouts-demo', '-p', '{"spec":{"replicas":2}}']);
    expect(strategicOnCrd.code).not.toBe(0);
    expect(strategicOnCrd.stderr).toContain('application/strategic-merge-patch+json is not supported by argoproj.io/v1alpha1, Kind=Rollout');

    await kubectl.run(['patch', 'ro', 'rollouts-demo', '--subresource=status', '--type', 'merge', '-p', '{"status":{"phase":"Paused","message":"CanaryPauseStep"}}']);
    expect(await kubectl.run(['get', 'ro', 'rollouts-demo', '-o', 'jsonpath={.status.phase}/{.status.message}'])).toBe('Paused/CanaryPauseStep');
    // A write to the main resource cannot touch status.
    await kubectl.run(['patch', 'ro', 'rollouts-demo', '--type', 'merge', '-p', '{"status":{"phase":"Healthy"}}']);
    expect(await kubectl.run(['get', 'ro', 'rollouts-demo', '-o', 'jsonpath={.status.phase}'])).toBe('Paused');
  });

  it('applies server-side, creating and then updating', async () => {
    const manifest = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ssa\ndata:\n  a: "1"\n';
    expect(await kubectl.run(['apply', '--server-side', '-f', '-'], manifest)).toBe('configmap/ssa serverside-applied\n');
    expect(await kubectl.run(['apply', '--server-side', '-f', '-'], manifest.replace('"1"', '"2"'))).toBe('configmap/ssa serverside-applied\n');
    expect(await kubectl.run(['get', 'cm', 'ssa', '-o', 'jsonpath={.data.a}'])).toBe('2');
  });

  it('dry-runs an apply on the server without storing anything', async () => {
    const out = await kubectl.run(['apply', '--dry-run=server', '-f', '-'], 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: dry\n');
    expect(out).toBe('configmap/dry created (server dry run)\n');
    expect((await kubectl.exec(['get', 'cm', 'dry'])).stderr).toMatch(/configmaps "dry" not found/);
  });

  it('prints objects as yaml, json, name, wide and jsonpath, and filters by label', async () => {
    expect(await kubectl.run(['get', 'ro', 'rollouts-demo', '-o', 'yaml'])).toMatch(/^apiVersion: argoproj.io\/v1alpha1\nkind: Rollout\n/);
    expect(JSON.parse(await kubectl.run(['get', 'svc', 'rollouts-demo', '-o', 'json'])).kind).toBe('Service');
    expect(await kubectl.run(['get', 'ro', '-o', 'name'])).toBe('rollout.argoproj.io/rollouts-demo\n');
    expect((await kubectl.run(['get', 'svc', '-o', 'wide'])).split('\n')[0]).toMatch(/^NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE\s+SELECTOR$/);
    expect(await kubectl.run(['get', 'ro', 'rollouts-demo', '-o', 'jsonpath={.spec.template.spec.containers[0].image}'])).toBe('argoproj/rollouts-demo:blue');
    expect(await kubectl.run(['get', 'rs', '-l', 'app=watched', '-o', 'name'])).toBe('replicaset.apps/watched\n');
    expect((await kubectl.exec(['get', 'rs', '-l', 'app=nothing'])).stderr).toMatch(/No resources found in default namespace/);
  });

  it('describes a rollout', async () => {
    const out = await kubectl.run(['describe', 'ro', 'rollouts-demo']);
    expect(out).toMatch(/^Name:\s+rollouts-demo$/m);
    expect(out).toMatch(/^Namespace:\s+default$/m);
    expect(out).toMatch(/^Kind:\s+Rollout$/m);
  });

  it('cascades a delete to the objects an owner controls', async () => {
    const uid = await kubectl.run(['get', 'rs', 'watched', '-o', 'jsonpath={.metadata.uid}']);
    const pod = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: watched-pod\n  ownerReferences:\n  - {apiVersion: apps/v1, kind: ReplicaSet, name: watched, uid: ${uid}, controller: true}\nspec:\n  containers:\n  - {name: c, image: nginx}\n`;
    await kubectl.run(['create', '-f', '-'], pod);
    expect(await kubectl.run(['delete', 'rs', 'watched'])).toBe('replicaset.apps "watched" deleted\n');
    await server.gc.whenIdle();
    expect((await kubectl.exec(['get', 'pod', 'watched-pod'])).stderr).toMatch(/pods "watched-pod" not found/);
  });

  it('rejects an unknown field under --validate=strict, naming it', async () => {
    const bad = rolloutYaml.replace('name: rollouts-demo\n', 'name: strict-demo\n').replace('      steps:\n', '      stepz: []\n      steps:\n');
    const result = await kubectl.exec(['apply', '--validate=strict', '-f', '-'], { input: bad });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('unknown field "spec.strategy.canary.stepz"');
    expect((await kubectl.exec(['get', 'ro', 'strict-demo'])).code).not.toBe(0);
  });
});

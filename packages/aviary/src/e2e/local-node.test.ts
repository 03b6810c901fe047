// Issue acceptance for the local node: real kubectl drives Deployments, Services, Jobs and logs on the embedded
// cluster, with real processes and real traffic; stopping leaves no process behind and restarting resumes.
import path from 'node:path';
import { requireKubectl } from '@aviary/cluster/testing';
import { describe, expect, it } from 'vitest';
import { useLocalCluster } from './cluster-fixture.js';
import { eventually, processesUnder } from './processes.js';
import { httpGet as get } from './traffic.js';

const linux = process.platform === 'linux';

describe.skipIf(!requireKubectl('local node acceptance') || !linux)('the local node', () => {
  const env = useLocalCluster('aviary-node-');
  const podsDir = () => path.join(env.dataDir, 'pods');
  const jsonpath = (args: string[]) => env.kubectl.run(args);


  it('runs a Deployment of nginx as 3 ready pods with distinct IPs, exposes it, scales it and deletes it', async () => {
    expect(await env.kubectl.run(['create', 'deployment', 'web', '--image=nginx', '--replicas=3'])).toBe('deployment.apps/web created\n');
    const ready = await eventually(
      () => jsonpath(['get', 'pods', '-l', 'app=web', '-o', 'jsonpath={range .items[*]}{.status.podIP} {.status.containerStatuses[0].ready}{"\\n"}{end}']),
      (out) => out.trim().split('\n').filter((l) => l.endsWith(' true')).length === 3,
    );
    const ips = ready.trim().split('\n').map((l) => l.split(' ')[0]);
    expect(new Set(ips).size).toBe(3);
    const wide = await env.kubectl.run(['get', 'pods', '-o', 'wide', '-l', 'app=web']);
    expect(wide.split('\n')[0]).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE/);
    expect(wide.match(/1\/1\s+Running/g)).toHaveLength(3);

    expect(await env.kubectl.run(['expose', 'deployment', 'web', '--port=80'])).toBe('service/web exposed\n');
    const clusterIP = await env.kubectl.run(['get', 'svc', 'web', '-o', 'jsonpath={.spec.clusterIP}']);
    const page = await eventually(() => get(`http://${clusterIP}/`).catch(() => ({ status: 0, body: '' })), (r) => r.status === 200);
    expect(page.body).toContain('Welcome to nginx!');

    const before = processesUnder(podsDir()).length;
    expect(await env.kubectl.run(['scale', 'deployment', 'web', '--replicas=1'])).toBe('deployment.apps/web scaled\n');
    await eventually(() => jsonpath(['get', 'pods', '-l', 'app=web', '-o', 'name']), (out) => out.trim().split('\n').length === 1);
    const after = await eventually(() => processesUnder(podsDir()).length, (n) => n <= before - 2);
    expect(after).toBeLessThanOrEqual(before - 2);

    expect(await env.kubectl.run(['delete', 'deployment', 'web'])).toBe('deployment.apps "web" deleted\n');
    await eventually(() => jsonpath(['get', 'rs,pods', '-l', 'app=web', '-o', 'name']), (out) => out.trim() === '');
    expect(await env.kubectl.run(['get', 'rs,pods', '-l', 'app=web', '-o', 'name'])).toBe('');
    expect(await eventually(() => processesUnder(podsDir()).length, (n) => n === 0)).toBe(0);
  });

  it('splits Service traffic by pod count: 4 blue and 1 yellow give yellow 20% ± 4% of 1,000 requests', async () => {
    const deployment = (color: string, replicas: number) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${color}}\nspec:\n  replicas: ${replicas}\n  selector: {matchLabels: {app: demo, color: ${color}}}\n  template:\n    metadata: {labels: {app: demo, color: ${color}}}\n    spec:\n      containers:\n      - name: demo\n        image: argoproj/rollouts-demo:${color}\n        ports: [{name: http, containerPort: 8080}]\n`;
    const service = 'apiVersion: v1\nkind: Service\nmetadata: {name: demo}\nspec:\n  selector: {app: demo}\n  ports: [{port: 80, targetPort: http}]\n';
    await env.kubectl.run(['apply', '-f', '-'], [deployment('blue', 4), deployment('yellow', 1), service].join('---\n'));
    await eventually(
      () => jsonpath(['get', 'endpoints', 'demo', '-o', 'jsonpath={range .subsets[*].addresses[*]}{.ip}{"\\n"}{end}']),
      (out) => out.trim().split('\n').filter(Boolean).length === 5,
      30_000,
    );
    const clusterIP = await env.kubectl.run(['get', 'svc', 'demo', '-o', 'jsonpath={.spec.clusterIP}']);
    const counts = new Map<string, number>();
    for (let i = 0; i < 1000; i++) {
      const { body } = await get(`http://${clusterIP}/color`);
      counts.set(body, (counts.get(body) ?? 0) + 1);
    }
    const yellow = counts.get('"yellow"') ?? 0;
    expect(yellow + (counts.get('"blue"') ?? 0)).toBe(1000);
    expect(yellow).toBeGreaterThanOrEqual(160);
    expect(yellow).toBeLessThanOrEqual(240);
    await env.kubectl.run(['delete', 'deployment', 'blue', 'yellow']);
    await env.kubectl.run(['delete', 'service', 'demo']);
  }, 90_000);

  it('keeps a pod whose readiness probe fails out of Service traffic, and counts restarts of an exiting container', async () => {
    const manifest = `apiVersion: v1
kind: Pod
metadata: {name: unready, labels: {app: probe}}
spec:
  containers:
  - name: web
    image: argoproj/rollouts-demo:blue
    ports: [{name: http, containerPort: 8080}]
    readinessProbe: {httpGet: {path: /nothing-here, port: 8081}, periodSeconds: 1, failureThreshold: 1}
---
apiVersion: v1
kind: Service
metadata: {name: probe}
spec:
  selector: {app: probe}
  ports: [{port: 80, targetPort: http}]
---
apiVersion: v1
kind: Pod
metadata: {name: crasher}
spec:
  restartPolicy: Always
  containers:
  - name: main
    image: busybox
    command: [sh, -c, "echo starting; sleep 0.2; exit 3"]
`;
    await env.kubectl.run(['apply', '-f', '-'], manifest);
    const running = await eventually(() => jsonpath(['get', 'pod', 'unready', '-o', 'jsonpath={.status.phase}/{.status.containerStatuses[0].ready}']), (s) => s === 'Running/false');
    expect(running).toBe('Running/false');
    const endpoints = await eventually(
      () => jsonpath(['get', 'endpoints', 'probe', '-o', 'jsonpath={.subsets[0].notReadyAddresses[0].ip}|{.subsets[0].addresses}']),
      (s) => s.length > 1 && s.endsWith('|'),
    );
    expect(endpoints).toMatch(/^127\.\d+\.\d+\.\d+\|$/);

    const restarts = await eventually(() => jsonpath(['get', 'pod', 'crasher', '-o', 'jsonpath={.status.containerStatuses[0].restartCount}']), (n) => Number(n) >= 1, 30_000);
    expect(Number(restarts)).toBeGreaterThanOrEqual(1);
    const table = await env.kubectl.run(['get', 'pod', 'crasher']);
    // Between restarts the container may be running again (1/1) or waiting; the RESTARTS column is the point.
    expect(table).toMatch(/crasher\s+[01]\/1\s+(Error|CrashLoopBackOff|Completed|Running)\s+[1-9]/);
    await env.kubectl.run(['delete', 'pod', 'unready', 'crasher', '--grace-period=1']);
    await env.kubectl.run(['delete', 'service', 'probe']);
  }, 60_000);

  it('shows container output in kubectl logs, and fails a Job whose pod exits 1 with backoffLimit 1', async () => {
    const job = `apiVersion: batch/v1
kind: Job
metadata: {name: failing}
spec:
  backoffLimit: 1
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: main
        image: busybox
        command: [sh, -c, "echo about to fail; exit 1"]
`;
    await env.kubectl.run(['apply', '-f', '-'], job);
    const condition = await eventually(
      () => jsonpath(['get', 'job', 'failing', '-o', 'jsonpath={.status.conditions[?(@.type=="Failed")].status}/{.status.conditions[?(@.type=="Failed")].reason}']),
      (s) => s === 'True/BackoffLimitExceeded',
      45_000,
    );
    expect(condition).toBe('True/BackoffLimitExceeded');
    const pod = (await env.kubectl.run(['get', 'pods', '-l', 'job-name=failing', '-o', 'jsonpath={.items[0].metadata.name}'])).trim();
    expect(await env.kubectl.run(['logs', pod])).toBe('about to fail\n');
  }, 60_000);
});

// Issue acceptance for the Rollout controller, end to end: the blue-green walkthrough of the user documents (seed
// 000): preview serves the new version while active keeps the old one, promote switches active, and the old pods
// are gone after the default 30 s scale-down delay.
import { requireKubectl } from '@aviary/cluster/testing';
import { describe, expect, it } from 'vitest';
import { useLocalCluster } from './cluster-fixture.js';
import { eventually } from './processes.js';
import { httpGet } from './traffic.js';

const linux = process.platform === 'linux';

const manifest = `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata:
  labels: {app: bluegreen-demo}
  name: bluegreen-demo
spec:
  replicas: 5
  selector:
    matchLabels: {app: bluegreen-demo}
  strategy:
    blueGreen:
      activeService: bluegreen-active
      previewService: bluegreen-preview
      autoPromotionEnabled: false
  template:
    metadata:
      labels: {app: bluegreen-demo}
    spec:
      containers:
      - image: jocatalin/kubernetes-bootcamp:v1
        name: kubernetes-bootcamp
---
apiVersion: v1
kind: Service
metadata: {name: bluegreen-active}
spec:
  selector: {app: bluegreen-demo}
  ports: [{port: 80, targetPort: 8080}]
---
apiVersion: v1
kind: Service
metadata: {name: bluegreen-preview}
spec:
  selector: {app: bluegreen-demo}
  ports: [{port: 80, targetPort: 8080}]
`;

describe.skipIf(!requireKubectl('blue-green walkthrough') || !linux)('the blue-green walkthrough of the user documents', () => {
  const env = useLocalCluster('aviary-bluegreen-');

  const state = () => env.kubectl.run(['get', 'ro', 'bluegreen-demo', '-o', 'jsonpath={.status.phase}|{.status.message}']);
  const versionBehind = async (service: string) => {
    const ip = await env.kubectl.run(['get', 'svc', service, '-o', 'jsonpath={.spec.clusterIP}']);
    const answers = new Set<string>();
    for (let i = 0; i < 20; i++) answers.add(/v=(\d+)/.exec((await httpGet(`http://${ip}/`)).body)?.[1] ?? '?');
    return [...answers].sort().join(',');
  };
  const podCount = (version: string) =>
    env.kubectl
      .run(['get', 'pods', '-l', 'app=bluegreen-demo', '-o', 'jsonpath={range .items[*]}{.spec.containers[0].image}{"\\n"}{end}'])
      .then((out) => out.split('\n').filter((image) => image.endsWith(`:${version}`)).length);


  it('previews v2 beside active v1, switches active on promote, and removes v1 after the scale-down delay', async () => {
    // Given the rollout and its two Services, healthy on v1
    await env.kubectl.run(['apply', '-f', '-'], manifest);
    expect(await eventually(state, (s) => s === 'Healthy|', 90_000)).toBe('Healthy|');
    expect(await eventually(() => versionBehind('bluegreen-active'), (v) => v === '1')).toBe('1');

    // When the image is changed to v2, then preview serves v2 while active stays on v1, paused for promotion
    await env.kubectl.run(['patch', 'ro', 'bluegreen-demo', '--type', 'json', '-p', '[{"op":"replace","path":"/spec/template/spec/containers/0/image","value":"jocatalin/kubernetes-bootcamp:v2"}]']);
    expect(await eventually(state, (s) => s === 'Paused|BlueGreenPause', 60_000)).toBe('Paused|BlueGreenPause');
    expect(await eventually(() => podCount('v2'), (n) => n === 5, 60_000)).toBe(5);
    expect(await podCount('v1')).toBe(5);
    expect(await eventually(() => versionBehind('bluegreen-preview'), (v) => v === '2')).toBe('2');
    expect(await versionBehind('bluegreen-active')).toBe('1');

    // When promoted, then active switches to v2 at once, and v1's pods go after the 30 s scale-down delay
    await env.kubectl.run(['patch', 'ro', 'bluegreen-demo', '--subresource=status', '--type', 'merge', '-p', '{"status":{"pauseConditions":null}}']);
    expect(await eventually(() => versionBehind('bluegreen-active'), (v) => v === '2', 20_000)).toBe('2');
    expect(await eventually(state, (s) => s === 'Healthy|', 20_000)).toBe('Healthy|');
    expect(await podCount('v1')).toBe(5); // still up during the scale-down delay
    expect(await eventually(() => podCount('v1'), (n) => n === 0, 60_000)).toBe(0);
    expect(await podCount('v2')).toBe(5);
  }, 300_000);
});

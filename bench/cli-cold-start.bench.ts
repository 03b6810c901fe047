// Plugin cold start: wall time of `kubectl-argo-rollouts get rollout X` as a fresh process (the compiled binary)
// against the embedded API server in its own process, 20 runs; goal ≤ 400 ms. Also `version` (no cluster) and bare Node.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startProcess, stopProcess } from './support/child-process.js';
import type { BenchResult } from './types.js';

const RUNS = 20;
const GOAL_MS = 400;
const bin = 'packages/rollouts/bin/kubectl-argo-rollouts.js';

const rolloutYaml = `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata:
  name: rollouts-demo
spec:
  replicas: 5
  selector:
    matchLabels:
      app: rollouts-demo
  template:
    metadata:
      labels:
        app: rollouts-demo
    spec:
      containers:
        - name: rollouts-demo
          image: argoproj/rollouts-demo:blue
  strategy:
    canary:
      steps:
        - setWeight: 20
        - pause: {}
`;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/**
 * Wall times of `runs` fresh processes (sorted), and their CPU times (user + system, sorted) as /usr/bin/time
 * reports them: CPU time is what the process itself costs, wall time also waits for a busy machine.
 */
function timeRuns(args: string[], env: NodeJS.ProcessEnv, runs: number): { wall: number[]; cpu: number[] } {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const result = spawnSync('/usr/bin/time', ['-f', 'cpu %U %S', process.execPath, ...args], { env, encoding: 'utf8' });
    wall.push(performance.now() - started);
    if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
    const match = /cpu (\S+) (\S+)\s*$/.exec(result.stderr);
    if (match) cpu.push((Number(match[1]) + Number(match[2])) * 1000);
  }
  return { wall: wall.sort((a, b) => a - b), cpu: cpu.sort((a, b) => a - b) };
}

export async function run(): Promise<BenchResult> {
  const build = spawnSync('npx', ['tsc', '-b', 'packages/rollouts'], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`tsc -b failed:\n${build.stdout}${build.stderr}`);
  const dataDir = mkdtempSync(join(tmpdir(), 'aviary-cli-bench-'));
  const { child } = await startProcess(process.execPath, ['--conditions=source', '--import', 'tsx', 'bench/support/apiserver-main.ts', dataDir], /listening (\S+) (\d+)/);
  try {
    const env = { ...process.env, KUBECONFIG: join(dataDir, 'kubeconfig') };
    const manifest = join(dataDir, 'rollout.yaml');
    writeFileSync(manifest, rolloutYaml);
    timeRuns([bin, 'create', '-f', manifest], env, 1);
    timeRuns([bin, 'get', 'rollout', 'rollouts-demo'], env, 2); // warm the OS file cache
    const get = timeRuns([bin, 'get', 'rollout', 'rollouts-demo'], env, RUNS);
    const version = timeRuns([bin, 'version'], env, RUNS);
    const node = timeRuns(['-e', '0'], env, RUNS);
    const median = percentile(get.wall, 50);
    const load = loadavg()[0] ?? 0;
    return {
      title: `CLI cold start: kubectl-argo-rollouts get rollout (${RUNS} fresh processes, embedded API server over HTTPS)`,
      figures: [
        { label: 'get rollout median', value: median, unit: 'ms' },
        { label: 'get rollout p90', value: percentile(get.wall, 90), unit: 'ms' },
        { label: 'get rollout CPU (user+sys) median', value: percentile(get.cpu, 50), unit: 'ms' },
        { label: 'version median (no cluster)', value: percentile(version.wall, 50), unit: 'ms' },
        { label: 'node -e 0 median (the floor)', value: percentile(node.wall, 50), unit: 'ms' },
        { label: 'node -e 0 CPU median', value: percentile(node.cpu, 50), unit: 'ms' },
      ],
      notes: [
        `goal ≤ ${GOAL_MS} ms: median is ${(median / GOAL_MS).toFixed(2)}× the goal (${median <= GOAL_MS ? 'meets goal' : 'ABOVE GOAL'})`,
        `get rollout runs (ms): ${get.wall.map((t) => t.toFixed(0)).join(', ')}`,
        `machine load average at the end: ${load.toFixed(1)} on ${cpus().length} cores`,
      ],
    };
  } finally {
    await stopProcess(child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

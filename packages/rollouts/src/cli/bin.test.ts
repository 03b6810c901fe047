// The compiled plugin binary, run as a process: directly, and through kubectl's plugin mechanism.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/kubectl-argo-rollouts.js', import.meta.url));
const compiled = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const kubectl = process.env['AVIARY_KUBECTL'] ?? '/usr/lib/google-cloud-sdk/bin/kubectl.1.32';
const ci = process.env['CI'] === 'true';
const versionLine = /^kubectl-argo-rollouts: v\d+\.\d+\.\d+\+aviary\n/;

/** Skips with a printed reason on a laptop without the prerequisite; fails under CI=true. */
function requirement(present: boolean, reason: string): boolean {
  if (present) return true;
  if (ci) throw new Error(`${reason} (required under CI=true)`);
  console.log(`skipping: ${reason}`);
  return false;
}

const haveDist = requirement(fs.existsSync(compiled), `${compiled} is missing (run npx tsc -b)`);
const haveKubectl = haveDist && requirement(fs.existsSync(kubectl), `kubectl not found at ${kubectl}`);

// kubectl finds plugins by exact file name on PATH, as node_modules/.bin names the npm bin link.
const pathDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aviary-plugin-path-'));
fs.symlinkSync(bin, path.join(pathDir, 'kubectl-argo-rollouts'));
afterAll(() => fs.rmSync(pathDir, { recursive: true, force: true }));

describe('kubectl-argo-rollouts binary', () => {
  it.runIf(haveDist)('prints its version and exits 0', () => {
    const result = spawnSync(process.execPath, [bin, 'version'], { encoding: 'utf8', timeout: 20_000 });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(versionLine);
    expect(result.stderr).toBe('');
  });

  it.runIf(haveDist)('prints a user error without a stack trace and exits 1', () => {
    const result = spawnSync(process.execPath, [bin, 'get', 'rollout', 'x', '--kubeconfig', path.join(pathDir, 'missing')], { encoding: 'utf8', timeout: 20_000 });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^Error: no Kubernetes configuration found/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it.runIf(haveKubectl)('runs as `kubectl argo rollouts version` with its folder on PATH', () => {
    const result = spawnSync(kubectl, ['argo', 'rollouts', 'version'], {
      encoding: 'utf8',
      timeout: 20_000,
      env: { ...process.env, PATH: `${pathDir}${path.delimiter}${path.dirname(process.execPath)}${path.delimiter}${process.env['PATH'] ?? ''}` },
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(versionLine);
  });

  it.runIf(haveDist)('the bash completion script completes commands and flags through the binary', () => {
    const script = spawnSync(process.execPath, [bin, 'completion', 'bash'], { encoding: 'utf8' }).stdout;
    const result = spawnSync(
      'bash',
      ['-c', `${script}\nCOMP_WORDS=(kubectl-argo-rollouts pro); COMP_CWORD=1; _kubectl_argo_rollouts; echo "\${COMPREPLY[*]}"\nCOMP_WORDS=(kubectl-argo-rollouts get rollout --no); COMP_CWORD=3; _kubectl_argo_rollouts; echo "\${COMPREPLY[*]}"`],
      { encoding: 'utf8', timeout: 20_000, env: { ...process.env, PATH: `${pathDir}${path.delimiter}${path.dirname(process.execPath)}${path.delimiter}${process.env['PATH'] ?? ''}` } },
    );
    expect(result.stdout).toBe('promote\n--no-color\n');
  });
});

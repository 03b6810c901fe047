// Real kubectl for end-to-end tests: locating it (skip on a laptop without it, fail under CI=true), running
// commands with an isolated HOME, and following `-w` output.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The machine's kubectl 1.32 (the dispatcher's bundled client, called directly for determinism). */
export const kubectlPath = process.env.AVIARY_KUBECTL ?? '/usr/lib/google-cloud-sdk/bin/kubectl.1.32';

/** Whether kubectl exists; when it does not, warns (laptop) or throws (CI=true) so the suite can skip or fail. */
export function requireKubectl(suite: string): boolean {
  if (fs.existsSync(kubectlPath)) return true;
  if (process.env.CI === 'true') throw new Error(`${suite}: ${kubectlPath} is missing, and CI=true requires it`);
  console.warn(`skipping ${suite}: ${kubectlPath} is not installed`);
  return false;
}

export interface KubectlResult {
  stdout: string;
  stderr: string;
  code: number;
}

/** A kubectl bound to one kubeconfig, with its own HOME so discovery and HTTP caches never leak between runs. */
export class Kubectl {
  readonly home = fs.mkdtempSync(path.join(os.tmpdir(), 'aviary-kubectl-home-'));

  constructor(private readonly kubeconfigPath: string) {}

  env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    return { ...process.env, HOME: this.home, KUBECONFIG: this.kubeconfigPath, ...extra };
  }

  /** Runs kubectl; never throws for a non-zero exit (the result carries the code and stderr). */
  exec(args: readonly string[], options: { input?: string; env?: Record<string, string>; timeoutMs?: number } = {}): Promise<KubectlResult> {
    return new Promise((resolve) => {
      const child = execFile(kubectlPath, [...args], { env: this.env(options.env), timeout: options.timeoutMs ?? 20_000, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
        const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? ((err as { code: number }).code) : 1) : 0;
        resolve({ stdout, stderr, code });
      });
      child.stdin?.end(options.input ?? '');
    });
  }

  /** Runs kubectl and returns stdout; throws with stderr when it exits non-zero. */
  async run(args: readonly string[], input?: string, env?: Record<string, string>): Promise<string> {
    const result = await this.exec(args, { ...(input === undefined ? {} : { input }), ...(env ? { env } : {}) });
    if (result.code !== 0) throw new Error(`kubectl ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
    return result.stdout;
  }

  /** Starts a long-running kubectl (e.g. `get -w`) whose output can be waited on. */
  follow(args: readonly string[]): FollowedCommand {
    return new FollowedCommand(spawn(kubectlPath, [...args], { env: this.env() }));
  }

  cleanup(): void {
    fs.rmSync(this.home, { recursive: true, force: true });
  }
}

/** A running command whose stdout is collected; `waitFor` resolves when a pattern appears. */
export class FollowedCommand {
  output = '';
  private readonly waiters = new Set<() => void>();

  constructor(readonly child: ChildProcess) {
    const append = (chunk: Buffer) => {
      this.output += chunk.toString();
      for (const check of [...this.waiters]) check();
    };
    child.stdout?.on('data', append);
    child.stderr?.on('data', append);
  }

  waitFor(pattern: string | RegExp, timeoutMs = 10_000): Promise<void> {
    const matches = () => (typeof pattern === 'string' ? this.output.includes(pattern) : pattern.test(this.output));
    return new Promise((resolve, reject) => {
      if (matches()) return resolve();
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`did not see ${String(pattern)} within ${timeoutMs} ms; output so far:\n${this.output}`));
      }, timeoutMs);
      const check = () => {
        if (!matches()) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve();
      };
      this.waiters.add(check);
    });
  }

  stop(): void {
    this.child.kill('SIGTERM');
  }
}

// relaunch: which invocations start again with the Node options `aviary up` needs, and that the child carries on.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { missingNodeFlags, NO_RELAUNCH_ENV, UP_NODE_FLAGS } from './relaunch.js';

describe('missingNodeFlags', () => {
  it('asks for the pool size for up only, unless it was given or relaunching is off', () => {
    expect(missingNodeFlags(['up', '--demo'], [], {})).toEqual([...UP_NODE_FLAGS]);
    expect(missingNodeFlags(['controller'], [], {})).toEqual([]);
    expect(missingNodeFlags(['up', '--help'], [], {})).toEqual([]);
    expect(missingNodeFlags([], [], {})).toEqual([]);
    expect(missingNodeFlags(['up'], ['--v8-pool-size=4'], {})).toEqual([]);
    expect(missingNodeFlags(['up'], [], { NODE_OPTIONS: '--max-old-space-size=900 --v8-pool-size=2' })).toEqual([]);
    expect(missingNodeFlags(['up'], [], { [NO_RELAUNCH_ENV]: '1' })).toEqual([]);
    expect(missingNodeFlags(['up'], [], {}, 'win32')).toEqual([]);
    expect(missingNodeFlags(['up'], [], {}, 'darwin')).toEqual([...UP_NODE_FLAGS]);
  });
});

/** Starts a stand-in for the bin (it relaunches; the child reports its options and pid, then waits for SIGINT). */
async function startStandIn(dir: string) {
  const script = join(dir, 'bin.mjs');
  const relaunchModule = new URL('./relaunch.ts', import.meta.url).href;
  writeFileSync(
    script,
    `import { relaunchIfNeeded, stopWhenParentGoes } from ${JSON.stringify(relaunchModule)};
if (!(await relaunchIfNeeded(import.meta.filename, process.argv.slice(2)))) {
  stopWhenParentGoes();
  let signals = 0;
  process.on('SIGINT', () => { signals++; setTimeout(() => process.exit(signals === 1 ? 7 : 9), 100); });
  process.stdout.write('child ' + process.execArgv.filter((a) => a.startsWith('--v8')).join(' ') + ' pid ' + process.pid + '\\n');
  setInterval(() => {}, 1000);
}
`,
  );
  const parent = spawn(process.execPath, ['--import', 'tsx', script, 'up'], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, [NO_RELAUNCH_ENV]: '' } });
  let out = '';
  parent.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  await expect.poll(() => out, { timeout: 15_000 }).toMatch(/pid \d+/);
  return { parent, out, childPid: Number(/pid (\d+)/.exec(out)![1]) };
}

const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('relaunchIfNeeded', () => {
  it('runs the command again with the flags, passes a signal on once, and exits with the child\'s code', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aviary-relaunch-'));
    try {
      const { parent, out } = await startStandIn(dir);
      expect(out).toContain(`child ${UP_NODE_FLAGS.join(' ')} pid`);
      parent.kill('SIGINT');
      const code = await new Promise<number | null>((resolve) => parent.once('exit', resolve));
      expect(code).toBe(7); // the child saw SIGINT exactly once
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves no child behind when the parent is killed outright', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aviary-relaunch-'));
    try {
      const { parent, childPid } = await startStandIn(dir);
      expect(isRunning(childPid)).toBe(true);
      parent.kill('SIGKILL');
      await expect.poll(() => isRunning(childPid), { timeout: 10_000 }).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

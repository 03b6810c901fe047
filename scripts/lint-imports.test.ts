// Proves the import rules fire: a controller package importing `cluster`, and an import cycle, are reported.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '..');
const depcruise = join(repo, 'node_modules', '.bin', 'depcruise');

/** Runs dependency-cruiser with the project's rules over a scratch tree; returns its output and exit code. */
function cruise(tree: string): { output: string; code: number } {
  try {
    const output = execFileSync(depcruise, ['packages', '--config', '.dependency-cruiser.cjs', '--output-type', 'err'], {
      cwd: tree,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { output, code: 0 };
  } catch (err: unknown) {
    const failure = err as { stdout?: string; stderr?: string; status?: number };
    return { output: `${failure.stdout ?? ''}${failure.stderr ?? ''}`, code: failure.status ?? 1 };
  }
}

function writeFiles(tree: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(tree, path)), { recursive: true });
    writeFileSync(join(tree, path), text);
  }
}

describe('npm run lint:imports', () => {
  let tree: string;

  beforeAll(() => {
    tree = mkdtempSync(join(tmpdir(), 'aviary-lint-'));
    cpSync(join(repo, '.dependency-cruiser.cjs'), join(tree, '.dependency-cruiser.cjs'));
    cpSync(join(repo, 'tsconfig.base.json'), join(tree, 'tsconfig.base.json'));
  });
  afterAll(() => rmSync(tree, { recursive: true, force: true }));

  it('passes on the real tree', () => {
    const result = cruise(repo);
    expect(result.output).not.toMatch(/error/);
    expect(result.code).toBe(0);
  });

  it('reports a controller package importing the embedded cluster', () => {
    writeFiles(tree, {
      'packages/cluster/src/api-server.ts': 'export const apiServer = 1;\n',
      'packages/rollouts/src/controller.ts': "import { apiServer } from '../../cluster/src/api-server.js';\nexport const x = apiServer;\n",
    });
    const result = cruise(tree);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('arrows-rollouts');
    expect(result.output).toContain('packages/rollouts/src/controller.ts');
    rmSync(join(tree, 'packages'), { recursive: true, force: true });
  });

  it('reports the cluster package importing a controller package', () => {
    writeFiles(tree, {
      'packages/workflows/src/engine.ts': 'export const engine = 1;\n',
      'packages/cluster/src/kubelet.ts': "import { engine } from '../../workflows/src/engine.js';\nexport const y = engine;\n",
    });
    const result = cruise(tree);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('arrows-cluster');
    rmSync(join(tree, 'packages'), { recursive: true, force: true });
  });

  it('reports an import cycle', () => {
    writeFiles(tree, {
      'packages/kube/src/a.ts': "import { b } from './b.js';\nexport const a = () => b;\n",
      'packages/kube/src/b.ts': "import { a } from './a.js';\nexport const b = () => a;\n",
    });
    const result = cruise(tree);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('no-circular');
    rmSync(join(tree, 'packages'), { recursive: true, force: true });
  });
});

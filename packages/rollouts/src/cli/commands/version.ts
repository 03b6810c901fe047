// `version [--short]`: `kubectl-argo-rollouts: v<version>+aviary` and the build lines upstream prints, each with
// what a Node build can honestly tell: the build time of the compiled CLI, the checkout's commit, the Node runtime.
// Upstream: pkg/kubectl-argo-rollouts/cmd/version/version.go.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { boolFlag } from '../command-args.js';
import type { Invocation } from '../command-spec.js';
import type { CommandIo } from '../io.js';

export interface VersionInfo {
  version: string;
  buildDate: string;
  gitCommit: string;
  gitTreeState: string;
  nodeVersion: string;
  compiler: string;
  platform: string;
}

/** This file's folder: …/packages/rollouts/{src,dist}/cli/commands. */
const here = path.dirname(fileURLToPath(import.meta.url));
const packageRoot = path.resolve(here, '..', '..', '..');

function readPackageVersion(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** The commit of the git checkout the package sits in (HEAD, through a branch ref or packed-refs), or `unknown`. */
function readGitCommit(): string {
  let dir = packageRoot;
  for (let depth = 0; depth < 4; depth++, dir = path.dirname(dir)) {
    const gitDir = path.join(dir, '.git');
    try {
      if (!fs.statSync(gitDir).isDirectory()) continue;
      const head = fs.readFileSync(path.join(gitDir, 'HEAD'), 'utf8').trim();
      if (!head.startsWith('ref: ')) return head;
      const ref = head.slice(5);
      const loose = path.join(gitDir, ref);
      if (fs.existsSync(loose)) return fs.readFileSync(loose, 'utf8').trim();
      const packed = fs.readFileSync(path.join(gitDir, 'packed-refs'), 'utf8');
      return packed.split('\n').find((line) => line.endsWith(` ${ref}`))?.split(' ')[0] ?? 'unknown';
    } catch {
      continue;
    }
  }
  return 'unknown';
}

/** Go's GOOS/GOARCH spelling of this platform: linux/amd64. */
function goPlatform(): string {
  const arch: Record<string, string> = { x64: 'amd64', ia32: '386', arm64: 'arm64', arm: 'arm' };
  return `${process.platform === 'win32' ? 'windows' : process.platform}/${arch[process.arch] ?? process.arch}`;
}

/** The UTC time the running CLI module was compiled (its file's modification time), whole seconds. */
function readBuildDate(): string {
  try {
    const ms = fs.statSync(fileURLToPath(import.meta.url)).mtimeMs;
    return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
  } catch {
    return 'unknown';
  }
}

export function readVersionInfo(): VersionInfo {
  return {
    version: `v${readPackageVersion()}+aviary`,
    buildDate: readBuildDate(),
    gitCommit: readGitCommit(),
    // Not recorded at build time, so not claimed.
    gitTreeState: 'unknown',
    nodeVersion: process.version,
    compiler: 'tsc',
    platform: goPlatform(),
  };
}

export function renderVersion(info: VersionInfo, options: { short?: boolean } = {}): string {
  let out = `kubectl-argo-rollouts: ${info.version}\n`;
  if (options.short) return out;
  out += `  BuildDate: ${info.buildDate}\n`;
  out += `  GitCommit: ${info.gitCommit}\n`;
  out += `  GitTreeState: ${info.gitTreeState}\n`;
  out += `  NodeVersion: ${info.nodeVersion}\n`;
  out += `  Compiler: ${info.compiler}\n`;
  out += `  Platform: ${info.platform}\n`;
  return out;
}

export function runVersion(io: Pick<CommandIo, 'stdout'>, options: { short?: boolean } = {}): number {
  io.stdout.write(renderVersion(readVersionInfo(), options));
  return 0;
}

export function execute(invocation: Invocation): Promise<number> {
  return Promise.resolve(runVersion(invocation.io, { short: boolFlag(invocation, 'short') }));
}

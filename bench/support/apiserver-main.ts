// The embedded API server as its own process for benchmarks: prints its URL and pid once listening.
// With AVIARY_CPU_PROF=<dir>, each SIGUSR2 starts or stops a V8 CPU profile; a stopped one is written to
// <dir>/apiserver-<pid>-<n>.cpuprofile (the benchmark brackets its phases with the signal).
// Imported by package name: the benchmark starts this file without the `source` condition, so the server is
// the compiled build (packages/cluster/dist) that `aviary` runs, not the sources through tsx.
import { startApiServer } from '@aviary/cluster';
import { startCpuProfile, type CpuProfile } from './cpu-profiler.js';

const dataDir = process.argv[2] ?? '.';
const server = await startApiServer({ dataDir, port: 0 });
const profileDir = process.env.AVIARY_CPU_PROF;
if (profileDir) {
  let profile: Promise<CpuProfile> | undefined;
  let count = 0;
  process.on('SIGUSR2', () => {
    if (profile === undefined) {
      profile = startCpuProfile({ dir: profileDir, name: `apiserver-${process.pid}-${++count}` });
      return;
    }
    const stopping = profile;
    profile = undefined;
    void stopping.then((p) => p.stop()).then((path) => process.stderr.write(`cpu profile written to ${path}\n`));
  });
}
process.stdout.write(`listening ${server.url} ${process.pid}\n`);
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));

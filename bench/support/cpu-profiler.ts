// A V8 CPU profile of the current process through the inspector, written as a .cpuprofile file on stop().
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';

export interface CpuProfile {
  /** Stops profiling and writes the profile; resolves with the file's path. */
  stop(): Promise<string>;
}

function post<T>(session: Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) => {
    session.post(method, params ?? {}, (err, result) => (err ? reject(err) : resolve(result as T)));
  });
}

/** Starts sampling (every `intervalUs`, default 250 µs). */
export async function startCpuProfile(options: { dir: string; name: string; intervalUs?: number }): Promise<CpuProfile> {
  const session = new Session();
  session.connect();
  await post(session, 'Profiler.enable');
  await post(session, 'Profiler.setSamplingInterval', { interval: options.intervalUs ?? 250 });
  await post(session, 'Profiler.start');
  return {
    async stop() {
      const { profile } = await post<{ profile: { startTime: number } & Record<string, unknown> }>(session, 'Profiler.stop');
      // The profile's clock is monotonic (µs); the wall-clock time of its start lets samples be matched to events.
      profile.wallStartMs = Date.now() - (Number(process.hrtime.bigint() / 1000n) - profile.startTime) / 1000;
      session.disconnect();
      mkdirSync(options.dir, { recursive: true });
      const path = join(options.dir, `${options.name}.cpuprofile`);
      writeFileSync(path, JSON.stringify(profile));
      return path;
    },
  };
}

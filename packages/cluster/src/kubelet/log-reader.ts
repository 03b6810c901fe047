// readLogs: a container's log as `kubectl logs` shows it (container, previous, tail, since, timestamps, limit, follow).
//
// Reads `<podDir>/logs/<container>/<restartCount>.log` (CRI format, written by the runtime, or kept in memory for a
// simulated container). Errors are ApiErrors with upstream's wording and codes, so the pods/log route can answer
// with their Status.
import { watch, type FSWatcher } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { ApiError, type Clock, type ContainerStatus, type DeepReadonly, type Pod } from '@aviary/kube';
import type { MemoryLogs } from '../runtime/index.js';
import { containerLogPath } from './container-start.js';
import { LogTextFormatter, parseCriLogLine, splitCompleteLines, type CriLogEntry } from './cri-log-parser.js';

export interface ReadLogsOptions {
  readonly namespace: string;
  readonly pod: string;
  /** Required when the pod has more than one container. */
  readonly container?: string;
  /** Keep streaming until this run of the container ends (or the pod goes). */
  readonly follow?: boolean;
  readonly tailLines?: number;
  /** The previous run's log (after a restart). */
  readonly previous?: boolean;
  /** Keep each line's RFC 3339 timestamp. */
  readonly timestamps?: boolean;
  readonly sinceSeconds?: number;
  /** RFC 3339; the later of this and sinceSeconds applies. */
  readonly sinceTime?: string;
  readonly limitBytes?: number;
}

/** What the reader needs from the kubelet. */
export interface LogSource {
  readonly clock: Clock;
  readonly podsDir: string;
  /** Logs kept in memory (simulated containers'), looked at before the files. */
  readonly memoryLogs?: MemoryLogs;
  findPod(namespace: string, name: string): DeepReadonly<Pod> | undefined;
  /** The current run count of a container, when the kubelet runs the pod. */
  currentRestartCount(podUid: string, container: string): number | undefined;
  /** Resolves when that run of the container ended or the pod is gone (at once when it does not run). */
  waitForRunEnd(podUid: string, container: string, restartCount: number): Promise<void>;
}

/** How often a follower looks at the file when no change notification arrives. */
const FOLLOW_POLL_MS = 1000;

function badRequest(message: string): ApiError {
  return new ApiError({ apiVersion: 'v1', kind: 'Status', status: 'Failure', code: 400, reason: 'BadRequest', message });
}

function podNotFound(name: string): ApiError {
  return new ApiError({ apiVersion: 'v1', kind: 'Status', status: 'Failure', code: 404, reason: 'NotFound', message: `pods "${name}" not found`, details: { name, kind: 'pods' } });
}

/** Picks the container (upstream pod log REST validation). */
export function selectLogContainer(pod: DeepReadonly<Pod>, requested: string | undefined): string {
  const name = pod.metadata?.name ?? '';
  const containers = (pod.spec?.containers ?? []).map((c) => c.name);
  const inits = (pod.spec?.initContainers ?? []).map((c) => c.name);
  if (requested === undefined || requested === '') {
    if (containers.length === 1 && containers[0] !== undefined) return containers[0];
    const initText = inits.length > 0 ? ` or one of the init containers: [${inits.join(' ')}]` : '';
    throw badRequest(`a container name must be specified for pod ${name}, choose one of: [${containers.join(' ')}]${initText}`);
  }
  if (!containers.includes(requested) && !inits.includes(requested)) throw badRequest(`container ${requested} is not valid for pod ${name}`);
  return requested;
}

function findContainerStatus(pod: DeepReadonly<Pod>, container: string): DeepReadonly<ContainerStatus> | undefined {
  return [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])].find((s) => s.name === container);
}

/** A run's log: its path, and its text when it is kept in memory rather than in the file. */
interface LogLocation {
  readonly path: string;
  readonly inMemory: string | undefined;
}

async function findLog(source: LogSource, podDir: string, path: string): Promise<LogLocation | undefined> {
  const inMemory = source.memoryLogs?.read(podDir, path);
  if (inMemory !== undefined) return { path, inMemory };
  return (await fileExists(path)) ? { path, inMemory: undefined } : undefined;
}

async function fileExists(path: string): Promise<boolean> {
  try {
    await (await open(path, 'r')).close();
    return true;
  } catch {
    return false;
  }
}

function sinceThresholdMs(options: ReadLogsOptions, clock: Clock): number | undefined {
  const candidates: number[] = [];
  if (options.sinceSeconds !== undefined) candidates.push(clock.now() - options.sinceSeconds * 1000);
  if (options.sinceTime !== undefined) {
    const parsed = Date.parse(options.sinceTime);
    if (!Number.isNaN(parsed)) candidates.push(parsed);
  }
  return candidates.length === 0 ? undefined : Math.max(...candidates);
}

/** Groups entries into logical lines (P pieces with their closing F) and keeps the last `count`. */
function tailEntries(entries: readonly CriLogEntry[], count: number): CriLogEntry[] {
  const lines: CriLogEntry[][] = [];
  let current: CriLogEntry[] = [];
  for (const entry of entries) {
    current.push(entry);
    if (entry.full) {
      lines.push(current);
      current = [];
    }
  }
  if (current.length > 0) lines.push(current);
  return lines.slice(Math.max(0, lines.length - Math.max(0, count))).flat();
}

/** Resolves the log to read and the run it belongs to; throws ApiError for the upstream error cases. */
async function locateLog(
  source: LogSource,
  options: ReadLogsOptions,
): Promise<{ log: LogLocation; uid: string; container: string; restartCount: number; live: boolean }> {
  const pod = source.findPod(options.namespace, options.pod);
  if (pod === undefined) throw podNotFound(options.pod);
  const container = selectLogContainer(pod, options.container);
  const uid = pod.metadata?.uid ?? '';
  const status = findContainerStatus(pod, container);
  const current = source.currentRestartCount(uid, container) ?? status?.restartCount ?? 0;
  const podDir = join(source.podsDir, uid);
  if (options.previous === true) {
    const log = current < 1 ? undefined : await findLog(source, podDir, containerLogPath(podDir, container, current - 1));
    if (log === undefined) throw badRequest(`previous terminated container "${container}" in pod "${options.pod}" not found`);
    return { log, uid, container, restartCount: current - 1, live: false };
  }
  const log = await findLog(source, podDir, containerLogPath(podDir, container, current));
  if (log === undefined) {
    const waiting = status?.state?.waiting?.reason ?? 'ContainerCreating';
    throw badRequest(`container "${container}" in pod "${options.pod}" is waiting to start: ${waiting}`);
  }
  return { log, uid, container, restartCount: current, live: true };
}

/** Streams a container's log; rejects with an ApiError (400 or 404) before any output when it cannot. */
export async function readLogs(source: LogSource, options: ReadLogsOptions): Promise<Readable> {
  const target = await locateLog(source, options);
  const formatter = new LogTextFormatter(options.timestamps === true);
  const since = sinceThresholdMs(options, source.clock);
  const keep = (entry: CriLogEntry): boolean => since === undefined || entry.time === '' || Date.parse(entry.time) >= since;
  let budget = options.limitBytes !== undefined && options.limitBytes > 0 ? options.limitBytes : Number.POSITIVE_INFINITY;
  const abort = new AbortController();
  const stream = new Readable({
    read() {},
    destroy(error, callback) {
      abort.abort();
      callback(error);
    },
  });

  const emit = (entries: readonly CriLogEntry[]): boolean => {
    let text = '';
    for (const entry of entries) if (keep(entry)) text += formatter.format(entry);
    if (text === '') return true;
    let chunk = Buffer.from(text, 'utf8');
    if (chunk.length > budget) chunk = chunk.subarray(0, budget);
    budget -= chunk.length;
    if (!abort.signal.aborted) stream.push(chunk);
    return budget > 0;
  };

  const pump = async (): Promise<void> => {
    const { inMemory } = target.log;
    const initial = inMemory === undefined ? await readFile(target.log.path) : Buffer.from(inMemory, 'utf8');
    const first = splitCompleteLines(initial);
    let entries = first.lines.map(parseCriLogLine);
    if (options.tailLines !== undefined && options.tailLines >= 0) entries = tailEntries(entries, options.tailLines);
    const more = emit(entries);
    if (options.follow === true && target.live && more) {
      // A log kept in memory is written once, at the start of its run: following it is waiting for the run to end.
      if (inMemory !== undefined) await untilRunEnds(source, target, abort.signal);
      else await followFile({ source, target: { ...target, path: target.log.path }, offset: first.consumed, signal: abort.signal, onLines: (lines) => emit(lines.map(parseCriLogLine)) });
    }
    if (!abort.signal.aborted) stream.push(null);
  };
  pump().catch((error: unknown) => stream.destroy(error instanceof Error ? error : new Error(String(error))));
  return stream;
}

/** Resolves when the run ends, the pod goes or the reader stops reading. */
function untilRunEnds(source: LogSource, target: { uid: string; container: string; restartCount: number }, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise<void>((resolve) => {
    signal.addEventListener('abort', () => resolve(), { once: true });
    void source.waitForRunEnd(target.uid, target.container, target.restartCount).then(() => resolve());
  });
}

/** Reads what the file gains until the run ends; returns the final offset. `onLines` answers false to stop. */
async function followFile(input: {
  source: LogSource;
  target: { path: string; uid: string; container: string; restartCount: number };
  offset: number;
  signal: AbortSignal;
  onLines: (lines: string[]) => boolean;
}): Promise<number> {
  const { source, target, signal } = input;
  let offset = input.offset;
  let ended = false;
  void source.waitForRunEnd(target.uid, target.container, target.restartCount).then(() => {
    ended = true;
    wake();
  });
  let wakeUp: (() => void) | undefined;
  const wake = (): void => {
    const resolve = wakeUp;
    wakeUp = undefined;
    resolve?.();
  };
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(target.path, () => wake());
    watcher.on('error', () => undefined);
  } catch {
    watcher = undefined;
  }
  signal.addEventListener('abort', wake, { once: true });
  const handle = await open(target.path, 'r');
  try {
    for (;;) {
      const finishing = ended;
      for (;;) {
        const { size } = await handle.stat();
        if (size <= offset) break;
        const buffer = Buffer.alloc(size - offset);
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
        const { lines, consumed } = splitCompleteLines(buffer.subarray(0, bytesRead));
        if (consumed === 0) break;
        offset += consumed;
        if (!input.onLines(lines)) return offset;
      }
      if (finishing || signal.aborted) return offset;
      await new Promise<void>((resolve) => {
        const timer = source.clock.setTimer(wake, FOLLOW_POLL_MS);
        wakeUp = () => {
          timer.cancel();
          resolve();
        };
        if (ended || signal.aborted) wake();
      });
    }
  } finally {
    watcher?.close();
    await handle.close();
  }
}

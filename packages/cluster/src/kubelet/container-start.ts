// Starts one container of a pod: resolves its env, expands command and args, picks the runtime and starts it.
import { join } from 'node:path';
import type { DeepReadonly, Pod } from '@aviary/kube';
import { isContainerStartError, type ContainerPortSpec, type RunningContainer } from '../runtime/index.js';
import { isContainerConfigError } from './container-config-error.js';
import { resolveContainerEnv } from './container-env.js';
import type { ContainerRecord } from './container-record.js';
import { expandCommandList } from './env-expansion.js';
import type { KubeletContext } from './kubelet-context.js';
import { KubeletEventReason, recordWarningEvent } from './kubelet-events.js';

export type ContainerStartResult =
  | { readonly kind: 'started'; readonly running: RunningContainer; readonly runtimeName: string }
  /** The env could not be resolved (CreateContainerConfigError); retry later. */
  | { readonly kind: 'config-error'; readonly message: string }
  /** The runtime refused (StartError): counts as a run that exited with code 128. */
  | { readonly kind: 'start-error'; readonly reason: string; readonly message: string };

/** `<podDir>/logs/<container>/<restartCount>.log`: one CRI log file per run of a container. */
export function containerLogPath(podDir: string, container: string, restartCount: number): string {
  return join(podDir, 'logs', container, `${restartCount}.log`);
}

function toPortSpecs(record: ContainerRecord): ContainerPortSpec[] {
  return (record.spec.ports ?? []).map((port) => ({
    containerPort: port.containerPort,
    protocol: port.protocol ?? 'TCP',
    ...(port.name === undefined ? {} : { name: port.name }),
  }));
}

/** Starts `record` as run number `restartCount`; never throws. */
export async function startContainer(
  context: KubeletContext,
  input: { readonly pod: DeepReadonly<Pod>; readonly record: ContainerRecord; readonly podIP: string; readonly podDir: string; readonly restartCount: number },
): Promise<ContainerStartResult> {
  const { pod, record } = input;
  let env: Record<string, string>;
  try {
    const resolved = await resolveContainerEnv({
      pod,
      container: record.spec,
      podIP: input.podIP,
      hostIP: context.hostIP,
      sources: context.envSources,
      nodeAllocatable: context.nodeAllocatable,
    });
    env = resolved.env;
    for (const skipped of resolved.skippedKeys) {
      const kind = skipped.kind === 'configMap' ? 'configMap' : 'secret';
      recordWarningEvent(
        context,
        pod,
        KubeletEventReason.InvalidEnvironmentVariableNames,
        `Keys [${skipped.keys.join(', ')}] from the EnvFrom ${kind} ${pod.metadata?.namespace ?? ''}/${skipped.name} were skipped since they are considered invalid environment variable names.`,
      );
    }
  } catch (error: unknown) {
    if (!isContainerConfigError(error)) context.log(`resolving env of container ${record.name}`, error);
    const message = error instanceof Error ? error.message : String(error);
    recordWarningEvent(context, pod, KubeletEventReason.Failed, `Error: ${message}`);
    return { kind: 'config-error', message };
  }
  const command = expandCommandList(record.spec.command, env);
  const args = expandCommandList(record.spec.args, env);
  const spec = {
    podUid: pod.metadata?.uid ?? '',
    podName: pod.metadata?.name ?? '',
    namespace: pod.metadata?.namespace ?? '',
    containerName: record.name,
    image: record.spec.image ?? '',
    env,
    podIP: input.podIP,
    ports: toPortSpecs(record),
    podDir: input.podDir,
    logPath: containerLogPath(input.podDir, record.name, input.restartCount),
    restartCount: input.restartCount,
    ...(command === undefined ? {} : { command }),
    ...(args === undefined ? {} : { args }),
    ...(record.spec.workingDir === undefined ? {} : { workingDir: record.spec.workingDir }),
  };
  const runtime = context.runtimes.runtimeFor(spec);
  try {
    const running = await runtime.start(spec);
    return { kind: 'started', running, runtimeName: runtime.name };
  } catch (error: unknown) {
    const message = error instanceof Error ? error.message : String(error);
    const reason = isContainerStartError(error) ? error.reason : 'StartError';
    if (!isContainerStartError(error)) context.log(`starting container ${record.name}`, error);
    recordWarningEvent(context, pod, KubeletEventReason.Failed, `Error: ${message}`);
    return { kind: 'start-error', reason, message };
  }
}

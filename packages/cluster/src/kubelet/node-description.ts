// What the node reports about itself: labels, addresses, capacity, nodeInfo and the kubelet's conditions.
import { readFileSync, statfsSync } from 'node:fs';
import { arch, cpus, release, totalmem, type as osType } from 'node:os';
import type { Node, NodeCondition, NodeStatus, NodeSystemInfo } from '@aviary/kube';
import { NODE_IP } from './pod-network.js';

export const KUBELET_VERSION = 'v1.32.4-aviary';
export const CONTAINER_RUNTIME_VERSION = 'aviary://0.1.0';
/** Pods the node takes: high, so scale tests (5,000 pods) fit. */
export const MAX_PODS = '10000';

/** Go's GOARCH for Node's process.arch. */
export function describeArchitecture(nodeArch: string = arch()): string {
  const map: Record<string, string> = { x64: 'amd64', ia32: '386', arm64: 'arm64', arm: 'arm', ppc64: 'ppc64le', s390x: 's390x', riscv64: 'riscv64' };
  return map[nodeArch] ?? nodeArch;
}

/** Go's GOOS for Node's process.platform. */
export function describeOperatingSystem(platform: string = process.platform): string {
  return platform === 'win32' ? 'windows' : platform;
}

function readTrimmed(path: string): string {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return '';
  }
}

/** PRETTY_NAME from /etc/os-release, else `<OS type> <release>`. */
function readOsImage(): string {
  const pretty = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(readTrimmed('/etc/os-release'))?.[1];
  return pretty ?? `${osType()} ${release()}`;
}

function readEphemeralStorage(dataDir: string): string | undefined {
  try {
    const stats = statfsSync(dataDir);
    return `${Math.floor((stats.blocks * stats.bsize) / 1024)}Ki`;
  } catch {
    return undefined;
  }
}

/** The labels every node carries (well-known kubernetes.io labels). */
export function buildNodeLabels(nodeName: string): Record<string, string> {
  const os = describeOperatingSystem();
  const architecture = describeArchitecture();
  return {
    'beta.kubernetes.io/arch': architecture,
    'beta.kubernetes.io/os': os,
    'kubernetes.io/arch': architecture,
    'kubernetes.io/hostname': nodeName,
    'kubernetes.io/os': os,
  };
}

export function buildNodeInfo(): NodeSystemInfo {
  const machineID = readTrimmed('/etc/machine-id');
  return {
    machineID,
    systemUUID: readTrimmed('/sys/class/dmi/id/product_uuid') || machineID,
    bootID: readTrimmed('/proc/sys/kernel/random/boot_id'),
    kernelVersion: release(),
    osImage: readOsImage(),
    containerRuntimeVersion: CONTAINER_RUNTIME_VERSION,
    kubeletVersion: KUBELET_VERSION,
    kubeProxyVersion: KUBELET_VERSION,
    operatingSystem: describeOperatingSystem(),
    architecture: describeArchitecture(),
  };
}

/** capacity and allocatable (the same: nothing is reserved for the system). */
export function buildNodeCapacity(dataDir: string): Record<string, string> {
  const storage = readEphemeralStorage(dataDir);
  return {
    cpu: String(Math.max(1, cpus().length)),
    memory: `${Math.floor(totalmem() / 1024)}Ki`,
    pods: MAX_PODS,
    ...(storage === undefined ? {} : { 'ephemeral-storage': storage }),
  };
}

const CONDITION_TEXT: readonly { type: string; status: 'True' | 'False'; reason: string; message: string }[] = [
  { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
  { type: 'DiskPressure', status: 'False', reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure' },
  { type: 'PIDPressure', status: 'False', reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available' },
  { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' },
];

/** The conditions with this heartbeat; a transition time is kept while a condition's status is unchanged. */
export function buildNodeConditions(previous: readonly NodeCondition[] | undefined, nowIso: string): NodeCondition[] {
  return CONDITION_TEXT.map((text) => {
    const before = previous?.find((c) => c.type === text.type);
    const lastTransitionTime = before?.status === text.status && before.lastTransitionTime ? before.lastTransitionTime : nowIso;
    return { ...text, lastHeartbeatTime: nowIso, lastTransitionTime };
  });
}

export function buildNodeStatus(input: { nodeName: string; previous: Node | undefined; dataDir: string; nowIso: string }): NodeStatus {
  const capacity = buildNodeCapacity(input.dataDir);
  return {
    capacity,
    allocatable: { ...capacity },
    conditions: buildNodeConditions(input.previous?.status?.conditions, input.nowIso),
    addresses: [
      { type: 'InternalIP', address: NODE_IP },
      { type: 'Hostname', address: input.nodeName },
    ],
    daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
    nodeInfo: buildNodeInfo(),
  };
}

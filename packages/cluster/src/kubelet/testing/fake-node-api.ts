// Makes a FakeKubeClient serve pods/binding as the API server does (rest/pod-binding.ts).
import { Resources, type Clock, type Pod } from '@aviary/kube';
import type { FakeAction, FakeKubeClient, ReactorResult } from '@aviary/kube/testing';

const NOT_HANDLED: ReactorResult = { handled: false };
const BINDING_RESOURCE = /^pods\/([^/]+)\/binding$/;

function formatTime(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * `create pods/<name>/binding` sets spec.nodeName and a True PodScheduled condition. Graceful deletion is
 * not faked (the tracker lets no update set deletionTimestamp): tests of it run against the real server.
 */
export function installFakeNodeApi(client: FakeKubeClient, clock: Clock): void {
  client.prependReactor('create', '*', (action: FakeAction) => {
    const match = BINDING_RESOURCE.exec(action.resource);
    if (match === null) return NOT_HANDLED;
    const name = decodeURIComponent(match[1] ?? '');
    const target = (action.object as { target?: { name?: string } } | undefined)?.target?.name ?? '';
    const pod = client.tracker.get<Pod>(Resources.pods, action.namespace, name);
    if (pod === undefined) return NOT_HANDLED;
    const spec = { ...pod.spec, containers: pod.spec?.containers ?? [], nodeName: target };
    client.tracker.update(Resources.pods, { ...pod, spec });
    const scheduled = { type: 'PodScheduled', status: 'True' as const, lastProbeTime: null, lastTransitionTime: formatTime(clock.now()) };
    const bound = client.tracker.get<Pod>(Resources.pods, action.namespace, name) ?? pod;
    client.tracker.update(Resources.pods, { ...bound, status: { ...bound.status, conditions: [scheduled] } }, { subresource: 'status' });
    return { handled: true, result: { apiVersion: 'v1', kind: 'Status', status: 'Success', code: 201 } };
  });
}

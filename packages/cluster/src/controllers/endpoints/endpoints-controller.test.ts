// Endpoints controller: Service → Endpoints from the ready and not-ready pods it selects.
import { Resources, type Endpoints, type Pod, type Service } from '@aviary/kube';
import { afterEach, describe, expect, it } from 'vitest';
import { createFixture, type Fixture } from '../testdata/fixture.js';
import { findPodPort } from './endpoint-subsets.js';
import { EndpointsController } from './endpoints-controller.js';

function service(options: { selector?: Record<string, string>; targetPort?: number | string; headless?: boolean } = {}): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web', namespace: 'default', labels: { tier: 'front' } },
    spec: {
      ...(options.selector === undefined && 'selector' in options ? {} : { selector: options.selector ?? { app: 'web' } }),
      ports: [{ name: 'http', port: 80, targetPort: options.targetPort ?? 'http', protocol: 'TCP' }],
      ...(options.headless ? { clusterIP: 'None' } : {}),
    },
  };
}

function pod(name: string, labels: Record<string, string> = { app: 'web' }): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, labels },
    spec: { containers: [{ name: 'main', image: 'nginx', ports: [{ name: 'http', containerPort: 8080 }] }] },
  };
}

let fixture: Fixture;
afterEach(async () => fixture.stop());

async function setUp(objects: (Service | Pod | Endpoints)[]): Promise<EndpointsController> {
  fixture = createFixture({ objects });
  const controller = new EndpointsController(fixture.deps);
  await fixture.start();
  return controller;
}

describe('EndpointsController', () => {
  it('puts ready pods in addresses and not-ready ones in notReadyAddresses, resolving the named port', async () => {
    const controller = await setUp([service(), pod('a'), pod('b'), pod('c'), pod('other', { app: 'db' })]);
    await fixture.setPodState('a', { ready: true, podIP: '127.1.0.3' });
    await fixture.setPodState('b', { ready: false, podIP: '127.1.0.2' });
    await fixture.setPodState('c', { phase: 'Pending', ready: false }); // no IP yet: left out
    await fixture.setPodState('other', { ready: true, podIP: '127.1.0.9' });
    fixture.takeWrites();
    await controller.sync('default/web');
    expect(fixture.takeWrites()).toEqual(['create endpoints web']);
    const ep = await fixture.get<Endpoints>(Resources.endpoints, 'web');
    expect(ep.metadata?.labels).toEqual({ tier: 'front', 'endpoints.kubernetes.io/managed-by': 'endpoint-controller' });
    expect(ep.subsets).toEqual([
      {
        addresses: [{ ip: '127.1.0.3', nodeName: 'aviary-local', targetRef: { kind: 'Pod', namespace: 'default', name: 'a', uid: 'uid-a' } }],
        notReadyAddresses: [{ ip: '127.1.0.2', nodeName: 'aviary-local', targetRef: { kind: 'Pod', namespace: 'default', name: 'b', uid: 'uid-b' } }],
        ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
      },
    ]);
  });

  it('does not write again when nothing changed, and updates when a pod turns ready', async () => {
    const controller = await setUp([service({ targetPort: 9000 }), pod('a')]);
    await fixture.setPodState('a', { ready: false, podIP: '127.1.0.2' });
    await controller.sync('default/web');
    await fixture.settle();
    fixture.takeWrites();
    await controller.sync('default/web');
    expect(fixture.takeWrites()).toEqual([]);
    await fixture.setPodState('a', { ready: true, podIP: '127.1.0.2' });
    await controller.sync('default/web');
    expect(fixture.takeWrites()).toEqual(['update endpoints web']);
    expect((await fixture.get<Endpoints>(Resources.endpoints, 'web')).subsets?.[0]).toMatchObject({ addresses: [{ ip: '127.1.0.2' }], ports: [{ port: 9000 }] });
  });

  it('leaves a Service without a selector alone', async () => {
    const svc = service();
    delete svc.spec!.selector;
    const controller = await setUp([svc, pod('a')]);
    await controller.sync('default/web');
    expect(fixture.takeWrites()).toEqual([]);
  });

  it('deletes the Endpoints when the Service is deleted', async () => {
    const controller = await setUp([service(), pod('a')]);
    await controller.sync('default/web');
    await fixture.settle();
    await fixture.client.delete(Resources.services, 'web', 'default');
    await fixture.settle();
    fixture.takeWrites();
    await controller.sync('default/web');
    expect(fixture.takeWrites()).toEqual(['delete endpoints web']);
  });

  it('leaves out terminating pods and finished pods that will not restart', async () => {
    const finished = pod('done');
    finished.spec!.restartPolicy = 'Never';
    const controller = await setUp([service({ targetPort: 80 }), finished, pod('live')]);
    await fixture.setPodState('done', { phase: 'Succeeded', ready: false, podIP: '127.1.0.5' });
    await fixture.setPodState('live', { ready: true, podIP: '127.1.0.6' });
    await controller.sync('default/web');
    expect((await fixture.get<Endpoints>(Resources.endpoints, 'web')).subsets).toEqual([
      { addresses: [{ ip: '127.1.0.6', nodeName: 'aviary-local', targetRef: { kind: 'Pod', namespace: 'default', name: 'live', uid: 'uid-live' } }], ports: [{ name: 'http', port: 80, protocol: 'TCP' }] },
    ]);
  });

  it('runs from informer events: a pod becoming ready reaches the Endpoints', async () => {
    const controller = await setUp([service({ targetPort: 80 }), pod('a')]);
    controller.run();
    await fixture.setPodState('a', { ready: true, podIP: '127.1.0.7' });
    await fixture.settle();
    expect((await fixture.get<Endpoints>(Resources.endpoints, 'web')).subsets?.[0]?.addresses?.[0]?.ip).toBe('127.1.0.7');
    await controller.stop();
  });
});

describe('findPodPort', () => {
  it.each([
    { name: 'a number is taken as is', targetPort: 8081, expected: 8081 },
    { name: 'a name resolves to the container port', targetPort: 'http', expected: 8080 },
    { name: 'an unknown name resolves to nothing', targetPort: 'grpc', expected: undefined },
    { name: 'no targetPort means the service port', targetPort: undefined, expected: 80 },
  ])('$name', ({ targetPort, expected }) => {
    expect(findPodPort(pod('a'), { port: 80, ...(targetPort === undefined ? {} : { targetPort }) })).toBe(expected);
  });
});

// OpenAPI path items for one served resource: collection, item, all-namespaces list and its subresources.
import type { ResourceInfo } from '../registry/resource-info.js';
import { autoscalingV1, componentNameFor, coreV1, metaV1 } from './component-names.js';
import {
  bodyOf,
  deleteParameters,
  listParameters,
  operation,
  parameters,
  patchBody,
  patchParameters,
  pathParameter,
  writeParameters,
  type OpenApiObject,
} from './openapi-operations.js';

/** `Core`, `Apps`, `Networking` (`.k8s.io` dropped), `ArgoprojIo`: the group part of operation ids. */
export function groupIdentifier(group: string): string {
  if (group === '') return 'Core';
  const words = group.replace(/\.k8s\.io$/, '').split(/[.-]/);
  return words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('');
}

/** `core_v1`, `apps_v1`, `argoprojIo_v1alpha1`. */
export function groupVersionTag(group: string, version: string): string {
  const id = groupIdentifier(group);
  return `${id.charAt(0).toLowerCase()}${id.slice(1)}_${version}`;
}

/** The URL prefix of a group/version: `/api/v1` or `/apis/apps/v1`. */
export function groupVersionRoot(group: string, version: string): string {
  return group === '' ? `/api/${version}` : `/apis/${group}/${version}`;
}

/** All path items for one resource, keyed by path template. */
export function resourcePaths(info: ResourceInfo): Record<string, OpenApiObject> {
  const builtIn = info.source === 'builtin';
  const gvk = { group: info.group, version: info.version, kind: info.kind };
  const id = `${groupIdentifier(info.group)}${info.version.charAt(0).toUpperCase()}${info.version.slice(1)}`;
  const scoped = info.namespaced ? `Namespaced${info.kind}` : info.kind;
  const tag = groupVersionTag(info.group, info.version);
  const kindComponent = componentNameFor(info.group, info.version, info.kind);
  const listComponent = componentNameFor(info.group, info.version, info.listKind);
  const root = groupVersionRoot(info.group, info.version);
  const collection = `${root}${info.namespaced ? '/namespaces/{namespace}' : ''}/${info.resource}`;
  const item = `${collection}/{name}`;
  const scopeParameters = info.namespaced ? [pathParameter('namespace'), parameters.pretty] : [parameters.pretty];
  const itemParameters = [pathParameter('name'), ...scopeParameters];
  const common = { tag, gvk };

  const paths: Record<string, OpenApiObject> = {
    [collection]: {
      get: operation({ ...common, action: 'list', operationId: `list${id}${scoped}`, description: `list or watch objects of kind ${info.kind}`, response: listComponent, parameters: listParameters }),
      post: operation({
        ...common,
        action: 'post',
        operationId: `create${id}${scoped}`,
        description: `create a ${info.kind}`,
        response: kindComponent,
        parameters: writeParameters,
        requestBody: bodyOf(kindComponent),
        created: true,
        accepted: true,
      }),
      delete: operation({
        ...common,
        action: 'deletecollection',
        operationId: `delete${id}Collection${scoped}`,
        description: `delete collection of ${info.kind}`,
        response: metaV1('Status'),
        parameters: [...deleteParameters, ...listParameters.filter((p) => p['name'] !== 'watch' && p['name'] !== 'allowWatchBookmarks')],
        requestBody: bodyOf(metaV1('DeleteOptions')),
      }),
      parameters: scopeParameters,
    },
    [item]: {
      get: operation({ ...common, action: 'get', operationId: `read${id}${scoped}`, description: `read the specified ${info.kind}`, response: kindComponent }),
      put: operation({
        ...common,
        action: 'put',
        operationId: `replace${id}${scoped}`,
        description: `replace the specified ${info.kind}`,
        response: kindComponent,
        parameters: writeParameters,
        requestBody: bodyOf(kindComponent),
        created: true,
      }),
      delete: operation({
        ...common,
        action: 'delete',
        operationId: `delete${id}${scoped}`,
        description: `delete a ${info.kind}`,
        response: kindComponent,
        parameters: deleteParameters,
        requestBody: bodyOf(metaV1('DeleteOptions')),
        accepted: true,
      }),
      patch: operation({
        ...common,
        action: 'patch',
        operationId: `patch${id}${scoped}`,
        description: `partially update the specified ${info.kind}`,
        response: kindComponent,
        parameters: patchParameters,
        requestBody: patchBody(builtIn),
        created: true,
      }),
      parameters: itemParameters,
    },
  };
  if (info.namespaced) {
    paths[`${root}/${info.resource}`] = {
      get: operation({ ...common, action: 'list', operationId: `list${id}${info.kind}ForAllNamespaces`, description: `list or watch objects of kind ${info.kind}`, response: listComponent, parameters: listParameters }),
      parameters: [parameters.pretty],
    };
  }
  const subresource = (name: string, suffix: string, component: string, subGvk: typeof gvk): OpenApiObject => ({
    get: operation({ tag, gvk: subGvk, action: 'get', operationId: `read${id}${scoped}${suffix}`, description: `read ${name} of the specified ${info.kind}`, response: component }),
    put: operation({
      tag,
      gvk: subGvk,
      action: 'put',
      operationId: `replace${id}${scoped}${suffix}`,
      description: `replace ${name} of the specified ${info.kind}`,
      response: component,
      parameters: writeParameters,
      requestBody: bodyOf(component),
      created: true,
    }),
    patch: operation({
      tag,
      gvk: subGvk,
      action: 'patch',
      operationId: `patch${id}${scoped}${suffix}`,
      description: `partially update ${name} of the specified ${info.kind}`,
      response: component,
      parameters: patchParameters,
      requestBody: patchBody(builtIn),
      created: true,
    }),
    parameters: itemParameters,
  });
  if (info.statusSubresource) paths[`${item}/status`] = subresource('status', 'Status', kindComponent, gvk);
  if (info.scale) paths[`${item}/scale`] = subresource('scale', 'Scale', autoscalingV1('Scale'), { group: 'autoscaling', version: 'v1', kind: 'Scale' });
  if (info.extraSubresources.includes('binding')) {
    const bindingGvk = { group: '', version: 'v1', kind: 'Binding' };
    paths[`${item}/binding`] = {
      post: operation({
        tag,
        gvk: bindingGvk,
        action: 'post',
        operationId: `create${id}${scoped}Binding`,
        description: `create binding of a ${info.kind}`,
        response: coreV1('Binding'),
        parameters: writeParameters,
        requestBody: bodyOf(coreV1('Binding')),
        created: true,
        accepted: true,
      }),
      parameters: itemParameters,
    };
  }
  if (info.extraSubresources.includes('log')) {
    paths[`${item}/log`] = {
      get: operation({
        ...common,
        action: 'get',
        operationId: `read${id}${scoped}Log`,
        description: `read log of the specified ${info.kind}`,
        parameters: [parameters.container, parameters.follow, parameters.tailLines],
      }),
      parameters: itemParameters,
    };
  }
  return paths;
}

// Tests of the list-semantics providers: built-in kinds (strategic-merge metadata plus upstream overrides) and CRD schemas.
import { describe, expect, it } from 'vitest';
import { builtInListInfo } from './built-in-list-info.js';
import { crdListInfo } from './crd-list-info.js';
import { fieldSetOf } from './field-set-of.js';
import type { ListInfoProvider, ListSemantics } from './list-info.js';

const deployment = builtInListInfo({ apiVersion: 'apps/v1', kind: 'Deployment' });
const service = builtInListInfo({ apiVersion: 'v1', kind: 'Service' });
const pod = builtInListInfo({ apiVersion: 'v1', kind: 'Pod' });

const rolloutSchema = {
  type: 'object',
  properties: {
    spec: {
      type: 'object',
      properties: {
        steps: { type: 'array', items: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } },
        hosts: { type: 'array', items: { type: 'string' }, 'x-kubernetes-list-type': 'set' },
        routes: {
          type: 'array',
          'x-kubernetes-list-type': 'map',
          'x-kubernetes-list-map-keys': ['name', 'protocol'],
          items: { type: 'object', properties: { name: { type: 'string' }, protocol: { type: 'string', default: 'TCP' } } },
        },
        selector: { type: 'object', 'x-kubernetes-map-type': 'atomic', properties: { app: { type: 'string' } } },
        extra: { type: 'object', additionalProperties: { type: 'object', properties: { tags: { type: 'array', items: { type: 'string' } } } } },
        free: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
      },
    },
  },
};
const rollout = crdListInfo(rolloutSchema);

describe('list semantics', () => {
  it.each<{ name: string; info: ListInfoProvider; path: string[]; expected: ListSemantics }>([
    { name: 'containers are a map keyed by name', info: deployment, path: ['spec', 'template', 'spec', 'containers'], expected: { type: 'map', keys: [{ name: 'name' }] } },
    {
      name: 'container ports are keyed by containerPort and protocol, protocol defaulting to TCP',
      info: pod,
      path: ['spec', 'containers', 'ports'],
      expected: { type: 'map', keys: [{ name: 'containerPort' }, { name: 'protocol', default: 'TCP' }] },
    },
    {
      name: 'service ports are keyed by port and protocol',
      info: service,
      path: ['spec', 'ports'],
      expected: { type: 'map', keys: [{ name: 'port' }, { name: 'protocol', default: 'TCP' }] },
    },
    { name: 'env is a map keyed by name', info: pod, path: ['spec', 'containers', 'env'], expected: { type: 'map', keys: [{ name: 'name' }] } },
    { name: 'finalizers are a set', info: deployment, path: ['metadata', 'finalizers'], expected: { type: 'set' } },
    { name: 'ownerReferences are keyed by uid', info: pod, path: ['metadata', 'ownerReferences'], expected: { type: 'map', keys: [{ name: 'uid' }] } },
    { name: 'tolerations are atomic', info: pod, path: ['spec', 'tolerations'], expected: { type: 'atomic' } },
    { name: 'container args are atomic', info: pod, path: ['spec', 'containers', 'args'], expected: { type: 'atomic' } },
    { name: 'a CRD list without a list type is atomic', info: rollout, path: ['spec', 'steps'], expected: { type: 'atomic' } },
    { name: 'a CRD set list is a set', info: rollout, path: ['spec', 'hosts'], expected: { type: 'set' } },
    {
      name: 'a CRD map list takes its keys and key defaults from the schema',
      info: rollout,
      path: ['spec', 'routes'],
      expected: { type: 'map', keys: [{ name: 'name' }, { name: 'protocol', default: 'TCP' }] },
    },
    { name: 'a CRD list under additionalProperties is found through them', info: rollout, path: ['spec', 'extra', 'any', 'tags'], expected: { type: 'atomic' } },
    { name: 'a CRD object gets ObjectMeta semantics for metadata', info: rollout, path: ['metadata', 'finalizers'], expected: { type: 'set' } },
  ])('$name', ({ info, path, expected }) => {
    expect(info.listAt(path)).toEqual(expected);
  });
});

describe('field sets from list and map semantics', () => {
  it.each<{ name: string; info: ListInfoProvider; object: Record<string, unknown>; fieldsV1: Record<string, unknown> }>([
    {
      name: 'an atomic CRD map is one field',
      info: rollout,
      object: { spec: { selector: { app: 'x' } } },
      fieldsV1: { 'f:spec': { 'f:selector': {} } },
    },
    {
      name: 'free-form keys with children are fields in their own right',
      info: rollout,
      object: { spec: { free: { a: { b: 1 } } } },
      fieldsV1: { 'f:spec': { 'f:free': { 'f:a': { '.': {}, 'f:b': {} } } } },
    },
    {
      name: 'a CRD map list item defaults its missing key field',
      info: rollout,
      object: { spec: { routes: [{ name: 'r' }] } },
      fieldsV1: { 'f:spec': { 'f:routes': { 'k:{"name":"r","protocol":"TCP"}': { '.': {}, 'f:name': {} } } } },
    },
    {
      name: 'null values and empty objects are fields, empty lists are not',
      info: pod,
      object: { spec: { nodeName: null, securityContext: {}, tolerations: [], volumes: [] } },
      fieldsV1: { 'f:spec': { 'f:nodeName': {}, 'f:securityContext': {}, 'f:tolerations': {} } },
    },
  ])('$name', ({ info, object, fieldsV1 }) => {
    expect(fieldSetOf(object, info).toFieldsV1()).toEqual(fieldsV1);
  });
});

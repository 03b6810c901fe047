// Pure request parsing: URL → RequestInfo, Accept negotiation, body decoding, and kubectl-style ages.
import { describe, expect, it } from 'vitest';
import { negotiate } from './content-negotiation.js';
import { decodeBody } from './request-body.js';
import { parseRequestInfo } from './request-info.js';

const q = (s = '') => new URLSearchParams(s);

describe('parseRequestInfo', () => {
  it.each([
    ['GET', '/api/v1/namespaces', '', { group: '', version: 'v1', resource: 'namespaces', namespace: undefined, name: undefined, verb: 'list' }],
    ['GET', '/api/v1/namespaces/default', '', { resource: 'namespaces', name: 'default', namespace: undefined, verb: 'get' }],
    ['PUT', '/api/v1/namespaces/x/finalize', '', { resource: 'namespaces', name: 'x', subresource: 'finalize', verb: 'update' }],
    ['GET', '/api/v1/namespaces/x/status', '', { resource: 'namespaces', name: 'x', subresource: 'status', verb: 'get' }],
    ['GET', '/api/v1/namespaces/default/pods', 'watch=true', { resource: 'pods', namespace: 'default', verb: 'watch' }],
    ['GET', '/api/v1/watch/namespaces/default/pods', '', { resource: 'pods', namespace: 'default', verb: 'watch' }],
    ['GET', '/api/v1/pods', '', { resource: 'pods', namespace: undefined, verb: 'list' }],
    ['POST', '/api/v1/namespaces/default/pods/p/binding', '', { resource: 'pods', name: 'p', subresource: 'binding', verb: 'create' }],
    ['PATCH', '/apis/apps/v1/namespaces/ns/replicasets/rs/scale', '', { group: 'apps', resource: 'replicasets', name: 'rs', subresource: 'scale', verb: 'patch' }],
    ['DELETE', '/apis/argoproj.io/v1alpha1/namespaces/ns/rollouts', '', { group: 'argoproj.io', resource: 'rollouts', verb: 'deletecollection' }],
    ['DELETE', '/apis/argoproj.io/v1alpha1/clusteranalysistemplates/t', '', { resource: 'clusteranalysistemplates', name: 't', verb: 'delete' }],
  ])('%s %s?%s', (method, path, query, expected) => {
    expect(parseRequestInfo(method, path, q(query))).toMatchObject({ isResourceRequest: true, ...expected });
  });

  it.each(['/api', '/api/v1', '/apis', '/apis/apps', '/apis/apps/v1', '/version', '/openapi/v3'])('%s is not a resource request', (path) => {
    expect(parseRequestInfo('GET', path, q())).toEqual({ isResourceRequest: false, path });
  });

  it('rejects paths with too many segments or bad encoding', () => {
    expect(parseRequestInfo('GET', '/api/v1/namespaces/a/pods/b/log/extra', q())).toBeUndefined();
    expect(parseRequestInfo('GET', '/api/v1/namespaces/a/pods/%E0%A4%A', q())).toBeUndefined();
  });
});

describe('negotiate', () => {
  it.each([
    [undefined, 'Object', 'json'],
    ['application/json', 'Object', 'json'],
    ['application/vnd.kubernetes.protobuf,application/json', 'Object', 'json'],
    ['application/json;as=Table;v=v1;g=meta.k8s.io,application/json', 'Table', 'json'],
    ['application/json;as=Table;v=v1beta1;g=meta.k8s.io', 'Table', 'json'],
    ['application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io', 'PartialObjectMetadataList', 'json'],
    ['application/json;as=Unknown;v=v1;g=meta.k8s.io,application/json', 'Object', 'json'],
    ['application/yaml', 'Object', 'yaml'],
    ['*/*', 'Object', 'json'],
  ])('Accept %s → %s as %s', (accept, representation, encoding) => {
    expect(negotiate(accept)).toMatchObject({ representation, encoding });
  });

  it('answers 406 when nothing fits, every time it is asked', () => {
    expect(() => negotiate('text/html')).toThrow(/only the following media types are accepted/);
    expect(() => negotiate('text/html')).toThrow(/only the following media types are accepted/);
  });

  it('answers a repeated Accept header the same way, with an answer no caller can change', () => {
    const header = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json';
    const first = negotiate(header);
    expect(negotiate(header)).toEqual({ representation: 'Table', metaVersion: 'v1', encoding: 'json' });
    expect(Object.isFrozen(first)).toBe(true);
  });
});

describe('decodeBody', () => {
  it('reads JSON and YAML by media type', () => {
    expect(decodeBody(Buffer.from('{"a":1}'), 'application/json')).toEqual({ a: 1 });
    expect(decodeBody(Buffer.from('a: 1\nb: [x]\n'), 'application/apply-patch+yaml')).toEqual({ a: 1, b: ['x'] });
    expect(decodeBody(Buffer.from('{"a":1}'), 'application/apply-patch+yaml')).toEqual({ a: 1 });
  });

  it.each([
    ['{"a":', 'application/json', /json parse error/],
    ['a: [1', 'application/yaml', /yaml parse error/],
    ['a: 1\na: 2\n', 'application/yaml', /yaml parse error/],
    ['a: 1\n---\nb: 2\n', 'application/yaml', /more than one document/],
  ])('rejects %j as %s', (text, mediaType, message) => {
    expect(() => decodeBody(Buffer.from(text), mediaType)).toThrow(message);
  });

  it('answers 400 for a protobuf body that is truncated or not an envelope', () => {
    expect(() => decodeBody(Buffer.from('k8s\0'), 'application/vnd.kubernetes.protobuf')).toThrow(expect.objectContaining({ code: 400 }));
    expect(() => decodeBody(Buffer.from('not a protobuf envelope'), 'application/vnd.kubernetes.protobuf')).toThrow(expect.objectContaining({ code: 400 }));
  });
});

// Tests of FieldSet and path elements: FieldsV1 round trips, set algebra, iteration order and readable paths.
import { describe, expect, it } from 'vitest';
import { FieldSet, FieldsV1FormatError } from './field-set.js';
import {
  describeFieldPath,
  fieldElement as f,
  keyElement,
  parsePathElement,
  PathElementSyntaxError,
  serializePathElement,
  valueElement,
  indexElement,
  type FieldPath,
} from './path-element.js';

const servicePort = keyElement([{ name: 'protocol', value: 'TCP' }, { name: 'port', value: 80 }]);
const wireExample = {
  'f:metadata': { 'f:labels': { 'f:app': {} } },
  'f:spec': { 'f:ports': { 'k:{"port":80,"protocol":"TCP"}': { '.': {}, 'f:port': {}, 'f:protocol': {} } } },
};

function paths(...list: FieldPath[]): FieldSet {
  return FieldSet.fromPaths(list);
}

describe('FieldSet', () => {
  it('reads and writes FieldsV1 unchanged, key order included', () => {
    const set = FieldSet.fromFieldsV1(wireExample);
    expect(JSON.stringify(set.toFieldsV1())).toBe(JSON.stringify(wireExample));
  });

  it('writes keys in upstream order whatever the insertion order', () => {
    const set = paths([f('spec'), f('b')], [f('spec'), valueElement('x')], [f('spec'), servicePort], [f('spec'), f('a')], [f('spec'), indexElement(0)]);
    expect(Object.keys(set.toFieldsV1()['f:spec'] as object)).toEqual(['f:a', 'f:b', 'k:{"port":80,"protocol":"TCP"}', 'v:"x"', 'i:0']);
  });

  it.each<{ name: string; result: () => FieldSet; expected: FieldPath[] }>([
    {
      name: 'union holds the paths of both sets',
      result: () => paths([f('a')], [f('b'), f('c')]).union(paths([f('b'), f('d')])),
      expected: [[f('a')], [f('b'), f('c')], [f('b'), f('d')]],
    },
    {
      name: 'difference drops only exact paths, keeping children of a removed parent',
      result: () => paths([f('a')], [f('a'), f('x')], [f('b')]).difference(paths([f('a')])),
      expected: [[f('b')], [f('a'), f('x')]],
    },
    {
      name: 'intersection keeps the paths both sets hold',
      result: () => paths([f('a')], [f('b'), f('c')], [f('b'), f('d')]).intersection(paths([f('b'), f('c')], [f('z')])),
      expected: [[f('b'), f('c')]],
    },
  ])('$name', ({ result, expected }) => {
    expect(result().paths()).toEqual(expected);
  });

  it('answers membership for paths, not for their prefixes', () => {
    const set = paths([f('spec'), f('replicas')]);
    expect(set.has([f('spec'), f('replicas')])).toBe(true);
    expect(set.has([f('spec')])).toBe(false);
    expect(set.isEmpty()).toBe(false);
    expect(set.difference(set).isEmpty()).toBe(true);
  });

  it('rejects values that are not FieldsV1', () => {
    expect(() => FieldSet.fromFieldsV1({ 'f:a': 1 })).toThrow(FieldsV1FormatError);
    expect(() => FieldSet.fromFieldsV1({ 'k:{bad': {} })).toThrow(PathElementSyntaxError);
  });
});

describe('path elements', () => {
  it.each<{ name: string; path: FieldPath; readable: string }>([
    { name: 'fields read as dotted names', path: [f('spec'), f('replicas')], readable: '.spec.replicas' },
    {
      name: 'associative items read as sorted key=value pairs with quoted strings',
      path: [f('spec'), f('ports'), servicePort, f('targetPort')],
      readable: '.spec.ports[port=80,protocol="TCP"].targetPort',
    },
    { name: 'set items read as [=value]', path: [f('metadata'), f('finalizers'), valueElement('a/b')], readable: '.metadata.finalizers[="a/b"]' },
    { name: 'indices read as [n]', path: [f('args'), indexElement(2)], readable: '.args[2]' },
  ])('$name', ({ path, readable }) => {
    expect(describeFieldPath(path)).toBe(readable);
  });

  it.each([
    'f:metadata',
    'k:{"containerPort":80,"protocol":"TCP"}',
    'v:"example.com/finalizer"',
    'v:3',
    'i:4',
    'k:{"name":"a\\u003cb"}',
  ])('%s survives a parse and serialize round trip', (key) => {
    expect(serializePathElement(parsePathElement(key)!)).toBe(key);
  });

  it('drops keys of unknown kinds, as upstream does', () => {
    expect(parsePathElement('z:whatever')).toBeUndefined();
  });
});

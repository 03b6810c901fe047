// Pruning and validation against structural schemas: unknown field paths, types, constraints and extensions.
import { describe, expect, it } from 'vitest';
import type { JsonSchema } from './json-schema.js';
import { pruneAndValidate } from './prune-validate.js';
import { boolean, int32, intOrString, list, map, number, object, oneOfStrings, preserve, ref, string } from './schema-dsl.js';

const schema: JsonSchema = object(
  {
    apiVersion: string(),
    kind: string(),
    metadata: { type: 'object' },
    spec: object(
      {
        replicas: int32({ minimum: 0, maximum: 10 }),
        ratio: number(),
        paused: boolean(),
        mode: oneOfStrings(['Fast', 'Slow']),
        name: string({ minLength: 2, maxLength: 5, pattern: '^[a-z]+$' }),
        surge: intOrString(),
        labels: map(),
        items: list(object({ name: string(), port: int32(), nested: list(object({ x: string() })) }, { required: ['name'] }), { minItems: 1, maxItems: 3 }),
        keyed: list(object({ name: string() }, { required: ['name'] }), { mergeKey: 'name' }),
        tags: list(string(), { listType: 'set' }),
        free: preserve({ properties: { count: int32() } }),
        embedded: object({}, { 'x-kubernetes-embedded-resource': true, 'x-kubernetes-preserve-unknown-fields': true }),
        optionalNote: string({ nullable: true }),
        when: string({ format: 'date-time' }),
      },
      { required: ['replicas'] },
    ),
  },
  { required: ['spec'] },
);

const valid = { apiVersion: 'x/v1', kind: 'Thing', metadata: { name: 'a' }, spec: { replicas: 1 } };
const withSpec = (spec: Record<string, unknown>) => ({ ...valid, spec: { replicas: 1, ...spec } });

describe('pruneAndValidate: unknown fields', () => {
  it.each([
    ['a spec field', withSpec({ foo: 1 }), ['spec.foo']],
    ['a root field', { ...valid, extra: true }, ['extra']],
    ['fields inside array items, by index', withSpec({ items: [{ name: 'a' }, { name: 'b', bad: 1 }] }), ['spec.items[1].bad']],
    ['fields in nested arrays', withSpec({ items: [{ name: 'a', nested: [{ x: 'y' }, { z: 1 }] }] }), ['spec.items[0].nested[1].z']],
    ['several fields, in document order', withSpec({ a: 1, b: 2 }), ['spec.a', 'spec.b']],
    ['nothing inside a preserve-unknown object', withSpec({ free: { anything: { deep: 1 } } }), []],
    ['nothing for apiVersion/kind/metadata of an embedded resource', withSpec({ embedded: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' } } }), []],
    ['nothing for map keys', withSpec({ labels: { any: 'thing' } }), []],
  ])('reports %s', (_name, input, expected) => {
    const result = pruneAndValidate(input, schema);
    expect(result.unknownFields).toEqual(expected);
    expect(result.errors).toEqual([]);
  });

  it('drops unknown fields from the copy and leaves the input alone', () => {
    const input = withSpec({ foo: 1, items: [{ name: 'a', bad: 2 }] });
    const before = structuredClone(input);
    const result = pruneAndValidate(input, schema);
    expect(result.object).toEqual(withSpec({ items: [{ name: 'a' }] }));
    expect(input).toEqual(before);
  });

  it('validates metadata with the given ObjectMeta schema at the root', () => {
    const metadataSchema = object({ name: string(), labels: map() });
    const result = pruneAndValidate({ ...valid, metadata: { name: 'a', labels: { x: 'y' }, bogus: 1 } }, schema, { metadataSchema });
    expect(result.unknownFields).toEqual(['metadata.bogus']);
  });

  it('treats apiVersion, kind and metadata as unknown below the root unless embedded', () => {
    const result = pruneAndValidate(withSpec({ items: [{ name: 'a', kind: 'X' }] }), schema);
    expect(result.unknownFields).toEqual(['spec.items[0].kind']);
  });

  it('keeps validating known fields inside a preserve-unknown object', () => {
    const result = pruneAndValidate(withSpec({ free: { count: 'many', other: 1 } }), schema);
    expect(result.unknownFields).toEqual([]);
    expect(result.errors.map((e) => e.path)).toEqual(['spec.free.count']);
  });
});

describe('pruneAndValidate: errors', () => {
  it.each([
    ['wrong type', { replicas: 'two' }, 'spec.replicas', 'FieldValueTypeInvalid', 'Invalid value: "string": spec.replicas in body must be of type integer: "string"'],
    ['non-integer number for an integer', { replicas: 1.5 }, 'spec.replicas', 'FieldValueTypeInvalid', 'Invalid value: "number": spec.replicas in body must be of type integer: "number"'],
    ['below minimum', { replicas: -1 }, 'spec.replicas', 'FieldValueInvalid', 'Invalid value: -1: spec.replicas in body should be greater than or equal to 0'],
    ['above maximum', { replicas: 11 }, 'spec.replicas', 'FieldValueInvalid', 'Invalid value: 11: spec.replicas in body should be less than or equal to 10'],
    ['not in enum', { mode: 'Medium' }, 'spec.mode', 'FieldValueNotSupported', 'Unsupported value: "Medium": supported values: "Fast", "Slow"'],
    ['too short', { name: 'a' }, 'spec.name', 'FieldValueInvalid', 'Invalid value: "a": spec.name in body should be at least 2 chars long'],
    ['too long', { name: 'abcdef' }, 'spec.name', 'FieldValueTooLong', 'Too long: may not be more than 5 bytes'],
    ['pattern mismatch', { name: 'AB' }, 'spec.name', 'FieldValueInvalid', "Invalid value: \"AB\": spec.name in body should match '^[a-z]+$'"],
    ['too few items', { items: [] }, 'spec.items', 'FieldValueInvalid', 'Invalid value: 0: spec.items in body should have at least 1 items'],
    ['too many items', { items: [{ name: 'a' }, { name: 'b' }, { name: 'c' }, { name: 'd' }] }, 'spec.items', 'FieldValueTooMany', 'Too many: 4: must have at most 3 items'],
    ['missing required item field', { items: [{ port: 1 }] }, 'spec.items[0].name', 'FieldValueRequired', 'Required value'],
    ['int-or-string given a boolean', { surge: true }, 'spec.surge', 'FieldValueTypeInvalid', 'Invalid value: "boolean": spec.surge in body must be of type integer/string: "boolean"'],
    ['duplicate map-list key', { keyed: [{ name: 'a' }, { name: 'a' }] }, 'spec.keyed[1]', 'FieldValueDuplicate', 'Duplicate value: map[name:"a"]'],
    ['duplicate set item', { tags: ['x', 'x'] }, 'spec.tags[1]', 'FieldValueDuplicate', 'Duplicate value: "x"'],
    ['bad date-time', { when: 'yesterday' }, 'spec.when', 'FieldValueInvalid', 'Invalid value: "yesterday": spec.when in body must be of type date-time: "yesterday"'],
  ])('%s', (_name, spec, path, type, message) => {
    const result = pruneAndValidate(withSpec(spec), schema);
    expect(result.errors).toEqual([{ path, type, message }]);
  });

  it.each([
    ['an integer', 3],
    ['a string', '25%'],
  ])('accepts %s for int-or-string', (_name, surge) => {
    expect(pruneAndValidate(withSpec({ surge }), schema).errors).toEqual([]);
  });

  it('reports a missing required root field', () => {
    const result = pruneAndValidate({ apiVersion: 'x/v1', kind: 'Thing' }, schema);
    expect(result.errors).toEqual([{ path: 'spec', type: 'FieldValueRequired', message: 'Required value' }]);
  });

  it('keeps null in a nullable field and drops it from a non-nullable one', () => {
    const result = pruneAndValidate(withSpec({ optionalNote: null, ratio: null }), schema);
    expect(result.errors).toEqual([]);
    expect(result.object).toEqual(withSpec({ optionalNote: null }));
  });

  it('follows $ref through a resolver', () => {
    const components: Record<string, JsonSchema> = { Port: object({ port: int32() }) };
    const withRef = object({ spec: object({ ports: list(ref('Port')) }) });
    const result = pruneAndValidate({ spec: { ports: [{ port: 'x', foo: 1 }] } }, withRef, {
      resolve: (name) => components[name.replace('#/components/schemas/', '')],
    });
    expect(result.unknownFields).toEqual(['spec.ports[0].foo']);
    expect(result.errors.map((e) => e.path)).toEqual(['spec.ports[0].port']);
  });
});

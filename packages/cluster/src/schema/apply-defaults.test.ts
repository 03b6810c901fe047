// Structural defaulting: absent fields get their schema default, only where the parent exists.
import { describe, expect, it } from 'vitest';
import { applyDefaults } from './apply-defaults.js';
import { int32, list, map, object, string } from './schema-dsl.js';

const schema = object({
  spec: object({
    replicas: int32({ default: 1 }),
    strategy: object({ type: string({ default: 'RollingUpdate' }), maxSurge: string() }),
    ports: list(object({ port: int32(), protocol: string({ default: 'TCP' }) })),
    settings: map(object({ level: string({ default: 'info' }) })),
    note: string({ nullable: true, default: 'n' }),
    withObjectDefault: object({ a: int32({ default: 2 }) }, { default: {} }),
  }),
});

describe('applyDefaults', () => {
  it.each([
    ['fills an absent scalar', { spec: {} }, { replicas: 1, withObjectDefault: { a: 2 }, note: 'n' }],
    ['does not create a missing parent', { spec: { replicas: 3 } }, { replicas: 3, withObjectDefault: { a: 2 }, note: 'n' }],
    ['fills inside an existing parent', { spec: { strategy: {} } }, { replicas: 1, strategy: { type: 'RollingUpdate' }, withObjectDefault: { a: 2 }, note: 'n' }],
    ['fills every array item', { spec: { ports: [{ port: 80 }, { port: 81, protocol: 'UDP' }] } }, { replicas: 1, ports: [{ port: 80, protocol: 'TCP' }, { port: 81, protocol: 'UDP' }], withObjectDefault: { a: 2 }, note: 'n' }],
    ['fills map values', { spec: { settings: { a: {} } } }, { replicas: 1, settings: { a: { level: 'info' } }, withObjectDefault: { a: 2 }, note: 'n' }],
    ['replaces null in a non-nullable field', { spec: { replicas: null } }, { replicas: 1, withObjectDefault: { a: 2 }, note: 'n' }],
    ['keeps null in a nullable field', { spec: { note: null } }, { replicas: 1, withObjectDefault: { a: 2 }, note: null }],
  ])('%s', (_name, input, expectedSpec) => {
    expect(applyDefaults(structuredClone(input), schema)).toEqual({ spec: expectedSpec });
  });

  it('gives each object its own copy of a default', () => {
    const first = applyDefaults({ spec: {} }, schema) as { spec: { withObjectDefault: { a: number } } };
    first.spec.withObjectDefault.a = 99;
    const second = applyDefaults({ spec: {} }, schema) as { spec: { withObjectDefault: { a: number } } };
    expect(second.spec.withObjectDefault.a).toBe(2);
  });
});

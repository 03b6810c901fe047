// The compact descriptor notation for Kubernetes protobuf messages and its parser: one string per field,
// `'<number> <json name> <type>'`, listed in the Go struct's order (which is the JSON key order).
//
// Types:
//   string | int32 | int64 | bool | bytes | double | float   scalars (bytes become base64 in JSON, as Go encodes []byte)
//   Time | MicroTime | Quantity | IntOrString | FieldsV1 | StringList   well-known values with their own JSON form
//   <MessageName>                                              another message in the registry
//   []<type>                                                   repeated
//   map<string,<type>>                                         a map (entries are messages {1: key, 2: value})
// A leading `*` keeps a zero value that was present on the wire (a Go pointer such as `replicas *int32`, or a
// field without `omitempty` such as a container port); without it, a zero scalar is dropped as `omitempty` drops it.
// The name `...` marks an embedded Go struct whose fields JSON inlines into the parent (`VolumeSource` in `Volume`).
// Field numbers, names and pointer-ness follow k8s.io/api v0.32 types.go / generated.proto.

export const ScalarType = {
  String: 'string',
  Int32: 'int32',
  Int64: 'int64',
  Bool: 'bool',
  Bytes: 'bytes',
  Double: 'double',
  Float: 'float',
} as const;
export type ScalarType = (typeof ScalarType)[keyof typeof ScalarType];

/** Types whose JSON form is not an object of their proto fields (k8s.io/apimachinery custom marshalers). */
export const WellKnownType = {
  /** meta/v1 Time {seconds=1, nanos=2}: RFC 3339 in seconds; an empty message is the zero time (omitted). */
  Time: 'Time',
  /** meta/v1 MicroTime: RFC 3339 with microseconds. */
  MicroTime: 'MicroTime',
  /** api/resource Quantity {string=1}: the quantity string. */
  Quantity: 'Quantity',
  /** util/intstr IntOrString {type=1, intVal=2, strVal=3}: a number or a string. */
  IntOrString: 'IntOrString',
  /** meta/v1 FieldsV1 {Raw=1}: the raw bytes hold JSON. */
  FieldsV1: 'FieldsV1',
  /** A message wrapping `repeated string items = 1` that JSON shows as the bare list (authentication ExtraValue). */
  StringList: 'StringList',
} as const;
export type WellKnownType = (typeof WellKnownType)[keyof typeof WellKnownType];

export const FieldShape = { Single: 'single', Repeated: 'repeated', Map: 'map' } as const;
export type FieldShape = (typeof FieldShape)[keyof typeof FieldShape];

export interface FieldDescriptor {
  readonly number: number;
  /** The JSON field name; '' for an inlined embedded struct. */
  readonly name: string;
  readonly inline: boolean;
  readonly shape: FieldShape;
  /** The value type: a scalar, a well-known type or a message name (for maps, the value type; keys are strings). */
  readonly type: string;
  /** Keep a zero value that was on the wire (Go pointer or no omitempty). */
  readonly keepZero: boolean;
}

export interface MessageDescriptor {
  readonly name: string;
  /** In JSON key order. */
  readonly fields: readonly FieldDescriptor[];
  readonly byNumber: ReadonlyMap<number, FieldDescriptor>;
}

/** Message name → its field strings. */
export type MessageSpecs = Readonly<Record<string, readonly string[]>>;

export class DescriptorSyntaxError extends Error {
  override readonly name = 'DescriptorSyntaxError';
}

const scalarTypes = new Set<string>(Object.values(ScalarType));
const wellKnownTypes = new Set<string>(Object.values(WellKnownType));

export function isScalarType(type: string): type is ScalarType {
  return scalarTypes.has(type);
}

export function isWellKnownType(type: string): type is WellKnownType {
  return wellKnownTypes.has(type);
}

/** Parses `'3 template PodTemplateSpec'`, `'1 replicas *int32'`, `'2 data map<string,bytes>'`, `'1 ... ObjectMeta'`. */
export function parseFieldSpec(message: string, spec: string): FieldDescriptor {
  const match = /^(\d+) (\.\.\.|[A-Za-z_][A-Za-z0-9_]*) (\*)?(\[\])?(?:map<string,([A-Za-z0-9_]+)>|([A-Za-z0-9_]+))$/.exec(spec);
  if (match === null) throw new DescriptorSyntaxError(`${message}: cannot parse field "${spec}"`);
  const [, number, name, star, list, mapValue, single] = match;
  const type = mapValue ?? single ?? '';
  if (list !== undefined && mapValue !== undefined) throw new DescriptorSyntaxError(`${message}: a map cannot be repeated in "${spec}"`);
  const inline = name === '...';
  return {
    number: Number(number),
    name: inline ? '' : (name ?? ''),
    inline,
    shape: mapValue !== undefined ? FieldShape.Map : list !== undefined ? FieldShape.Repeated : FieldShape.Single,
    type,
    keepZero: star !== undefined,
  };
}

export function parseMessageSpec(name: string, specs: readonly string[]): MessageDescriptor {
  const fields = specs.map((spec) => parseFieldSpec(name, spec));
  const byNumber = new Map<number, FieldDescriptor>();
  for (const field of fields) {
    if (byNumber.has(field.number)) throw new DescriptorSyntaxError(`${name}: field number ${field.number} appears twice`);
    byNumber.set(field.number, field);
  }
  return { name, fields, byNumber };
}

/** Parses every message and checks that each referenced message type exists; throws on a bad table at load. */
export function buildMessageRegistry(tables: readonly MessageSpecs[]): ReadonlyMap<string, MessageDescriptor> {
  const registry = new Map<string, MessageDescriptor>();
  for (const table of tables) {
    for (const [name, specs] of Object.entries(table)) {
      if (registry.has(name)) throw new DescriptorSyntaxError(`message ${name} is defined twice`);
      registry.set(name, parseMessageSpec(name, specs));
    }
  }
  for (const message of registry.values()) {
    for (const field of message.fields) {
      if (isScalarType(field.type) || isWellKnownType(field.type) || registry.has(field.type)) continue;
      throw new DescriptorSyntaxError(`${message.name}.${field.name || '...'} refers to unknown type ${field.type}`);
    }
  }
  return registry;
}

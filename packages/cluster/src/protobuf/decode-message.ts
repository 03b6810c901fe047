// Decodes one protobuf message into plain JSON by its descriptor, the way Go would unmarshal it into the typed struct
// and then JSON-encode it: absent fields stay absent, zero scalars are dropped unless the field keeps zeros,
// present sub-messages are written even when empty (Go never omits a struct value), and unknown fields are skipped.
import {
  FieldShape,
  isScalarType,
  isWellKnownType,
  messageRegistry,
  type FieldDescriptor,
  type MessageDescriptor,
} from './descriptors/index.js';
import { ProtobufDecodeError } from './protobuf-errors.js';
import { decodeWellKnownValue } from './well-known-values.js';
import { WireReader, WireType, describeWireType, type FieldTag } from './wire-reader.js';

/** A field number the descriptors do not know, at a JSON path such as `spec.template.spec`. */
export interface UnknownField {
  readonly path: string;
  readonly fieldNumber: number;
  readonly wireType: string;
}

export interface MessageDecodeContext {
  /** Collects skipped fields, for debugging a client that sends fields newer than these descriptors. */
  readonly unknownFields: UnknownField[];
}

type JsonObject = Record<string, unknown>;

/** A field value while reading: the last single value, every repeated value, or the map entries. */
type Accumulated = { single: unknown } | { list: unknown[] } | { map: Map<string, unknown> };

export function decodeMessage(bytes: Uint8Array, message: MessageDescriptor, context: MessageDecodeContext, path = ''): JsonObject {
  const reader = new WireReader(bytes);
  const values = new Map<number, Accumulated>();
  while (!reader.isAtEnd()) {
    const tag = readTagAt(reader, path);
    const field = message.byNumber.get(tag.fieldNumber);
    if (field === undefined) {
      context.unknownFields.push({ path: path === '' ? message.name : path, fieldNumber: tag.fieldNumber, wireType: describeWireType(tag.wireType) });
      withPath(path, () => reader.skip(tag.wireType));
      continue;
    }
    const fieldPath = field.inline ? path : joinPath(path, field.name);
    withPath(fieldPath, () => readField({ reader, tag, field, values, context, path: fieldPath }));
  }
  return assembleObject(message, values);
}

interface FieldRead {
  readonly reader: WireReader;
  readonly tag: FieldTag;
  readonly field: FieldDescriptor;
  readonly values: Map<number, Accumulated>;
  readonly context: MessageDecodeContext;
  readonly path: string;
}

function readField({ reader, tag, field, values, context, path }: FieldRead): void {
  const existing = values.get(field.number);
  if (field.shape === FieldShape.Map) {
    expectWireType(tag.wireType, WireType.LengthDelimited, `map<string,${field.type}>`);
    const entries = existing !== undefined && 'map' in existing ? existing.map : new Map<string, unknown>();
    const [key, value] = readMapEntry(reader.readBytes(), field.type, context, path);
    entries.set(key, value);
    values.set(field.number, { map: entries });
    return;
  }
  if (field.shape === FieldShape.Repeated) {
    const list = existing !== undefined && 'list' in existing ? existing.list : [];
    if (tag.wireType === WireType.LengthDelimited && isPackable(field.type)) {
      const packed = new WireReader(reader.readBytes());
      const elementWireType = wireTypeOf(field.type);
      while (!packed.isAtEnd()) list.push(readValue(packed, elementWireType, field.type, context, `${path}[${list.length}]`) ?? null);
    } else {
      list.push(readValue(reader, tag.wireType, field.type, context, `${path}[${list.length}]`) ?? null);
    }
    values.set(field.number, { list });
    return;
  }
  values.set(field.number, { single: readValue(reader, tag.wireType, field.type, context, path) });
}

/** A map entry is a message {1: key, 2: value}; a missing part is its type's zero value, as in Go. */
function readMapEntry(bytes: Uint8Array, valueType: string, context: MessageDecodeContext, path: string): [string, unknown] {
  const reader = new WireReader(bytes);
  let key = '';
  let value: unknown;
  let sawValue = false;
  while (!reader.isAtEnd()) {
    const tag = reader.readTag();
    if (tag.fieldNumber === 1) {
      expectWireType(tag.wireType, WireType.LengthDelimited, 'map key');
      key = reader.readString();
    } else if (tag.fieldNumber === 2) {
      value = readValue(reader, tag.wireType, valueType, context, joinPath(path, key));
      sawValue = true;
    } else {
      reader.skip(tag.wireType);
    }
  }
  if (!sawValue) value = zeroValueOf(valueType, context, joinPath(path, key));
  return [key, value ?? null];
}

/** One value of a field's type; `undefined` only for a zero Time. */
function readValue(reader: WireReader, wireType: WireType, type: string, context: MessageDecodeContext, path: string): unknown {
  expectWireType(wireType, wireTypeOf(type), type);
  switch (type) {
    case 'string':
      return reader.readString();
    case 'bytes':
      // Go's encoding/json writes []byte as standard base64.
      return Buffer.from(reader.readBytes()).toString('base64');
    case 'int32':
      return reader.readInt32();
    case 'int64':
      return reader.readInt64();
    case 'bool':
      return reader.readBool();
    case 'double':
      return reader.readDouble();
    case 'float':
      return reader.readFloat();
  }
  return decodeEmbedded(type, reader.readBytes(), context, path);
}

/** A well-known value or a sub-message from its bytes. */
function decodeEmbedded(type: string, bytes: Uint8Array, context: MessageDecodeContext, path: string): unknown {
  if (isWellKnownType(type)) return decodeWellKnownValue(type, bytes);
  const message = messageRegistry.get(type);
  if (message === undefined) throw new ProtobufDecodeError(`no descriptor for message ${type}`);
  return decodeMessage(bytes, message, context, path);
}

/** What Go holds for a value that was not sent: '', 0, false, or an empty message. */
function zeroValueOf(type: string, context: MessageDecodeContext, path: string): unknown {
  switch (type) {
    case 'string':
    case 'bytes':
      return '';
    case 'bool':
      return false;
    case 'int32':
    case 'int64':
    case 'double':
    case 'float':
      return 0;
  }
  return decodeEmbedded(type, new Uint8Array(0), context, path);
}

/** Writes fields in the Go struct's order, leaving out what Go's JSON encoding would leave out. */
function assembleObject(message: MessageDescriptor, values: ReadonlyMap<number, Accumulated>): JsonObject {
  const out: JsonObject = {};
  for (const field of message.fields) {
    const value = values.get(field.number);
    if (value === undefined) continue;
    if ('list' in value) {
      if (value.list.length > 0) out[field.name] = value.list;
    } else if ('map' in value) {
      // fromEntries defines own properties, so a key such as `__proto__` stays an ordinary key.
      if (value.map.size > 0) out[field.name] = Object.fromEntries(value.map);
    } else if (field.inline) {
      Object.assign(out, value.single);
    } else if (value.single !== undefined && (field.keepZero || !isZeroScalar(value.single))) {
      out[field.name] = value.single;
    }
  }
  return out;
}

function isZeroScalar(value: unknown): boolean {
  return value === '' || value === 0 || value === false;
}

function wireTypeOf(type: string): WireType {
  switch (type) {
    case 'int32':
    case 'int64':
    case 'bool':
      return WireType.Varint;
    case 'double':
      return WireType.Fixed64;
    case 'float':
      return WireType.Fixed32;
    default:
      return WireType.LengthDelimited;
  }
}

function isPackable(type: string): boolean {
  return isScalarType(type) && wireTypeOf(type) !== WireType.LengthDelimited;
}

function expectWireType(actual: WireType, expected: WireType, what: string): void {
  if (actual !== expected) throw new ProtobufDecodeError(`${what} must be ${describeWireType(expected)}, got ${describeWireType(actual)}`);
}

function readTagAt(reader: WireReader, path: string): FieldTag {
  return withPath(path, () => reader.readTag());
}

/** Adds the field path to a decode error raised below it, once (the innermost path wins). */
function withPath<T>(path: string, read: () => T): T {
  try {
    return read();
  } catch (err: unknown) {
    if (err instanceof ProtobufDecodeError && err.path === undefined && path !== '') throw new ProtobufDecodeError(err.message, { path, cause: err });
    throw err;
  }
}

function joinPath(parent: string, name: string): string {
  return parent === '' ? name : `${parent}.${name}`;
}

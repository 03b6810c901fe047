// JSON forms of the apimachinery types with custom marshalers: Time, MicroTime, Quantity, IntOrString, FieldsV1,
// and string-list wrappers. Each takes the message bytes and returns the value Go's JSON encoding would write.
import { WellKnownType } from './descriptors/index.js';
import { ProtobufDecodeError } from './protobuf-errors.js';
import { WireReader, WireType, describeWireType } from './wire-reader.js';

/** The decoded JSON value; `undefined` for a zero time, which is left out of the object. */
export function decodeWellKnownValue(type: WellKnownType, bytes: Uint8Array): unknown {
  switch (type) {
    case WellKnownType.Time:
      return decodeTimestamp(bytes, { micro: false });
    case WellKnownType.MicroTime:
      return decodeTimestamp(bytes, { micro: true });
    case WellKnownType.Quantity:
      // An empty quantity is Go's zero Quantity, which marshals as "0".
      return readStrings(bytes, 'Quantity').at(-1) || '0';
    case WellKnownType.IntOrString:
      return decodeIntOrString(bytes);
    case WellKnownType.FieldsV1:
      return decodeFieldsV1(bytes);
    case WellKnownType.StringList:
      return readStrings(bytes, 'list item');
  }
}

/**
 * meta/v1 Time and MicroTime (time_proto.go / micro_time_proto.go): an empty message is the zero time; Time keeps whole
 * seconds (nanos are dropped, as upstream drops them); MicroTime keeps microseconds. Both render in UTC.
 */
function decodeTimestamp(bytes: Uint8Array, options: { micro: boolean }): string | undefined {
  if (bytes.length === 0) return undefined;
  const reader = new WireReader(bytes);
  let seconds = 0;
  let nanos = 0;
  while (!reader.isAtEnd()) {
    const tag = reader.readTag();
    if (tag.fieldNumber === 1 && tag.wireType === WireType.Varint) seconds = reader.readInt64();
    else if (tag.fieldNumber === 2 && tag.wireType === WireType.Varint) nanos = reader.readInt32();
    else reader.skip(tag.wireType);
  }
  const date = new Date(seconds * 1000);
  if (Number.isNaN(date.getTime()) || date.getUTCFullYear() > 9999 || date.getUTCFullYear() < 0) {
    throw new ProtobufDecodeError(`timestamp ${seconds}s is outside the years RFC 3339 can write`);
  }
  const base = date.toISOString().slice(0, 19);
  if (!options.micro) return `${base}Z`;
  const micros = Math.max(0, Math.min(999_999, Math.floor(nanos / 1000)));
  return `${base}.${String(micros).padStart(6, '0')}Z`;
}

/** util/intstr IntOrString {type=1 (0 int, 1 string), intVal=2, strVal=3}. */
function decodeIntOrString(bytes: Uint8Array): number | string {
  const reader = new WireReader(bytes);
  let type = 0;
  let intVal = 0;
  let strVal = '';
  while (!reader.isAtEnd()) {
    const tag = reader.readTag();
    if (tag.fieldNumber === 1 && tag.wireType === WireType.Varint) type = reader.readInt64();
    else if (tag.fieldNumber === 2 && tag.wireType === WireType.Varint) intVal = reader.readInt32();
    else if (tag.fieldNumber === 3 && tag.wireType === WireType.LengthDelimited) strVal = reader.readString();
    else reader.skip(tag.wireType);
  }
  if (type !== 0 && type !== 1) throw new ProtobufDecodeError(`IntOrString has impossible type ${type}`);
  return type === 1 ? strVal : intVal;
}

/** meta/v1 FieldsV1 {Raw=1}: the managed-fields set, stored as JSON bytes. */
function decodeFieldsV1(bytes: Uint8Array): unknown {
  const raw = readBytesFields(bytes, 'Raw').at(-1);
  if (raw === undefined || raw.length === 0) return {};
  try {
    return JSON.parse(Buffer.from(raw).toString('utf8')) as unknown;
  } catch (err: unknown) {
    throw new ProtobufDecodeError('FieldsV1 does not hold JSON', { cause: err });
  }
}

/** Every field-1 string in a message (Quantity's value, ExtraValue's items). */
function readStrings(bytes: Uint8Array, what: string): string[] {
  return readBytesFields(bytes, what).map((b) => Buffer.from(b).toString('utf8'));
}

function readBytesFields(bytes: Uint8Array, what: string): Uint8Array[] {
  const reader = new WireReader(bytes);
  const out: Uint8Array[] = [];
  while (!reader.isAtEnd()) {
    const tag = reader.readTag();
    if (tag.fieldNumber !== 1) {
      reader.skip(tag.wireType);
      continue;
    }
    if (tag.wireType !== WireType.LengthDelimited) {
      throw new ProtobufDecodeError(`${what} must be length-delimited, got ${describeWireType(tag.wireType)}`);
    }
    out.push(reader.readBytes());
  }
  return out;
}

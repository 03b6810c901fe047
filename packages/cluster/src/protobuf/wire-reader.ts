// A minimal protobuf wire-format reader: tags, varints (64-bit values as safe numbers), length-delimited
// fields, fixed32/fixed64, and skipping; every read past the end throws a ProtobufDecodeError.
// Wire format: https://protobuf.dev/programming-guides/encoding/
import { ProtobufDecodeError } from './protobuf-errors.js';

export const WireType = {
  Varint: 0,
  Fixed64: 1,
  LengthDelimited: 2,
  StartGroup: 3,
  EndGroup: 4,
  Fixed32: 5,
} as const;
export type WireType = (typeof WireType)[keyof typeof WireType];

const wireTypeNames: Record<number, string> = { 0: 'varint', 1: 'fixed64', 2: 'length-delimited', 3: 'start-group', 4: 'end-group', 5: 'fixed32' };

/** `varint`, `length-delimited`, … for messages. */
export function describeWireType(wireType: number): string {
  return wireTypeNames[wireType] ?? `unknown wire type ${wireType}`;
}

export interface FieldTag {
  readonly fieldNumber: number;
  readonly wireType: WireType;
}

const maxVarintBytes = 10;
const twoTo64 = 1n << 64n;

/** Reads one message's bytes front to back. Sub-messages get their own reader over a subarray (no copying). */
export class WireReader {
  private pos = 0;
  private readonly view: DataView;

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get offset(): number {
    return this.pos;
  }

  isAtEnd(): boolean {
    return this.pos >= this.bytes.length;
  }

  readTag(): FieldTag {
    const start = this.pos;
    const key = this.readUnsigned('field tag');
    const fieldNumber = Math.floor(key / 8);
    const wireType = key % 8;
    if (fieldNumber === 0) throw new ProtobufDecodeError(`invalid field number 0 at offset ${start}`);
    if (wireType > WireType.Fixed32) throw new ProtobufDecodeError(`invalid wire type ${wireType} at offset ${start}`);
    return { fieldNumber, wireType: wireType as WireType };
  }

  /** A varint as an unsigned integer; throws when it does not fit a safe JavaScript number. */
  readUnsigned(what = 'varint'): number {
    const value = this.readRawVarint(what);
    if (typeof value === 'number') return value;
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ProtobufDecodeError(`${what} ${value} is larger than ${Number.MAX_SAFE_INTEGER}`);
    return Number(value);
  }

  /** An int64 (two's complement, so negatives take 10 bytes) as a number; throws outside the safe range. */
  readInt64(): number {
    const raw = this.readRawVarint('int64');
    if (typeof raw === 'number') return raw;
    const signed = BigInt.asIntN(64, raw);
    if (signed > BigInt(Number.MAX_SAFE_INTEGER) || signed < BigInt(Number.MIN_SAFE_INTEGER)) {
      throw new ProtobufDecodeError(`int64 ${signed} is outside the range JSON numbers hold exactly`);
    }
    return Number(signed);
  }

  /** An int32: the low 32 bits of the varint, signed (negative int32 values are sign-extended to 10 bytes). */
  readInt32(): number {
    const raw = this.readRawVarint('int32');
    return typeof raw === 'number' ? raw | 0 : Number(BigInt.asIntN(32, raw));
  }

  readBool(): boolean {
    const raw = this.readRawVarint('bool');
    return raw !== 0 && raw !== 0n;
  }

  readDouble(): number {
    this.need(8, 'fixed64');
    const value = this.view.getFloat64(this.pos, true);
    this.pos += 8;
    return value;
  }

  readFloat(): number {
    this.need(4, 'fixed32');
    const value = this.view.getFloat32(this.pos, true);
    this.pos += 4;
    return value;
  }

  /** A length-delimited field's bytes, as a view into the input. */
  readBytes(): Uint8Array {
    const start = this.pos;
    const length = this.readUnsigned('length');
    if (length > this.bytes.length - this.pos) {
      throw new ProtobufDecodeError(`truncated input: length-delimited field at offset ${start} declares ${length} bytes, only ${this.bytes.length - this.pos} remain`);
    }
    const out = this.bytes.subarray(this.pos, this.pos + length);
    this.pos += length;
    return out;
  }

  readString(): string {
    return textDecoder.decode(this.readBytes());
  }

  /** Skips one field's value of the given wire type. Groups (deprecated, never used by Kubernetes) are rejected. */
  skip(wireType: WireType): void {
    switch (wireType) {
      case WireType.Varint:
        this.readRawVarint('varint');
        return;
      case WireType.Fixed64:
        this.need(8, 'fixed64');
        this.pos += 8;
        return;
      case WireType.LengthDelimited:
        this.readBytes();
        return;
      case WireType.Fixed32:
        this.need(4, 'fixed32');
        this.pos += 4;
        return;
      default:
        throw new ProtobufDecodeError(`cannot skip a field of wire type ${describeWireType(wireType)} at offset ${this.pos}`);
    }
  }

  /** Up to 10 bytes, 7 bits each; a plain number while it fits in 28 bits, a bigint past that. */
  private readRawVarint(what: string): number | bigint {
    const start = this.pos;
    let small = 0;
    for (let i = 0; i < 4; i++) {
      const byte = this.nextVarintByte(what, start);
      small |= (byte & 0x7f) << (7 * i);
      if ((byte & 0x80) === 0) return small >>> 0;
    }
    let big = BigInt(small >>> 0);
    for (let i = 4; i < maxVarintBytes; i++) {
      const byte = this.nextVarintByte(what, start);
      big |= BigInt(byte & 0x7f) << BigInt(7 * i);
      if ((byte & 0x80) === 0) return big % twoTo64;
    }
    throw new ProtobufDecodeError(`${what} at offset ${start} is longer than ${maxVarintBytes} bytes`);
  }

  private nextVarintByte(what: string, start: number): number {
    const byte = this.bytes[this.pos];
    if (byte === undefined) throw new ProtobufDecodeError(`truncated input: ${what} at offset ${start} runs past the end`);
    this.pos++;
    return byte;
  }

  private need(count: number, what: string): void {
    if (this.bytes.length - this.pos < count) throw new ProtobufDecodeError(`truncated input: ${what} at offset ${this.pos} needs ${count} bytes`);
  }
}

const textDecoder = new TextDecoder('utf-8');

// Tests for the protobuf wire reader: varint ranges, lengths, skipping, and clear errors on short or bad input.
import { describe, expect, it } from 'vitest';
import { ProtobufDecodeError } from './protobuf-errors.js';
import { encodeVarint, pb } from './testing/wire-encoder.js';
import { WireReader, WireType } from './wire-reader.js';

const reader = (...bytes: number[]): WireReader => new WireReader(Uint8Array.from(bytes));

describe('WireReader varints', () => {
  it.each([
    ['a one-byte value', 1, 1],
    ['the largest one-byte value', 127, 127],
    ['a two-byte value', 300, 300],
    ['a value past 28 bits', 2 ** 31 + 5, 2 ** 31 + 5],
    ['the largest safe integer', Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
    ['a negative int64 written as 10 bytes', -5, -5],
    ['the smallest safe integer', Number.MIN_SAFE_INTEGER, Number.MIN_SAFE_INTEGER],
  ])('reads %s as int64', (_name, written, expected) => {
    expect(new WireReader(encodeVarint(written)).readInt64()).toBe(expected);
  });

  it.each([
    ['a positive value', 42, 42],
    ['a negative value sign-extended to 10 bytes', -1, -1],
    ['the smallest int32', -(2 ** 31), -(2 ** 31)],
    ['the largest int32', 2 ** 31 - 1, 2 ** 31 - 1],
  ])('reads %s as int32', (_name, written, expected) => {
    expect(new WireReader(encodeVarint(written)).readInt32()).toBe(expected);
  });

  it('refuses an int64 that a JSON number cannot hold exactly', () => {
    expect(() => new WireReader(encodeVarint(2n ** 60n)).readInt64()).toThrow(/outside the range JSON numbers hold exactly/);
  });

  it('refuses a varint longer than 10 bytes', () => {
    expect(() => reader(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01).readInt64()).toThrow(/longer than 10 bytes/);
  });

  it('says a varint that runs off the end is truncated', () => {
    expect(() => reader(0x80, 0x80).readInt32()).toThrow(ProtobufDecodeError);
    expect(() => reader(0x80, 0x80).readInt32()).toThrow(/truncated input: int32 at offset 0 runs past the end/);
  });

  it('reads any non-zero varint as true', () => {
    expect(reader(0x02).readBool()).toBe(true);
    expect(reader(0x00).readBool()).toBe(false);
  });
});

describe('WireReader tags and length-delimited fields', () => {
  it('splits a tag into field number and wire type', () => {
    expect(new WireReader(pb.string(17, 'x')).readTag()).toEqual({ fieldNumber: 17, wireType: WireType.LengthDelimited });
  });

  it('rejects field number 0 and wire types above 5', () => {
    expect(() => reader(0x02).readTag()).toThrow(/invalid field number 0/);
    expect(() => reader(0x0e).readTag()).toThrow(/invalid wire type 6/);
  });

  it('reads strings as UTF-8', () => {
    const r = new WireReader(pb.string(1, 'héllo ✓'));
    r.readTag();
    expect(r.readString()).toBe('héllo ✓');
    expect(r.isAtEnd()).toBe(true);
  });

  it('says how many bytes a cut-off length-delimited field was missing', () => {
    expect(() => reader(0x05, 0x61, 0x62).readBytes()).toThrow(/declares 5 bytes, only 2 remain/);
  });
});

describe('WireReader.skip', () => {
  it.each([
    ['a varint', pb.varint(1, 300)],
    ['a fixed64', pb.fixed64(1, 1.5)],
    ['a length-delimited field', pb.string(1, 'skip me')],
    ['a fixed32', pb.fixed32(1, 7)],
  ])('skips %s and lands on the next field', (_name, field) => {
    const r = new WireReader(Buffer.concat([field, pb.varint(2, 9)]));
    r.skip(r.readTag().wireType);
    expect(r.readTag().fieldNumber).toBe(2);
    expect(r.readInt32()).toBe(9);
  });

  it('says a fixed32 or fixed64 cut short is truncated', () => {
    expect(() => reader(0x01, 0x02).skip(WireType.Fixed32)).toThrow(/truncated input: fixed32/);
    expect(() => reader(0x01).skip(WireType.Fixed64)).toThrow(/truncated input: fixed64/);
  });

  it('rejects groups, which Kubernetes never sends', () => {
    expect(() => reader(0x00).skip(WireType.StartGroup)).toThrow(/cannot skip a field of wire type start-group/);
  });
});

// A tiny protobuf encoder for tests: builds field bytes by hand so decoder tests can say exactly what is on the wire.

/** One encoded field (or any run of bytes). */
export type Encoded = Uint8Array;

export function concatBytes(...parts: readonly Encoded[]): Encoded {
  return Uint8Array.from(Buffer.concat(parts));
}

/** A varint; negative values are written as 64-bit two's complement (10 bytes), as protobuf does for int32/int64. */
export function encodeVarint(value: number | bigint): Encoded {
  let rest = BigInt.asUintN(64, BigInt(value));
  const out: number[] = [];
  do {
    const low = Number(rest & 0x7fn);
    rest >>= 7n;
    out.push(rest === 0n ? low : low | 0x80);
  } while (rest !== 0n);
  return Uint8Array.from(out);
}

function tag(field: number, wireType: number): Encoded {
  return encodeVarint(field * 8 + wireType);
}

export const pb = {
  varint: (field: number, value: number | bigint): Encoded => concatBytes(tag(field, 0), encodeVarint(value)),
  bool: (field: number, value: boolean): Encoded => concatBytes(tag(field, 0), encodeVarint(value ? 1 : 0)),
  bytes: (field: number, value: Uint8Array): Encoded => concatBytes(tag(field, 2), encodeVarint(value.length), value),
  string: (field: number, value: string): Encoded => pb.bytes(field, Buffer.from(value, 'utf8')),
  message: (field: number, ...parts: Encoded[]): Encoded => pb.bytes(field, concatBytes(...parts)),
  /** One map entry {1: key, 2: value}; pass the value already encoded as field 2. */
  entry: (field: number, key: string, value?: Encoded): Encoded => pb.message(field, pb.string(1, key), ...(value ? [value] : [])),
  stringEntry: (field: number, key: string, value: string): Encoded => pb.entry(field, key, pb.string(2, value)),
  fixed32: (field: number, value: number): Encoded => {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(value);
    return concatBytes(tag(field, 5), b);
  },
  fixed64: (field: number, value: number): Encoded => {
    const b = Buffer.alloc(8);
    b.writeDoubleLE(value);
    return concatBytes(tag(field, 1), b);
  },
};

/** A whole request body: `k8s\0` + runtime.Unknown {typeMeta {apiVersion, kind}, raw}. */
export function encodeEnvelope(options: { apiVersion: string; kind: string; raw: Encoded; extra?: Encoded }): Encoded {
  return concatBytes(
    Uint8Array.of(0x6b, 0x38, 0x73, 0x00),
    pb.message(1, pb.string(1, options.apiVersion), pb.string(2, options.kind)),
    pb.bytes(2, options.raw),
    options.extra ?? new Uint8Array(0),
  );
}

// Decodes a Kubernetes protobuf request body (`application/vnd.kubernetes.protobuf`): the `k8s\0` magic, a
// runtime.Unknown envelope {typeMeta=1 {apiVersion=1, kind=2}, raw=2, contentEncoding=3, contentType=4}, and the
// object in `raw`, into the JSON object a client would have sent (k8s.io/apimachinery/pkg/runtime/serializer/protobuf).
import type { KubeObject } from '@aviary/kube';
import { findKindDescriptor } from './descriptors/index.js';
import { decodeMessage, type UnknownField } from './decode-message.js';
import { ProtobufDecodeError, UnsupportedProtobufKindError } from './protobuf-errors.js';
import { WireReader, WireType } from './wire-reader.js';

/** The media type kubectl and client-go use for built-in kinds. */
export const kubernetesProtobufMediaType = 'application/vnd.kubernetes.protobuf';

/** `k8s\0`, the prefix of every Kubernetes protobuf body. */
export const kubernetesProtobufMagic: Uint8Array = Uint8Array.of(0x6b, 0x38, 0x73, 0x00);

/** The runtime.Unknown envelope around the object bytes. */
export interface ProtobufEnvelope {
  readonly apiVersion: string;
  readonly kind: string;
  readonly raw: Uint8Array;
  readonly contentEncoding: string;
  readonly contentType: string;
}

export interface ProtobufDecodeResult {
  readonly object: KubeObject;
  /** Fields the descriptors do not cover; they were skipped. */
  readonly unknownFields: readonly UnknownField[];
}

/**
 * Decodes a protobuf body into a JSON object with apiVersion and kind set. Throws ProtobufDecodeError for malformed
 * input (answer 400) and UnsupportedProtobufKindError for a kind without descriptors (answer 415).
 */
export function decodeKubernetesProtobuf(body: Uint8Array): KubeObject {
  return decodeKubernetesProtobufWithReport(body).object;
}

/** As decodeKubernetesProtobuf, also listing the fields that were skipped as unknown. */
export function decodeKubernetesProtobufWithReport(body: Uint8Array): ProtobufDecodeResult {
  const envelope = readProtobufEnvelope(body);
  const descriptor = findKindDescriptor(envelope.apiVersion, envelope.kind);
  if (descriptor === undefined) throw new UnsupportedProtobufKindError(envelope.apiVersion, envelope.kind);
  const unknownFields: UnknownField[] = [];
  const fields = decodeMessage(envelope.raw, descriptor, { unknownFields });
  const object: KubeObject = { apiVersion: envelope.apiVersion, kind: envelope.kind, ...fields };
  return { object, unknownFields };
}

/** Checks the magic and reads the runtime.Unknown envelope; the kind and apiVersion must be present. */
export function readProtobufEnvelope(body: Uint8Array): ProtobufEnvelope {
  if (body.length === 0) throw new ProtobufDecodeError('empty data');
  if (body.length < kubernetesProtobufMagic.length || !kubernetesProtobufMagic.every((byte, i) => body[i] === byte)) {
    throw new ProtobufDecodeError('provided object is not a valid protobuf envelope: it does not start with the k8s\\0 prefix');
  }
  if (body.length === kubernetesProtobufMagic.length) throw new ProtobufDecodeError('empty body');
  const reader = new WireReader(body.subarray(kubernetesProtobufMagic.length));
  let apiVersion = '';
  let kind = '';
  let raw: Uint8Array = new Uint8Array(0);
  let contentEncoding = '';
  let contentType = '';
  while (!reader.isAtEnd()) {
    const tag = reader.readTag();
    if (tag.wireType !== WireType.LengthDelimited || tag.fieldNumber > 4) {
      reader.skip(tag.wireType);
      continue;
    }
    if (tag.fieldNumber === 1) ({ apiVersion, kind } = readTypeMeta(reader.readBytes(), { apiVersion, kind }));
    else if (tag.fieldNumber === 2) raw = reader.readBytes();
    else if (tag.fieldNumber === 3) contentEncoding = reader.readString();
    else contentType = reader.readString();
  }
  if (kind === '') throw new ProtobufDecodeError("Object 'Kind' is missing in the protobuf envelope");
  if (apiVersion === '') throw new ProtobufDecodeError(`Object 'apiVersion' is missing in the protobuf envelope of kind ${kind}`);
  return { apiVersion, kind, raw, contentEncoding, contentType };
}

/** runtime.TypeMeta {apiVersion=1, kind=2}; fields seen before (a repeated typeMeta merges) are kept unless replaced. */
function readTypeMeta(bytes: Uint8Array, previous: { apiVersion: string; kind: string }): { apiVersion: string; kind: string } {
  const reader = new WireReader(bytes);
  let { apiVersion, kind } = previous;
  while (!reader.isAtEnd()) {
    const tag = reader.readTag();
    if (tag.wireType === WireType.LengthDelimited && tag.fieldNumber === 1) apiVersion = reader.readString();
    else if (tag.wireType === WireType.LengthDelimited && tag.fieldNumber === 2) kind = reader.readString();
    else reader.skip(tag.wireType);
  }
  return { apiVersion, kind };
}

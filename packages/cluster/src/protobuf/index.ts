// Decoding of Kubernetes protobuf request bodies (application/vnd.kubernetes.protobuf) into JSON objects.
export {
  decodeKubernetesProtobuf,
  decodeKubernetesProtobufWithReport,
  kubernetesProtobufMagic,
  kubernetesProtobufMediaType,
  readProtobufEnvelope,
  type ProtobufDecodeResult,
  type ProtobufEnvelope,
} from './decode.js';
export type { UnknownField } from './decode-message.js';
export { findKindDescriptor, listDecodableKinds } from './descriptors/index.js';
export {
  ProtobufDecodeError,
  UnsupportedProtobufKindError,
  isProtobufDecodeError,
  isUnsupportedProtobufKindError,
} from './protobuf-errors.js';

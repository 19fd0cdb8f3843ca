/**
 * The protobuf runtime: wire reader and writer, the codecs of the scalar messages API types use
 * (Time, MicroTime, Quantity, IntOrString, Duration, RawExtension, FieldsV1, JSON, bytes) and the
 * `k8s\0` + runtime.Unknown envelope. Generated `protobuf.generated.ts` files import from here.
 *
 * Scalar codecs have the shape of generated message codecs: `encodeX(value, w)` writes the
 * message's fields and `decodeX(r, length)` reads `length` bytes of them.
 */
export type { ProtobufCodec } from '../scheme-types.js';
export { encodeIntOrString, decodeIntOrString } from './int-or-string.js';
export { encodeDuration, decodeDuration } from './duration.js';
export { ENVELOPE_PREFIX, encodeEnvelope, decodeEnvelope } from './envelope.js';
export type { Envelope } from './envelope.js';
export {
  encodeFieldsV1,
  decodeFieldsV1,
  encodeJSON,
  decodeJSON,
  encodeRawExtension,
  decodeRawExtension,
} from './embedded-json.js';
export type { JsonObject } from './embedded-json.js';
export { ProtobufDecodeError, ProtobufEncodeError } from './errors.js';
export { formatGoDuration, parseGoDuration } from './go-duration.js';
export { readInt64, readInt64BigInt, writeInt64, writeInt64BigInt } from './int64.js';
export { compareCodePoints, sortedKeys } from './map-keys.js';
export { checkEnd, decodeFailure } from './message.js';
export { encodeQuantity, decodeQuantity } from './quantity.js';
export { Reader } from './reader.js';
export { formatRfc3339, parseRfc3339 } from './rfc3339.js';
export type { Instant } from './rfc3339.js';
export { encodeTime, decodeTime, encodeMicroTime, decodeMicroTime } from './time.js';
export { readBase64, writeBase64 } from './bytes.js';
export { Writer } from './writer.js';
export { dropGoZeroMetadata, dropObjectMetaZeros } from './go-zero-meta.js';

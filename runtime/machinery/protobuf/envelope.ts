/**
 * The envelope of every Kubernetes protobuf body (`application/vnd.kubernetes.protobuf`): the
 * four bytes `k8s\0`, then a runtime.Unknown message:
 *
 *   message Unknown {
 *     TypeMeta typeMeta = 1;        // { string apiVersion = 1; string kind = 2; }
 *     bytes raw = 2;                // the object's own message
 *     string contentEncoding = 3;
 *     string contentType = 4;
 *   }
 */
import { ProtobufDecodeError } from './errors.js';
import { checkEnd, decodeFailure } from './message.js';
import { Reader } from './reader.js';
import { Writer } from './writer.js';

/** `k8s\0`. */
export const ENVELOPE_PREFIX: Uint8Array = Uint8Array.of(0x6b, 0x38, 0x73, 0x00);

/** The same four bytes as the little-endian 32-bit word Writer.fixed32 writes. */
const PREFIX_WORD = 0x0073386b;

export interface Envelope {
  readonly apiVersion: string;
  readonly kind: string;
  /** The object's message; `raw` shares memory with the decoded input. */
  readonly raw: Uint8Array;
  readonly contentEncoding: string;
  readonly contentType: string;
}

/** The body Go's protobuf serializer writes for an object: every field, the empty strings too. */
export function encodeEnvelope(apiVersion: string, kind: string, raw: Uint8Array): Uint8Array {
  const w = Writer.create().fixed32(PREFIX_WORD);
  w.uint32(10).fork().uint32(10).string(apiVersion).uint32(18).string(kind).ldelim();
  return w.uint32(18).bytes(raw).uint32(26).string('').uint32(34).string('').finish();
}

export function decodeEnvelope(bytes: Uint8Array): Envelope {
  if (bytes.length < ENVELOPE_PREFIX.length || !ENVELOPE_PREFIX.every((b, i) => bytes[i] === b)) {
    const start = Array.from(bytes.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join(' ');
    throw new ProtobufDecodeError(
      `not a Kubernetes protobuf message: it starts with [${start}], not the prefix k8s\\0 [6b 38 73 00]`,
    );
  }
  const r = new Reader(bytes.subarray(ENVELOPE_PREFIX.length));
  try {
    return readUnknown(r);
  } catch (error) {
    throw decodeFailure(error, 'runtime.Unknown envelope');
  }
}

function readUnknown(r: Reader): Envelope {
  let apiVersion = '';
  let kind = '';
  let raw: Uint8Array = new Uint8Array(0);
  let contentEncoding = '';
  let contentType = '';
  while (r.pos < r.len) {
    const tag = r.uint32();
    switch (tag) {
      case 10: {
        const end = r.uint32() + r.pos;
        while (r.pos < end) {
          const inner = r.uint32();
          if (inner === 10) apiVersion = r.string();
          else if (inner === 18) kind = r.string();
          else r.skipType(inner & 7);
        }
        checkEnd(r, end);
        break;
      }
      case 18:
        raw = r.bytes();
        break;
      case 26:
        contentEncoding = r.string();
        break;
      case 34:
        contentType = r.string();
        break;
      default:
        r.skipType(tag & 7);
    }
  }
  return { apiVersion, kind, raw, contentEncoding, contentType };
}

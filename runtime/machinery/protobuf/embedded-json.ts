/**
 * Values carried as JSON text inside a bytes field: RawExtension (`bytes raw = 1`), FieldsV1
 * (`bytes Raw = 1`) and apiextensions' JSON (`bytes raw = 1`). An empty or missing field is
 * Go's nil, whose JSON is `null`; the decoders return null for it.
 */
import { ProtobufDecodeError } from './errors.js';
import { checkEnd } from './message.js';
import type { Reader } from './reader.js';
import type { Writer } from './writer.js';

/** An embedded object as JSON sees it. */
export type JsonObject = { [key: string]: unknown };

export function encodeRawExtension(value: JsonObject, w: Writer): Writer {
  return w.uint32(10).string(JSON.stringify(value));
}

export function decodeRawExtension(r: Reader, length: number): JsonObject | null {
  return readJson(r, length, 'RawExtension') as JsonObject | null;
}

export function encodeFieldsV1(value: JsonObject, w: Writer): Writer {
  return w.uint32(10).string(JSON.stringify(value));
}

export function decodeFieldsV1(r: Reader, length: number): JsonObject | null {
  return readJson(r, length, 'FieldsV1') as JsonObject | null;
}

export function encodeJSON(value: unknown, w: Writer): Writer {
  return w.uint32(10).string(JSON.stringify(value));
}

export function decodeJSON(r: Reader, length: number): unknown {
  return readJson(r, length, 'JSON');
}

/** The `k8s\0` prefix of a protobuf-encoded object, which Go may leave in a RawExtension. */
const PROTOBUF_PREFIX = [0x6b, 0x38, 0x73, 0x00];

function readJson(r: Reader, length: number, what: string): unknown {
  const end = r.pos + length;
  let raw: Uint8Array | undefined;
  while (r.pos < end) {
    const tag = r.uint32();
    if (tag === 10) raw = r.bytes();
    else r.skipType(tag & 7);
  }
  checkEnd(r, end);
  if (raw === undefined || raw.length === 0) return null;
  if (PROTOBUF_PREFIX.every((b, i) => raw[i] === b)) {
    throw new ProtobufDecodeError(`${what} holds a protobuf-encoded object; only JSON content is supported`);
  }
  const text = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ProtobufDecodeError(`${what} does not hold JSON: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

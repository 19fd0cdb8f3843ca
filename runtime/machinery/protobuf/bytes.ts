/** `bytes` fields: base64 text in JSON (and in the API types), raw bytes on the wire. */
import { ProtobufEncodeError } from './errors.js';
import type { Reader } from './reader.js';
import type { Writer } from './writer.js';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Writes base64 `value` as a bytes field's payload; rejects text that is not padded standard base64. */
export function writeBase64(w: Writer, value: string): Writer {
  if (!BASE64.test(value))
    throw new ProtobufEncodeError(
      `bad bytes value: ${JSON.stringify(value.slice(0, 40))} is not padded base64`,
    );
  return w.bytes(Buffer.from(value, 'base64'));
}

/** Reads a bytes field's payload as base64 text. */
export function readBase64(r: Reader): string {
  const bytes = r.bytes();
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/**
 * Time and MicroTime: `message Time { int64 seconds = 1; int32 nanos = 2; }` (MicroTime has the
 * same fields) ↔ RFC 3339 text. Time's JSON has whole seconds (`2008-01-01T01:01:01Z`),
 * MicroTime's six fraction digits (`2008-01-01T01:01:01.000000Z`); the wire keeps nanoseconds.
 *
 * Go's zero time (0001-01-01T00:00:00Z) is written as an empty message and its JSON is `null`;
 * the decoders return null for it, which field decoders leave out, and the encoders take null
 * (a zero time in a map or list) back to the empty message.
 */
import { ProtobufDecodeError, ProtobufEncodeError } from './errors.js';
import { readInt64, writeInt64 } from './int64.js';
import { checkEnd } from './message.js';
import { formatRfc3339, MAX_RFC3339_SECONDS, MIN_RFC3339_SECONDS, parseRfc3339 } from './rfc3339.js';
import type { Reader } from './reader.js';
import type { Writer } from './writer.js';

/** Unix seconds of Go's zero time.Time, 0001-01-01T00:00:00Z. */
const GO_ZERO_SECONDS = -62135596800;
const NANOS_PER_SECOND = 1e9;

export function encodeTime(value: string | null, w: Writer): Writer {
  return writeTimestamp(value, w, 'Time');
}

export function decodeTime(r: Reader, length: number): string | null {
  return readTimestamp(r, length, 0, 'Time');
}

export function encodeMicroTime(value: string | null, w: Writer): Writer {
  return writeTimestamp(value, w, 'MicroTime');
}

export function decodeMicroTime(r: Reader, length: number): string | null {
  return readTimestamp(r, length, 6, 'MicroTime');
}

function writeTimestamp(value: string | null, w: Writer, what: string): Writer {
  if (value === null) return w;
  const instant = parseRfc3339(value);
  if (instant === undefined) {
    throw new ProtobufEncodeError(
      `bad ${what} ${JSON.stringify(value)}: want RFC 3339, e.g. 2008-01-01T01:01:01Z`,
    );
  }
  if (instant.seconds === GO_ZERO_SECONDS && instant.nanos === 0) return w;
  // Go writes both fields even when zero; so do we, for identical bytes.
  return writeInt64(w.uint32(8), instant.seconds).uint32(16).int32(instant.nanos);
}

function readTimestamp(r: Reader, length: number, fractionDigits: number, what: string): string | null {
  if (length === 0) return null;
  const end = r.pos + length;
  let seconds = 0;
  let nanos = 0;
  while (r.pos < end) {
    const tag = r.uint32();
    switch (tag) {
      case 8:
        seconds = readInt64(r);
        break;
      case 16:
        nanos = r.int32();
        break;
      default:
        r.skipType(tag & 7);
    }
  }
  checkEnd(r, end);
  // Go's time.Unix accepts nanoseconds outside [0, 1e9) and carries them into the seconds.
  if (nanos < 0 || nanos >= NANOS_PER_SECOND) {
    const carry = Math.floor(nanos / NANOS_PER_SECOND);
    seconds += carry;
    nanos -= carry * NANOS_PER_SECOND;
  }
  if (seconds === GO_ZERO_SECONDS && nanos === 0) return null;
  if (seconds < MIN_RFC3339_SECONDS || seconds > MAX_RFC3339_SECONDS) {
    throw new ProtobufDecodeError(
      `${what} of ${seconds} seconds lies outside the years 0000–9999 RFC 3339 can write`,
    );
  }
  return formatRfc3339(seconds, nanos, fractionDigits);
}

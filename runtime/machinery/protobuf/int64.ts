/**
 * 64-bit varints. protobufjs returns `Long` objects for int64; API types hold int64 as a
 * number (exact up to 2^53, like JSON) and Duration needs every bit, so both are read here
 * straight from the buffer.
 */
import { ProtobufDecodeError } from './errors.js';
import type { Reader } from './reader.js';
import type { Writer } from './writer.js';

const TWO_TO_32 = 4294967296;

// The halves of the varint readVarint64 read last; module state keeps the hot path allocation-free.
let low = 0;
let high = 0;

/** Reads a varint of up to 10 bytes into `low` and `high` (unsigned 32-bit halves). */
function readVarint64(r: Reader): void {
  const buf = r.buf;
  const len = r.len;
  let pos = r.pos;
  let lo = 0;
  let b = 0;
  // Bytes 0-3 carry bits 0-27.
  for (let shift = 0; shift < 28; shift += 7) {
    if (pos >= len) throw truncated(r);
    b = buf[pos++]!;
    lo |= (b & 0x7f) << shift;
    if (b < 0x80) {
      r.pos = pos;
      low = lo;
      high = 0;
      return;
    }
  }
  // Byte 4 carries bits 28-31 and 32-34.
  if (pos >= len) throw truncated(r);
  b = buf[pos++]!;
  lo |= (b & 0x0f) << 28;
  let hi = (b & 0x7f) >> 4;
  // Bytes 5-9 carry bits 35-63.
  for (let shift = 3; b >= 0x80 && shift < 32; shift += 7) {
    if (pos >= len) throw truncated(r);
    b = buf[pos++]!;
    hi |= (b & 0x7f) << shift;
  }
  if (b >= 0x80) throw new ProtobufDecodeError(`bad varint at offset ${r.pos}: longer than 10 bytes`);
  r.pos = pos;
  low = lo >>> 0;
  high = hi >>> 0;
}

function truncated(r: Reader): ProtobufDecodeError {
  return new ProtobufDecodeError(`truncated data: a varint at offset ${r.pos} runs past the end (${r.len})`);
}

/** Reads an int64 varint as a number; beyond ±2^53 it is the nearest double, as in JSON. */
export function readInt64(r: Reader): number {
  readVarint64(r);
  return (high | 0) * TWO_TO_32 + low;
}

/** Reads an int64 varint exactly. */
export function readInt64BigInt(r: Reader): bigint {
  readVarint64(r);
  return BigInt.asIntN(64, (BigInt(high) << 32n) | BigInt(low));
}

/** Writes an int64 varint. Values are truncated toward zero, as protobufjs does. */
export function writeInt64(w: Writer, value: number): Writer {
  // Most int64 fields (generations, counts, seconds) fit 32 bits: one varint, no LongBits object.
  return value >= 0 && value < TWO_TO_32 ? w.uint32(value) : w.int64(value);
}

type Int64Input = Parameters<Writer['int64']>[0];

/** Writes an int64 varint exactly; `value` wraps to 64 bits two's complement. */
export function writeInt64BigInt(w: Writer, value: bigint): Writer {
  const bits = BigInt.asUintN(64, value);
  // protobufjs takes anything with `low` and `high` 32-bit halves as a Long.
  const long = { low: Number(bits & 0xffffffffn) | 0, high: Number(bits >> 32n) | 0, unsigned: false };
  return w.int64(long as unknown as Int64Input);
}

/** Duration: `message Duration { int64 duration = 1; }` in nanoseconds ↔ Go duration text. */
import { ProtobufEncodeError } from './errors.js';
import { formatGoDuration, parseGoDuration } from './go-duration.js';
import { readInt64BigInt, writeInt64BigInt } from './int64.js';
import { checkEnd } from './message.js';
import type { Reader } from './reader.js';
import type { Writer } from './writer.js';

export function encodeDuration(value: string, w: Writer): Writer {
  let nanoseconds: bigint;
  try {
    nanoseconds = parseGoDuration(value);
  } catch (error) {
    throw new ProtobufEncodeError(`bad Duration ${JSON.stringify(value)}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  // Go writes the field even when zero.
  return writeInt64BigInt(w.uint32(8), nanoseconds);
}

export function decodeDuration(r: Reader, length: number): string {
  const end = r.pos + length;
  let nanoseconds = 0n;
  while (r.pos < end) {
    const tag = r.uint32();
    if (tag === 8) nanoseconds = readInt64BigInt(r);
    else r.skipType(tag & 7);
  }
  checkEnd(r, end);
  return formatGoDuration(nanoseconds);
}

/**
 * Quantity: `message Quantity { string string = 1; }` ↔ the quantity text (`100m`, `1Gi`).
 * The text travels as given; Go would canonicalise it, which needs its quantity parser.
 */
import { checkEnd } from './message.js';
import type { Reader } from './reader.js';
import type { Writer } from './writer.js';

export function encodeQuantity(value: string, w: Writer): Writer {
  return w.uint32(10).string(value);
}

/** A message without the string is Go's zero Quantity, whose text is `0`. */
export function decodeQuantity(r: Reader, length: number): string {
  const end = r.pos + length;
  let text = '0';
  while (r.pos < end) {
    const tag = r.uint32();
    if (tag === 10) text = r.string();
    else r.skipType(tag & 7);
  }
  checkEnd(r, end);
  return text;
}

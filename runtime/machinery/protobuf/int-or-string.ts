/**
 * IntOrString: `message IntOrString { int64 type = 1; int32 intVal = 2; string strVal = 3; }`
 * with type 0 for an int and 1 for a string ↔ a number or a string.
 */
import { ProtobufDecodeError, ProtobufEncodeError } from './errors.js';
import { readInt64 } from './int64.js';
import { checkEnd } from './message.js';
import type { Reader } from './reader.js';
import type { Writer } from './writer.js';

const INT = 0;
const STRING = 1;

/** Writes all three fields, even the unused ones, as Go does. */
export function encodeIntOrString(value: number | string, w: Writer): Writer {
  if (typeof value === 'string')
    return w.uint32(8).uint32(STRING).uint32(16).uint32(0).uint32(26).string(value);
  if (!Number.isInteger(value) || value < -2147483648 || value > 2147483647) {
    throw new ProtobufEncodeError(`bad IntOrString ${value}: a number must be a 32-bit integer`);
  }
  return w.uint32(8).uint32(INT).uint32(16).int32(value).uint32(26).string('');
}

export function decodeIntOrString(r: Reader, length: number): number | string {
  const end = r.pos + length;
  let type = INT;
  let intVal = 0;
  let strVal = '';
  while (r.pos < end) {
    const tag = r.uint32();
    switch (tag) {
      case 8:
        type = readInt64(r);
        break;
      case 16:
        intVal = r.int32();
        break;
      case 26:
        strVal = r.string();
        break;
      default:
        r.skipType(tag & 7);
    }
  }
  checkEnd(r, end);
  if (type === INT) return intVal;
  if (type === STRING) return strVal;
  throw new ProtobufDecodeError(`bad IntOrString: type ${type} is neither 0 (int) nor 1 (string)`);
}

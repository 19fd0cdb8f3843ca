/** Framing checks shared by every message decoder, and the error a failed decode reports. */
import { ProtobufDecodeError } from './errors.js';
import type { Reader } from './reader.js';

/**
 * Called after a message's fields are read: the last field must end exactly where the
 * message does. A field that runs past it means the length prefixes disagree.
 */
export function checkEnd(r: Reader, end: number): void {
  if (r.pos !== end) {
    throw new ProtobufDecodeError(
      `bad length: a field ends at offset ${r.pos}, past the end of its message at ${end}`,
    );
  }
}

/**
 * Turns what a failed decode threw into a ProtobufDecodeError naming `what` was decoded.
 * protobufjs throws RangeError `index out of range` for truncated data and plain Errors for bad
 * wire types and varints; anything else (TypeError, …) is a bug and is rethrown unchanged.
 */
export function decodeFailure(error: unknown, what: string): unknown {
  if (error instanceof ProtobufDecodeError)
    return new ProtobufDecodeError(`${what}: ${error.message}`, { cause: error });
  if (error instanceof RangeError && error.message.startsWith('index out of range')) {
    return new ProtobufDecodeError(`${what}: truncated data (${error.message})`, { cause: error });
  }
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return new ProtobufDecodeError(`${what}: messages nested too deeply`, { cause: error });
  }
  if (error instanceof Error && error.constructor === Error) {
    return new ProtobufDecodeError(`${what}: ${error.message}`, { cause: error });
  }
  return error;
}

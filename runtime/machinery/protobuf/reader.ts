/**
 * The wire reader: protobufjs's Reader over a Node Buffer view of the input, with a string
 * reader that fails on truncated data (protobufjs's Buffer reader silently cuts the string short).
 */
import protobuf from 'protobufjs/minimal.js';
import { ProtobufDecodeError } from './errors.js';

/** Strings at most this long are decoded in JavaScript: for short ASCII that beats a native call. */
const SHORT_STRING = 16;

export class Reader extends protobuf.Reader {
  declare buf: Buffer;

  constructor(bytes: Uint8Array) {
    super(Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  }

  override string(): string {
    const length = this.uint32();
    const start = this.pos;
    const end = start + length;
    if (end > this.len) {
      throw new ProtobufDecodeError(
        `truncated data: a ${length}-byte string at offset ${start} runs past the end (${this.len})`,
      );
    }
    this.pos = end;
    const buf = this.buf;
    if (length <= SHORT_STRING) {
      let text = '';
      for (let i = start; i < end; i++) {
        const c = buf[i]!;
        if (c >= 0x80) return buf.toString('utf8', start, end);
        text += String.fromCharCode(c);
      }
      return text;
    }
    return buf.toString('utf8', start, end);
  }
}

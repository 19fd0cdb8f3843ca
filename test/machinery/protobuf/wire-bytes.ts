/** Hex helpers for runtime tests: what a codec writes, and a reader over given bytes. */
import { Reader, Writer } from '../../../runtime/machinery/protobuf/index.js';

/** The bytes `write` puts in a fresh Writer, as lowercase hex without spaces. */
export function written(write: (w: Writer) => Writer): string {
  return Buffer.from(write(Writer.create()).finish()).toString('hex');
}

/** A reader over hex bytes (spaces allowed). */
export function readerOf(hex: string): Reader {
  return new Reader(Buffer.from(hex.replace(/\s+/g, ''), 'hex'));
}

/** Decodes a whole hex message with a scalar codec's decoder. */
export function decodedFrom<T>(hex: string, decode: (r: Reader, length: number) => T): T {
  const r = readerOf(hex);
  return decode(r, r.len);
}

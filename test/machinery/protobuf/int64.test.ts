import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ProtobufDecodeError,
  readInt64,
  readInt64BigInt,
  writeInt64,
  writeInt64BigInt,
} from '../../../runtime/machinery/protobuf/index.js';
import { readerOf, written } from './wire-bytes.js';

describe('int64 varints', () => {
  const rows: { name: string; value: number; hex: string }[] = [
    { name: 'zero', value: 0, hex: '00' },
    { name: 'one byte', value: 127, hex: '7f' },
    { name: 'two bytes', value: 300, hex: 'ac02' },
    { name: '2^31, past int32', value: 2 ** 31, hex: '8080808008' },
    { name: '2^32, past uint32', value: 2 ** 32, hex: '8080808010' },
    { name: '2^53 - 1', value: 2 ** 53 - 1, hex: 'ffffffffffffff0f' },
    { name: 'minus one, ten bytes', value: -1, hex: 'ffffffffffffffffff01' },
    { name: '-2^31', value: -(2 ** 31), hex: '80808080f8ffffffff01' },
    { name: '-2^53', value: -(2 ** 53), hex: '80808080808080f0ff01' },
  ];
  for (const row of rows) {
    it(`writes and reads ${row.name}`, () => {
      assert.equal(
        written((w) => writeInt64(w, row.value)),
        row.hex,
      );
      assert.equal(readInt64(readerOf(row.hex)), row.value);
      assert.equal(readInt64BigInt(readerOf(row.hex)), BigInt(row.value));
    });
  }

  const exact: { name: string; value: bigint; hex: string }[] = [
    { name: 'the largest int64', value: 2n ** 63n - 1n, hex: 'ffffffffffffffff7f' },
    { name: 'the smallest int64', value: -(2n ** 63n), hex: '80808080808080808001' },
    { name: 'a year of nanoseconds', value: 31_536_000_000_000_000n, hex: '80808cedb2ba8238' },
  ];
  for (const row of exact) {
    it(`writes and reads ${row.name} exactly as a bigint`, () => {
      assert.equal(
        written((w) => writeInt64BigInt(w, row.value)),
        row.hex,
      );
      assert.equal(readInt64BigInt(readerOf(row.hex)), row.value);
    });
  }

  it('leaves the reader after the varint', () => {
    const r = readerOf('ac02 05');
    assert.equal(readInt64(r), 300);
    assert.equal(r.uint32(), 5);
  });

  const bad = [
    { name: 'a varint cut short', hex: 'ac', message: /truncated/ },
    { name: 'a varint cut short after five bytes', hex: '8080808080', message: /truncated/ },
    { name: 'a varint of eleven bytes', hex: 'ffffffffffffffffffff01', message: /longer than 10 bytes/ },
  ];
  for (const row of bad) {
    it(`rejects ${row.name}`, () => {
      assert.throws(
        () => readInt64(readerOf(row.hex)),
        (e: unknown) => e instanceof ProtobufDecodeError && row.message.test(e.message),
      );
    });
  }
});

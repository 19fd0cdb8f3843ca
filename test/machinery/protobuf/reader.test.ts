import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ProtobufDecodeError, Reader, Writer } from '../../../runtime/machinery/protobuf/index.js';

describe('Reader.string', () => {
  const rows = [
    { name: 'empty', text: '' },
    { name: 'short ASCII', text: 'nginx' },
    { name: 'ASCII of exactly sixteen bytes', text: 'abcdefghijklmnop' },
    { name: 'long ASCII', text: 'a'.repeat(300) },
    { name: 'short non-ASCII', text: 'ünï ✓' },
    { name: 'long non-ASCII', text: 'ünïcödé ✓ '.repeat(20) },
    { name: 'astral code points', text: '😀 𝄞' },
  ];
  for (const row of rows) {
    it(`reads ${row.name}`, () => {
      const bytes = Writer.create().string(row.text).finish();
      const r = new Reader(bytes);
      assert.equal(r.string(), row.text);
      assert.equal(r.pos, r.len);
    });
  }

  it('reads from a view into a larger buffer', () => {
    const backing = new Uint8Array([0xff, 0xff, 0x03, 0x61, 0x62, 0x63, 0xff]);
    assert.equal(new Reader(backing.subarray(2, 6)).string(), 'abc');
  });

  it('throws ProtobufDecodeError for a string longer than the data', () => {
    const r = new Reader(Uint8Array.from([0x05, 0x61, 0x62]));
    assert.throws(
      () => r.string(),
      (e: unknown) => e instanceof ProtobufDecodeError && /truncated/.test(e.message),
    );
  });
});

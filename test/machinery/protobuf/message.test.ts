import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkEnd, decodeFailure, ProtobufDecodeError } from '../../../runtime/machinery/protobuf/index.js';
import { readerOf } from './wire-bytes.js';

describe('checkEnd', () => {
  it('accepts a reader exactly at the end', () => {
    const r = readerOf('0a 01 61');
    r.skipType(r.uint32() & 7);
    assert.doesNotThrow(() => checkEnd(r, 3));
  });

  it('rejects a reader past the end', () => {
    const r = readerOf('0a 01 61');
    r.skipType(r.uint32() & 7);
    assert.throws(
      () => checkEnd(r, 2),
      (e: unknown) => e instanceof ProtobufDecodeError && /bad length/.test(e.message),
    );
  });
});

describe('decodeFailure', () => {
  const rows: { name: string; error: unknown; wrapped: RegExp | null }[] = [
    {
      name: "protobufjs's truncation RangeError",
      error: new RangeError('index out of range: 3 + 1 > 3'),
      wrapped: /^Pod: truncated data \(index out of range/,
    },
    {
      name: "protobufjs's plain Error",
      error: new Error('invalid wire type 7 at offset 0'),
      wrapped: /^Pod: invalid wire type 7/,
    },
    {
      name: 'a ProtobufDecodeError',
      error: new ProtobufDecodeError('bad length'),
      wrapped: /^Pod: bad length$/,
    },
    {
      name: 'stack exhaustion',
      error: new RangeError('Maximum call stack size exceeded'),
      wrapped: /^Pod: messages nested too deeply$/,
    },
    { name: 'a TypeError (a bug, not bad input)', error: new TypeError('x is undefined'), wrapped: null },
    { name: 'a RangeError of another kind', error: new RangeError('Invalid array length'), wrapped: null },
  ];
  for (const row of rows) {
    it(`handles ${row.name}`, () => {
      const result = decodeFailure(row.error, 'Pod');
      if (row.wrapped === null) {
        assert.equal(result, row.error);
        return;
      }
      assert.ok(result instanceof ProtobufDecodeError);
      assert.match(result.message, row.wrapped);
      assert.equal(result.cause, row.error);
    });
  }
});

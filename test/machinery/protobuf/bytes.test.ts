import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ProtobufEncodeError, readBase64, writeBase64 } from '../../../runtime/machinery/protobuf/index.js';
import { readerOf, written } from './wire-bytes.js';

// JSON carries `bytes` as base64 text; the wire carries the bytes themselves.
describe('bytes as base64', () => {
  const rows = [
    { name: 'empty', base64: '', hex: '00' },
    { name: 'two padding characters', base64: 'aGk=', hex: '026869' },
    { name: 'one padding character', base64: 'aGVsbG8=', hex: '0568656c6c6f' },
    { name: 'no padding needed', base64: 'AP8A', hex: '0300ff00' },
    { name: 'all of + and /', base64: '+/+/', hex: '03fbffbf' },
  ];
  for (const row of rows) {
    it(`writes and reads ${row.name}`, () => {
      assert.equal(
        written((w) => writeBase64(w, row.base64)),
        row.hex,
      );
      assert.equal(readBase64(readerOf(row.hex)), row.base64);
    });
  }

  const invalid = [
    { name: 'missing padding', base64: 'aGk' },
    { name: 'URL-safe characters', base64: '-_-_' },
    { name: 'whitespace', base64: 'aG k=' },
  ];
  for (const row of invalid) {
    it(`rejects ${row.name}`, () => {
      assert.throws(() => written((w) => writeBase64(w, row.base64)), ProtobufEncodeError);
    });
  }
});

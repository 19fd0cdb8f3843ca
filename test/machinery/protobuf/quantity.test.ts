import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeQuantity, encodeQuantity } from '../../../runtime/machinery/protobuf/index.js';
import { decodedFrom, written } from './wire-bytes.js';

// `message Quantity { string string = 1; }`
describe('Quantity', () => {
  const rows = [
    { name: 'binary suffix', text: '1Gi', hex: '0a03314769' },
    { name: 'milli', text: '500m', hex: '0a043530306d' },
    { name: 'zero', text: '0', hex: '0a0130' },
  ];
  for (const row of rows) {
    it(`encodes and decodes ${row.name}`, () => {
      assert.equal(
        written((w) => encodeQuantity(row.text, w)),
        row.hex,
      );
      assert.equal(decodedFrom(row.hex, decodeQuantity), row.text);
    });
  }

  it("decodes a message without the string as Go's zero Quantity, 0", () => {
    assert.equal(decodedFrom('', decodeQuantity), '0');
  });
});

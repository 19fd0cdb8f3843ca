import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  decodeFieldsV1,
  decodeJSON,
  decodeRawExtension,
  encodeFieldsV1,
  encodeJSON,
  encodeRawExtension,
  ProtobufDecodeError,
  type Reader,
  type Writer,
} from '../../../runtime/machinery/protobuf/index.js';
import { decodedFrom, written } from './wire-bytes.js';

const jsonField = (text: string): string => {
  const bytes = Buffer.from(text);
  return `0a${bytes.length.toString(16).padStart(2, '0')}${bytes.toString('hex')}`;
};

// RawExtension `{ bytes raw = 1; }`, FieldsV1 `{ bytes Raw = 1; }`, JSON `{ bytes raw = 1; }`: JSON text inside.
interface Row {
  name: string;
  encode: (value: never, w: Writer) => Writer;
  decode: (r: Reader, length: number) => unknown;
  value: unknown;
}

describe('RawExtension, FieldsV1 and JSON', () => {
  const rows: Row[] = [
    {
      name: 'RawExtension',
      encode: encodeRawExtension,
      decode: decodeRawExtension,
      value: { apiVersion: 'v1', kind: 'Pod' },
    },
    {
      name: 'FieldsV1',
      encode: encodeFieldsV1,
      decode: decodeFieldsV1,
      value: { 'f:metadata': { 'f:labels': { '.': {} } } },
    },
    { name: 'JSON holding an object', encode: encodeJSON, decode: decodeJSON, value: { a: [1, 'ü'] } },
    { name: 'JSON holding a number', encode: encodeJSON, decode: decodeJSON, value: 3 },
    { name: 'JSON holding a string', encode: encodeJSON, decode: decodeJSON, value: 'text' },
    { name: 'JSON holding an array', encode: encodeJSON, decode: decodeJSON, value: [true, null] },
  ];
  for (const row of rows) {
    it(`encodes and decodes ${row.name} as JSON text`, () => {
      const hex = jsonField(JSON.stringify(row.value));
      assert.equal(
        written((w) => row.encode(row.value as never, w)),
        hex,
      );
      assert.deepEqual(decodedFrom(hex, row.decode), row.value);
    });
  }

  const empty = [
    { name: 'an empty message', hex: '' },
    { name: 'empty raw bytes', hex: '0a00' },
  ];
  for (const row of empty) {
    it(`decodes ${row.name} to null, Go's nil`, () => {
      assert.equal(decodedFrom(row.hex, decodeRawExtension), null);
      assert.equal(decodedFrom(row.hex, decodeFieldsV1), null);
      assert.equal(decodedFrom(row.hex, decodeJSON), null);
    });
  }

  it('rejects raw bytes that are not JSON', () => {
    assert.throws(
      () => decodedFrom(jsonField('{nope'), decodeRawExtension),
      (e: unknown) =>
        e instanceof ProtobufDecodeError && e.message.startsWith('RawExtension does not hold JSON'),
    );
  });

  it('rejects a protobuf-encoded object with a message saying so', () => {
    assert.throws(
      () => decodedFrom('0a066b3873000102', decodeRawExtension),
      (e: unknown) => e instanceof ProtobufDecodeError && e.message.includes('protobuf-encoded object'),
    );
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  decodeIntOrString,
  encodeIntOrString,
  ProtobufDecodeError,
  ProtobufEncodeError,
} from '../../../runtime/machinery/protobuf/index.js';
import { decodedFrom, written } from './wire-bytes.js';

// `message IntOrString { int64 type = 1; int32 intVal = 2; string strVal = 3; }`; Go writes all three.
describe('IntOrString', () => {
  const rows: { name: string; value: number | string; hex: string }[] = [
    { name: 'an int', value: 7, hex: '0800 1007 1a00' },
    { name: 'zero', value: 0, hex: '0800 1000 1a00' },
    {
      name: 'a negative int, sign-extended to ten bytes',
      value: -7,
      hex: '0800 10f9ffffffffffffffff01 1a00',
    },
    { name: 'a string', value: 'http', hex: '0801 1000 1a0468747470' },
    { name: 'a percentage', value: '25%', hex: '0801 1000 1a03323525' },
    { name: 'an empty string', value: '', hex: '0801 1000 1a00' },
  ];
  for (const row of rows) {
    it(`encodes and decodes ${row.name}`, () => {
      const hex = row.hex.replace(/ /g, '');
      assert.equal(
        written((w) => encodeIntOrString(row.value, w)),
        hex,
      );
      assert.equal(decodedFrom(hex, decodeIntOrString), row.value);
    });
  }

  const decodes: { name: string; hex: string; value: number | string }[] = [
    { name: 'an int without the type field', hex: '1005', value: 5 },
    { name: 'an empty message, the int 0', hex: '', value: 0 },
    { name: 'a string with only its fields set', hex: '0801 1a0161', value: 'a' },
  ];
  for (const row of decodes) {
    it(`decodes ${row.name}`, () => {
      assert.equal(decodedFrom(row.hex.replace(/ /g, ''), decodeIntOrString), row.value);
    });
  }

  it('rejects a type that is neither int nor string', () => {
    assert.throws(() => decodedFrom('0802', decodeIntOrString), ProtobufDecodeError);
  });

  const invalid = [
    { name: 'a fraction', value: 1.5 },
    { name: 'a number beyond int32', value: 2 ** 31 },
    { name: 'NaN', value: Number.NaN },
  ];
  for (const row of invalid) {
    it(`rejects ${row.name}`, () => {
      assert.throws(() => written((w) => encodeIntOrString(row.value, w)), ProtobufEncodeError);
    });
  }
});

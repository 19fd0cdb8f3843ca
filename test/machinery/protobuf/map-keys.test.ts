import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareCodePoints, sortedKeys } from '../../../runtime/machinery/protobuf/index.js';

describe('sortedKeys', () => {
  const rows: { name: string; map: object; keys: string[] }[] = [
    { name: 'an empty map', map: {}, keys: [] },
    {
      name: 'ASCII keys',
      map: { tier: '', app: '', 'app.kubernetes.io/name': '' },
      keys: ['app', 'app.kubernetes.io/name', 'tier'],
    },
    { name: 'upper case before lower case, as bytes', map: { b: '', B: '', a: '' }, keys: ['B', 'a', 'b'] },
    // UTF-16 puts U+1F600 (a surrogate pair) before U+FFFD; UTF-8 bytes, like Go, after.
    {
      name: 'keys beyond the BMP',
      map: { '\u{1F600}': '', '\uFFFD': '', z: '' },
      keys: ['z', '\uFFFD', '\u{1F600}'],
    },
  ];
  for (const row of rows) {
    it(`orders ${row.name} by UTF-8 bytes`, () => {
      assert.deepEqual(sortedKeys(row.map), row.keys);
    });
  }
});

describe('compareCodePoints', () => {
  const rows = [
    { name: 'equal strings', a: 'abc', b: 'abc', sign: 0 },
    { name: 'a prefix first', a: 'ab', b: 'abc', sign: -1 },
    { name: 'by first difference', a: 'abd', b: 'abc', sign: 1 },
    { name: 'U+E000 before a surrogate pair', a: '\uE000', b: '\u{10000}', sign: -1 },
    { name: 'U+D7FF before U+E000', a: '\uD7FF', b: '\uE000', sign: -1 },
  ];
  for (const row of rows) {
    it(`compares ${row.name}`, () => {
      assert.equal(Math.sign(compareCodePoints(row.a, row.b)), row.sign);
      const utf8 = Buffer.compare(Buffer.from(row.a), Buffer.from(row.b));
      assert.equal(Math.sign(compareCodePoints(row.a, row.b)), utf8, 'agrees with UTF-8 byte order');
    });
  }
});

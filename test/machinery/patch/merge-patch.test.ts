/** JSON merge patch: RFC 7386's examples, and evanphx/json-patch v4's departures from them. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PatchError } from '../../../runtime/machinery/patch/errors.js';
import type { JsonValue } from '../../../runtime/machinery/patch/errors.js';
import { applyMergePatch } from '../../../runtime/machinery/patch/merge-patch.js';

const cases: { name: string; original: JsonValue; patch: unknown; want: JsonValue; strict?: boolean }[] = [
  // RFC 7386 appendix A.
  { name: 'a member replaced', original: { a: 'b' }, patch: { a: 'c' }, want: { a: 'c' } },
  { name: 'a member added', original: { a: 'b' }, patch: { b: 'c' }, want: { a: 'b', b: 'c' } },
  { name: 'a member deleted by null', original: { a: 'b' }, patch: { a: null }, want: {} },
  { name: 'only the nulled member deleted', original: { a: 'b', b: 'c' }, patch: { a: null }, want: { b: 'c' } },
  { name: 'an array replaced by a string', original: { a: ['b'] }, patch: { a: 'c' }, want: { a: 'c' } },
  { name: 'a string replaced by an array', original: { a: 'c' }, patch: { a: ['b'] }, want: { a: ['b'] } },
  {
    name: 'nested objects merge',
    original: { a: { b: 'c' } },
    patch: { a: { b: 'd', c: null } },
    want: { a: { b: 'd' } },
  },
  { name: 'arrays are replaced, not merged', original: { a: [{ b: 'c' }] }, patch: { a: [1] }, want: { a: [1] } },
  { name: 'existing nulls stay', original: { e: null }, patch: { a: 1 }, want: { e: null, a: 1 } },
  {
    name: 'a non-object document becomes the patch, nulls pruned',
    original: [1, 2],
    patch: { a: 'b', c: null },
    want: { a: 'b' },
  },
  {
    name: 'nulls inside new objects are pruned',
    original: {},
    patch: { a: { bb: { ccc: null } } },
    want: { a: { bb: {} } },
  },
  {
    name: 'an array patch replaces the document when fieldValidation=Ignore',
    original: { a: 'b' },
    patch: ['c', null],
    want: ['c', null],
    strict: false,
  },
  // evanphx/json-patch v4.
  { name: 'null elements of added arrays are kept', original: {}, patch: { a: [1, null] }, want: { a: [1, null] } },
  {
    name: 'objects inside added arrays lose their null members',
    original: {},
    patch: { a: [{ x: null, y: 1 }] },
    want: { a: [{ y: 1 }] },
  },
  {
    name: 'an object replaced by an array keeps the array as sent',
    original: { a: { x: 1 } },
    patch: { a: [{ x: null }] },
    want: { a: [{ x: null }] },
  },
  {
    name: 'a scalar replaced by an object loses its null members',
    original: { a: 1 },
    patch: { a: { x: null, y: 2 } },
    want: { a: { y: 2 } },
  },
  {
    name: "kubectl label's patch",
    original: { metadata: { name: 'web', labels: { a: 'b' } } },
    patch: { metadata: { labels: { y: '1' } } },
    want: { metadata: { name: 'web', labels: { a: 'b', y: '1' } } },
  },
];

const failures: { name: string; patch: unknown; strict?: boolean; message: string }[] = [
  { name: 'null', patch: null, message: 'Invalid JSON Patch' },
  { name: 'a string, fieldValidation=Ignore', patch: 'x', strict: false, message: 'Invalid JSON Patch' },
  {
    name: 'a string',
    patch: 'x',
    message: 'error decoding patch: json: cannot unmarshal string into Go value of type map[string]interface {}',
  },
  {
    name: 'an array',
    patch: [1],
    message: 'error decoding patch: json: cannot unmarshal array into Go value of type map[string]interface {}',
  },
  {
    name: 'a number',
    patch: 1,
    message: 'error decoding patch: json: cannot unmarshal number into Go value of type map[string]interface {}',
  },
];

describe('applyMergePatch', () => {
  for (const c of cases) {
    it(c.name, () => assert.deepEqual(applyMergePatch(c.original, c.patch, { strict: c.strict ?? true }), c.want));
  }

  for (const c of failures) {
    it(`rejects a patch that is ${c.name} with 400`, () => {
      assert.throws(
        () => applyMergePatch({ a: 1 }, c.patch, { strict: c.strict ?? true }),
        (e: unknown) =>
          e instanceof PatchError && e.reason === 'BadRequest' && e.code === 400 && e.message === c.message,
      );
    });
  }

  it('leaves the original and the patch untouched', () => {
    const original = { a: { b: 1 } };
    const patch = { a: { c: { d: null } } };
    const before = JSON.stringify([original, patch]);
    assert.deepEqual(applyMergePatch(original, patch), { a: { b: 1, c: {} } });
    assert.equal(JSON.stringify([original, patch]), before);
  });
});

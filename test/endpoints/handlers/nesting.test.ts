/** The nesting-depth guard of request bodies and its stack overflow translation. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exceedsNestingDepth, isStackOverflow, MAX_NESTING_DEPTH, withinDepth } from '../../../runtime/endpoints/handlers/nesting.js';
import { isStatusError } from '../../../runtime/machinery/errors.js';

describe('exceedsNestingDepth', () => {
  const cases: [string, { text: string; limit?: number; want: boolean }][] = [
    ['flat object', { text: '{"a":1,"b":[1,2]}', want: false }],
    ['exactly the limit', { text: `${'['.repeat(3)}${']'.repeat(3)}`, limit: 3, want: false }],
    ['one past the limit', { text: `${'['.repeat(4)}${']'.repeat(4)}`, limit: 3, want: true }],
    ['brackets inside strings do not count', { text: `{"a":"${'['.repeat(10)}"}`, limit: 2, want: false }],
    ['escaped quotes keep the string open', { text: `{"a":"\\"[[[["}`, limit: 2, want: false }],
    ['siblings do not add up', { text: '[[1],[2],[3]]', limit: 2, want: false }],
    ["encoding/json's 10,000", { text: `${'{"a":'.repeat(MAX_NESTING_DEPTH + 1)}1${'}'.repeat(MAX_NESTING_DEPTH + 1)}`, want: true }],
  ];
  for (const [name, { text, limit, want }] of cases) {
    it(name, () => assert.equal(exceedsNestingDepth(text, limit), want));
  }
});

describe('withinDepth', () => {
  it('turns a stack overflow into a 400 and lets other errors through', () => {
    const recurse = (n: number): number => (n === 0 ? 0 : 1 + recurse(n - 1));
    assert.throws(
      () => withinDepth('error applying patch: ', () => recurse(1e7)),
      (e: unknown) => isStatusError(e) && e.status.code === 400 && /^error applying patch: exceeded max depth/.test(e.status.message ?? ''),
    );
    assert.throws(() => withinDepth('x', () => { throw new TypeError('boom'); }), TypeError);
    assert.equal(withinDepth('x', () => 7), 7);
    assert.equal(isStackOverflow(new RangeError('Invalid array length')), false);
  });
});

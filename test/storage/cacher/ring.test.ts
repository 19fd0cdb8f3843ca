/** The cacher's ring of events: bounded, ordered, searchable by revision. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Ring } from '../../../runtime/storage/cacher/ring.js';

const item = (revision: number): { revision: number } => ({ revision });

describe('Ring', () => {
  it('keeps the newest items up to its capacity', () => {
    const ring = new Ring<{ revision: number }>(3);
    assert.equal(ring.push(item(1)), undefined);
    ring.push(item(2));
    ring.push(item(3));
    assert.deepEqual(ring.push(item(4)), item(1));
    assert.equal(ring.length, 3);
    assert.deepEqual(ring.since(0), [item(2), item(3), item(4)]);
  });

  it('finds the items after a revision', () => {
    const ring = new Ring<{ revision: number }>(5);
    for (const revision of [2, 4, 6, 8, 10, 12]) ring.push(item(revision));
    assert.deepEqual(ring.since(5), [item(6), item(8), item(10), item(12)]);
    assert.deepEqual(ring.since(6), [item(8), item(10), item(12)]);
    assert.deepEqual(ring.since(12), []);
  });

  it('drops from the front', () => {
    const ring = new Ring<{ revision: number }>(4);
    for (const revision of [1, 2, 3, 4, 5]) ring.push(item(revision));
    assert.deepEqual(ring.dropWhile((i) => i.revision <= 3), item(3));
    assert.deepEqual(ring.since(0), [item(4), item(5)]);
    ring.push(item(6));
    ring.push(item(7));
    ring.push(item(8));
    assert.deepEqual(ring.since(0), [item(5), item(6), item(7), item(8)]);
    ring.clear();
    assert.deepEqual(ring.since(0), []);
  });
});

/**
 * The SQLite log layer: a list without a limit is read in chunks with the event loop free in
 * between, and still returns exactly one revision's state however writes interleave.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { openSqliteStorage } from '../../../runtime/storage/sqlite/index.js';

describe('sqlite log: lists larger than one chunk', () => {
  const store = openSqliteStorage({ path: ':memory:', compactIntervalMs: 0 });
  after(() => store.close());

  it('returns one revision of 2500 keys while writes interleave', { timeout: 30_000 }, async () => {
    const names = Array.from({ length: 2500 }, (_, i) => `k${String(i).padStart(4, '0')}`);
    await Promise.all(names.map((name) => store.create(`/registry/things/ns/${name}`, { metadata: { name }, v: 0 })));
    const listing = store.list('/registry/things');
    // The first chunk is read at once; these writes commit before the later chunks are read.
    const writes = Promise.all([
      store.delete('/registry/things/ns/k0001'),
      store.guaranteedUpdate('/registry/things/ns/k2400', (o) => ({ ...o, v: 1 })),
      store.create('/registry/things/ns/k9999', { metadata: { name: 'k9999' } }),
    ]);
    const list = await listing;
    await writes;
    assert.deepEqual(
      list.items.map((item) => item.metadata?.name),
      names,
    );
    assert.equal(list.items[2400].v, 0, 'the later chunk still shows the pinned revision');
    assert.ok(list.items.every((item) => Number(item.metadata?.resourceVersion) <= Number(list.resourceVersion)));
    const after = await store.list('/registry/things');
    assert.equal(after.items.length, 2500);
    assert.ok(Number(after.resourceVersion) > Number(list.resourceVersion));
  });
});

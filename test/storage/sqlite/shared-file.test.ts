/**
 * Two stores on one database file, as two kapi processes would share it: each sees the other's
 * writes, through reads and through polling watches, and racing compare-and-swap writes from
 * both never lose an update.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { openSqliteStorage } from '../../../runtime/storage/sqlite/index.js';
import { tempDir } from '../support/temp-dir.js';
import { WatchReader } from '../support/watch-reader.js';

describe('sqlite: two stores on one file', () => {
  const temp = tempDir('shared');
  const file = path.join(temp.dir, 'kapi.db');
  const one = openSqliteStorage({ path: file, pollIntervalMs: 20 });
  const two = openSqliteStorage({ path: file, pollIntervalMs: 20 });
  const readers: WatchReader[] = [];
  after(async () => {
    for (const reader of readers) reader.stop();
    await one.close();
    await two.close();
    temp.remove();
  });

  it('shows each store the writes of the other, in reads and watches', { timeout: 20_000 }, async () => {
    const w = new WatchReader(await two.watch('/registry/things', { recursive: true, resourceVersion: String(await two.currentRevision()) }));
    readers.push(w);
    const created = await one.create('/registry/things/ns/a', { metadata: { name: 'a' } });
    assert.deepEqual(await two.get('/registry/things/ns/a'), created);
    const event = await w.event(5000);
    assert.equal(event.type, 'ADDED');
    assert.deepEqual(event.object, created);
  });

  it('never loses an update when both stores race on one key', { timeout: 30_000 }, async () => {
    await one.create('/registry/things/ns/counter', { metadata: { name: 'counter' }, n: 0 });
    const bump = (store: typeof one) => store.guaranteedUpdate('/registry/things/ns/counter', (o) => ({ ...o, n: (o.n as number) + 1 }));
    await Promise.all(Array.from({ length: 20 }, (_, i) => bump(i % 2 === 0 ? one : two)));
    assert.equal((await one.get('/registry/things/ns/counter')).n, 20);
  });
});

/**
 * Reopening a SQLite store: objects, revisions, compaction and TTL leases carry over, and a
 * watch can resume from a revision written before the restart.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { ExpiredError } from '../../../runtime/storage/errors.js';
import { openSqliteStorage } from '../../../runtime/storage/sqlite/index.js';
import { tempDir } from '../support/temp-dir.js';
import { WatchReader, eventually } from '../support/watch-reader.js';

describe('sqlite restart', () => {
  const temp = tempDir('restart');
  const file = path.join(temp.dir, 'kapi.db');
  after(() => temp.remove());

  it('keeps objects, revisions and compaction, and resumes watches', { timeout: 30_000 }, async () => {
    const first = openSqliteStorage({ path: file });
    const a = await first.create('/registry/things/ns/a', { metadata: { name: 'a' } });
    const b = await first.create('/registry/things/ns/b', { metadata: { name: 'b' } });
    await first.guaranteedUpdate('/registry/things/ns/b', (o) => ({ ...o, n: 1 }));
    await first.compact(Number(b.metadata?.resourceVersion));
    const last = await first.currentRevision();
    await first.close();

    const second = openSqliteStorage({ path: file });
    try {
      assert.equal(await second.currentRevision(), last);
      assert.deepEqual(await second.get('/registry/things/ns/a'), a);
      await assert.rejects(second.list('/registry/things', { resourceVersion: a.metadata?.resourceVersion, resourceVersionMatch: 'Exact' }), ExpiredError);
      const w = new WatchReader(await second.watch('/registry/things', { recursive: true, resourceVersion: b.metadata?.resourceVersion }));
      const c = await second.create('/registry/things/ns/c', { metadata: { name: 'c' } });
      assert.ok(Number(c.metadata?.resourceVersion) > last);
      const events = await w.events(2);
      assert.deepEqual(
        events.map((e) => `${e.type} ${String(e.object.metadata?.name)}`),
        ['MODIFIED b', 'ADDED c'],
      );
      w.stop();
    } finally {
      await second.close();
    }
  });

  it('expires a TTL key written before the restart', { timeout: 30_000 }, async () => {
    const first = openSqliteStorage({ path: file });
    await first.create('/registry/events/ns/e', { metadata: { name: 'e' } }, 1);
    await first.close();
    const second = openSqliteStorage({ path: file });
    try {
      await eventually(async () => (await second.get('/registry/events/ns/e', { ignoreNotFound: true })) === undefined, 10_000, 'expiry after restart');
    } finally {
      await second.close();
    }
  });
});

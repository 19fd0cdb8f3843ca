/**
 * SQLite compaction: it removes replaced rows and deletions, keeps every state from the compacted
 * revision on, and the background step keeps a window and does bounded work per tick.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { ExpiredError } from '../../../runtime/storage/errors.js';
import { openSqliteStorage } from '../../../runtime/storage/sqlite/index.js';
import type { SqliteStorage } from '../../../runtime/storage/sqlite/index.js';

const T = { timeout: 20_000 };

function rows(storage: SqliteStorage): number {
  return (storage.kv.log.db.prepare('SELECT COUNT(*) AS n FROM revisions').get() as { n: number }).n;
}

async function churn(storage: SqliteStorage, prefix: string, keys: number, updates: number): Promise<void> {
  for (let k = 0; k < keys; k++) await storage.create(`${prefix}/k${k}`, { metadata: { name: `k${k}` }, n: 0 });
  for (let u = 1; u <= updates; u++) {
    for (let k = 0; k < keys; k++) await storage.guaranteedUpdate(`${prefix}/k${k}`, (o) => ({ ...o, n: u }));
  }
}

describe('sqlite compaction', () => {
  const stores: SqliteStorage[] = [];
  after(async () => {
    for (const store of stores) await store.close();
  });
  const open = (options: Partial<Parameters<typeof openSqliteStorage>[0]> = {}): SqliteStorage => {
    const store = openSqliteStorage({ path: ':memory:', compactIntervalMs: 0, ...options });
    stores.push(store);
    return store;
  };

  it('drops replaced rows and deletions but keeps the state at the compacted revision', T, async () => {
    const store = open({ compactBatchSize: 7 });
    await churn(store, '/registry/things/ns', 5, 4);
    await store.delete('/registry/things/ns/k0');
    const at = await store.currentRevision();
    const before = await store.list('/registry/things', { resourceVersion: String(at), resourceVersionMatch: 'Exact' });
    await store.guaranteedUpdate('/registry/things/ns/k1', (o) => ({ ...o, n: 99 }));
    assert.equal(rows(store), 5 * 5 + 2);
    await store.compact(at);
    // Left: the four live keys as of `at` and the one write after it.
    assert.equal(rows(store), 4 + 1);
    const after = await store.list('/registry/things', { resourceVersion: String(at), resourceVersionMatch: 'Exact' });
    assert.deepEqual(after, before);
    await assert.rejects(store.list('/registry/things', { resourceVersion: String(at - 1), resourceVersionMatch: 'Exact' }), ExpiredError);
    assert.equal((await store.get('/registry/things/ns/k1')).n, 99);
  });

  it('keeps a window of revisions and bounds the work of one background step', T, async () => {
    const store = open({ compactRetainRevisions: 10, compactBatchSize: 5, compactMaxBatchesPerTick: 2 });
    await churn(store, '/registry/things/ns', 2, 20);
    const latest = await store.currentRevision();
    const compacted = (): number => store.kv.log.compactRevisionSync();
    await store.kv.compactTick();
    assert.equal(compacted(), 10, 'two batches of five revisions');
    await store.kv.compactTick();
    await store.kv.compactTick();
    await store.kv.compactTick();
    assert.equal(compacted(), latest - 10, 'stops at the window');
    const inWindow = await store.list('/registry/things', { resourceVersion: String(latest - 10), resourceVersionMatch: 'Exact' });
    assert.equal(inWindow.items.length, 2);
  });

  it('lets live watches see every row before it is compacted away', T, async () => {
    const store = open();
    const start = await store.currentRevision();
    const watch = await store.watch('/registry/things', { recursive: true, resourceVersion: String(start) });
    await store.create('/registry/things/ns/gone', { metadata: { name: 'gone' } });
    const deleted = await store.delete('/registry/things/ns/gone');
    await store.compact(Number(deleted.metadata?.resourceVersion));
    const types: string[] = [];
    for await (const event of watch) {
      types.push(event.type);
      if (types.length === 2) break;
    }
    assert.deepEqual(types, ['ADDED', 'DELETED']);
  });
});

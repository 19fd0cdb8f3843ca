/**
 * Storage throughput, measured in bounded loops (a time budget and an operation cap each), with
 * anchors from the same run: a bare better-sqlite3 insert-and-commit on the same disk, and a bare
 * etcd put. Run with `npx tsx test/storage/bench/writes.ts` (etcd rows need the etcd binary).
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { Etcd3 } from 'etcd3';
import { Cacher } from '../../../runtime/storage/cacher/cacher.js';
import { openEtcd3Storage } from '../../../runtime/storage/etcd3/index.js';
import type { Storage } from '../../../runtime/storage/interface.js';
import { openSqliteStorage } from '../../../runtime/storage/sqlite/index.js';
import { findEtcd, startEtcd } from '../support/etcd.js';
import { tempDir } from '../support/temp-dir.js';

const BUDGET_MS = 2000;
const MAX_OPS = 50_000;

interface Rate {
  name: string;
  ops: number;
  perSecond: number;
}

/** Runs `op` with `inFlight` concurrent callers until the budget or the cap is reached. */
async function rate(name: string, inFlight: number, op: (i: number) => Promise<unknown> | unknown): Promise<Rate> {
  let next = 0;
  const start = performance.now();
  const end = start + BUDGET_MS;
  const worker = async (): Promise<void> => {
    while (next < MAX_OPS && performance.now() < end) await op(next++);
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  const seconds = (performance.now() - start) / 1000;
  return { name, ops: next, perSecond: next / seconds };
}

function print(title: string, anchor: Rate, others: Rate[]): void {
  process.stdout.write(`\n${title}\n`);
  for (const r of [anchor, ...others]) {
    const ratio = r.perSecond / anchor.perSecond;
    const label = r === anchor ? 'anchor' : `${ratio.toFixed(2)}× the anchor`;
    process.stdout.write(`  ${r.name.padEnd(46)} ${r.perSecond.toFixed(0).padStart(8)} ops/s  (${String(r.ops).padStart(6)} ops)  ${label}\n`);
  }
}

const object = (i: number) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: `cm-${i}`, namespace: 'bench', labels: { app: 'bench', shard: String(i % 10) } },
  data: { key: 'x'.repeat(200) },
});

async function storageRows(label: string, storage: Storage, prefix: string): Promise<Rate[]> {
  const out: Rate[] = [];
  out.push(await rate(`${label} create, 1 in flight`, 1, (i) => storage.create(`${prefix}/a${i}`, object(i))));
  out.push(await rate(`${label} create, 64 in flight`, 64, (i) => storage.create(`${prefix}/b${i}`, object(i))));
  out.push(await rate(`${label} guaranteedUpdate, 64 keys`, 64, (i) => storage.guaranteedUpdate(`${prefix}/b${i % 64}`, (o) => ({ ...o, data: { n: String(i) } }))));
  out.push(await rate(`${label} get`, 16, (i) => storage.get(`${prefix}/b${i % 64}`)));
  return out;
}

/** Events delivered per second to `watchers` cache watchers while `writes` creates go through the cache. */
async function watchFanOut(cacher: Cacher, watchers: number, writes: number): Promise<Rate> {
  const from = String(await cacher.currentRevision());
  const watches = await Promise.all(
    Array.from({ length: watchers }, () => cacher.watch('/registry/configmaps/fanout', { recursive: true, resourceVersion: from })),
  );
  const start = performance.now();
  const received = watches.map(async (watch) => {
    let n = 0;
    for await (const event of watch) {
      if (event.type === 'ADDED' && ++n === writes) break;
    }
  });
  await Promise.all(Array.from({ length: writes }, (_, i) => cacher.create(`/registry/configmaps/fanout/f${i}`, object(i))));
  const deadline = new Promise((resolve) => setTimeout(resolve, 30_000).unref());
  await Promise.race([Promise.all(received), deadline]);
  for (const watch of watches) watch.stop();
  const seconds = (performance.now() - start) / 1000;
  return { name: `cacher fan-out: ${writes} creates to ${watchers} watchers (events)`, ops: watchers * writes, perSecond: (watchers * writes) / seconds };
}

async function sqlite(): Promise<void> {
  const temp = tempDir('bench');
  try {
    const raw = new Database(path.join(temp.dir, 'raw.db'));
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = FULL');
    raw.exec('CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT, value TEXT)');
    const insert = raw.prepare('INSERT INTO t (name, value) VALUES (?, ?)');
    const anchor = await rate('bare better-sqlite3 insert+commit (fsync each)', 1, (i) => insert.run(`k${i}`, JSON.stringify(object(i))));
    raw.close();

    const storage = openSqliteStorage({ path: path.join(temp.dir, 'kapi.db'), compactIntervalMs: 0 });
    const rows = await storageRows('sqlite', storage, '/registry/configmaps/bench');

    // Lists: 5000 objects, from the store and from a watch cache.
    const cacher = new Cacher(storage, { prefix: '/registry/configmaps' });
    await cacher.waitUntilReady(10_000);
    const total = await storage.count('/registry/configmaps/bench');
    const listStore = await rate(`sqlite list of ${total} (rv "")`, 1, () => storage.list('/registry/configmaps/bench'));
    const listCache = await rate(`cacher list of ${total} (rv "0")`, 1, () => cacher.list('/registry/configmaps/bench', { resourceVersion: '0' }));
    const fanOut = await watchFanOut(cacher, 100, 500);
    print('sqlite (WAL, synchronous=FULL)', anchor, [...rows, listStore, listCache, fanOut]);
    await cacher.close();
    await storage.close();
  } finally {
    temp.remove();
  }
}

async function etcd(): Promise<void> {
  const binary = findEtcd();
  if (!binary) {
    process.stdout.write('\netcd not installed: etcd rows skipped\n');
    return;
  }
  const server = await startEtcd(binary);
  try {
    const client = new Etcd3({ hosts: server.endpoint });
    const anchor = await rate('bare etcd3 client put, 64 in flight', 64, (i) => client.put(`/raw/k${i}`).value(JSON.stringify(object(i))).exec());
    client.close();
    const storage = openEtcd3Storage({ endpoints: [server.endpoint], compactIntervalMs: 0 });
    const rows = await storageRows('etcd3', storage, '/registry/configmaps/bench');
    print('etcd 3 (one local member)', anchor, rows);
    await storage.close();
  } finally {
    await server.stop();
  }
}

await sqlite();
await etcd();

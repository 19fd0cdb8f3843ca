/**
 * memory: kapi's RSS with 100,000 small ConfigMaps in its watch cache, over SQLite (the objects
 * are written into the data dir's database before kapi starts; the cache loads them at start),
 * minus its RSS over an empty database, measured the same way in the same run: MiB and bytes
 * per object. RSS is read once it has settled (within 1% for 3 s), bounded in time. For scale, the
 * heap a watch cache alone retains per object is measured in this process after a full GC.
 */
import path from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Cacher } from '../runtime/storage/cacher/cacher.js';
import { openSqliteStorage } from '../runtime/storage/sqlite/index.js';
import { fillConfigMaps } from './support/fill.js';
import { startKapi, type KapiProcess } from './support/kapi-process.js';
import { formatMiB, MiB } from './support/rss.js';

const OBJECTS = 100_000;
const SETTLE_MAX_MS = 90_000;

/** RSS once three one-second samples agree within 1% (after at least 5 s), or at the bound. */
async function settledRss(kapi: KapiProcess): Promise<{ rss: number; afterMs: number }> {
  const start = Date.now();
  const samples: number[] = [];
  for (;;) {
    await new Promise((r) => setTimeout(r, 1000));
    samples.push(kapi.rss());
    const last = samples.slice(-3);
    const elapsed = Date.now() - start;
    const flat = last.length === 3 && Math.max(...last) - Math.min(...last) <= 0.01 * Math.max(...last);
    if ((flat && elapsed >= 5000) || elapsed >= SETTLE_MAX_MS) return { rss: last.at(-1)!, afterMs: elapsed };
  }
}

/** A full garbage collection, available without starting node with --expose-gc. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/**
 * The watch cache alone, in this process: heap retained per object after a full collection, to
 * tell the cache's own cost from the rest of kapi's (its informers, heap slack).
 */
async function cacheAlone(dbPath: string): Promise<number> {
  const storage = openSqliteStorage({ path: dbPath, compactIntervalMs: 0 });
  try {
    collectGarbage();
    const before = process.memoryUsage().heapUsed;
    const cacher = new Cacher(storage, { prefix: '/registry/configmaps' });
    try {
      await cacher.waitUntilReady(SETTLE_MAX_MS);
      collectGarbage();
      return (process.memoryUsage().heapUsed - before) / OBJECTS;
    } finally {
      await cacher.close();
    }
  } finally {
    await storage.close();
  }
}

async function measure(dataDir: string): Promise<{ rss: number; afterMs: number }> {
  const kapi = await startKapi({ dataDir });
  try {
    return await settledRss(kapi);
  } finally {
    await kapi.stop();
  }
}

export async function benchMemory(): Promise<void> {
  const emptyDir = mkdtempSync(path.join(os.tmpdir(), 'kapi-bench-empty-'));
  const fullDir = mkdtempSync(path.join(os.tmpdir(), 'kapi-bench-full-'));
  try {
    const fillStart = performance.now();
    const storage = openSqliteStorage({ path: path.join(fullDir, 'kapi.db'), compactIntervalMs: 0 });
    try {
      await fillConfigMaps(storage, 'default', OBJECTS, 1000);
    } finally {
      await storage.close();
    }
    const fillSeconds = (performance.now() - fillStart) / 1000;
    const cacheBytes = await cacheAlone(path.join(fullDir, 'kapi.db'));
    const empty = await measure(emptyDir);
    const full = await measure(fullDir);
    const delta = full.rss - empty.rss;
    process.stdout.write(`\nmemory: kapi RSS with ${OBJECTS} ConfigMaps cached (SQLite; written in ${fillSeconds.toFixed(1)} s before start)\n`);
    process.stdout.write(`  empty store ${formatMiB(empty.rss)} (settled after ${(empty.afterMs / 1000).toFixed(0)} s)\n`);
    process.stdout.write(`  ${OBJECTS} objects ${formatMiB(full.rss)} (settled after ${(full.afterMs / 1000).toFixed(0)} s)\n`);
    process.stdout.write(`  difference ${(delta / MiB).toFixed(1)} MiB, ${(delta / OBJECTS).toFixed(0)} bytes per object\n`);
    process.stdout.write(`  of which the watch cache alone (a Cacher in the bench process, heap after a full GC): ${cacheBytes.toFixed(0)} bytes per object\n`);
  } finally {
    rmSync(emptyDir, { recursive: true, force: true });
    rmSync(fullDir, { recursive: true, force: true });
  }
}

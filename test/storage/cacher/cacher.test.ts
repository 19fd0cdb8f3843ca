/**
 * What the watch cache adds beyond the Storage contract: one backend watch for every client,
 * shared event objects, reads served from memory, a bounded window, and recovery when its
 * source watch breaks.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Cacher } from '../../../runtime/storage/cacher/cacher.js';
import type { ListOptions, Storage, WatchOptions } from '../../../runtime/storage/interface.js';
import { openSqliteStorage } from '../../../runtime/storage/sqlite/index.js';
import type { SqliteStorage } from '../../../runtime/storage/sqlite/index.js';
import { WatchReader, eventually } from '../support/watch-reader.js';

const T = { timeout: 20_000 };

/** Counts the calls a cacher makes to its backend. */
function counting(storage: Storage): { storage: Storage; calls: { list: number; watch: number; get: number } } {
  const calls = { list: 0, watch: 0, get: 0 };
  const proxy = Object.create(storage) as Storage;
  proxy.list = (prefix: string, options?: ListOptions) => {
    calls.list++;
    return storage.list(prefix, options);
  };
  proxy.watch = (key: string, options?: WatchOptions) => {
    calls.watch++;
    return storage.watch(key, options);
  };
  proxy.get = ((key: string, options?: object) => {
    calls.get++;
    return storage.get(key, options);
  }) as Storage['get'];
  return { storage: proxy, calls };
}

describe('Cacher', () => {
  let backend: SqliteStorage;
  const readers: WatchReader[] = [];
  const cachers: Cacher[] = [];

  async function open(options: { capacity?: number; retryDelayMs?: number } = {}) {
    const spy = counting(backend);
    const cacher = new Cacher(spy.storage, { prefix: '/registry/pods', ...options });
    cachers.push(cacher);
    await cacher.waitUntilReady(5000);
    return { cacher, calls: spy.calls };
  }

  const pod = (name: string) => ({ metadata: { name, namespace: 'default' }, spec: {} });

  before(() => {
    backend = openSqliteStorage({ path: ':memory:' });
  });
  after(async () => {
    for (const reader of readers) reader.stop();
    for (const cacher of cachers) await cacher.close();
    await backend.close();
  });

  it('serves many watchers from one backend watch, sharing each event object', T, async () => {
    const { cacher, calls } = await open();
    const from = String(await backend.currentRevision());
    const a = new WatchReader(await cacher.watch('/registry/pods', { recursive: true, resourceVersion: from }));
    const b = new WatchReader(await cacher.watch('/registry/pods/default', { recursive: true, resourceVersion: from }));
    readers.push(a, b);
    await cacher.create('/registry/pods/default/shared', pod('shared'));
    const [ea, eb] = [await a.event(), await b.event()];
    assert.equal(ea.type, 'ADDED');
    assert.equal(ea.object, eb.object, 'one object for every watcher');
    assert.equal(calls.watch, 1);
  });

  it('answers rv=0 lists and reached minimum reads from memory, consistent reads from the store', T, async () => {
    const { cacher, calls } = await open();
    const created = await cacher.create('/registry/pods/default/mem', pod('mem'));
    await eventually(async () => cacher.cachedRevision >= Number(created.metadata?.resourceVersion), 5000, 'the cache catching up');
    const before = { ...calls };
    const list = await cacher.list('/registry/pods/default', { resourceVersion: '0' });
    assert.ok(list.items.some((item) => item.metadata?.name === 'mem'));
    await cacher.get('/registry/pods/default/mem', { resourceVersion: created.metadata?.resourceVersion });
    assert.deepEqual(calls, before, 'no backend call');
    await cacher.list('/registry/pods/default');
    await cacher.get('/registry/pods/default/mem');
    assert.equal(calls.list, before.list + 1);
    assert.equal(calls.get, before.get + 1);
  });

  it('passes through a minimum resourceVersion the cache has not reached', T, async () => {
    const { cacher, calls } = await open();
    const future = String(cacher.cachedRevision + 1000);
    await assert.rejects(cacher.list('/registry/pods', { resourceVersion: future }), /Too large resource version/);
    assert.equal(calls.list, 1);
  });

  it('answers 410 for a watch older than its window', T, async () => {
    const { cacher } = await open({ capacity: 3 });
    const start = String(cacher.cachedRevision);
    for (let i = 0; i < 5; i++) await cacher.create(`/registry/pods/default/w${i}`, pod(`w${i}`));
    const last = await backend.currentRevision();
    await eventually(async () => cacher.cachedRevision >= last, 5000, 'the cache catching up');
    const old = new WatchReader(await cacher.watch('/registry/pods', { recursive: true, resourceVersion: start }));
    readers.push(old);
    const event = await old.event();
    assert.equal(event.type, 'ERROR');
    assert.equal(event.object.code, 410);
    assert.match(String(event.object.message), /too old resource version/);
    const recent = new WatchReader(await cacher.watch('/registry/pods', { recursive: true, resourceVersion: String(last - 2) }));
    readers.push(recent);
    assert.deepEqual((await recent.events(2)).map((e) => e.object.metadata?.name), ['w3', 'w4']);
  });

  it('ends the initial events with an annotated bookmark when asked', T, async () => {
    const { cacher } = await open();
    await cacher.create('/registry/pods/other/init', pod('init'));
    await eventually(async () => (await cacher.list('/registry/pods/other', { resourceVersion: '0' })).items.length === 1, 5000, 'caching');
    const w = new WatchReader(await cacher.watch('/registry/pods/other', { recursive: true, resourceVersion: '0', sendInitialEvents: true, allowBookmarks: true }));
    readers.push(w);
    assert.equal((await w.event()).type, 'ADDED');
    const end = await w.event();
    assert.equal(end.type, 'BOOKMARK');
    assert.deepEqual(end.object.metadata?.annotations, { 'k8s.io/initial-events-end': 'true' });
  });

  it('recovers when its source watch breaks, ending the watches it fed', T, async () => {
    const { cacher, calls } = await open({ retryDelayMs: 20 });
    const w = new WatchReader(await cacher.watch('/registry/pods', { recursive: true, resourceVersion: String(cacher.cachedRevision) }));
    readers.push(w);
    await cacher.create('/registry/pods/default/r1', pod('r1'));
    // Break the source watch, as a backend restart would.
    (cacher as unknown as { reflector: { watch?: { stop(): void } } }).reflector.watch?.stop();
    await eventually(async () => calls.watch >= 2, 5000, 'a new source watch');
    // The old client watch ended (after any events it had been sent).
    for (;;) {
      const event = await w.next();
      if (event === undefined) break;
    }
    await cacher.waitUntilReady(5000);
    const created = await cacher.create('/registry/pods/default/r3', pod('r3'));
    await eventually(async () => cacher.cachedRevision >= Number(created.metadata?.resourceVersion), 5000, 'the new cache catching up');
  });
});

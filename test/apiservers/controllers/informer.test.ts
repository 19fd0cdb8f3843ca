/**
 * StoreInformer over a real Store on SQLite: initial list in pages, watch events, a watch that ends
 * (resumed from the last resourceVersion) and one that fails with 410 Gone (a relist whose
 * differences are reported: objects deleted meanwhile as tombstones, new ones as added).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { installAll } from '../../../generated/install.generated.js';
import { StoreInformer } from '../../../runtime/apiservers/kube/controllers/informer.js';
import { buildKubeRegistry, type KubeRegistry } from '../../../runtime/apiservers/kube/index.js';
import { newResourceExpired } from '../../../runtime/machinery/errors.js';
import { Scheme } from '../../../runtime/machinery/scheme.js';
import { peekMeta, type KObject } from '../../../runtime/registry/meta.js';
import type { ListOptions, RegistryWatch, RequestContext, WatchOptions } from '../../../runtime/registry/rest.js';
import type { Store } from '../../../runtime/registry/store.js';
import { openSqliteStorage, type SqliteStorage } from '../../../runtime/storage/sqlite/index.js';
import { tempDir } from '../../storage/support/temp-dir.js';
import { eventually } from './support.js';

const ctx: RequestContext = { namespace: 'default', warn: () => {} };

/** A store whose current watch can be cut, and whose next watch can be made to fail with 410. */
class Flaky {
  current: RegistryWatch | undefined;
  failNext = false;
  watches = 0;
  lists = 0;
  constructor(private readonly store: Store) {}
  list(c: RequestContext, o: ListOptions) {
    this.lists++;
    return this.store.list(c, o);
  }
  async watch(c: RequestContext, o: WatchOptions): Promise<RegistryWatch> {
    this.watches++;
    if (this.failNext) {
      this.failNext = false;
      throw newResourceExpired('too old resource version: 1 (2)');
    }
    this.current = await this.store.watch(c, o);
    return this.current;
  }
}

describe('StoreInformer', () => {
  let dir: { dir: string; remove: () => void };
  let storage: SqliteStorage;
  let registry: KubeRegistry;
  let store: Store;
  before(async () => {
    dir = tempDir('informer');
    storage = openSqliteStorage({ path: `${dir.dir}/kapi.db`, compactIntervalMs: 0 });
    const scheme = new Scheme();
    installAll(scheme);
    registry = await buildKubeRegistry({ scheme, storage, controllers: false });
    store = registry.stores.get('/configmaps')!;
  });
  after(async () => {
    await registry.close();
    await storage.close();
    dir.remove();
  });

  const cm = (name: string): KObject => ({ metadata: { name, namespace: 'default' }, data: { a: name } });

  it('lists, follows changes, resumes an ended watch and relists after 410 Gone', async () => {
    await store.create(ctx, cm('before'));
    const seen: string[] = [];
    const record = (what: string) => (object: KObject) => seen.push(`${what} ${peekMeta(object).name} ${peekMeta(object).uid ? 'uid' : 'no-uid'}`);
    const flaky = new Flaky(store);
    await store.create(ctx, cm('before-2'));
    await store.create(ctx, cm('before-3'));
    const informer = new StoreInformer(
      flaky,
      { added: record('added'), updated: record('updated'), deleted: record('deleted') },
      { controller: 'test', retryDelayMs: 10, listPageSize: 2 },
    );
    await informer.start();
    assert.deepEqual(seen, ['added before uid', 'added before-2 uid', 'added before-3 uid']);
    assert.equal(flaky.lists, 2, 'three objects are listed in two pages');

    await store.create(ctx, cm('watched'));
    await eventually('the create is seen', async () => seen.includes('added watched uid'));

    // a watch that ends is resumed from where it was, without a list
    const lists = flaky.lists;
    flaky.current!.stop();
    await eventually('a new watch is open', async () => flaky.watches === 2);
    await store.update(ctx, 'watched', { updatedObject: (o) => ({ ...o, data: { a: 'changed' } }) });
    await eventually('the update is seen', async () => seen.includes('updated watched uid'));
    assert.equal(flaky.lists, lists);

    // a watch that fails with 410 is followed by a list; what changed meanwhile is reported
    flaky.failNext = true;
    flaky.current!.stop();
    await store.delete(ctx, 'before', { options: {} });
    await store.create(ctx, cm('during'));
    await eventually('the relist reported the differences', async () => seen.includes('deleted before uid') && seen.includes('added during uid'));
    assert.equal(flaky.lists, lists + 2);
    assert.ok(!seen.includes('deleted before-2 uid'), 'objects still there are not reported deleted');

    await informer.close();
  });
});

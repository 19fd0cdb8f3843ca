/** Store.list and Store.watch: selectors, namespaces, paging, resourceVersion semantics, shared watch objects. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { StatusError } from '../../runtime/machinery/errors.js';
import type { RegistryWatch, RegistryWatchEvent } from '../../runtime/registry/rest.js';
import { selectorParser as p } from '../../runtime/registry/selection.js';
import { ctx, openFixture, replaceWith, widget, type Fixture } from './support.js';

type Obj = Record<string, unknown>;
const names = (items: Obj[]): unknown[] => items.map((i) => (i['metadata'] as Obj)['name']);

async function next(w: RegistryWatch, it: AsyncIterator<RegistryWatchEvent>, ms = 3000): Promise<RegistryWatchEvent> {
  const timer = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no watch event in time')), ms).unref());
  const r = await Promise.race([it.next(), timer]);
  if (r.done) throw new Error('watch ended');
  return r.value;
}

describe('Store.list and Store.watch', () => {
  let f: Fixture;
  before(async () => {
    f = openFixture({ widget: { fieldLabels: ['spec.color'], selectableFields: (o) => ({ 'spec.color': String((o['spec'] as Obj)['color'] ?? '') }) } });
    await f.widgets.create(ctx('a'), widget('w1', { metadata: { labels: { app: 'web', tier: 'front' } }, spec: { color: 'red' } }));
    await f.widgets.create(ctx('a'), widget('w2', { metadata: { labels: { app: 'db' } }, spec: { color: 'blue' } }));
    await f.widgets.create(ctx('b'), widget('w3', { metadata: { labels: { app: 'web' } }, spec: { color: 'red' } }));
  });
  after(() => f.close());

  it('lists one namespace or all of them, in key order', async () => {
    assert.deepEqual(names((await f.widgets.list(ctx('a'))).items), ['w1', 'w2']);
    const all = await f.widgets.list(ctx(''));
    assert.deepEqual(names(all.items), ['w1', 'w2', 'w3']);
    assert.match(all.resourceVersion, /^\d+$/);
  });

  it('filters by label and field selectors, including per-kind fields', async () => {
    const web = await f.widgets.list(ctx(''), { labelSelector: p.parseLabelSelector('app=web') });
    assert.deepEqual(names(web.items), ['w1', 'w3']);
    const notin = await f.widgets.list(ctx(''), { labelSelector: p.parseLabelSelector('app notin (web),!tier') });
    assert.deepEqual(names(notin.items), ['w2']);
    const red = await f.widgets.list(ctx(''), { fieldSelector: p.parseFieldSelector('spec.color=red,metadata.namespace!=b') });
    assert.deepEqual(names(red.items), ['w1']);
    const byName = await f.widgets.list(ctx('a'), { fieldSelector: p.parseFieldSelector('metadata.name=w2') });
    assert.deepEqual(names(byName.items), ['w2']);
    const pinned = await f.widgets.list(ctx(''), { fieldSelector: p.parseFieldSelector('metadata.namespace=b') });
    assert.deepEqual(names(pinned.items), ['w3']);
    assert.ok(f.widgets.supportsFieldLabel('spec.color'));
    assert.ok(!f.widgets.supportsFieldLabel('spec.size'));
  });

  it('pages with limit and continue', async () => {
    const first = await f.widgets.list(ctx(''), { limit: 2 });
    assert.deepEqual(names(first.items), ['w1', 'w2']);
    assert.ok(first.continue);
    const second = await f.widgets.list(ctx(''), { limit: 2, continue: first.continue });
    assert.deepEqual(names(second.items), ['w3']);
    assert.equal(second.continue, undefined);
  });

  it('answers a resourceVersion from the future with 504 and cause ResourceVersionTooLarge', async () => {
    await assert.rejects(f.widgets.list(ctx(''), { resourceVersion: '999999', resourceVersionMatch: 'NotOlderThan' }), (e: StatusError) => {
      assert.equal(e.code, 504);
      assert.equal(e.message, `Timeout: Too large resource version: 999999, current: ${e.message.split('current: ')[1]}`);
      assert.equal(e.status.details?.causes?.[0]?.reason, 'ResourceVersionTooLarge');
      return true;
    });
  });

  it('answers a watch from a revision the store has not reached with 504 after waiting', async () => {
    const started = Date.now();
    await assert.rejects(f.widgets.watch(ctx(''), { resourceVersion: '999999' }), (e: StatusError) => {
      assert.equal(e.code, 504);
      assert.match(e.message, /^Timeout: Too large resource version: 999999, current: \d+$/);
      assert.equal(e.status.details?.retryAfterSeconds, 1);
      return true;
    });
    assert.ok(Date.now() - started >= 2900);
  });

  it('watches from now, sending ADDED, MODIFIED and DELETED with hub objects', async () => {
    const list = await f.widgets.list(ctx('a'));
    const w = await f.widgets.watch(ctx('a'), { resourceVersion: list.resourceVersion });
    const it = w[Symbol.asyncIterator]();
    try {
      await f.widgets.create(ctx('a'), widget('w4'));
      const added = await next(w, it);
      assert.equal(added.type, 'ADDED');
      assert.equal((added.object['metadata'] as Obj)['name'], 'w4');
      await f.widgets.update(ctx('a'), 'w4', replaceWith(widget('w4', { spec: { replicas: 3 } })));
      assert.equal((await next(w, it)).type, 'MODIFIED');
      await f.widgets.delete(ctx('a'), 'w4', { options: {} });
      const deleted = await next(w, it);
      assert.equal(deleted.type, 'DELETED');
    } finally {
      w.stop();
    }
  });

  it('starts a watch without a resourceVersion with the current objects', async () => {
    const w = await f.widgets.watch(ctx('b'), {});
    const it = w[Symbol.asyncIterator]();
    try {
      const first = await next(w, it);
      assert.equal(first.type, 'ADDED');
      assert.equal((first.object['metadata'] as Obj)['name'], 'w3');
    } finally {
      w.stop();
    }
  });

  it('watches one object by a metadata.name field selector', async () => {
    const list = await f.widgets.list(ctx('a'), { fieldSelector: p.parseFieldSelector('metadata.name=w1') });
    assert.deepEqual(names(list.items), ['w1']);
    const w = await f.widgets.watch(ctx('a'), { resourceVersion: list.resourceVersion, fieldSelector: p.parseFieldSelector('metadata.name=w1') });
    const it = w[Symbol.asyncIterator]();
    try {
      await f.widgets.update(ctx('a'), 'w2', replaceWith(widget('w2', { spec: { replicas: 5 } })));
      await f.widgets.update(ctx('a'), 'w1', replaceWith(widget('w1', { spec: { replicas: 5 } })));
      const event = await next(w, it);
      assert.equal((event.object['metadata'] as Obj)['name'], 'w1');
    } finally {
      w.stop();
    }
  });
});

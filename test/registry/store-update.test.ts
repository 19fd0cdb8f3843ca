/** Store.update: optimistic concurrency, unconditional updates, create-on-update, status and generation rules. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { deepCopyJSON } from '../../runtime/machinery/generated-support.js';
import type { StatusError } from '../../runtime/machinery/errors.js';
import { newStatusStrategy } from '../../runtime/registry/strategy.js';
import { statusRest } from '../../runtime/registry/subresources.js';
import { ctx, openFixture, replaceWith, widget, type Fixture } from './support.js';

type Obj = Record<string, unknown>;
const meta = (o: Obj): Obj => o['metadata'] as Obj;

describe('Store.update', () => {
  let f: Fixture;
  before(() => {
    f = openFixture({ gadget: { allowCreateOnUpdate: true, allowUnconditionalUpdate: false } });
  });
  after(() => f.close());

  it('answers a stale resourceVersion with 409 Conflict in upstream words', async () => {
    const created = await f.widgets.create(ctx(), widget('c1'));
    const stale = deepCopyJSON(created);
    await f.widgets.update(ctx(), 'c1', replaceWith({ ...created, spec: { replicas: 2 } }));
    await assert.rejects(f.widgets.update(ctx(), 'c1', replaceWith({ ...stale, spec: { replicas: 3 } })), (e: StatusError) => {
      assert.equal(e.code, 409);
      assert.equal(e.reason, 'Conflict');
      assert.equal(
        e.message,
        'Operation cannot be fulfilled on widgets.example.kapi.dev "c1": the object has been modified; please apply your changes to the latest version and try again',
      );
      return true;
    });
  });

  it('updates unconditionally without a resourceVersion, bumping generation only on spec change', async () => {
    await f.widgets.create(ctx(), widget('u1'));
    const a = await f.widgets.update(ctx(), 'u1', replaceWith(widget('u1', { spec: { replicas: 4 } })));
    assert.equal(meta(a.object)['generation'], 2);
    assert.equal(a.created, false);
    const b = await f.widgets.update(ctx(), 'u1', replaceWith(widget('u1', { spec: { replicas: 4 }, metadata: { labels: { x: 'y' } } })));
    assert.equal(meta(b.object)['generation'], 2);
    assert.notEqual(meta(b.object)['resourceVersion'], meta(a.object)['resourceVersion']);
  });

  it('keeps uid, creationTimestamp and status of the stored object', async () => {
    const created = await f.widgets.create(ctx(), widget('k1'));
    const status = statusRest(f.widgets, f.widgets.info);
    const withStatus = await status.updater!.update(ctx(), 'k1', replaceWith({ ...created, status: { replicas: 3 } }), {});
    assert.deepEqual(withStatus.object['status'], { replicas: 3 });
    const out = await f.widgets.update(ctx(), 'k1', replaceWith({ metadata: { name: 'k1', uid: '' }, spec: { replicas: 1 }, status: { replicas: 99 } }));
    assert.equal(meta(out.object)['uid'], meta(created)['uid']);
    assert.equal(meta(out.object)['creationTimestamp'], meta(created)['creationTimestamp']);
    assert.deepEqual(out.object['status'], { replicas: 3 });
  });

  it('status updates keep the spec and the generation', async () => {
    const created = await f.widgets.create(ctx(), widget('s1'));
    const status = statusRest(f.widgets, f.widgets.info, newStatusStrategy(f.widgets.strategy));
    const out = await status.updater!.update(ctx(), 's1', replaceWith({ ...created, spec: { replicas: 50 }, status: { replicas: 2 } }), {});
    assert.equal((out.object['spec'] as Obj)['replicas'], 1);
    assert.deepEqual(out.object['status'], { replicas: 2 });
    assert.equal(meta(out.object)['generation'], 1);
  });

  it('refuses changes to immutable metadata', async () => {
    const created = await f.widgets.create(ctx(), widget('i1'));
    await assert.rejects(
      f.widgets.update(ctx(), 'i1', replaceWith({ ...created, metadata: { ...meta(created), uid: 'other' } })),
      /metadata.uid: Invalid value: "other": field is immutable/,
    );
  });

  it('answers a missing object with NotFound unless the strategy creates on update', async () => {
    await assert.rejects(f.widgets.update(ctx(), 'nope', replaceWith(widget('nope'))), (e: StatusError) => e.code === 404);
    const out = await f.gadgets.update(ctx(''), 'g-new', replaceWith({ metadata: { name: 'g-new' } }));
    assert.equal(out.created, true);
    assert.match(String(meta(out.object)['uid']), /-/);
  });

  it('requires a resourceVersion when unconditional updates are off', async () => {
    await f.gadgets.create(ctx(''), { metadata: { name: 'g2' } });
    await assert.rejects(
      f.gadgets.update(ctx(''), 'g2', replaceWith({ metadata: { name: 'g2' } })),
      (e: StatusError) => e.code === 422 && e.message === 'gadgets.example.kapi.dev "g2" is invalid: metadata.resourceVersion: Invalid value: 0: must be specified for an update',
    );
  });

  it('checks uid preconditions', async () => {
    await f.widgets.create(ctx(), widget('p1'));
    await assert.rejects(
      f.widgets.update(ctx(), 'p1', { preconditions: () => ({ uid: 'wrong' }), updatedObject: () => widget('p1') }),
      (e: StatusError) => e.code === 409 && /Precondition failed: UID in precondition: wrong/.test(e.message),
    );
  });

  it('writes nothing when nothing changed', async () => {
    const created = await f.widgets.create(ctx(), widget('n1'));
    const out = await f.widgets.update(ctx(), 'n1', replaceWith(created));
    assert.equal(meta(out.object)['resourceVersion'], meta(created)['resourceVersion']);
  });

  it('writes nothing on a dry run', async () => {
    const created = await f.widgets.create(ctx(), widget('d1'));
    const out = await f.widgets.update(ctx(), 'd1', replaceWith({ ...created, spec: { replicas: 7 } }), { dryRun: true });
    assert.equal((out.object['spec'] as Obj)['replicas'], 7);
    const got = await f.widgets.get(ctx(), 'd1');
    assert.equal((got['spec'] as Obj)['replicas'], 1);
  });

  it('deletes an object being deleted once its last finalizer is removed', async () => {
    await f.widgets.create(ctx(), widget('fin', { metadata: { finalizers: ['example.com/hold'] } }));
    const deleting = await f.widgets.delete(ctx(), 'fin', { options: {} });
    assert.equal(deleting.deleted, false);
    const current = await f.widgets.get(ctx(), 'fin');
    assert.ok(meta(current)['deletionTimestamp']);
    await f.widgets.update(ctx(), 'fin', replaceWith({ ...current, metadata: { ...meta(current), finalizers: [] } }));
    await assert.rejects(f.widgets.get(ctx(), 'fin'), (e: StatusError) => e.code === 404);
  });
});

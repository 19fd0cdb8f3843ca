/** Store.delete and deleteCollection: immediate and graceful deletion, finalizers, propagation policies, preconditions. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { StatusError } from '../../runtime/machinery/errors.js';
import { selectorParser } from '../../runtime/registry/selection.js';
import { ctx, openFixture, widget, type Fixture } from './support.js';

type Obj = Record<string, unknown>;
const meta = (o: unknown): Obj => (o as Obj)['metadata'] as Obj;

describe('Store.delete', () => {
  let f: Fixture;
  before(() => {
    f = openFixture({
      gadget: {
        returnDeletedObject: true,
        checkGracefulDelete(_ctx, _object, options) {
          options.gracePeriodSeconds ??= 30;
          return true;
        },
      },
    });
  });
  after(() => f.close());

  it('deletes at once and answers a Success Status naming the resource', async () => {
    const created = await f.widgets.create(ctx(), widget('d1'));
    const out = await f.widgets.delete(ctx(), 'd1', { options: { propagationPolicy: 'Background' } });
    assert.equal(out.deleted, true);
    assert.deepEqual(out.object, {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Success',
      details: { name: 'd1', group: 'example.kapi.dev', kind: 'widgets', uid: meta(created)['uid'] },
    });
    await assert.rejects(f.widgets.get(ctx(), 'd1'), (e: StatusError) => e.code === 404);
    await assert.rejects(f.widgets.delete(ctx(), 'd1', { options: {} }), (e: StatusError) => e.code === 404 && e.message === 'widgets.example.kapi.dev "d1" not found');
  });

  it('records the foregroundDeletion and orphan finalizers and keeps the object', async () => {
    await f.widgets.create(ctx(), widget('fg'));
    const fg = await f.widgets.delete(ctx(), 'fg', { options: { propagationPolicy: 'Foreground' } });
    assert.equal(fg.deleted, false);
    assert.deepEqual(meta(fg.object)['finalizers'], ['foregroundDeletion']);
    assert.ok(meta(fg.object)['deletionTimestamp']);
    assert.equal(meta(fg.object)['deletionGracePeriodSeconds'], 0);
    assert.equal(meta(fg.object)['generation'], 2);

    await f.widgets.create(ctx(), widget('or'));
    const or = await f.widgets.delete(ctx(), 'or', { options: { propagationPolicy: 'Orphan' } });
    assert.deepEqual(meta(or.object)['finalizers'], ['orphan']);
  });

  it('keeps objects with finalizers until they are removed', async () => {
    await f.widgets.create(ctx(), widget('held', { metadata: { finalizers: ['example.com/x'] } }));
    const first = await f.widgets.delete(ctx(), 'held', { options: {} });
    const second = await f.widgets.delete(ctx(), 'held', { options: {} });
    assert.equal(second.deleted, false);
    assert.equal(meta(second.object)['deletionTimestamp'], meta(first.object)['deletionTimestamp']);
  });

  it('deletes gracefully when the strategy asks for it, and shortens the grace period', async () => {
    await f.gadgets.create(ctx(''), { metadata: { name: 'pod-like' } });
    const first = await f.gadgets.delete(ctx(''), 'pod-like', { options: {} });
    assert.equal(first.deleted, false);
    assert.equal(meta(first.object)['deletionGracePeriodSeconds'], 30);
    const later = Date.parse(String(meta(first.object)['deletionTimestamp'])) - Date.now();
    assert.ok(later > 25_000 && later <= 30_000, `deletionTimestamp ${later} ms ahead`);
    const again = await f.gadgets.delete(ctx(''), 'pod-like', { options: {} });
    assert.equal(again.deleted, false);
    const now = await f.gadgets.delete(ctx(''), 'pod-like', { options: { gracePeriodSeconds: 0 } });
    assert.equal(now.deleted, true);
    assert.equal(meta(now.object)['name'], 'pod-like');
    await assert.rejects(f.gadgets.get(ctx(''), 'pod-like'), (e: StatusError) => e.code === 404);
  });

  it('checks uid and resourceVersion preconditions', async () => {
    await f.widgets.create(ctx(), widget('pre'));
    await assert.rejects(
      f.widgets.delete(ctx(), 'pre', { options: { preconditions: { uid: 'x' } } }),
      (e: StatusError) =>
        e.code === 409 &&
        /^Operation cannot be fulfilled on Widget.example.kapi.dev "pre": the UID in the precondition \(x\) does not match the UID in record/.test(e.message),
    );
    await assert.rejects(f.widgets.delete(ctx(), 'pre', { options: { preconditions: { resourceVersion: '1' } } }), /the ResourceVersion in the precondition \(1\)/);
  });

  it('validates DeleteOptions', async () => {
    await f.widgets.create(ctx(), widget('opt'));
    await assert.rejects(
      f.widgets.delete(ctx(), 'opt', { options: { propagationPolicy: 'Sideways' } }),
      (e: StatusError) =>
        e.code === 422 &&
        e.message === 'DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "Sideways": supported values: "Foreground", "Background", "Orphan", "nil"',
    );
    await assert.rejects(
      f.widgets.delete(ctx(), 'opt', { options: { dryRun: ['Some'] } }),
      /dryRun: Unsupported value: \[\]string\{"Some"\}: supported values: "All"/,
    );
  });

  it('runs validating admission on the object and writes nothing on a dry run', async () => {
    await f.widgets.create(ctx(), widget('dry'));
    await assert.rejects(f.widgets.delete(ctx(), 'dry', { options: {}, validate: () => Promise.reject(new Error('no')) }), /no/);
    const out = await f.widgets.delete(ctx(), 'dry', { options: { dryRun: ['All'] } });
    assert.equal(out.deleted, true);
    await f.widgets.get(ctx(), 'dry');
  });

  it('deletecollection deletes what the selector matches and returns it', async () => {
    await f.widgets.create(ctx('dc'), widget('a', { metadata: { labels: { team: 'x' } } }));
    await f.widgets.create(ctx('dc'), widget('b', { metadata: { labels: { team: 'x' } } }));
    await f.widgets.create(ctx('dc'), widget('c', { metadata: { labels: { team: 'y' } } }));
    const out = await f.widgets.deleteCollection(ctx('dc'), { labelSelector: selectorParser.parseLabelSelector('team=x') }, { options: {} });
    assert.deepEqual(out.items.map((i) => meta(i)['name']), ['a', 'b']);
    const left = await f.widgets.list(ctx('dc'), {});
    assert.deepEqual(left.items.map((i) => meta(i)['name']), ['c']);
  });
});

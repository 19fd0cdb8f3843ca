/** PATCH and DELETE over HTTP: patch types, conflicts, no-op patches, delete options and results, deletecollection. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { hpaBody, request, startHarness, widgetBody, WIDGETS, type Harness } from './support.js';

type Obj = Record<string, unknown>;
const W = (name = ''): string => `${WIDGETS}/namespaces/default/widgets${name ? `/${name}` : ''}`;
const MERGE = { 'Content-Type': 'application/merge-patch+json' };

describe('PATCH', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
    await request(`${h.url}${W()}`, 'POST', widgetBody('p1'));
  });
  after(() => h.stop());

  it('applies a merge patch', async () => {
    const res = await request(`${h.url}${W('p1')}`, 'PATCH', { spec: { replicas: 4 }, metadata: { labels: { a: 'b' } } }, MERGE);
    assert.equal(res.status, 200, res.text);
    assert.equal((res.json()['spec'] as Obj)['replicas'], 4);
    assert.deepEqual((res.json()['metadata'] as Obj)['labels'], { a: 'b' });
  });

  it('applies a JSON patch', async () => {
    const res = await request(`${h.url}${W('p1')}`, 'PATCH', [{ op: 'replace', path: '/spec/replicas', value: 5 }], { 'Content-Type': 'application/json-patch+json' });
    assert.equal((res.json()['spec'] as Obj)['replicas'], 5);
  });

  it('leaves the resourceVersion alone when nothing changes', async () => {
    const before = (await request(`${h.url}${W('p1')}`, 'GET')).json();
    const res = await request(`${h.url}${W('p1')}`, 'PATCH', { spec: { replicas: 5 } }, MERGE);
    assert.equal((res.json()['metadata'] as Obj)['resourceVersion'], (before['metadata'] as Obj)['resourceVersion']);
  });

  it('answers a stale resourceVersion in the patch with 409', async () => {
    const res = await request(`${h.url}${W('p1')}`, 'PATCH', { metadata: { resourceVersion: '1' }, spec: { replicas: 6 } }, MERGE);
    assert.equal(res.status, 409);
    assert.equal(res.json()['reason'], 'Conflict');
  });

  it('answers server-side apply and unknown types with 415 listing what is accepted', async () => {
    const res = await request(`${h.url}${W('p1')}?fieldManager=kubectl&force=false`, 'PATCH', widgetBody('p1'), { 'Content-Type': 'application/apply-patch+yaml' });
    assert.equal(res.status, 415);
    assert.equal(
      res.json()['message'],
      'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json',
    );
  });

  it('answers a missing object with 404', async () => {
    const res = await request(`${h.url}${W('nope')}`, 'PATCH', { spec: {} }, MERGE);
    assert.equal(res.status, 404);
  });

  it('applies fieldValidation to the patched object', async () => {
    await request(`${h.url}/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers`, 'POST', hpaBody('hp'));
    const url = `${h.url}/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers/hp`;
    const strict = await request(`${url}?fieldValidation=Strict`, 'PATCH', { spec: { foo: 1 } }, MERGE);
    assert.equal(strict.status, 400);
    assert.equal(strict.json()['message'], 'strict decoding error: unknown field "spec.foo"');
    const warn = await request(url, 'PATCH', { spec: { foo: 1, maxReplicas: 7 } }, MERGE);
    assert.equal(warn.status, 200);
    assert.equal(warn.headers.get('warning'), '299 - "unknown field \\"spec.foo\\""');
  });

  it('patches the scale subresource', async () => {
    const res = await request(`${h.url}${W('p1')}/scale`, 'PATCH', { spec: { replicas: 9 } }, MERGE);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.json()['kind'], 'Scale');
    assert.deepEqual(res.json()['spec'], { replicas: 9 });
    assert.equal(((await request(`${h.url}${W('p1')}`, 'GET')).json()['spec'] as Obj)['replicas'], 9);
  });

  it('refuses force on a non-apply patch', async () => {
    const res = await request(`${h.url}${W('p1')}?force=true`, 'PATCH', { spec: {} }, MERGE);
    assert.equal(res.status, 422);
    assert.equal(res.json()['message'], 'PatchOptions.meta.k8s.io "" is invalid: force: Forbidden: may not be specified for non-apply patch');
  });
});

describe('DELETE', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.stop());

  it('answers a Success Status, then 404', async () => {
    const created = (await request(`${h.url}${W()}`, 'POST', widgetBody('d1'))).json();
    const res = await request(`${h.url}${W('d1')}`, 'DELETE', { propagationPolicy: 'Background' });
    assert.equal(res.status, 200);
    assert.deepEqual(res.json(), {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Success',
      details: { name: 'd1', group: 'example.kapi.dev', kind: 'widgets', uid: (created['metadata'] as Obj)['uid'] },
    });
    assert.equal((await request(`${h.url}${W('d1')}`, 'GET')).status, 404);
    const again = await request(`${h.url}${W('d1')}`, 'DELETE');
    assert.equal(again.status, 404);
    assert.equal(again.json()['message'], 'widgets.example.kapi.dev "d1" not found');
  });

  it('keeps the object with foreground propagation, from the body or the query', async () => {
    await request(`${h.url}${W()}`, 'POST', widgetBody('fg'));
    const res = await request(`${h.url}${W('fg')}`, 'DELETE', { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: 'Foreground' });
    assert.equal(res.status, 200);
    assert.deepEqual((res.json()['metadata'] as Obj)['finalizers'], ['foregroundDeletion']);
    await request(`${h.url}${W()}`, 'POST', widgetBody('orph'));
    const orphan = await request(`${h.url}${W('orph')}?propagationPolicy=Orphan`, 'DELETE');
    assert.deepEqual((orphan.json()['metadata'] as Obj)['finalizers'], ['orphan']);
  });

  it('answers 202 when orphanDependents=false leaves the object in place', async () => {
    await request(`${h.url}${W()}`, 'POST', widgetBody('acc', { metadata: { finalizers: ['example.com/x'] } }));
    const res = await request(`${h.url}${W('acc')}`, 'DELETE', { orphanDependents: false });
    assert.equal(res.status, 202);
  });

  it('checks preconditions and validates options', async () => {
    await request(`${h.url}${W()}`, 'POST', widgetBody('pre'));
    const res = await request(`${h.url}${W('pre')}`, 'DELETE', { preconditions: { uid: 'x' } });
    assert.equal(res.status, 409);
    const bad = await request(`${h.url}${W('pre')}`, 'DELETE', { propagationPolicy: 'Sideways' });
    assert.equal(bad.status, 422);
    const kind = await request(`${h.url}${W('pre')}`, 'DELETE', { kind: 'Pod', apiVersion: 'v1' });
    assert.equal(kind.status, 400);
  });

  it('deletes collections by selector and answers the list', async () => {
    for (const [name, team] of [['c1', 'x'], ['c2', 'x'], ['c3', 'y']]) {
      await request(`${h.url}${WIDGETS}/namespaces/dc/widgets`, 'POST', widgetBody(name, { metadata: { labels: { team } } }));
    }
    const res = await request(`${h.url}${WIDGETS}/namespaces/dc/widgets?labelSelector=team%3Dx`, 'DELETE');
    assert.equal(res.status, 200, res.text);
    assert.equal(res.json()['kind'], 'WidgetList');
    assert.deepEqual((res.json()['items'] as Obj[]).map((i) => (i['metadata'] as Obj)['name']), ['c1', 'c2']);
    const left = (await request(`${h.url}${WIDGETS}/namespaces/dc/widgets`, 'GET')).json();
    assert.deepEqual((left['items'] as Obj[]).map((i) => (i['metadata'] as Obj)['name']), ['c3']);
  });
});

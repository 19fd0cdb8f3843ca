/**
 * Deleting a CRD: the first DELETE marks it (deletionTimestamp, the cleanup finalizer,
 * Terminating=True InstanceDeletionPending); the finalizer controller deletes every instance in
 * every namespace, marks those with finalizers and waits for them (bounded, reported as
 * InstanceDeletionCheck), then removes the finalizer so the CRD goes.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { request } from '../../../endpoints/handlers/support.js';
import { conditionOf, crdNamed, CRDS, getCRD, startHarness, waitFor, waitForCondition, type Harness, type Obj } from './support.js';

const GROUP = 'cleanup.example.com';

describe('CRD deletion and the finalizer controller', () => {
  let h: Harness;
  before(async () => {
    // a short wait for instances held by finalizers, so the timeout is seen
    h = await startHarness({ finalizer: { pollMs: 20, waitMs: 400 } });
  });
  after(async () => {
    await h.close();
  });

  const establish = async (plural: string, kind: string, labels?: Record<string, string>): Promise<string> => {
    const name = `${plural}.${GROUP}`;
    const res = await request(`${h.url}${CRDS}`, 'POST', crdNamed(GROUP, { plural, singular: plural.slice(0, -1), kind, listKind: `${kind}List` }, labels));
    assert.equal(res.status, 201, res.text);
    await waitForCondition(h.url, name, 'Established', 'True');
    return name;
  };
  const instance = (plural: string, kind: string, namespace: string, name: string, finalizers?: string[]) =>
    h.storage.create(`/registry/${GROUP}/${plural}/${namespace}/${name}`, {
      apiVersion: `${GROUP}/v1`,
      kind,
      metadata: { name, namespace, uid: `${namespace}-${name}-uid`, ...(finalizers ? { finalizers } : {}) },
    });
  const count = (plural: string) => h.storage.count(`/registry/${GROUP}/${plural}`);

  it('marks the CRD on the first DELETE, deletes its instances in every namespace, then the CRD', async () => {
    const name = await establish('apples', 'Apple');
    for (const [ns, n] of [['ns1', 'a'], ['ns1', 'b'], ['ns2', 'c']]) await instance('apples', 'Apple', ns, n);
    // a neighbour whose key shares the prefix must stay
    await h.storage.create(`/registry/${GROUP}/applesauces/ns1/keep`, { metadata: { name: 'keep', namespace: 'ns1' } });

    const del = await request(`${h.url}${CRDS}/${name}`, 'DELETE');
    assert.equal(del.status, 200, del.text);
    const marked = del.json();
    const meta = marked['metadata'] as Obj;
    assert.ok(meta['deletionTimestamp'], 'deletionTimestamp set');
    assert.deepEqual(meta['finalizers'], ['customresourcecleanup.apiextensions.k8s.io']);
    assert.deepEqual(
      { ...conditionOf(marked, 'Terminating') },
      {
        ...conditionOf(marked, 'Terminating'),
        status: 'True',
        reason: 'InstanceDeletionPending',
        message: 'CustomResourceDefinition marked for deletion; CustomResource deletion will begin soon',
      },
    );

    await waitFor('CRD gone', async () => ((await getCRD(h.url, name)) ? undefined : true));
    assert.equal(await count('apples'), 0);
    assert.equal(await h.storage.count(`/registry/${GROUP}/applesauces`), 1);
  });

  it('waits for instances held by finalizers, reports InstanceDeletionCheck, and finishes once they go', async () => {
    const name = await establish('pears', 'Pear');
    await instance('pears', 'Pear', 'ns1', 'held', ['example.com/hold']);
    await instance('pears', 'Pear', 'ns1', 'free');

    const del = await request(`${h.url}${CRDS}/${name}`, 'DELETE');
    assert.equal(del.status, 200, del.text);
    const held = await waitFor('held instance marked deleting', async () => {
      const obj = await h.storage.get(`/registry/${GROUP}/pears/ns1/held`);
      return obj.metadata?.['deletionTimestamp'] ? obj : undefined;
    });
    assert.equal(held.metadata?.['deletionGracePeriodSeconds'], 0);
    const stuck = await waitForCondition(h.url, name, 'Terminating', 'True', 'InstanceDeletionCheck');
    assert.equal(conditionOf(stuck, 'Terminating')?.message, 'could not confirm zero CustomResources remaining: timed out waiting for the condition');
    assert.deepEqual((stuck['metadata'] as Obj)['finalizers'], ['customresourcecleanup.apiextensions.k8s.io']);
    assert.equal(await count('pears'), 1);

    // the finalizer's owner lets go
    await h.storage.delete(`/registry/${GROUP}/pears/ns1/held`);
    await waitFor('CRD gone', async () => ((await getCRD(h.url, name)) ? undefined : true), 15_000);
  });

  it('deletes a CRD that was never established without touching storage', async () => {
    await request(`${h.url}${CRDS}`, 'POST', crdNamed(GROUP, { plural: 'plums', singular: 'plum', kind: 'Plum', listKind: 'PlumList' }));
    await waitForCondition(h.url, `plums.${GROUP}`, 'Established', 'True');
    // a second CRD that cannot get its plural is never established
    const clash = crdNamed(GROUP, { plural: 'plum', singular: 'plumtwo', kind: 'PlumTwo', listKind: 'PlumTwoList' });
    assert.equal((await request(`${h.url}${CRDS}`, 'POST', clash)).status, 201);
    await waitForCondition(h.url, `plum.${GROUP}`, 'NamesAccepted', 'False', 'PluralConflict');
    await instance('plum', 'PlumTwo', 'ns1', 'unrelated');
    assert.equal((await request(`${h.url}${CRDS}/plum.${GROUP}`, 'DELETE')).status, 200);
    await waitFor('CRD gone', async () => ((await getCRD(h.url, `plum.${GROUP}`)) ? undefined : true));
    assert.equal(await count('plum'), 1, 'never served, so nothing of it was deleted');
  });

  it('refuses a DELETE whose preconditions do not hold, as upstream words it', async () => {
    const name = await establish('quinces', 'Quince');
    const crd = (await getCRD(h.url, name))!;
    const uid = (crd['metadata'] as Obj)['uid'];
    const res = await request(`${h.url}${CRDS}/${name}`, 'DELETE', { kind: 'DeleteOptions', apiVersion: 'v1', preconditions: { uid: 'not-it' } });
    assert.equal(res.status, 409, res.text);
    assert.equal(
      res.json()['message'],
      `Operation cannot be fulfilled on customresourcedefinitions.apiextensions.k8s.io "${name}": Precondition failed: UID in precondition: not-it, UID in object meta: ${String(uid)}`,
    );
    const rv = await request(`${h.url}${CRDS}/${name}`, 'DELETE', { kind: 'DeleteOptions', apiVersion: 'v1', preconditions: { resourceVersion: '1' } });
    assert.equal(rv.status, 409, rv.text);
    assert.match(String(rv.json()['message']), /Precondition failed: ResourceVersion in precondition: 1, ResourceVersion in object meta: \d+$/);
    const after = (await getCRD(h.url, name))!;
    assert.equal((after['metadata'] as Obj)['deletionTimestamp'], undefined);
  });

  it('a dry-run DELETE changes nothing', async () => {
    const name = `quinces.${GROUP}`;
    const res = await request(`${h.url}${CRDS}/${name}?dryRun=All`, 'DELETE');
    assert.equal(res.status, 200, res.text);
    assert.ok((res.json()['metadata'] as Obj)['deletionTimestamp']);
    const stored = (await getCRD(h.url, name))!;
    assert.equal((stored['metadata'] as Obj)['deletionTimestamp'], undefined);
    assert.equal(conditionOf(stored, 'Terminating'), undefined);
  });

  it('deletes a collection by label selector, each CRD with its instances, and only those', async () => {
    const labelled = [];
    for (const [plural, kind] of [['figs', 'Fig'], ['limes', 'Lime'], ['kiwis', 'Kiwi']]) {
      labelled.push(await establish(plural, kind, { 'e2e-list-test-uuid': 'batch-1' }));
      await instance(plural, kind, 'ns1', 'one');
    }
    const other = await establish('dates', 'Date');
    const list = await request(`${h.url}${CRDS}?labelSelector=e2e-list-test-uuid%3Dbatch-1`, 'GET');
    assert.deepEqual(((list.json()['items'] as Obj[]).map((i) => (i['metadata'] as Obj)['name']) as string[]).sort(), [...labelled].sort());

    const res = await request(`${h.url}${CRDS}?labelSelector=e2e-list-test-uuid%3Dbatch-1`, 'DELETE');
    assert.equal(res.status, 200, res.text);
    for (const name of labelled) await waitFor(`${name} gone`, async () => ((await getCRD(h.url, name)) ? undefined : true));
    for (const plural of ['figs', 'limes', 'kiwis']) assert.equal(await count(plural), 0);
    assert.ok(await getCRD(h.url, other), 'the unlabelled CRD stays');
  });
});

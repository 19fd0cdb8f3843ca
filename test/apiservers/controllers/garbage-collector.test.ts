/**
 * The garbage collector through HTTP on SQLite: background, foreground and orphan propagation,
 * blockOwnerDeletion, owners replaced under the same name, cluster-scoped owners, and the
 * dependency circle of the conformance suite.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { configMap, create, eventually, exists, metadata, ownerRef, sqliteBackend, startTier, type Backend, type Obj, type Tier } from './support.js';

const CM = '/api/v1/namespaces/default/configmaps';

describe('garbage collector', () => {
  let backend: Backend;
  let tier: Tier;
  before(async () => {
    backend = sqliteBackend();
    tier = await startTier(backend);
  });
  after(async () => {
    await tier.stop();
    await backend.close();
  });

  const refsOf = async (path: string): Promise<Obj[]> => (metadata((await tier.get(path)).body)['ownerReferences'] ?? []) as Obj[];

  it('deletes dependents of a deleted owner in the background, and only drops the reference where another owner lives', async () => {
    const owner = await create(tier, CM, configMap('bg-owner'));
    const other = await create(tier, CM, configMap('bg-other'));
    await create(tier, CM, configMap('bg-only', [ownerRef(owner)]));
    await create(tier, CM, configMap('bg-shared', [ownerRef(owner), ownerRef(other)]));
    assert.equal((await tier.send('DELETE', `${CM}/bg-owner`)).status, 200);
    await eventually('bg-only is deleted', async () => !(await exists(tier, `${CM}/bg-only`)));
    await eventually('bg-shared loses the reference', async () => (await refsOf(`${CM}/bg-shared`)).length === 1);
    const [kept] = await refsOf(`${CM}/bg-shared`);
    assert.equal(kept['uid'], metadata(other)['uid']);
    assert.equal(metadata((await tier.get(`${CM}/bg-shared`)).body)['deletionTimestamp'], undefined);
  });

  it('keeps a foreground-deleted owner until its blocking dependents are gone', async () => {
    const owner = await create(tier, CM, configMap('fg-owner'));
    await create(tier, CM, configMap('fg-blocking', [ownerRef(owner, { blockOwnerDeletion: true })], { finalizers: ['example.com/hold'] }));
    await create(tier, CM, configMap('fg-free', [ownerRef(owner)]));
    const res = await tier.send('DELETE', `${CM}/fg-owner`, { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: 'Foreground' });
    assert.equal(res.status, 200);
    assert.ok((metadata(res.body)['finalizers'] as string[]).includes('foregroundDeletion'));
    await eventually('fg-free is deleted', async () => !(await exists(tier, `${CM}/fg-free`)));
    await eventually('fg-blocking is being deleted', async () => Boolean(metadata((await tier.get(`${CM}/fg-blocking`)).body)['deletionTimestamp']));
    const waiting = await tier.get(`${CM}/fg-owner`);
    assert.equal(waiting.status, 200, 'the owner waits for its blocking dependent');
    assert.deepEqual(metadata(waiting.body)['finalizers'], ['foregroundDeletion']);
    const released = await tier.send('PATCH', `${CM}/fg-blocking`, { metadata: { finalizers: null } }, 'application/merge-patch+json');
    assert.equal(released.status, 200, JSON.stringify(released.body));
    await eventually('the owner is deleted', async () => !(await exists(tier, `${CM}/fg-owner`)));
  });

  it('removes the foregroundDeletion finalizer of an owner without dependents', async () => {
    await create(tier, CM, configMap('fg-alone'));
    assert.equal((await tier.send('DELETE', `${CM}/fg-alone?propagationPolicy=Foreground`)).status, 200);
    await eventually('fg-alone is deleted', async () => !(await exists(tier, `${CM}/fg-alone`)));
  });

  it('orphans dependents when asked, by policy or by the orphan finalizer', async () => {
    const owner = await create(tier, CM, configMap('or-owner'));
    const other = await create(tier, CM, configMap('or-other'));
    await create(tier, CM, configMap('or-only', [ownerRef(owner)]));
    await create(tier, CM, configMap('or-shared', [ownerRef(owner), ownerRef(other)]));
    assert.equal((await tier.send('DELETE', `${CM}/or-owner`, { propagationPolicy: 'Orphan' })).status, 200);
    await eventually('the owner is deleted', async () => !(await exists(tier, `${CM}/or-owner`)));
    assert.deepEqual(await refsOf(`${CM}/or-only`), []);
    assert.deepEqual((await refsOf(`${CM}/or-shared`)).map((r) => r['uid']), [metadata(other)['uid']]);

    const byFinalizer = await create(tier, CM, configMap('or-finalizer', [], { finalizers: ['orphan'] }));
    await create(tier, CM, configMap('or-kept', [ownerRef(byFinalizer)]));
    assert.equal((await tier.send('DELETE', `${CM}/or-finalizer`)).status, 200);
    await eventually('the owner with the orphan finalizer is deleted', async () => !(await exists(tier, `${CM}/or-finalizer`)));
    assert.ok(await exists(tier, `${CM}/or-kept`));
    assert.deepEqual(await refsOf(`${CM}/or-kept`), []);
  });

  it('treats an owner replaced under the same name (uid mismatch) as gone', async () => {
    const live = await create(tier, CM, configMap('uid-owner'));
    const stale = { apiVersion: 'v1', kind: 'ConfigMap', name: 'uid-owner', uid: '00000000-0000-0000-0000-000000000001' };
    await create(tier, CM, configMap('uid-stale', [stale]));
    await create(tier, CM, configMap('uid-mixed', [stale, ownerRef(live)]));
    await eventually('uid-stale is deleted', async () => !(await exists(tier, `${CM}/uid-stale`)));
    await eventually('uid-mixed keeps only the live owner', async () => (await refsOf(`${CM}/uid-mixed`)).length === 1);
    assert.equal((await refsOf(`${CM}/uid-mixed`))[0]['uid'], metadata(live)['uid']);
  });

  it('follows cluster-scoped owners of namespaced dependents, not namespaced owners of cluster-scoped objects', async () => {
    const roles = '/apis/rbac.authorization.k8s.io/v1/clusterroles';
    const role = await create(tier, roles, { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'gc-owner-role' } });
    await create(tier, CM, configMap('cs-dependent', [ownerRef(role)]));
    const cmOwner = await create(tier, CM, configMap('cs-namespaced-owner'));
    await create(tier, roles, { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'gc-dependent-role', ownerReferences: [ownerRef(cmOwner)] } });
    assert.equal((await tier.send('DELETE', `${roles}/gc-owner-role`)).status, 200);
    await eventually('cs-dependent is deleted', async () => !(await exists(tier, `${CM}/cs-dependent`)));
    assert.equal((await tier.send('DELETE', `${CM}/cs-namespaced-owner`)).status, 200);
    // a later deletion the collector must handle proves it got past the cluster-scoped dependent
    const marker = await create(tier, CM, configMap('cs-marker-owner'));
    await create(tier, CM, configMap('cs-marker', [ownerRef(marker)]));
    assert.equal((await tier.send('DELETE', `${CM}/cs-marker-owner`)).status, 200);
    await eventually('cs-marker is deleted', async () => !(await exists(tier, `${CM}/cs-marker`)));
    assert.ok(await exists(tier, `${roles}/gc-dependent-role`), 'a namespaced owner of a cluster-scoped object is not followed');
  });

  it('keeps dependents that have a valid owner beside one waiting for dependents to be deleted (conformance)', async () => {
    const rcs = '/api/v1/namespaces/default/replicationcontrollers';
    const pods = '/api/v1/namespaces/default/pods';
    const rc = (name: string): Obj => ({
      apiVersion: 'v1',
      kind: 'ReplicationController',
      metadata: { name },
      spec: { replicas: 2, selector: { app: name }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'busybox' }] } } },
    });
    const rc1 = await create(tier, rcs, rc('rc1'));
    const rc2 = await create(tier, rcs, rc('rc2'));
    const pod = (name: string, owners: Obj[]): Obj => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, ownerReferences: owners }, spec: { containers: [{ name: 'c', image: 'busybox' }] } });
    const blocking = { blockOwnerDeletion: true };
    await create(tier, pods, pod('only-rc1', [ownerRef(rc1, { controller: true, ...blocking })]));
    await create(tier, pods, pod('both', [ownerRef(rc1, { controller: true, ...blocking }), ownerRef(rc2, blocking)]));
    assert.equal((await tier.send('DELETE', `${rcs}/rc1`, { propagationPolicy: 'Foreground' })).status, 200);
    await eventually('rc1 is deleted', async () => !(await exists(tier, `${rcs}/rc1`)));
    assert.equal(await exists(tier, `${pods}/only-rc1`), false);
    const both = (await tier.get(`${pods}/both`)).body;
    assert.equal(metadata(both)['deletionTimestamp'], undefined);
    assert.deepEqual(((metadata(both)['ownerReferences'] ?? []) as Obj[]).map((r) => r['uid']), [metadata(rc2)['uid']]);
  });

  it('is not blocked by a dependency circle (conformance)', async () => {
    const pods = '/api/v1/namespaces/default/pods';
    const pod = (name: string): Obj => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'c', image: 'busybox' }] } });
    const created = [await create(tier, pods, pod('pod1')), await create(tier, pods, pod('pod2')), await create(tier, pods, pod('pod3'))];
    const link = async (dependent: number, owner: number): Promise<void> => {
      const patch = { metadata: { ownerReferences: [ownerRef(created[owner], { controller: true, blockOwnerDeletion: true })] } };
      const res = await tier.send('PATCH', `${pods}/pod${dependent + 1}`, patch, 'application/strategic-merge-patch+json');
      assert.equal(res.status, 200, JSON.stringify(res.body));
    };
    await link(0, 2);
    await link(1, 0);
    await link(2, 1);
    const res = await tier.send('DELETE', `${pods}/pod1`, { propagationPolicy: 'Foreground', gracePeriodSeconds: 0, preconditions: { uid: metadata(created[0])['uid'] } });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    await eventually('every pod of the circle is deleted', async () => ((await tier.get(pods)).body['items'] as Obj[]).filter((p) => /^pod[123]$/.test(String(metadata(p)['name']))).length === 0, 20_000);
  });
});

/**
 * The garbage collector on a real etcd: a Deployment, its ReplicaSet and their Pods deleted in
 * each propagation mode, as `kubectl delete deployment --cascade=…` asks.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { findEtcd } from '../../storage/support/etcd.js';
import { create, etcdBackend, eventually, exists, metadata, ownerRef, startTier, type Backend, type Obj, type Tier } from './support.js';

const APPS = '/apis/apps/v1/namespaces/default';
const PODS = '/api/v1/namespaces/default/pods';

function deployment(name: string): Obj {
  const labels = { app: name };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: { replicas: 1, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'c', image: 'busybox' }] } } },
  };
}

/** A Deployment with one ReplicaSet and one Pod, linked as the workload controllers link them. */
async function workload(tier: Tier, name: string): Promise<void> {
  const d = await create(tier, `${APPS}/deployments`, deployment(name));
  const controllerRef = (owner: Obj): Obj => ownerRef(owner, { controller: true, blockOwnerDeletion: true });
  const template = (deployment(name)['spec'] as Obj)['template'] as Obj;
  const rs = await create(tier, `${APPS}/replicasets`, {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: `${name}-rs`, labels: { app: name }, ownerReferences: [controllerRef(d)] },
    spec: { replicas: 1, selector: { matchLabels: { app: name } }, template },
  });
  await create(tier, PODS, { apiVersion: 'v1', kind: 'Pod', metadata: { name: `${name}-pod`, labels: { app: name }, ownerReferences: [controllerRef(rs)] }, spec: template['spec'] });
}

describe('garbage collector on etcd', { skip: findEtcd() ? false : 'no etcd binary installed' }, () => {
  let backend: Backend | undefined;
  let tier: Tier;
  before(async () => {
    backend = await etcdBackend();
    tier = await startTier(backend!);
  });
  after(async () => {
    await tier?.stop();
    await backend?.close();
  });

  it('deletes a Deployment in the foreground: pod, then ReplicaSet, then the Deployment', async () => {
    await workload(tier, 'fg');
    const res = await tier.send('DELETE', `${APPS}/deployments/fg`, { propagationPolicy: 'Foreground' });
    assert.equal(res.status, 200);
    assert.ok(metadata(res.body)['deletionTimestamp']);
    await eventually('the Deployment is gone', async () => !(await exists(tier, `${APPS}/deployments/fg`)), 15_000);
    assert.equal(await exists(tier, `${APPS}/replicasets/fg-rs`), false);
    assert.equal(await exists(tier, `${PODS}/fg-pod`), false);
  });

  it('deletes a Deployment in the background: its ReplicaSet and Pod follow', async () => {
    await workload(tier, 'bg');
    assert.equal((await tier.send('DELETE', `${APPS}/deployments/bg`, { propagationPolicy: 'Background' })).status, 200);
    await eventually('the Pod is gone', async () => !(await exists(tier, `${PODS}/bg-pod`)), 15_000);
    assert.equal(await exists(tier, `${APPS}/replicasets/bg-rs`), false);
  });

  it('orphans the ReplicaSet of a Deployment deleted with Orphan', async () => {
    await workload(tier, 'or');
    assert.equal((await tier.send('DELETE', `${APPS}/deployments/or`, { propagationPolicy: 'Orphan' })).status, 200);
    await eventually('the Deployment is gone', async () => !(await exists(tier, `${APPS}/deployments/or`)), 15_000);
    const rs = (await tier.get(`${APPS}/replicasets/or-rs`)).body;
    assert.equal(metadata(rs)['ownerReferences'], undefined);
    assert.equal(metadata(rs)['deletionTimestamp'], undefined);
    assert.ok(await exists(tier, `${PODS}/or-pod`));
  });
});

/** OwnershipGraph: which uids each change queues, given the objects it has seen. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { groupOf, OwnershipGraph } from '../../../runtime/apiservers/kube/controllers/garbage-collector/graph.js';
import type { KObject } from '../../../runtime/registry/meta.js';

interface Given {
  /** Objects seen, in order: [group, kind, object]. */
  readonly seen: readonly [string, string, KObject][];
  /** uids forgotten afterwards. */
  readonly forget?: readonly string[];
}

function object(uid: string, extra: Record<string, unknown> = {}): KObject {
  return { metadata: { name: `n-${uid}`, namespace: 'ns', uid, ...extra } };
}

const ref = (uid: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({ apiVersion: 'v1', kind: 'ConfigMap', name: `n-${uid}`, uid, ...extra });

function run(given: Given): { deletes: string[]; orphans: string[] } {
  const deletes: string[] = [];
  const orphans: string[] = [];
  const graph = new OwnershipGraph(
    { namespaced: (group, kind) => (group === '' && kind === 'ConfigMap' ? true : group === 'rbac.authorization.k8s.io' ? false : undefined) },
    { attemptToDelete: (uid) => deletes.push(uid), attemptToOrphan: (uid) => orphans.push(uid) },
  );
  for (const [group, kind, o] of given.seen) graph.observe(group, kind, o);
  deletes.length = 0;
  orphans.length = 0;
  for (const uid of given.forget ?? []) graph.forget(uid);
  return { deletes, orphans };
}

describe('OwnershipGraph', () => {
  const cases: [string, { given: Given; wantDeletes: string[]; wantOrphans?: string[] }][] = [
    ['a deleted owner queues its dependents', { given: { seen: [['', 'ConfigMap', object('o')], ['', 'ConfigMap', object('d', { ownerReferences: [ref('o')] })]], forget: ['o'] }, wantDeletes: ['d'] }],
    ['a deleted dependent queues nothing when its owner is not deleting', { given: { seen: [['', 'ConfigMap', object('o')], ['', 'ConfigMap', object('d', { ownerReferences: [ref('o')] })]], forget: ['d'] }, wantDeletes: [] }],
    [
      'a deleted dependent queues its owner that waits for dependents',
      {
        given: {
          seen: [
            ['', 'ConfigMap', object('o')],
            ['', 'ConfigMap', object('d', { ownerReferences: [ref('o', { blockOwnerDeletion: true })] })],
            ['', 'ConfigMap', object('o', { deletionTimestamp: '2026-01-01T00:00:00Z', finalizers: ['foregroundDeletion'] })],
          ],
          forget: ['d'],
        },
        wantDeletes: ['o'],
      },
    ],
    ['an unknown uid is forgotten without effect', { given: { seen: [], forget: ['nobody'] }, wantDeletes: [] }],
  ];
  for (const [name, { given, wantDeletes, wantOrphans }] of cases) {
    it(name, () => {
      const { deletes, orphans } = run(given);
      assert.deepEqual(deletes, wantDeletes);
      assert.deepEqual(orphans, wantOrphans ?? []);
    });
  }

  it('makes a virtual node for an owner not seen yet and queues it for a lookup', () => {
    const deletes: string[] = [];
    const graph = new OwnershipGraph({ namespaced: () => true }, { attemptToDelete: (uid) => deletes.push(uid), attemptToOrphan: () => {} });
    graph.observe('', 'ConfigMap', object('d', { ownerReferences: [ref('o')] }));
    assert.deepEqual(deletes, ['o']);
    assert.equal(graph.node('o')?.observed, false);
    assert.equal(graph.node('o')?.identity.namespace, 'ns');
    graph.observe('', 'ConfigMap', object('o'));
    assert.equal(graph.node('o')?.observed, true);
  });

  it('places a virtual cluster-scoped owner outside the dependent\'s namespace', () => {
    const graph = new OwnershipGraph({ namespaced: (group) => group !== 'rbac.authorization.k8s.io' }, { attemptToDelete: () => {}, attemptToOrphan: () => {} });
    graph.observe('', 'ConfigMap', object('d', { ownerReferences: [{ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', name: 'r', uid: 'cr' }] }));
    assert.equal(graph.node('cr')?.identity.namespace, '');
    assert.equal(graph.node('cr')?.identity.group, 'rbac.authorization.k8s.io');
  });

  it('forgets a virtual owner once no dependent references it', () => {
    const graph = new OwnershipGraph({ namespaced: () => true }, { attemptToDelete: () => {}, attemptToOrphan: () => {} });
    graph.observe('', 'ConfigMap', object('d', { ownerReferences: [ref('o')] }));
    graph.observe('', 'ConfigMap', object('d'));
    assert.equal(graph.node('o'), undefined);
  });

  it('queues an owner starting a foreground deletion and its dependents, and orphaning owners', () => {
    const deletes: string[] = [];
    const orphans: string[] = [];
    const queued = new OwnershipGraph({ namespaced: () => true }, { attemptToDelete: (uid) => deletes.push(uid), attemptToOrphan: (uid) => orphans.push(uid) });
    queued.observe('', 'ConfigMap', object('o'));
    queued.observe('', 'ConfigMap', object('d', { ownerReferences: [ref('o')] }));
    deletes.length = 0;
    queued.observe('', 'ConfigMap', object('o', { deletionTimestamp: '2026-01-01T00:00:00Z', finalizers: ['foregroundDeletion'] }));
    assert.deepEqual(deletes, ['d', 'o']);
    queued.observe('', 'ConfigMap', object('p', { deletionTimestamp: '2026-01-01T00:00:00Z', finalizers: ['orphan'] }));
    assert.deepEqual(orphans, ['p']);
    assert.equal(queued.node('o')?.dependents.size, 1);
  });

  it('queues a waiting owner when a dependent stops blocking it', () => {
    const deletes: string[] = [];
    const graph = new OwnershipGraph({ namespaced: () => true }, { attemptToDelete: (uid) => deletes.push(uid), attemptToOrphan: () => {} });
    graph.observe('', 'ConfigMap', object('o', { deletionTimestamp: '2026-01-01T00:00:00Z', finalizers: ['foregroundDeletion'] }));
    graph.observe('', 'ConfigMap', object('d', { ownerReferences: [ref('o', { blockOwnerDeletion: true })] }));
    assert.deepEqual(graph.node('o')?.blockingDependents().map((n) => n.uid), ['d']);
    deletes.length = 0;
    graph.observe('', 'ConfigMap', object('d', { ownerReferences: [ref('o', { blockOwnerDeletion: false })] }));
    assert.deepEqual(deletes, ['o']);
    assert.deepEqual(graph.node('o')?.blockingDependents(), []);
  });

  it('queues a dependent created under an owner already deleting its dependents', () => {
    const deletes: string[] = [];
    const graph = new OwnershipGraph({ namespaced: () => true }, { attemptToDelete: (uid) => deletes.push(uid), attemptToOrphan: () => {} });
    graph.observe('', 'ConfigMap', object('o', { deletionTimestamp: '2026-01-01T00:00:00Z', finalizers: ['foregroundDeletion'] }));
    deletes.length = 0;
    graph.observe('', 'ConfigMap', object('late', { ownerReferences: [ref('o')] }));
    assert.deepEqual(deletes, ['late']);
  });

  it('counts only dependents in a namespaced owner\'s namespace', () => {
    const graph = new OwnershipGraph({ namespaced: () => true }, { attemptToDelete: () => {}, attemptToOrphan: () => {} });
    graph.observe('', 'ConfigMap', object('o'));
    graph.observe('', 'ConfigMap', { metadata: { name: 'elsewhere', namespace: 'other', uid: 'x', ownerReferences: [ref('o', { blockOwnerDeletion: true })] } });
    assert.deepEqual(graph.node('o')?.validDependents(), []);
  });

  it('reads the group of an apiVersion', () => {
    assert.equal(groupOf('v1'), '');
    assert.equal(groupOf('apps/v1'), 'apps');
    assert.equal(groupOf(undefined), '');
  });
});

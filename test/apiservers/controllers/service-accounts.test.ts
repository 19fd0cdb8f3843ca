/**
 * The serviceaccounts controller and the root CA publisher through HTTP on SQLite: a `default`
 * ServiceAccount and a `kube-root-ca.crt` ConfigMap in every namespace, restored after deletion
 * and (the ConfigMap) after edits, and not created in terminating namespaces; on SQLite and,
 * when installed, on etcd.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DESCRIPTION_ANNOTATION, ROOT_CA_DESCRIPTION } from '../../../runtime/apiservers/kube/controllers/index.js';
import { findEtcd } from '../../storage/support/etcd.js';
import {
  create,
  createNamespace,
  etcdBackend,
  eventually,
  exists,
  metadata,
  sqliteBackend,
  startTier,
  TEST_ROOT_CA,
  type Backend,
  type Obj,
  type Tier,
} from './support.js';

const BACKENDS: [string, () => Promise<Backend | undefined>, string | false][] = [
  ['sqlite', async () => sqliteBackend(), false],
  ['etcd', etcdBackend, findEtcd() ? false : 'no etcd binary installed'],
];

for (const [backendName, openBackend, skip] of BACKENDS)
  describe(`serviceaccounts controller and root CA publisher on ${backendName}`, { skip }, () => {
    let backend: Backend;
    let tier: Tier;
    before(async () => {
      backend = (await openBackend())!;
      tier = await startTier(backend);
    });
    after(async () => {
      await tier.stop();
      await backend.close();
    });

    it('provisions both in the system namespaces', async () => {
      for (const ns of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) {
        await eventually(`default SA in ${ns}`, () => exists(tier, `/api/v1/namespaces/${ns}/serviceaccounts/default`));
        await eventually(`kube-root-ca.crt in ${ns}`, () => exists(tier, `/api/v1/namespaces/${ns}/configmaps/kube-root-ca.crt`));
      }
    });

    it('creates the default ServiceAccount in a new namespace and recreates it when deleted', async () => {
      await createNamespace(tier, 'sa-new');
      const path = '/api/v1/namespaces/sa-new/serviceaccounts/default';
      await eventually('the default SA exists', () => exists(tier, path));
      const first = metadata((await tier.get(path)).body)['uid'];
      assert.equal((await tier.send('DELETE', path)).status, 200);
      await eventually('the default SA is recreated', async () => {
        const res = await tier.get(path);
        return res.status === 200 && metadata(res.body)['uid'] !== first;
      });
    });

    it('publishes kube-root-ca.crt with the root CA and the description, and restores it', async () => {
      await createNamespace(tier, 'ca-new');
      const path = '/api/v1/namespaces/ca-new/configmaps/kube-root-ca.crt';
      await eventually('kube-root-ca.crt exists', () => exists(tier, path));
      const cm = (await tier.get(path)).body;
      assert.deepEqual(cm['data'], { 'ca.crt': TEST_ROOT_CA });
      assert.equal((metadata(cm)['annotations'] as Obj)[DESCRIPTION_ANNOTATION], ROOT_CA_DESCRIPTION);

      const edited = await tier.send(
        'PATCH',
        path,
        {
          data: { 'ca.crt': 'tampered', extra: 'x' },
          metadata: {
            annotations: { [DESCRIPTION_ANNOTATION]: null, mine: 'kept' },
          },
        },
        'application/merge-patch+json',
      );
      assert.equal(edited.status, 200, JSON.stringify(edited.body));
      await eventually('the data and annotation are restored', async () => {
        const current = (await tier.get(path)).body;
        const annotations = (metadata(current)['annotations'] ?? {}) as Obj;
        return JSON.stringify(current['data']) === JSON.stringify({ 'ca.crt': TEST_ROOT_CA }) && annotations[DESCRIPTION_ANNOTATION] === ROOT_CA_DESCRIPTION;
      });
      assert.equal((metadata((await tier.get(path)).body)['annotations'] as Obj)['mine'], 'kept');

      const uid = metadata((await tier.get(path)).body)['uid'];
      assert.equal((await tier.send('DELETE', path)).status, 200);
      await eventually('kube-root-ca.crt is recreated', async () => {
        const res = await tier.get(path);
        return res.status === 200 && metadata(res.body)['uid'] !== uid;
      });
    });

    it('leaves a terminating namespace alone', async () => {
      await createNamespace(tier, 'ending');
      const sa = '/api/v1/namespaces/ending/serviceaccounts/default';
      const cm = '/api/v1/namespaces/ending/configmaps/kube-root-ca.crt';
      await eventually('the default SA exists', () => exists(tier, sa));
      await eventually('kube-root-ca.crt exists', () => exists(tier, cm));
      // a pod with a finalizer keeps the namespace Terminating
      await create(tier, '/api/v1/namespaces/ending/pods', {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'held', finalizers: ['example.com/hold'] },
        spec: { containers: [{ name: 'c', image: 'busybox' }] },
      });
      assert.equal((await tier.send('DELETE', '/api/v1/namespaces/ending')).status, 200);
      await eventually('the default SA is deleted with the namespace content', async () => !(await exists(tier, sa)));
      await eventually('kube-root-ca.crt is deleted with the namespace content', async () => !(await exists(tier, cm)));
      // the namespace is still there (Terminating) while the pod holds it; nothing comes back
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(((await tier.get('/api/v1/namespaces/ending')).body['status'] as Obj)['phase'], 'Terminating');
      assert.equal(await exists(tier, sa), false);
      assert.equal(await exists(tier, cm), false);
      const released = await tier.send('PATCH', '/api/v1/namespaces/ending/pods/held', { metadata: { finalizers: null } }, 'application/merge-patch+json');
      assert.equal(released.status, 200, JSON.stringify(released.body));
      await eventually('the namespace is deleted', async () => !(await exists(tier, '/api/v1/namespaces/ending')), 15_000);
    });
  });

/**
 * The kube tier over the generated scheme and SQLite: a Store per resource, group hooks and
 * validation, admission (NamespaceLifecycle) and the system namespaces.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { installAll } from '../../generated/install.generated.js';
import { createKubeAPIServer, type KubeAPIServer } from '../../runtime/apiservers/kube/index.js';
import { Scheme } from '../../runtime/machinery/scheme.js';
import { openSqliteStorage, type SqliteStorage } from '../../runtime/storage/sqlite/index.js';
import { request } from '../endpoints/handlers/support.js';
import { startServer, testConfig, type Running } from '../server/helpers.js';
import { tempDir } from '../storage/support/temp-dir.js';

type Obj = Record<string, unknown>;

describe('kube API server tier', () => {
  const scheme = new Scheme();
  installAll(scheme);
  const hasCore = scheme.resourcesOf({ group: '', version: 'v1' }).some((r) => r.plural === 'namespaces');
  const hasApps = scheme.resourcesOf({ group: 'apps', version: 'v1' }).some((r) => r.plural === 'deployments');
  let dir: { dir: string; remove: () => void };
  let storage: SqliteStorage;
  let kube: KubeAPIServer;
  let running: Running;
  const counts = new Map<string, number>();
  before(async () => {
    dir = tempDir('kube');
    storage = openSqliteStorage({ path: `${dir.dir}/kapi.db`, compactIntervalMs: 0 });
    kube = await createKubeAPIServer(testConfig().complete(), { scheme, storage, metrics: { storageObjects: (r, n) => counts.set(r, n) }, objectCountIntervalMs: 50 });
    running = await startServer(kube.server);
  });
  after(async () => {
    await running.stop();
    await kube.close();
    await storage.close();
    dir.remove();
  });

  it('serves HorizontalPodAutoscalers in every version from one store', async () => {
    const ns = hasCore ? 'default' : 'anywhere';
    const body = { apiVersion: 'autoscaling/v1', kind: 'HorizontalPodAutoscaler', metadata: { name: 'h' }, spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' }, maxReplicas: 4 } };
    const created = await request(`${running.url}/apis/autoscaling/v1/namespaces/${ns}/horizontalpodautoscalers`, 'POST', body);
    assert.equal(created.status, 201, created.text);
    const v2 = (await request(`${running.url}/apis/autoscaling/v2/namespaces/${ns}/horizontalpodautoscalers/h`, 'GET')).json();
    assert.equal(v2['apiVersion'], 'autoscaling/v2');
    const stored = await storage.get(`/registry/autoscaling/horizontalpodautoscalers/${ns}/h`);
    assert.equal(stored['apiVersion'], 'autoscaling/v2');
  });

  it('reports stored object counts per resource', async () => {
    const deadline = Date.now() + 3000;
    while ((counts.get('horizontalpodautoscalers.autoscaling') ?? 0) < 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    assert.equal(counts.get('horizontalpodautoscalers.autoscaling'), 1);
    if (hasCore) assert.ok((counts.get('namespaces') ?? 0) >= 4);
  });

  it('creates the system namespaces and refuses to delete them', { skip: !hasCore }, async () => {
    const list = (await request(`${running.url}/api/v1/namespaces`, 'GET')).json();
    const names = (list['items'] as Obj[]).map((i) => (i['metadata'] as Obj)['name']);
    for (const name of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) assert.ok(names.includes(name), `${name} in ${names.join(',')}`);
    const res = await request(`${running.url}/api/v1/namespaces/kube-system`, 'DELETE');
    assert.equal(res.status, 403);
    assert.equal(res.json()['message'], 'namespaces "kube-system" is forbidden: this namespace may not be deleted');
  });

  it('keeps upstream\'s per-kind facts: no generation on namespaces, pods answer DELETE with the pod', { skip: !hasCore }, async () => {
    const ns = await request(`${running.url}/api/v1/namespaces`, 'POST', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'facts' } });
    assert.equal(ns.status, 201, ns.text);
    assert.equal((ns.json()['metadata'] as Obj)['generation'], undefined);
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'busybox' }] } };
    assert.equal((await request(`${running.url}/api/v1/namespaces/facts/pods`, 'POST', pod)).status, 201);
    const deleted = await request(`${running.url}/api/v1/namespaces/facts/pods/p`, 'DELETE');
    assert.equal(deleted.status, 200);
    assert.equal(deleted.json()['kind'], 'Pod');
  });

  it('deletes a namespace by emptying it first, refusing new content meanwhile', { skip: !hasCore }, async () => {
    const base = `${running.url}/api/v1/namespaces`;
    assert.equal((await request(base, 'POST', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'doomed' } })).status, 201);
    const ns = (await request(`${base}/doomed`, 'GET')).json();
    assert.deepEqual(ns['spec'], { finalizers: ['kubernetes'] });
    assert.deepEqual(ns['status'], { phase: 'Active' });
    const cm = (name: string, finalizers?: string[]) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, finalizers }, data: { a: 'b' } });
    assert.equal((await request(`${base}/doomed/configmaps`, 'POST', cm('plain'))).status, 201);
    assert.equal((await request(`${base}/doomed/configmaps`, 'POST', cm('held', ['example.com/hold']))).status, 201);

    const deleted = await request(`${base}/doomed`, 'DELETE', { propagationPolicy: 'Background' });
    assert.equal(deleted.status, 200, deleted.text);
    assert.equal((deleted.json()['status'] as Obj)['phase'], 'Terminating');
    assert.ok((deleted.json()['metadata'] as Obj)['deletionTimestamp']);

    const refused = await request(`${base}/doomed/configmaps`, 'POST', cm('late'));
    assert.equal(refused.status, 403);
    assert.equal(refused.json()['message'], 'configmaps "late" is forbidden: unable to create new content in namespace doomed because it is being terminated');

    const waitFor = async (what: string, done: () => Promise<boolean>): Promise<void> => {
      const deadline = Date.now() + 10_000;
      while (!(await done())) {
        if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    await waitFor('the plain configmap to go', async () => (await request(`${base}/doomed/configmaps/plain`, 'GET')).status === 404);
    assert.equal((await request(`${base}/doomed`, 'GET')).status, 200);
    const patched = await request(`${base}/doomed/configmaps/held`, 'PATCH', { metadata: { finalizers: null } }, { 'Content-Type': 'application/merge-patch+json' });
    assert.equal(patched.status, 200, patched.text);
    await waitFor('the namespace to go', async () => (await request(`${base}/doomed`, 'GET')).status === 404);
  });

  it('changes only spec.finalizers through namespaces/finalize', { skip: !hasCore }, async () => {
    const base = `${running.url}/api/v1/namespaces`;
    assert.equal((await request(base, 'POST', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'fin' } })).status, 201);
    const ns = (await request(`${base}/fin`, 'GET')).json();
    const res = await request(`${base}/fin/finalize`, 'PUT', { ...ns, spec: { finalizers: [] }, status: { phase: 'Terminating' } });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.json()['spec'], { finalizers: [] });
    assert.equal((res.json()['status'] as Obj)['phase'], 'Active');
    const deleted = await request(`${base}/fin`, 'DELETE');
    assert.equal(deleted.status, 200);
    assert.equal((await request(`${base}/fin`, 'GET')).status, 404);
  });

  it('refuses creates in a namespace that does not exist', { skip: !hasCore }, async () => {
    const res = await request(`${running.url}/api/v1/namespaces/nowhere/configmaps`, 'POST', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: 'b' } });
    assert.equal(res.status, 404);
    assert.equal(res.json()['message'], 'namespaces "nowhere" not found');
    const ok = await request(`${running.url}/api/v1/namespaces/default/configmaps`, 'POST', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: 'b' } });
    assert.equal(ok.status, 201, ok.text);
  });

  it('validates with the group\'s validate<Kind> functions and scales deployments', { skip: !hasApps || !hasCore }, async () => {
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: 'web' } },
        template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
      },
    };
    const created = await request(`${running.url}/apis/apps/v1/namespaces/default/deployments`, 'POST', deployment);
    assert.equal(created.status, 201, created.text);
    assert.equal((created.json()['metadata'] as Obj)['generation'], 1);
    const bad = await request(`${running.url}/apis/apps/v1/namespaces/default/deployments`, 'POST', { ...deployment, metadata: { name: 'bad' }, spec: { ...deployment.spec, replicas: -1 } });
    assert.equal(bad.status, 422, bad.text);
    assert.match(String(bad.json()['message']), /spec.replicas: Invalid value: -1: must be greater than or equal to 0/);
    const scale = await request(`${running.url}/apis/apps/v1/namespaces/default/deployments/web/scale`, 'GET');
    assert.equal(scale.json()['kind'], 'Scale');
    assert.deepEqual(scale.json()['status'], { replicas: 0, selector: 'app=web' });
    const put = await request(`${running.url}/apis/apps/v1/namespaces/default/deployments/web/scale`, 'PUT', { ...scale.json(), spec: { replicas: 3 } });
    assert.equal(put.status, 200, put.text);
    const after = (await request(`${running.url}/apis/apps/v1/namespaces/default/deployments/web`, 'GET')).json();
    assert.equal((after['spec'] as Obj)['replicas'], 3);
  });
});

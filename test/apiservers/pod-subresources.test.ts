/**
 * Pod subresources of the kube tier over HTTP: pods/binding and bindings assign a pod to a node
 * once; pods/eviction deletes a pod unless a PodDisruptionBudget allows no disruption now; both
 * appear in discovery as upstream lists them.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { installAll } from '../../generated/install.generated.js';
import { podDiscoverySubresources } from '../../runtime/apiservers/kube/pod-subresources/index.js';
import { createKubeAPIServer, type KubeAPIServer } from '../../runtime/apiservers/kube/index.js';
import { apiResourceList } from '../../runtime/endpoints/discovery/documents.js';
import { schemeDiscoverySource } from '../../runtime/endpoints/discovery/source.js';
import { MEDIA_PROTOBUF, Scheme } from '../../runtime/machinery/scheme.js';
import { openSqliteStorage, type SqliteStorage } from '../../runtime/storage/sqlite/index.js';
import { request } from '../endpoints/handlers/support.js';
import { startServer, testConfig, type Running } from '../server/helpers.js';
import { tempDir } from '../storage/support/temp-dir.js';

type Obj = Record<string, unknown>;

const NS = 'default';
const PODS = `/api/v1/namespaces/${NS}/pods`;
const PDBS = `/apis/policy/v1/namespaces/${NS}/poddisruptionbudgets`;

describe('pod subresources', () => {
  const scheme = new Scheme();
  installAll(scheme);
  let dir: { dir: string; remove: () => void };
  let storage: SqliteStorage;
  let kube: KubeAPIServer;
  let running: Running;
  before(async () => {
    dir = tempDir('pod-subresources');
    storage = openSqliteStorage({ path: `${dir.dir}/kapi.db`, compactIntervalMs: 0 });
    kube = await createKubeAPIServer(testConfig().complete(), { scheme, storage, controllers: false });
    running = await startServer(kube.server);
  });
  after(async () => {
    await running.stop();
    await kube.close();
    await storage.close();
    dir.remove();
  });

  const call = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => request(`${running.url}${path}`, method, body, headers);
  const createPod = async (name: string, labels: Record<string, string> = {}): Promise<void> => {
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name, labels }, spec: { containers: [{ name: 'c', image: 'busybox' }] } };
    const res = await call('POST', PODS, pod);
    assert.equal(res.status, 201, res.text);
  };
  const binding = (name: string, node: string, extra: Obj = {}) => ({ apiVersion: 'v1', kind: 'Binding', metadata: { name, ...extra }, target: { kind: 'Node', name: node } });
  const getPod = async (name: string): Promise<Obj> => (await call('GET', `${PODS}/${name}`)).json();

  it('binds a pod to a node once through pods/binding', async () => {
    await createPod('web');
    const res = await call('POST', `${PODS}/web/binding`, binding('web', 'node-1', { annotations: { 'scheduler/why': 'fits' } }));
    assert.equal(res.status, 201, res.text);
    assert.deepEqual(res.json(), { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 });
    const pod = await getPod('web');
    assert.equal((pod['spec'] as Obj)['nodeName'], 'node-1');
    assert.equal(((pod['metadata'] as Obj)['annotations'] as Obj)['scheduler/why'], 'fits');
    const scheduled = ((pod['status'] as Obj)['conditions'] as Obj[]).find((c) => c['type'] === 'PodScheduled');
    assert.equal(scheduled?.['status'], 'True');

    const again = await call('POST', `${PODS}/web/binding`, binding('web', 'node-2'));
    assert.equal(again.status, 409);
    assert.equal(again.json()['reason'], 'Conflict');
    assert.equal(again.json()['message'], 'Operation cannot be fulfilled on pods/binding "web": pod web is already assigned to node "node-1"');
  });

  it('binds through the bindings resource, by the Binding\'s own name, in protobuf too', async () => {
    await createPod('db');
    const gvk = { group: '', version: 'v1', kind: 'Binding' };
    const body = scheme.encode(binding('db', 'node-3'), gvk, MEDIA_PROTOBUF) as Uint8Array;
    const res = await fetch(`${running.url}/api/v1/namespaces/${NS}/bindings`, { method: 'POST', body: Buffer.from(body), headers: { 'Content-Type': MEDIA_PROTOBUF } });
    assert.equal(res.status, 201, await res.text());
    assert.equal(((await getPod('db'))['spec'] as Obj)['nodeName'], 'node-3');
  });

  it('refuses bad bindings with upstream Status errors', async () => {
    await createPod('bad');
    const mismatch = await call('POST', `${PODS}/bad/binding`, binding('other', 'n'));
    assert.equal(mismatch.status, 400);
    assert.equal(mismatch.json()['message'], 'name in URL does not match name in Binding object');
    const noTarget = await call('POST', `${PODS}/bad/binding`, { ...binding('bad', ''), target: { kind: 'Node' } });
    assert.equal(noTarget.status, 422);
    assert.equal(noTarget.json()['message'], 'Binding "bad" is invalid: target.name: Required value');
    const wrongTarget = await call('POST', `${PODS}/bad/binding`, { ...binding('bad', 'n'), target: { kind: 'Pod', name: 'n' } });
    assert.equal(wrongTarget.status, 422);
    assert.match(wrongTarget.json()['message'] as string, /target\.kind: Unsupported value: "Pod"/);
    const missing = await call('POST', `${PODS}/ghost/binding`, binding('ghost', 'n'));
    assert.equal(missing.status, 404);
    assert.equal(missing.json()['message'], 'pods "ghost" not found');
    const wrongKind = await call('POST', `${PODS}/bad/binding`, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'bad' } });
    assert.equal(wrongKind.status, 400);
    const noNamespace = await call('POST', '/api/v1/bindings', binding('bad', 'n'));
    assert.equal(noNamespace.status, 405);
    assert.equal(((await getPod('bad'))['spec'] as Obj)['nodeName'], undefined);
  });

  const eviction = (name: string, deleteOptions?: Obj) => ({ apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name, namespace: NS }, deleteOptions });

  /** Marks a pod Running and Ready, as a kubelet would. */
  const run = async (name: string): Promise<void> => {
    const pod = await getPod(name);
    pod['status'] = { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] };
    const res = await call('PUT', `${PODS}/${name}/status`, pod);
    assert.equal(res.status, 200, res.text);
  };

  /** A budget over `app=<app>` whose status, as the disruption controller would write it, allows `allowed`. */
  const budget = async (name: string, app: string, allowed: number): Promise<void> => {
    const created = await call('POST', PDBS, { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name }, spec: { minAvailable: 1, selector: { matchLabels: { app } } } });
    assert.equal(created.status, 201, created.text);
    const pdb = created.json();
    pdb['status'] = { observedGeneration: 1, disruptionsAllowed: allowed, currentHealthy: 1 + allowed, desiredHealthy: 1, expectedPods: 1 + allowed };
    const res = await call('PUT', `${PDBS}/${name}/status`, pdb);
    assert.equal(res.status, 200, res.text);
  };

  it('evicts a pod that has not started without asking budgets', async () => {
    await createPod('pending', { app: 'guarded' });
    await budget('guarded', 'guarded', 0);
    const res = await call('POST', `${PODS}/pending/eviction`, eviction('pending'));
    assert.equal(res.status, 201, res.text);
    assert.deepEqual(res.json(), { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 });
    assert.equal((await call('GET', `${PODS}/pending`)).status, 404);
  });

  it('answers 429 when a running pod\'s budget allows no disruption', async () => {
    await createPod('guarded-1', { app: 'guarded' });
    await run('guarded-1');
    const res = await call('POST', `${PODS}/guarded-1/eviction`, eviction('guarded-1'));
    assert.equal(res.status, 429, res.text);
    assert.deepEqual(res.json(), {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: "Cannot evict pod as it would violate the pod's disruption budget.",
      reason: 'TooManyRequests',
      details: { causes: [{ reason: 'DisruptionBudget', message: 'The disruption budget guarded needs 1 healthy pods and has 1 currently' }] },
      code: 429,
    });
    assert.equal((await call('GET', `${PODS}/guarded-1`)).status, 200);
  });

  it('spends one disruption of the budget and deletes the pod', async () => {
    await createPod('spare-1', { app: 'spare' });
    await run('spare-1');
    await budget('spare', 'spare', 1);
    const dry = await call('POST', `${PODS}/spare-1/eviction?dryRun=All`, eviction('spare-1'));
    assert.equal(dry.status, 201, dry.text);
    assert.equal((await call('GET', `${PODS}/spare-1`)).status, 200);

    const res = await call('POST', `${PODS}/spare-1/eviction`, eviction('spare-1', { gracePeriodSeconds: 0 }));
    assert.equal(res.status, 201, res.text);
    assert.equal((await call('GET', `${PODS}/spare-1`)).status, 404);
    const status = (await call('GET', `${PDBS}/spare`)).json()['status'] as Obj;
    assert.equal(status['disruptionsAllowed'], 0);
    assert.ok(Object.keys(status['disruptedPods'] as Obj).includes('spare-1'));
    const condition = (status['conditions'] as Obj[]).find((c) => c['type'] === 'DisruptionAllowed');
    assert.equal(condition?.['status'], 'False');
    assert.equal(condition?.['reason'], 'InsufficientPods');

    await createPod('spare-2', { app: 'spare' });
    await run('spare-2');
    assert.equal((await call('POST', `${PODS}/spare-2/eviction`, eviction('spare-2'))).status, 429);
  });

  it('refuses an eviction naming another pod, and one of a missing pod', async () => {
    const mismatch = await call('POST', `${PODS}/a/eviction`, eviction('b'));
    assert.equal(mismatch.status, 400);
    assert.equal(mismatch.json()['message'], 'name in URL does not match name in Eviction object');
    const missing = await call('POST', `${PODS}/ghost/eviction`, eviction('ghost'));
    assert.equal(missing.status, 404);
    const wrongVersion = await call('POST', `${PODS}/ghost/eviction`, { ...eviction('ghost'), apiVersion: 'v1' });
    assert.equal(wrongVersion.status, 400);
  });

  it('lists pods/binding and pods/eviction in discovery as upstream does', () => {
    const core = schemeDiscoverySource(scheme, podDiscoverySubresources)
      .groups()
      .find((g) => g.name === '')!;
    const list = apiResourceList('', core.versions.find((v) => v.version === 'v1')!);
    const resources = list['resources'] as Obj[];
    assert.deepEqual(
      resources.find((r) => r['name'] === 'pods/binding'),
      { name: 'pods/binding', singularName: '', namespaced: true, kind: 'Binding', verbs: ['create'] },
    );
    assert.deepEqual(
      resources.find((r) => r['name'] === 'pods/eviction'),
      { name: 'pods/eviction', singularName: '', namespaced: true, group: 'policy', version: 'v1', kind: 'Eviction', verbs: ['create'] },
    );
    assert.deepEqual(resources.find((r) => r['name'] === 'bindings')?.['verbs'], ['create']);
  });
});

/**
 * The write and delete behaviour of core kinds over HTTP: secrets' stringData, pods' initial
 * status and graceful deletion, services keeping their cluster IPs and node ports, nodes
 * keeping the status they register with.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { startCoreServer, type CoreServer, type Obj } from './core-server.js';

const NS = '/api/v1/namespaces/default';
const b64 = (text: string): string => Buffer.from(text).toString('base64');

describe('core strategies', () => {
  let server: CoreServer;
  before(async () => {
    server = await startCoreServer();
  });
  after(async () => {
    await server.close();
  });

  describe('secrets', () => {
    it('folds stringData into data on create, stringData winning, and never stores it', async () => {
      const created = await server.create(`${NS}/secrets`, {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 'folded' },
        data: { keep: b64('k'), user: b64('old') },
        stringData: { user: 'admin', 'pass.txt': 'p@ss' },
      });
      assert.deepEqual(created['data'], { keep: b64('k'), user: b64('admin'), 'pass.txt': b64('p@ss') });
      assert.equal(created['stringData'], undefined);
      const read = (await server.call('GET', `${NS}/secrets/folded`)).json();
      assert.deepEqual(read['data'], created['data']);
      assert.equal(read['stringData'], undefined);
    });

    it('folds stringData on update and on merge patch', async () => {
      const created = await server.create(`${NS}/secrets`, { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'changing' }, stringData: { a: '1' } });
      const updated = await server.call('PUT', `${NS}/secrets/changing`, { ...created, stringData: { b: '2' } });
      assert.equal(updated.status, 200, updated.text);
      assert.deepEqual(updated.json()['data'], { a: b64('1'), b: b64('2') });
      const patched = await server.call('PATCH', `${NS}/secrets/changing`, { stringData: { a: 'one' } }, { 'Content-Type': 'application/merge-patch+json' });
      assert.equal(patched.status, 200, patched.text);
      assert.deepEqual(patched.json()['data'], { a: b64('one'), b: b64('2') });
      assert.equal(patched.json()['stringData'], undefined);
    });

    it('validates keys that arrive through stringData', async () => {
      const res = await server.call('POST', `${NS}/secrets`, { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'bad-key' }, stringData: { 'no/slash': 'x' } });
      assert.equal(res.status, 422, res.text);
      assert.match(res.json()['message'] as string, /data\[no\/slash\]: Invalid value: "no\/slash": a valid config key must consist of alphanumeric characters/);
    });

    it('requires the keys of a typed secret, whichever field supplies them', async () => {
      const ok = await server.call('POST', `${NS}/secrets`, { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'auth' }, type: 'kubernetes.io/ssh-auth', stringData: { 'ssh-privatekey': 'k' } });
      assert.equal(ok.status, 201, ok.text);
      const missing = await server.call('POST', `${NS}/secrets`, { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'no-key' }, type: 'kubernetes.io/ssh-auth', stringData: { other: 'k' } });
      assert.equal(missing.status, 422, missing.text);
      assert.match(missing.json()['message'] as string, /data\[ssh-privatekey\]: Required value/);
    });
  });

  describe('pods', () => {
    const pod = (name: string, spec: Obj = {}): Obj => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'c', image: 'busybox' }], ...spec } });

    it('starts Pending with its QoS class, whatever status the request carried', async () => {
      const created = await server.create(`${NS}/pods`, { ...pod('best-effort'), status: { phase: 'Running', podIP: '1.2.3.4' } });
      assert.deepEqual(created['status'], { phase: 'Pending', qosClass: 'BestEffort' });
      const guaranteed = await server.create(`${NS}/pods`, pod('guaranteed', { containers: [{ name: 'c', image: 'busybox', resources: { limits: { cpu: '500m', memory: '128Mi' } } }] }));
      assert.equal((guaranteed['status'] as Obj)['qosClass'], 'Guaranteed');
      const burstable = await server.create(`${NS}/pods`, pod('burstable', { containers: [{ name: 'c', image: 'busybox', resources: { requests: { cpu: '100m' } } }] }));
      assert.equal((burstable['status'] as Obj)['qosClass'], 'Burstable');
      const gated = await server.create(`${NS}/pods`, pod('gated', { schedulingGates: [{ name: 'example.com/wait' }] }));
      assert.deepEqual((gated['status'] as Obj)['conditions'], [
        { type: 'PodScheduled', status: 'False', reason: 'SchedulingGated', message: 'Scheduling is blocked due to non-empty scheduling gates' },
      ]);
    });

    it('deletes a pod no node runs at once', async () => {
      await server.create(`${NS}/pods`, pod('unscheduled'));
      const res = await server.call('DELETE', `${NS}/pods/unscheduled`);
      assert.equal(res.status, 200, res.text);
      assert.equal((await server.call('GET', `${NS}/pods/unscheduled`)).status, 404);
    });

    it('deletes a scheduled pod gracefully over its termination grace period', async () => {
      await server.create(`${NS}/pods`, pod('scheduled', { nodeName: 'node-1', terminationGracePeriodSeconds: 45 }));
      const res = await server.call('DELETE', `${NS}/pods/scheduled`);
      assert.equal(res.status, 200, res.text);
      const meta = (await server.call('GET', `${NS}/pods/scheduled`)).json()['metadata'] as Obj;
      assert.equal(meta['deletionGracePeriodSeconds'], 45);
      const remaining = Date.parse(meta['deletionTimestamp'] as string) - Date.now();
      assert.ok(remaining > 40_000 && remaining <= 46_000, `deletion in ${remaining} ms`);
      // A shorter period may follow; zero removes the pod.
      const forced = await server.call('DELETE', `${NS}/pods/scheduled`, { gracePeriodSeconds: 0 });
      assert.equal(forced.status, 200, forced.text);
      assert.equal((await server.call('GET', `${NS}/pods/scheduled`)).status, 404);
    });

    it('takes the period of the request over the pod\'s, and deletes finished pods at once', async () => {
      await server.create(`${NS}/pods`, pod('quick', { nodeName: 'node-1' }));
      await server.call('DELETE', `${NS}/pods/quick?gracePeriodSeconds=5`);
      assert.equal(((await server.call('GET', `${NS}/pods/quick`)).json()['metadata'] as Obj)['deletionGracePeriodSeconds'], 5);

      const done = await server.create(`${NS}/pods`, pod('done', { nodeName: 'node-1' }));
      assert.equal((await server.call('PUT', `${NS}/pods/done/status`, { ...done, status: { phase: 'Succeeded' } })).status, 200);
      assert.equal((await server.call('DELETE', `${NS}/pods/done`)).status, 200);
      assert.equal((await server.call('GET', `${NS}/pods/done`)).status, 404);
    });

    it('refuses spec changes with upstream\'s message', async () => {
      const created = await server.create(`${NS}/pods`, pod('fixed'));
      const spec = { ...(created['spec'] as Obj), restartPolicy: 'Never' };
      const res = await server.call('PUT', `${NS}/pods/fixed`, { ...created, spec });
      assert.equal(res.status, 422, res.text);
      assert.match(res.json()['message'] as string, /spec: Forbidden: pod updates may not change fields other than `spec.containers\[\*\].image`/);
    });
  });

  describe('services', () => {
    it('keeps clusterIP and clusterIPs when an update leaves them out, and refuses to change them', async () => {
      const created = await server.create(`${NS}/services`, { apiVersion: 'v1', kind: 'Service', metadata: { name: 'kept' }, spec: { clusterIP: '10.96.0.20', ports: [{ port: 80 }] } });
      assert.deepEqual((created['spec'] as Obj)['clusterIPs'], ['10.96.0.20']);
      const spec = { ...(created['spec'] as Obj) };
      delete spec['clusterIP'];
      delete spec['clusterIPs'];
      const updated = await server.call('PUT', `${NS}/services/kept`, { ...created, spec: { ...spec, selector: { app: 'x' } } });
      assert.equal(updated.status, 200, updated.text);
      const after = updated.json()['spec'] as Obj;
      assert.equal(after['clusterIP'], '10.96.0.20');
      assert.deepEqual(after['clusterIPs'], ['10.96.0.20']);

      const changed = await server.call('PUT', `${NS}/services/kept`, { ...updated.json(), spec: { ...after, clusterIP: '10.96.0.21', clusterIPs: ['10.96.0.21'] } });
      assert.equal(changed.status, 422, changed.text);
      assert.match(changed.json()['message'] as string, /spec\.clusterIPs\[0\]: Invalid value: \[\]string\{"10\.96\.0\.21"\}: may not change once set/);
    });

    it('keeps node ports an update leaves out', async () => {
      const created = await server.create(`${NS}/services`, {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'ports' },
        spec: { type: 'NodePort', ports: [{ name: 'http', port: 80, nodePort: 30080 }, { name: 'https', port: 443, nodePort: 30443 }] },
      });
      const spec = created['spec'] as Obj;
      const ports = (spec['ports'] as Obj[]).map((p) => ({ ...p, nodePort: undefined }));
      const updated = await server.call('PUT', `${NS}/services/ports`, { ...created, spec: { ...spec, ports } });
      assert.equal(updated.status, 200, updated.text);
      assert.deepEqual(((updated.json()['spec'] as Obj)['ports'] as Obj[]).map((p) => p['nodePort']), [30080, 30443]);
    });
  });

  describe('nodes', () => {
    it('keep the status they register with, and their status on update', async () => {
      const status = { conditions: [{ type: 'Ready', status: 'True' }], capacity: { cpu: '4' } };
      const created = await server.create('/api/v1/nodes', { apiVersion: 'v1', kind: 'Node', metadata: { name: 'registered' }, status });
      assert.deepEqual(((created['status'] as Obj)['conditions'] as Obj[])[0], { type: 'Ready', status: 'True' });
      const updated = await server.call('PUT', '/api/v1/nodes/registered', { ...created, spec: { unschedulable: true }, status: {} });
      assert.equal(updated.status, 200, updated.text);
      assert.deepEqual((updated.json()['status'] as Obj)['capacity'], { cpu: '4' });
    });
  });

  describe('events', () => {
    it('expire an hour after each write, as --event-ttl defaults', async () => {
      // The lease of the key's latest revision, read from the SQLite file itself.
      const leaseOf = (key: string): number => {
        const db = new Database(server.databaseFile, { readonly: true });
        try {
          const row = db.prepare('SELECT lease FROM revisions WHERE name = ? ORDER BY id DESC LIMIT 1').get(key) as { lease: number };
          return row.lease;
        } finally {
          db.close();
        }
      };
      const created = await server.create(`${NS}/events`, { apiVersion: 'v1', kind: 'Event', metadata: { name: 'short-lived' }, involvedObject: { kind: 'Pod', name: 'p' }, reason: 'R' });
      assert.equal(leaseOf('/registry/events/default/short-lived'), 3600);
      const updated = await server.call('PUT', `${NS}/events/short-lived`, { ...created, count: 2 });
      assert.equal(updated.status, 200, updated.text);
      assert.equal(leaseOf('/registry/events/default/short-lived'), 3600);
      // Other kinds do not expire.
      await server.create(`${NS}/configmaps`, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'lasting' } });
      assert.equal(leaseOf('/registry/configmaps/default/lasting'), 0);
    });
  });

  describe('pod warnings', () => {
    const warnings = (res: { headers: Headers }): string[] => (res.headers.get('warning') ?? '').split(/,\s*(?=299 )/).filter((w) => w !== '');

    it('warn about deprecated node labels in a pod\'s node selector and affinity, and store the pod', async () => {
      const res = await server.call('POST', `${NS}/pods`, {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'old-labels' },
        spec: {
          containers: [{ name: 'c', image: 'busybox' }],
          nodeSelector: { 'beta.kubernetes.io/os': 'linux' },
          affinity: {
            nodeAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: {
                nodeSelectorTerms: [{ matchExpressions: [{ key: 'failure-domain.beta.kubernetes.io/zone', operator: 'In', values: ['a'] }] }],
              },
            },
          },
        },
      });
      assert.equal(res.status, 201, res.text);
      assert.deepEqual(warnings(res), [
        '299 - "spec.nodeSelector[beta.kubernetes.io/os]: deprecated since v1.14; use \\"kubernetes.io/os\\" instead"',
        '299 - "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].key: failure-domain.beta.kubernetes.io/zone is deprecated since v1.17; use \\"topology.kubernetes.io/zone\\" instead"',
      ]);
    });

    it('warn for replication controller templates on create, and on update only when the template changes', async () => {
      const rc = {
        apiVersion: 'v1',
        kind: 'ReplicationController',
        metadata: { name: 'old-arch' },
        spec: {
          replicas: 1,
          selector: { app: 'a' },
          template: { metadata: { labels: { app: 'a' } }, spec: { nodeSelector: { 'beta.kubernetes.io/arch': 'amd64' }, containers: [{ name: 'c', image: 'busybox' }] } },
        },
      };
      const created = await server.call('POST', `${NS}/replicationcontrollers`, rc);
      assert.equal(created.status, 201, created.text);
      assert.deepEqual(warnings(created), ['299 - "spec.template.spec.nodeSelector[beta.kubernetes.io/arch]: deprecated since v1.14; use \\"kubernetes.io/arch\\" instead"']);
      const scaled = await server.call('PATCH', `${NS}/replicationcontrollers/old-arch`, { spec: { replicas: 2 } }, { 'Content-Type': 'application/merge-patch+json' });
      assert.equal(scaled.status, 200, scaled.text);
      assert.deepEqual(warnings(scaled), []);
    });

    it('say nothing about current labels', async () => {
      const res = await server.call('POST', `${NS}/pods`, {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'new-labels' },
        spec: { containers: [{ name: 'c', image: 'busybox' }], nodeSelector: { 'kubernetes.io/os': 'linux' } },
      });
      assert.equal(res.status, 201, res.text);
      assert.equal(res.headers.get('warning'), null);
    });
  });
});

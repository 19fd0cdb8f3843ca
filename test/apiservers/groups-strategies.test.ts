/**
 * Per-kind strategies of the built-in groups through HTTP: the selector a Job gets, what
 * updates may not change (422 Invalid with causes), field selectors, and the requester a
 * CertificateSigningRequest records.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { installAll } from '../../generated/install.generated.js';
import { MEDIA_PROTOBUF, Scheme } from '../../runtime/machinery/scheme.js';
import { startGroupsServer, type GroupsServer, type Obj } from './groups-support.js';

const JOBS = '/apis/batch/v1/namespaces/default/jobs';
const jobBody = (name: string, spec: Obj = {}): Obj => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name },
  spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'j', image: 'busybox' }] } }, ...spec },
});

interface Cause {
  reason: string;
  field: string;
  message: string;
}

function causes(body: Obj): Cause[] {
  return ((body['details'] as Obj | undefined)?.['causes'] as Cause[] | undefined) ?? [];
}

describe('built-in group strategies', () => {
  let server: GroupsServer;
  before(async () => {
    server = await startGroupsServer('groups-strategies');
  });
  after(async () => {
    await server.stop();
  });

  it('generates a Job selector from its uid and labels the pod template', async () => {
    const res = await server.post(JOBS, jobBody('pi'));
    assert.equal(res.status, 201, res.text);
    const job = res.json();
    const uid = (job['metadata'] as Obj)['uid'] as string;
    const spec = job['spec'] as Obj;
    assert.deepEqual(spec['selector'], { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } });
    assert.deepEqual(((spec['template'] as Obj)['metadata'] as Obj)['labels'], {
      'batch.kubernetes.io/controller-uid': uid,
      'batch.kubernetes.io/job-name': 'pi',
      'controller-uid': uid,
      'job-name': 'pi',
    });
    // The Job itself is labelled from its template, as batch/v1 defaulting does.
    assert.equal(((job['metadata'] as Obj)['labels'] as Obj)['job-name'], 'pi');
    const table = await server.table(`${JOBS}/pi`);
    assert.deepEqual(table.rows[0].cells.slice(0, 4), ['pi', 'Running', '0/1', '']);
    assert.equal(table.rows[0].cells[7], `batch.kubernetes.io/controller-uid=${uid}`);
  });

  it('requires a selector when the Job picks its own', async () => {
    const res = await server.post(JOBS, jobBody('manual', { manualSelector: true }));
    assert.equal(res.status, 422, res.text);
    assert.deepEqual(causes(res.json()).map((c) => [c.reason, c.field]), [['FieldValueRequired', 'spec.selector']]);
  });

  it('refuses a generated-looking selector of another Job', async () => {
    const res = await server.post(JOBS, jobBody('forged', { selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'not-mine' } } }));
    assert.equal(res.status, 422, res.text);
    assert.ok(causes(res.json()).some((c) => c.field === 'spec.selector' && c.message.includes('`selector` not auto-generated')), res.text);
  });

  it('refuses to change a Job template', async () => {
    const job = (await server.get(`${JOBS}/pi`)).json();
    const spec = job['spec'] as Obj;
    const template = spec['template'] as Obj;
    ((template['spec'] as Obj)['containers'] as Obj[])[0]['image'] = 'busybox:2';
    const res = await server.put(`${JOBS}/pi`, job);
    assert.equal(res.status, 422, res.text);
    const status = res.json();
    assert.equal(status['reason'], 'Invalid');
    assert.deepEqual(causes(status).map((c) => [c.reason, c.field]), [['FieldValueInvalid', 'spec.template']]);
    assert.match(String(status['message']), /^Job\.batch "pi" is invalid: spec\.template: Invalid value: .*: field is immutable$/);
  });

  it('refuses to change a Deployment selector', async () => {
    const path = '/apis/apps/v1/namespaces/default/deployments';
    const template = { metadata: { labels: { app: 'web', tier: 'a' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } };
    const created = await server.post(path, { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { selector: { matchLabels: { app: 'web' } }, template } });
    assert.equal(created.status, 201, created.text);
    const d = created.json();
    (d['spec'] as Obj)['selector'] = { matchLabels: { app: 'web', tier: 'a' } };
    const res = await server.put(`${path}/web`, d);
    assert.equal(res.status, 422, res.text);
    assert.deepEqual(causes(res.json()).map((c) => [c.field, c.message.endsWith('field is immutable')]), [['spec.selector', true]]);
  });

  it('selects ReplicaSets by status.replicas and Jobs by status.successful, and nothing else', async () => {
    const rs = await server.post('/apis/apps/v1/namespaces/default/replicasets', {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'rs' },
      spec: { replicas: 2, selector: { matchLabels: { app: 'rs' } }, template: { metadata: { labels: { app: 'rs' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
    });
    assert.equal(rs.status, 201, rs.text);
    const names = async (path: string): Promise<string[]> => {
      const res = await server.get(path);
      assert.equal(res.status, 200, res.text);
      return (res.json()['items'] as Obj[]).map((i) => (i['metadata'] as Obj)['name'] as string);
    };
    assert.deepEqual(await names('/apis/apps/v1/namespaces/default/replicasets?fieldSelector=status.replicas%3D0'), ['rs']);
    assert.deepEqual(await names('/apis/apps/v1/namespaces/default/replicasets?fieldSelector=status.replicas%3D2'), []);
    assert.deepEqual(await names(`${JOBS}?fieldSelector=status.successful%3D0`), ['pi']);
    const bad = await server.get('/apis/apps/v1/namespaces/default/deployments?fieldSelector=status.replicas%3D0');
    assert.equal(bad.status, 400);
    assert.equal(bad.json()['message'], 'field label not supported: status.replicas');
  });

  it('records the requester of a CertificateSigningRequest, not what the body claims', async () => {
    const path = '/apis/certificates.k8s.io/v1/certificatesigningrequests';
    const res = await server.post(path, {
      apiVersion: 'certificates.k8s.io/v1',
      kind: 'CertificateSigningRequest',
      metadata: { name: 'csr' },
      spec: { request: Buffer.from('-----BEGIN CERTIFICATE REQUEST-----').toString('base64'), signerName: 'example.com/signer', username: 'mallory', groups: ['system:masters'], usages: ['digital signature'] },
      status: { conditions: [{ type: 'Approved', status: 'True' }] },
    });
    assert.equal(res.status, 201, res.text);
    const csr = res.json();
    const spec = csr['spec'] as Obj;
    assert.notEqual(spec['username'], 'mallory');
    assert.notDeepEqual(spec['groups'], ['system:masters']);
    assert.deepEqual(csr['status'] ?? {}, {});
    const list = (await server.get(`${path}?fieldSelector=spec.signerName%3Dexample.com%2Fsigner`)).json();
    assert.equal((list['items'] as Obj[]).length, 1);
    const table = await server.table(path);
    assert.deepEqual(table.columnDefinitions.map((c) => c.name), ['Name', 'Age', 'SignerName', 'Requestor', 'RequestedDuration', 'Condition']);
    assert.deepEqual(table.rows[0].cells.slice(2), ['example.com/signer', spec['username'] ?? '', '<none>', 'Pending']);
  });

  it('refuses to change a RoleBinding roleRef and a PriorityClass value', async () => {
    const rb = '/apis/rbac.authorization.k8s.io/v1/namespaces/default/rolebindings';
    const created = await server.post(rb, { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'b' }, roleRef: { kind: 'Role', name: 'reader' }, subjects: [{ kind: 'User', name: 'alice' }] });
    assert.equal(created.status, 201, created.text);
    const binding = created.json();
    assert.equal((binding['roleRef'] as Obj)['apiGroup'], 'rbac.authorization.k8s.io');
    binding['roleRef'] = { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'admin' };
    const res = await server.put(`${rb}/b`, binding);
    assert.equal(res.status, 422, res.text);
    assert.equal(
      res.json()['message'],
      'RoleBinding.rbac.authorization.k8s.io "b" is invalid: roleRef: Invalid value: rbac.RoleRef{APIGroup:"rbac.authorization.k8s.io", Kind:"ClusterRole", Name:"admin"}: cannot change roleRef',
    );
    assert.deepEqual(causes(res.json()).map((c) => [c.reason, c.field]), [['FieldValueInvalid', 'roleRef']]);

    const pcs = '/apis/scheduling.k8s.io/v1/priorityclasses';
    const pc = await server.post(pcs, { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'high' }, value: 1000 });
    assert.equal(pc.status, 201, pc.text);
    const changed = { ...pc.json(), value: 2000 };
    const refused = await server.put(`${pcs}/high`, changed);
    assert.equal(refused.status, 422, refused.text);
    assert.deepEqual(causes(refused.json()).map((c) => [c.reason, c.field, c.message]), [['FieldValueForbidden', 'value', 'Forbidden: may not be changed in an update.']]);
  });

  it('answers a missing required field with 422 Invalid naming it, not a decoding error', async () => {
    const res = await server.post('/apis/networking.k8s.io/v1/namespaces/default/ingresses', {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'no-path-type' },
      spec: { rules: [{ host: 'foo.com', http: { paths: [{ path: '/', backend: { service: { name: 's', port: { number: 80 } } } }] } }] },
    });
    assert.equal(res.status, 422, res.text);
    assert.deepEqual(causes(res.json()).map((c) => [c.reason, c.field]), [['FieldValueRequired', 'spec.rules[0].http.paths[0].pathType']]);
    assert.equal((await server.get('/apis/networking.k8s.io/v1/namespaces/default/ingresses/no-path-type')).status, 404);
  });

  it('takes a protobuf body whose required list is empty, which the wire form leaves out', async () => {
    const scheme = new Scheme();
    installAll(scheme);
    const gvk = { group: 'discovery.k8s.io', version: 'v1', kind: 'EndpointSlice' };
    const slice = { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'empty' }, addressType: 'IPv4', endpoints: [] };
    const res = await fetch(`${server.url}/apis/discovery.k8s.io/v1/namespaces/default/endpointslices`, {
      method: 'POST',
      body: Buffer.from(scheme.encode(slice, gvk, MEDIA_PROTOBUF) as Uint8Array),
      headers: { 'Content-Type': MEDIA_PROTOBUF, Accept: 'application/json' },
    });
    assert.equal(res.status, 201, await res.text());
  });

  it('creates the system PriorityClasses at start, as kube-apiserver does', async () => {
    for (const [name, value] of [['system-node-critical', 2000001000], ['system-cluster-critical', 2000000000]] as const) {
      const res = await server.get(`/apis/scheduling.k8s.io/v1/priorityclasses/${name}`);
      assert.equal(res.status, 200, res.text);
      assert.deepEqual([res.json()['value'], res.json()['preemptionPolicy']], [value, 'PreemptLowerPriority']);
    }
  });
});

/**
 * Field selectors of the core kinds over HTTP: the labels kube-apiserver accepts per kind, the
 * values objects answer them with, and 400 `field label not supported` for the others.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startCoreServer, type CoreServer, type Obj } from './core-server.js';

const NS = '/api/v1/namespaces/default';

describe('core field selectors', () => {
  let server: CoreServer;
  before(async () => {
    server = await startCoreServer();
    const pod = (name: string, spec: Obj): Obj => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'c', image: 'busybox' }], ...spec } });
    await server.create(`${NS}/pods`, pod('on-a', { nodeName: 'node-a', restartPolicy: 'Never', serviceAccountName: 'robot' }));
    await server.create(`${NS}/pods`, pod('on-b', { nodeName: 'node-b', hostNetwork: true }));
    const unscheduled = await server.create(`${NS}/pods`, pod('nowhere', { schedulerName: 'custom' }));
    const res = await server.call('PUT', `${NS}/pods/nowhere/status`, { ...unscheduled, status: { phase: 'Running', podIPs: [{ ip: '10.9.9.9' }], nominatedNodeName: 'node-c' } });
    assert.equal(res.status, 200, res.text);
    const event = (name: string, involved: Obj, extra: Obj): Obj => ({ apiVersion: 'v1', kind: 'Event', metadata: { name }, involvedObject: involved, ...extra });
    await server.create(`${NS}/events`, event('x.1', { kind: 'Pod', name: 'x', namespace: 'default', uid: 'u-1' }, { reason: 'Pulled', type: 'Normal', source: { component: 'kubelet' } }));
    await server.create(`${NS}/events`, event('y.1', { kind: 'Pod', name: 'y', namespace: 'default' }, { reason: 'BackOff', type: 'Warning', reportingComponent: 'kubelet-ng', reportingInstance: 'n', eventTime: '2026-01-01T00:00:00.000000Z', action: 'Pull' }));
    await server.create(`${NS}/secrets`, { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'plain' }, data: {} });
    await server.create(`${NS}/secrets`, { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'token' }, type: 'bootstrap.kubernetes.io/token', data: {} });
    await server.create('/api/v1/nodes', { apiVersion: 'v1', kind: 'Node', metadata: { name: 'cordoned' }, spec: { unschedulable: true } });
    await server.create('/api/v1/nodes', { apiVersion: 'v1', kind: 'Node', metadata: { name: 'open' } });
    await server.create(`${NS}/services`, { apiVersion: 'v1', kind: 'Service', metadata: { name: 'headless' }, spec: { clusterIP: 'None', ports: [{ port: 80 }] } });
    await server.create(`${NS}/services`, { apiVersion: 'v1', kind: 'Service', metadata: { name: 'np' }, spec: { type: 'NodePort', ports: [{ port: 80 }] } });
  });
  after(async () => {
    await server.close();
  });

  async function names(path: string, selector: string): Promise<string[]> {
    const res = await server.call('GET', `${path}?fieldSelector=${encodeURIComponent(selector)}`);
    assert.equal(res.status, 200, res.text);
    return ((res.json()['items'] as Obj[]) ?? []).map((i) => (i['metadata'] as Obj)['name'] as string).sort();
  }

  const cases: Array<[string, string, string, string[]]> = [
    ['pods on a node', `${NS}/pods`, 'spec.nodeName=node-a', ['on-a']],
    ['pods not scheduled yet', `${NS}/pods`, 'spec.nodeName=', ['nowhere']],
    ['pods by the old spec.host', `${NS}/pods`, 'spec.host=node-b', ['on-b']],
    ['pods by restart policy', `${NS}/pods`, 'spec.restartPolicy=Always', ['nowhere', 'on-b']],
    ['pods by scheduler', `${NS}/pods`, 'spec.schedulerName=custom', ['nowhere']],
    ['pods by service account', `${NS}/pods`, 'spec.serviceAccountName=robot', ['on-a']],
    ['pods on the host network', `${NS}/pods`, 'spec.hostNetwork=true', ['on-b']],
    ['pods off the host network', `${NS}/pods`, 'spec.hostNetwork=false', ['nowhere', 'on-a']],
    ['pods by phase', `${NS}/pods`, 'status.phase=Pending', ['on-a', 'on-b']],
    ['pods not in a phase', `${NS}/pods`, 'status.phase!=Pending', ['nowhere']],
    ['pods by IP', `${NS}/pods`, 'status.podIP=10.9.9.9', ['nowhere']],
    ['pods by nominated node', `${NS}/pods`, 'status.nominatedNodeName=node-c', ['nowhere']],
    ['pods by two fields', `${NS}/pods`, 'metadata.namespace=default,spec.nodeName!=node-a', ['nowhere', 'on-b']],
    ['events by involved object', `${NS}/events`, 'involvedObject.name=x', ['x.1']],
    ['events by involved kind and uid', `${NS}/events`, 'involvedObject.kind=Pod,involvedObject.uid=u-1', ['x.1']],
    ['events by reason', `${NS}/events`, 'reason=BackOff', ['y.1']],
    ['events by type', `${NS}/events`, 'type=Warning', ['y.1']],
    ['events by source component', `${NS}/events`, 'source=kubelet', ['x.1']],
    ['events by source falling back to the reporting component', `${NS}/events`, 'source=kubelet-ng', ['y.1']],
    ['events by reporting component', `${NS}/events`, 'reportingComponent=kubelet-ng', ['y.1']],
    ['secrets by type', `${NS}/secrets`, 'type=bootstrap.kubernetes.io/token', ['token']],
    ['secrets not of a type', `${NS}/secrets`, 'type!=bootstrap.kubernetes.io/token', ['plain']],
    ['namespaces by phase', '/api/v1/namespaces', 'status.phase=Active,metadata.name=default', ['default']],
    ['cordoned nodes', '/api/v1/nodes', 'spec.unschedulable=true', ['cordoned']],
    ['schedulable nodes', '/api/v1/nodes', 'spec.unschedulable=false', ['open']],
    ['services by type', `${NS}/services`, 'spec.type=NodePort', ['np']],
    ['headless services', `${NS}/services`, 'spec.clusterIP=None', ['headless']],
  ];
  for (const [name, path, selector, want] of cases) {
    it(`selects ${name} (${selector})`, async () => {
      assert.deepEqual(await names(path, selector), want);
    });
  }

  it('selects replication controllers by status.replicas', async () => {
    await server.create(`${NS}/replicationcontrollers`, {
      apiVersion: 'v1',
      kind: 'ReplicationController',
      metadata: { name: 'rc' },
      spec: { replicas: 2, selector: { app: 'a' }, template: { metadata: { labels: { app: 'a' } }, spec: { containers: [{ name: 'c', image: 'busybox' }] } } },
    });
    assert.deepEqual(await names(`${NS}/replicationcontrollers`, 'status.replicas=0'), ['rc']);
    assert.deepEqual(await names(`${NS}/replicationcontrollers`, 'status.replicas=2'), []);
  });

  const unsupported: Array<[string, string]> = [
    [`${NS}/pods`, 'spec.containers'],
    [`${NS}/pods`, 'status.hostIP'],
    [`${NS}/events`, 'message'],
    [`${NS}/secrets`, 'data'],
    [`${NS}/configmaps`, 'data'],
    ['/api/v1/namespaces', 'metadata.namespace'],
    ['/api/v1/nodes', 'metadata.namespace'],
    ['/api/v1/nodes', 'status.phase'],
    [`${NS}/services`, 'spec.ports'],
    ['/api/v1/persistentvolumes', 'spec.storageClassName'],
  ];
  for (const [path, label] of unsupported) {
    it(`answers 400 for ${label} on ${path.split('/').at(-1)}`, async () => {
      const res = await server.call('GET', `${path}?fieldSelector=${encodeURIComponent(`${label}=x`)}`);
      assert.equal(res.status, 400, res.text);
      const status = res.json();
      assert.equal(status['reason'], 'BadRequest');
      assert.equal(status['message'], `field label not supported: ${label}`);
    });
  }

  it('rejects an unsupported label on watch too', async () => {
    const res = await server.call('GET', `${NS}/pods?watch=true&fieldSelector=spec.priority%3D1`);
    assert.equal(res.status, 400, res.text);
    assert.equal(res.json()['message'], 'field label not supported: spec.priority');
  });
});

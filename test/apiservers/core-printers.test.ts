/**
 * The Tables of services, endpoints, namespaces, nodes, configmaps, secrets, service accounts,
 * events, persistent volumes and claims, limit ranges and resource quotas over HTTP: upstream's
 * column names and the cells its printers compute.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { secondsAgo, startCoreServer, type CoreServer, type Obj } from './core-server.js';

const NS = '/api/v1/namespaces/default';

const without = (row: Record<string, unknown>, ...columns: string[]): Record<string, unknown> =>
  Object.fromEntries(Object.entries(row).filter(([k]) => !columns.includes(k)));

describe('core printers', () => {
  let server: CoreServer;
  before(async () => {
    server = await startCoreServer();
  });
  after(async () => {
    await server.close();
  });

  async function withStatus(path: string, body: Obj, status: Obj): Promise<void> {
    const created = await server.create(path, body);
    const name = (created['metadata'] as Obj)['name'] as string;
    const res = await server.call('PUT', `${path}/${name}/status`, { ...created, status });
    assert.equal(res.status, 200, res.text);
  }

  it('prints services by type: cluster IP, external IPs, ports and selector', async () => {
    const svc = (name: string, spec: Obj): Obj => ({ apiVersion: 'v1', kind: 'Service', metadata: { name }, spec });
    await server.create(`${NS}/services`, svc('web', { clusterIP: '10.0.0.10', selector: { app: 'web', tier: 'fe' }, ports: [{ port: 80 }, { name: 'dns', port: 53, protocol: 'UDP' }].map((p, i) => ({ name: `p${i}`, ...p })) }));
    await server.create(`${NS}/services`, svc('np', { type: 'NodePort', clusterIP: '10.0.0.11', externalIPs: ['192.0.2.1'], ports: [{ port: 80, nodePort: 30080 }] }));
    await server.create(`${NS}/services`, svc('lb', { type: 'LoadBalancer', ports: [{ port: 443 }] }));
    await server.create(`${NS}/services`, svc('ext', { type: 'ExternalName', externalName: 'db.example.com' }));
    await withStatus(`${NS}/services`, svc('lb-ready', { type: 'LoadBalancer', ports: [{ port: 443 }] }), { loadBalancer: { ingress: [{ ip: '203.0.113.9' }, { hostname: 'lb.example.com' }] } });

    const table = await server.table(`${NS}/services`);
    assert.deepEqual(table.columns, ['Name', 'Type', 'Cluster-IP', 'External-IP', 'Port(s)', 'Age', 'Selector']);
    assert.equal(table.definitions.at(-1)?.['priority'], 1);
    assert.deepEqual(without(table.row('web'), 'Age'), {
      Name: 'web',
      Type: 'ClusterIP',
      'Cluster-IP': '10.0.0.10',
      'External-IP': '<none>',
      'Port(s)': '80/TCP,53/UDP',
      Selector: 'app=web,tier=fe',
    });
    assert.deepEqual(without(table.row('np'), 'Age'), { Name: 'np', Type: 'NodePort', 'Cluster-IP': '10.0.0.11', 'External-IP': '192.0.2.1', 'Port(s)': '80:30080/TCP', Selector: '<none>' });
    assert.equal(table.row('lb')['External-IP'], '<pending>');
    assert.equal(table.row('lb')['Cluster-IP'], '<none>');
    assert.equal(table.row('lb-ready')['External-IP'], '203.0.113.9,lb.example.com');
    assert.deepEqual([table.row('ext')['Type'], table.row('ext')['External-IP'], table.row('ext')['Port(s)']], ['ExternalName', 'db.example.com', '<none>']);
  });

  it('prints endpoints as up to three addresses, then how many more', async () => {
    const addresses = ['10.1.0.1', '10.1.0.2', '10.1.0.3', '10.1.0.4'].map((ip) => ({ ip }));
    await server.create(`${NS}/endpoints`, { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'many' }, subsets: [{ addresses, ports: [{ port: 8080 }] }] });
    await server.create(`${NS}/endpoints`, { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'none' } });
    await server.create(`${NS}/endpoints`, { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'v6' }, subsets: [{ addresses: [{ ip: 'fd00::1' }], ports: [{ port: 80 }] }] });
    const table = await server.table(`${NS}/endpoints`);
    assert.deepEqual(table.columns, ['Name', 'Endpoints', 'Age']);
    assert.equal(table.row('many')['Endpoints'], '10.1.0.1:8080,10.1.0.2:8080,10.1.0.3:8080 + 1 more...');
    assert.equal(table.row('none')['Endpoints'], '<none>');
    assert.equal(table.row('v6')['Endpoints'], '[fd00::1]:80');
  });

  it('prints namespaces with their phase', async () => {
    const table = await server.table('/api/v1/namespaces');
    assert.deepEqual(table.columns, ['Name', 'Status', 'Age']);
    assert.equal(table.row('default')['Status'], 'Active');
  });

  it('prints nodes with status, roles, version and the wide system info, keeping the status they register with', async () => {
    await server.create('/api/v1/nodes', {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'n1', labels: { 'node-role.kubernetes.io/control-plane': '', 'kubernetes.io/role': 'edge' } },
      spec: { unschedulable: true },
      status: {
        conditions: [{ type: 'Ready', status: 'True' }],
        addresses: [{ type: 'InternalIP', address: '192.168.1.5' }, { type: 'Hostname', address: 'n1' }],
        nodeInfo: { kubeletVersion: 'v1.33.1', osImage: 'Debian', kernelVersion: '6.1.0', containerRuntimeVersion: 'containerd://1.7', machineID: '', systemUUID: '', bootID: '', kubeProxyVersion: '', operatingSystem: 'linux', architecture: 'amd64' },
      },
    });
    await server.create('/api/v1/nodes', { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n2' } });
    const table = await server.table('/api/v1/nodes');
    assert.deepEqual(table.columns, ['Name', 'Status', 'Roles', 'Age', 'Version', 'Internal-IP', 'External-IP', 'OS-Image', 'Kernel-Version', 'Container-Runtime']);
    assert.deepEqual(without(table.row('n1'), 'Age'), {
      Name: 'n1',
      Status: 'Ready,SchedulingDisabled',
      Roles: 'control-plane,edge',
      Version: 'v1.33.1',
      'Internal-IP': '192.168.1.5',
      'External-IP': '<none>',
      'OS-Image': 'Debian',
      'Kernel-Version': '6.1.0',
      'Container-Runtime': 'containerd://1.7',
    });
    assert.deepEqual(without(table.row('n2'), 'Age'), {
      Name: 'n2',
      Status: 'Unknown',
      Roles: '<none>',
      Version: '',
      'Internal-IP': '<none>',
      'External-IP': '<none>',
      'OS-Image': '<unknown>',
      'Kernel-Version': '<unknown>',
      'Container-Runtime': '<unknown>',
    });
  });

  it('prints configmaps, secrets and service accounts with their entry counts', async () => {
    await server.create(`${NS}/configmaps`, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' }, data: { a: '1', b: '2' }, binaryData: { c: 'AA==' } });
    await server.create(`${NS}/secrets`, { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { k: 'dg==' } });
    await server.create(`${NS}/secrets`, { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'tls' }, type: 'kubernetes.io/tls', data: { 'tls.crt': 'YQ==', 'tls.key': 'Yg==' } });
    await server.create(`${NS}/serviceaccounts`, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'sa' }, secrets: [{ name: 's' }] });

    const cms = await server.table(`${NS}/configmaps`);
    assert.deepEqual(cms.columns, ['Name', 'Data', 'Age']);
    assert.equal(cms.row('cm')['Data'], 3);
    const secrets = await server.table(`${NS}/secrets`);
    assert.deepEqual(secrets.columns, ['Name', 'Type', 'Data', 'Age']);
    assert.deepEqual(without(secrets.row('s'), 'Age'), { Name: 's', Type: 'Opaque', Data: 1 });
    assert.deepEqual(without(secrets.row('tls'), 'Age'), { Name: 'tls', Type: 'kubernetes.io/tls', Data: 2 });
    const sas = await server.table(`${NS}/serviceaccounts`);
    assert.deepEqual(sas.columns, ['Name', 'Secrets', 'Age']);
    assert.equal(sas.row('sa')['Secrets'], 1);
  });

  it('prints events as kubectl get events shows them, the rest in the wide columns', async () => {
    await server.create(`${NS}/events`, {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'x.1' },
      involvedObject: { kind: 'Pod', name: 'x', namespace: 'default', fieldPath: 'spec.containers{c}' },
      reason: 'BackOff',
      message: '  Back-off restarting failed container \n',
      type: 'Warning',
      source: { component: 'kubelet', host: 'n1' },
      firstTimestamp: secondsAgo(3600),
      lastTimestamp: secondsAgo(30),
      count: 7,
    });
    await server.create(`${NS}/events`, {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'once' },
      involvedObject: { kind: 'Node' },
      reason: 'Started',
      type: 'Normal',
      eventTime: `${secondsAgo(20).slice(0, -1)}.000000Z`,
      reportingComponent: 'kube-proxy',
      reportingInstance: 'proxy-1',
      action: 'Start',
    });
    const table = await server.table(`${NS}/events`);
    assert.deepEqual(table.columns, ['Last Seen', 'Type', 'Reason', 'Object', 'Subobject', 'Source', 'Message', 'First Seen', 'Count', 'Name']);
    assert.deepEqual(table.definitions.map((d) => d['priority']), [0, 0, 0, 0, 1, 1, 0, 1, 1, 1]);
    assert.equal(table.definitions.at(-1)?.['format'], 'name');
    const row = table.row('x.1');
    assert.deepEqual(row, {
      'Last Seen': '30s',
      Type: 'Warning',
      Reason: 'BackOff',
      Object: 'pod/x',
      Subobject: 'spec.containers{c}',
      Source: 'kubelet, n1',
      Message: 'Back-off restarting failed container',
      'First Seen': '60m',
      Count: 7,
      Name: 'x.1',
    });
    const once = table.row('once');
    assert.deepEqual([once['Last Seen'], once['Object'], once['Source'], once['Count']], ['20s', 'node', 'kube-proxy, proxy-1', 1]);
  });

  it('prints persistent volumes and claims with capacity, access modes and classes', async () => {
    await server.create('/api/v1/persistentvolumes', {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name: 'pv1' },
      spec: {
        capacity: { storage: '10Gi' },
        accessModes: ['ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOnce'],
        persistentVolumeReclaimPolicy: 'Delete',
        storageClassName: 'fast',
        hostPath: { path: '/data' },
        claimRef: { namespace: 'default', name: 'claim' },
      },
    });
    const pvs = await server.table('/api/v1/persistentvolumes');
    assert.deepEqual(pvs.columns, ['Name', 'Capacity', 'Access Modes', 'Reclaim Policy', 'Status', 'Claim', 'StorageClass', 'VolumeAttributesClass', 'Reason', 'Age', 'VolumeMode']);
    assert.deepEqual(without(pvs.row('pv1'), 'Age'), {
      Name: 'pv1',
      Capacity: '10Gi',
      'Access Modes': 'RWO,RWX',
      'Reclaim Policy': 'Delete',
      Status: 'Pending',
      Claim: 'default/claim',
      StorageClass: 'fast',
      VolumeAttributesClass: '<unset>',
      Reason: '',
      VolumeMode: 'Filesystem',
    });

    await server.create(`${NS}/persistentvolumeclaims`, {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'claim', annotations: { 'volume.beta.kubernetes.io/storage-class': 'slow' } },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, storageClassName: 'fast' },
    });
    const pvcs = await server.table(`${NS}/persistentvolumeclaims`);
    assert.deepEqual(pvcs.columns, ['Name', 'Status', 'Volume', 'Capacity', 'Access Modes', 'StorageClass', 'VolumeAttributesClass', 'Age', 'VolumeMode']);
    assert.deepEqual(without(pvcs.row('claim'), 'Age'), {
      Name: 'claim',
      Status: 'Pending',
      Volume: '',
      Capacity: '',
      'Access Modes': '',
      StorageClass: 'slow',
      VolumeAttributesClass: '<unset>',
      VolumeMode: 'Filesystem',
    });
  });

  it('prints limit ranges with their creation time and quotas with used/hard pairs', async () => {
    await server.create(`${NS}/limitranges`, { apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'lr' }, spec: { limits: [{ type: 'Container', max: { cpu: '2' } }] } });
    const lrs = await server.table(`${NS}/limitranges`);
    assert.deepEqual(lrs.columns, ['Name', 'Created At']);
    assert.match(String(lrs.row('lr')['Created At']), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

    await withStatus(
      `${NS}/resourcequotas`,
      { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'q' }, spec: { hard: { pods: '10', 'requests.cpu': '4', 'limits.memory': '8Gi' } } },
      { hard: { pods: '10', 'requests.cpu': '4', 'limits.memory': '8Gi' }, used: { pods: '3', 'limits.memory': '1Gi' } },
    );
    const quotas = await server.table(`${NS}/resourcequotas`);
    assert.deepEqual(quotas.columns, ['Name', 'Age', 'Request', 'Limit']);
    assert.deepEqual(without(quotas.row('q'), 'Age'), { Name: 'q', Request: 'pods: 3/10, requests.cpu: 0/4', Limit: 'limits.memory: 1Gi/8Gi' });
  });
});

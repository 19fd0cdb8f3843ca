/**
 * The Tables `kubectl get` receives for the built-in groups beyond core: upstream's column
 * names (wide ones marked `*`) and the cells of a freshly created object.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { columnNames, startGroupsServer, type GroupsServer, type Obj } from './groups-support.js';

const podTemplate = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }, { name: 'side', image: 'busybox' }] } };

interface Row {
  readonly name: string;
  readonly path: string;
  readonly body: Obj | ((server: GroupsServer) => Promise<Obj>);
  readonly columns: string[];
  /** The expected cells; the Age cell (a few seconds) is checked separately wherever `AGE` stands. */
  readonly cells: unknown[];
}

const AGE = Symbol('age');

const rows: Row[] = [
  {
    name: 'deployments',
    path: '/apis/apps/v1/namespaces/default/deployments',
    body: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: podTemplate } },
    columns: ['Name', 'Ready', 'Up-to-date', 'Available', 'Age', 'Containers*', 'Images*', 'Selector*'],
    cells: ['web', '0/3', 0, 0, AGE, 'nginx,side', 'nginx:1.27,busybox', 'app=web'],
  },
  {
    name: 'replicasets',
    path: '/apis/apps/v1/namespaces/default/replicasets',
    body: { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-1' }, spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: podTemplate } },
    columns: ['Name', 'Desired', 'Current', 'Ready', 'Age', 'Containers*', 'Images*', 'Selector*'],
    cells: ['web-1', 2, 0, 0, AGE, 'nginx,side', 'nginx:1.27,busybox', 'app=web'],
  },
  {
    name: 'statefulsets',
    path: '/apis/apps/v1/namespaces/default/statefulsets',
    body: { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db' }, spec: { serviceName: 'db', selector: { matchLabels: { app: 'web' } }, template: podTemplate } },
    columns: ['Name', 'Ready', 'Age', 'Containers*', 'Images*'],
    cells: ['db', '0/1', AGE, 'nginx,side', 'nginx:1.27,busybox'],
  },
  {
    name: 'daemonsets',
    path: '/apis/apps/v1/namespaces/default/daemonsets',
    body: {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'agent' },
      spec: { selector: { matchLabels: { app: 'web' } }, template: { ...podTemplate, spec: { ...podTemplate.spec, nodeSelector: { os: 'linux', arch: 'amd64' } } } },
    },
    columns: ['Name', 'Desired', 'Current', 'Ready', 'Up-to-date', 'Available', 'Node Selector', 'Age', 'Containers*', 'Images*', 'Selector*'],
    cells: ['agent', 0, 0, 0, 0, 0, 'arch=amd64,os=linux', AGE, 'nginx,side', 'nginx:1.27,busybox', 'app=web'],
  },
  {
    name: 'controllerrevisions',
    path: '/apis/apps/v1/namespaces/default/controllerrevisions',
    // Owned by the DaemonSet created above, so the garbage collector keeps it.
    body: async (server) => {
      const owner = (await server.get('/apis/apps/v1/namespaces/default/daemonsets/agent')).json();
      const uid = (owner['metadata'] as Obj)['uid'];
      return {
        apiVersion: 'apps/v1',
        kind: 'ControllerRevision',
        metadata: { name: 'agent-1', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'agent', uid, controller: true }] },
        revision: 4,
      };
    },
    columns: ['Name', 'Controller', 'Revision', 'Age'],
    cells: ['agent-1', 'daemonset.apps/agent', 4, AGE],
  },
  {
    name: 'cronjobs',
    path: '/apis/batch/v1/namespaces/default/cronjobs',
    body: {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'nightly' },
      spec: { schedule: '0 3 * * *', timeZone: 'Etc/UTC', jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'c', image: 'busybox' }] } } } } },
    },
    columns: ['Name', 'Schedule', 'Timezone', 'Suspend', 'Active', 'Last Schedule', 'Age', 'Containers*', 'Images*', 'Selector*'],
    cells: ['nightly', '0 3 * * *', 'Etc/UTC', 'False', 0, '<none>', AGE, 'c', 'busybox', '<none>'],
  },
  {
    name: 'ingresses',
    path: '/apis/networking.k8s.io/v1/namespaces/default/ingresses',
    body: {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'site' },
      spec: {
        ingressClassName: 'nginx',
        tls: [{ hosts: ['foo.com'], secretName: 'tls' }],
        rules: [{ host: 'foo.com', http: { paths: [{ path: '/bar', pathType: 'Prefix', backend: { service: { name: 'svc1', port: { number: 8080 } } } }] } }, { host: 'bar.com' }],
      },
    },
    columns: ['Name', 'Class', 'Hosts', 'Address', 'Ports', 'Age'],
    cells: ['site', 'nginx', 'foo.com,bar.com', '', '80, 443', AGE],
  },
  {
    name: 'ingressclasses',
    path: '/apis/networking.k8s.io/v1/ingressclasses',
    body: { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'nginx' }, spec: { controller: 'k8s.io/ingress-nginx', parameters: { apiGroup: 'k8s.example.com', kind: 'Params', name: 'p' } } },
    columns: ['Name', 'Controller', 'Parameters', 'Age'],
    cells: ['nginx', 'k8s.io/ingress-nginx', 'Params.k8s.example.com/p', AGE],
  },
  {
    name: 'networkpolicies',
    path: '/apis/networking.k8s.io/v1/namespaces/default/networkpolicies',
    body: { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'deny' }, spec: { podSelector: {} } },
    columns: ['Name', 'Pod-Selector', 'Age'],
    cells: ['deny', '<none>', AGE],
  },
  {
    name: 'roles',
    path: '/apis/rbac.authorization.k8s.io/v1/namespaces/default/roles',
    body: { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'reader' }, rules: [{ verbs: ['get'], apiGroups: [''], resources: ['pods'] }] },
    columns: ['Name', 'Created At'],
    cells: ['reader', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/],
  },
  {
    name: 'rolebindings',
    path: '/apis/rbac.authorization.k8s.io/v1/namespaces/default/rolebindings',
    body: {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: 'readers' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'reader' },
      subjects: [
        { kind: 'User', name: 'alice' },
        { kind: 'User', name: 'bob' },
        { kind: 'Group', name: 'devs' },
        { kind: 'ServiceAccount', name: 'builder', namespace: 'ci' },
      ],
    },
    columns: ['Name', 'Role', 'Age', 'Users*', 'Groups*', 'ServiceAccounts*'],
    cells: ['readers', 'Role/reader', AGE, 'alice, bob', 'devs', 'ci/builder'],
  },
  {
    name: 'poddisruptionbudgets',
    path: '/apis/policy/v1/namespaces/default/poddisruptionbudgets',
    body: { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'web' }, spec: { minAvailable: '50%', selector: { matchLabels: { app: 'web' } } } },
    columns: ['Name', 'Min Available', 'Max Unavailable', 'Allowed Disruptions', 'Age'],
    cells: ['web', '50%', 'N/A', 0, AGE],
  },
  {
    name: 'storageclasses',
    path: '/apis/storage.k8s.io/v1/storageclasses',
    body: { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'fast', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } }, provisioner: 'example.com/ssd' },
    columns: ['Name', 'Provisioner', 'ReclaimPolicy', 'VolumeBindingMode', 'AllowVolumeExpansion', 'Age'],
    cells: ['fast (default)', 'example.com/ssd', 'Delete', 'Immediate', false, AGE],
  },
  {
    name: 'leases',
    path: '/apis/coordination.k8s.io/v1/namespaces/default/leases',
    body: { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: 'leader' }, spec: { holderIdentity: 'node-a' } },
    columns: ['Name', 'Holder', 'Age'],
    cells: ['leader', 'node-a', AGE],
  },
  {
    name: 'priorityclasses',
    path: '/apis/scheduling.k8s.io/v1/priorityclasses',
    body: { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'high' }, value: 1000 },
    columns: ['Name', 'Value', 'Global-Default', 'Age', 'PreemptionPolicy'],
    cells: ['high', 1000, false, AGE, 'PreemptLowerPriority'],
  },
  {
    name: 'endpointslices',
    path: '/apis/discovery.k8s.io/v1/namespaces/default/endpointslices',
    body: {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 'web-abc' },
      addressType: 'IPv4',
      ports: [{ name: 'http', port: 80 }],
      endpoints: [{ addresses: ['10.0.0.1'] }, { addresses: ['10.0.0.2'] }, { addresses: ['10.0.0.3'] }, { addresses: ['10.0.0.4'] }],
    },
    columns: ['Name', 'AddressType', 'Ports', 'Endpoints', 'Age'],
    cells: ['web-abc', 'IPv4', '80', '10.0.0.1,10.0.0.2,10.0.0.3 + 1 more...', AGE],
  },
  {
    name: 'runtimeclasses',
    path: '/apis/node.k8s.io/v1/runtimeclasses',
    body: { apiVersion: 'node.k8s.io/v1', kind: 'RuntimeClass', metadata: { name: 'gvisor' }, handler: 'runsc' },
    columns: ['Name', 'Handler', 'Age'],
    cells: ['gvisor', 'runsc', AGE],
  },
  {
    name: 'validatingwebhookconfigurations',
    path: '/apis/admissionregistration.k8s.io/v1/validatingwebhookconfigurations',
    body: {
      apiVersion: 'admissionregistration.k8s.io/v1',
      kind: 'ValidatingWebhookConfiguration',
      metadata: { name: 'check' },
      webhooks: [{ name: 'check.example.com', clientConfig: { url: 'https://127.0.0.1:9443/validate' }, sideEffects: 'None', admissionReviewVersions: ['v1'] }],
    },
    columns: ['Name', 'Webhooks', 'Age'],
    cells: ['check', 1, AGE],
  },
  {
    name: 'horizontalpodautoscalers',
    path: '/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers',
    body: {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'h' },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
        minReplicas: 2,
        maxReplicas: 5,
        metrics: [
          { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } },
          { type: 'Pods', pods: { metric: { name: 'qps' }, target: { type: 'AverageValue', averageValue: '10' } } },
          { type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '1Gi' } } },
        ],
      },
    },
    columns: ['Name', 'Reference', 'Targets', 'MinPods', 'MaxPods', 'Replicas', 'Age'],
    cells: ['h', 'Deployment/web', 'cpu: <unknown>/50%, <unknown>/10 + 1 more...', '2', 5, 0, AGE],
  },
  {
    name: 'events.k8s.io events',
    path: '/apis/events.k8s.io/v1/namespaces/default/events',
    body: {
      apiVersion: 'events.k8s.io/v1',
      kind: 'Event',
      metadata: { name: 'web.1' },
      eventTime: '2026-01-01T00:00:00.000000Z',
      reportingController: 'example.com/ctl',
      reportingInstance: 'ctl-1',
      action: 'Scale',
      reason: 'Scaled',
      type: 'Normal',
      note: ' scaled up ',
      regarding: { kind: 'Deployment', name: 'web', namespace: 'default' },
    },
    columns: ['Last Seen', 'Type', 'Reason', 'Object', 'Subobject*', 'Source*', 'Message', 'First Seen*', 'Count*', 'Name*'],
    cells: [/^\d+d$/, 'Normal', 'Scaled', 'deployment/web', '', 'example.com/ctl, ctl-1', 'scaled up', /^\d+d$/, 1, 'web.1'],
  },
];

describe('built-in group Tables', () => {
  let server: GroupsServer;
  before(async () => {
    server = await startGroupsServer('groups-tables');
  });
  after(async () => {
    await server.stop();
  });

  for (const row of rows) {
    it(row.name, async () => {
      const body = typeof row.body === 'function' ? await row.body(server) : row.body;
      const created = await server.post(row.path, body);
      assert.equal(created.status, 201, created.text);
      // The created object's own Table: the server may hold objects of the kind already (the
      // system PriorityClasses).
      const name = ((body as { metadata: { name: string } }).metadata).name;
      const table = await server.table(`${row.path}/${name}`);
      assert.deepEqual(columnNames(table), row.columns);
      assert.equal(table.rows.length, 1);
      const cells = table.rows[0].cells;
      assert.equal(cells.length, row.columns.length, JSON.stringify(cells));
      row.cells.forEach((want, i) => {
        if (want === AGE) assert.match(String(cells[i]), /^\d+s$/, `cell ${i}`);
        else if (want instanceof RegExp) assert.match(String(cells[i]), want, `cell ${i}`);
        else assert.deepEqual(cells[i], want, `cell ${i} of ${JSON.stringify(cells)}`);
      });
    });
  }
});

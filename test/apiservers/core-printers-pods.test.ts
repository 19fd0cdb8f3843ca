/**
 * Pods, pod templates and replication controllers as Tables over HTTP: upstream's columns, and
 * the READY, STATUS and RESTARTS cells as a pod's status moves through its life.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TABLE_ACCEPT } from '../endpoints/handlers/support.js';
import { secondsAgo, startCoreServer, type CoreServer, type Obj } from './core-server.js';

const PODS = '/api/v1/namespaces/default/pods';

function pod(name: string, spec: Obj = {}): Obj {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'c', image: 'busybox' }], ...spec } };
}

describe('core printers: pods', () => {
  let server: CoreServer;
  before(async () => {
    server = await startCoreServer();
  });
  after(async () => {
    await server.close();
  });

  /** Creates a pod, then writes `status` through the status subresource. */
  async function podWithStatus(name: string, status: Obj, spec: Obj = {}): Promise<void> {
    const created = await server.create(PODS, pod(name, spec));
    const res = await server.call('PUT', `${PODS}/${name}/status`, { ...created, status });
    assert.equal(res.status, 200, res.text);
  }

  it('answers upstream\'s pod columns, a new pod Pending with nothing ready', async () => {
    await server.create(PODS, pod('fresh'));
    const table = await server.table(PODS);
    assert.deepEqual(table.columns, ['Name', 'Ready', 'Status', 'Restarts', 'Age', 'IP', 'Node', 'Nominated Node', 'Readiness Gates']);
    assert.deepEqual(
      table.definitions.map((d) => [d['type'], d['format'], d['priority']]),
      [
        ['string', 'name', 0],
        ['string', '', 0],
        ['string', '', 0],
        ['string', '', 0],
        ['string', '', 0],
        ['string', '', 1],
        ['string', '', 1],
        ['string', '', 1],
        ['string', '', 1],
      ],
    );
    const row = table.row('fresh');
    assert.deepEqual({ ...row, Age: undefined }, {
      Name: 'fresh',
      Ready: '0/1',
      Status: 'Pending',
      Restarts: '0',
      Age: undefined,
      IP: '<none>',
      Node: '<none>',
      'Nominated Node': '<none>',
      'Readiness Gates': '<none>',
    });
    assert.match(String(row['Age']), /^\d+s$/);
  });

  const cases: Array<[string, Obj, Obj, Record<string, unknown>]> = [
    [
      'running and ready, restarted twice twelve minutes ago',
      {
        phase: 'Running',
        podIPs: [{ ip: '10.1.2.3' }],
        podIP: '10.1.2.3',
        conditions: [{ type: 'Ready', status: 'True' }],
        containerStatuses: [
          {
            name: 'c', ready: true, restartCount: 2, image: 'busybox', imageID: '',
            state: { running: { startedAt: secondsAgo(290) } },
            lastState: { terminated: { exitCode: 1, finishedAt: secondsAgo(720) } },
          },
        ],
      },
      { nodeName: 'node-1' },
      { Ready: '1/1', Status: 'Running', Restarts: '2 (12m ago)', IP: '10.1.2.3', Node: 'node-1' },
    ],
    [
      'waiting in CrashLoopBackOff',
      {
        phase: 'Running',
        containerStatuses: [{ name: 'c', ready: false, restartCount: 4, image: 'busybox', imageID: '', state: { waiting: { reason: 'CrashLoopBackOff' } } }],
      },
      {},
      { Ready: '0/1', Status: 'CrashLoopBackOff', Restarts: '4' },
    ],
    [
      'finished',
      {
        phase: 'Succeeded',
        containerStatuses: [{ name: 'c', ready: false, restartCount: 0, image: 'busybox', imageID: '', state: { terminated: { exitCode: 0, reason: 'Completed' } } }],
      },
      {},
      { Ready: '0/1', Status: 'Completed', Restarts: '0' },
    ],
    [
      'killed by a signal without a reason',
      {
        phase: 'Failed',
        containerStatuses: [{ name: 'c', ready: false, restartCount: 0, image: 'busybox', imageID: '', state: { terminated: { exitCode: 137, signal: 9 } } }],
      },
      {},
      { Status: 'Signal:9' },
    ],
    [
      'the first of two init containers still running',
      {
        phase: 'Pending',
        initContainerStatuses: [
          { name: 'i1', ready: false, restartCount: 0, image: 'busybox', imageID: '', state: { running: {} } },
          { name: 'i2', ready: false, restartCount: 0, image: 'busybox', imageID: '', state: { waiting: { reason: 'PodInitializing' } } },
        ],
      },
      { initContainers: [{ name: 'i1', image: 'busybox' }, { name: 'i2', image: 'busybox' }] },
      { Ready: '0/1', Status: 'Init:0/2' },
    ],
    [
      'an init container failing to pull its image',
      {
        phase: 'Pending',
        initContainerStatuses: [{ name: 'i1', ready: false, restartCount: 0, image: 'busybox', imageID: '', state: { waiting: { reason: 'ImagePullBackOff' } } }],
      },
      { initContainers: [{ name: 'i1', image: 'busybox' }] },
      { Status: 'Init:ImagePullBackOff' },
    ],
    [
      'an init container that exited non-zero',
      {
        phase: 'Pending',
        initContainerStatuses: [{ name: 'i1', ready: false, restartCount: 3, image: 'busybox', imageID: '', state: { terminated: { exitCode: 2 } } }],
      },
      { initContainers: [{ name: 'i1', image: 'busybox' }] },
      { Status: 'Init:ExitCode:2', Restarts: '3' },
    ],
    [
      'a running sidecar counted among the containers',
      {
        phase: 'Running',
        conditions: [{ type: 'Initialized', status: 'True' }, { type: 'Ready', status: 'True' }],
        initContainerStatuses: [{ name: 'side', ready: true, started: true, restartCount: 1, image: 'busybox', imageID: '', state: { running: {} } }],
        containerStatuses: [{ name: 'c', ready: true, restartCount: 0, image: 'busybox', imageID: '', state: { running: {} } }],
      },
      { initContainers: [{ name: 'side', image: 'busybox', restartPolicy: 'Always' }] },
      { Ready: '2/2', Status: 'Running', Restarts: '1' },
    ],
    [
      'readiness gates, one of two met',
      { phase: 'Running', conditions: [{ type: 'example.com/a', status: 'True' }, { type: 'example.com/b', status: 'False' }] },
      { readinessGates: [{ conditionType: 'example.com/a' }, { conditionType: 'example.com/b' }] },
      { 'Readiness Gates': '1/2' },
    ],
    [
      'held by scheduling gates',
      { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] },
      {},
      { Status: 'SchedulingGated' },
    ],
    ['nominated to a node', { phase: 'Pending', nominatedNodeName: 'node-9' }, {}, { 'Nominated Node': 'node-9' }],
    ['evicted', { phase: 'Failed', reason: 'Evicted' }, {}, { Status: 'Evicted' }],
  ];
  cases.forEach(([name, status, spec, want], i) => {
    it(`prints a pod ${name}`, async () => {
      const podName = `case-${i}`;
      await podWithStatus(podName, status, spec);
      const row = (await server.table(`${PODS}/${podName}`)).row(podName);
      for (const [column, value] of Object.entries(want)) assert.equal(row[column], value, `${column} of ${JSON.stringify(row)}`);
    });
  });

  it('marks the rows of finished pods Completed, with the reason of their phase', async () => {
    await podWithStatus('won', { phase: 'Succeeded' });
    await podWithStatus('lost', { phase: 'Failed' });
    await podWithStatus('going', { phase: 'Running' });
    const conditionsOf = async (name: string): Promise<unknown> => {
      const res = await server.call('GET', `${PODS}/${name}`, undefined, { Accept: TABLE_ACCEPT });
      assert.equal(res.status, 200, res.text);
      return ((res.json()['rows'] as Obj[])[0] as Obj)['conditions'];
    };
    assert.deepEqual(await conditionsOf('won'), [{ type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' }]);
    assert.deepEqual(await conditionsOf('lost'), [{ type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' }]);
    assert.equal(await conditionsOf('going'), undefined);
  });

  it('prints Terminating while a scheduled pod shuts down', async () => {
    await server.create(PODS, pod('leaving', { nodeName: 'node-1' }));
    const res = await server.call('DELETE', `${PODS}/leaving`);
    assert.equal(res.status, 200, res.text);
    assert.equal((await server.table(`${PODS}/leaving`)).row('leaving')['Status'], 'Terminating');
  });

  it('prints pod templates with containers, images and pod labels', async () => {
    await server.create('/api/v1/namespaces/default/podtemplates', {
      apiVersion: 'v1',
      kind: 'PodTemplate',
      metadata: { name: 'tpl' },
      template: { metadata: { labels: { b: '2', a: '1' } }, spec: { containers: [{ name: 'x', image: 'nginx:1' }, { name: 'y', image: 'redis' }] } },
    });
    const table = await server.table('/api/v1/namespaces/default/podtemplates');
    assert.deepEqual(table.columns, ['Name', 'Containers', 'Images', 'Pod Labels']);
    assert.deepEqual(table.row('tpl'), { Name: 'tpl', Containers: 'x,y', Images: 'nginx:1,redis', 'Pod Labels': 'a=1,b=2' });
  });

  it('prints replication controllers with desired, current and ready replicas', async () => {
    await server.create('/api/v1/namespaces/default/replicationcontrollers', {
      apiVersion: 'v1',
      kind: 'ReplicationController',
      metadata: { name: 'rc' },
      spec: { replicas: 3, selector: { app: 'web' }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } } },
    });
    const table = await server.table('/api/v1/namespaces/default/replicationcontrollers');
    assert.deepEqual(table.columns, ['Name', 'Desired', 'Current', 'Ready', 'Age', 'Containers', 'Images', 'Selector']);
    const row = table.row('rc');
    assert.deepEqual([row['Desired'], row['Current'], row['Ready'], row['Containers'], row['Images'], row['Selector']], [3, 0, 0, 'web', 'nginx', 'app=web']);
  });
});

/** GET and LIST over HTTP: encodings, Table output, selectors, paging and list option validation. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { decodeEnvelope } from '../../../runtime/machinery/protobuf/envelope.js';
import { hpaBody, request, startHarness, TABLE_ACCEPT, widgetBody, WIDGETS, type Harness } from './support.js';

type Obj = Record<string, unknown>;

describe('GET and LIST', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
    for (const [ns, name, color] of [['a', 'w1', 'red'], ['a', 'w2', 'blue'], ['b', 'w3', 'red']]) {
      const res = await request(`${h.url}${WIDGETS}/namespaces/${ns}/widgets`, 'POST', widgetBody(name, { metadata: { labels: { app: name === 'w2' ? 'db' : 'web' } }, spec: { color } }));
      assert.equal(res.status, 201, res.text);
    }
    assert.equal((await request(`${h.url}/apis/autoscaling/v2/namespaces/a/horizontalpodautoscalers`, 'POST', hpaBody('h1'))).status, 201);
  });
  after(() => h.stop());

  it('gets an object as JSON with kind and apiVersion', async () => {
    const res = await request(`${h.url}${WIDGETS}/namespaces/a/widgets/w1`, 'GET');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/json');
    const body = res.json();
    assert.equal(body['kind'], 'Widget');
    assert.equal(body['apiVersion'], 'example.kapi.dev/v1');
    assert.equal((body['metadata'] as Obj)['name'], 'w1');
  });

  it('answers a missing object with a NotFound Status', async () => {
    const res = await request(`${h.url}/apis/autoscaling/v2/namespaces/a/horizontalpodautoscalers/nope`, 'GET');
    assert.equal(res.status, 404);
    assert.deepEqual(res.json(), {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'horizontalpodautoscalers.autoscaling "nope" not found',
      reason: 'NotFound',
      details: { name: 'nope', group: 'autoscaling', kind: 'horizontalpodautoscalers' },
      code: 404,
    });
  });

  it('serves one stored object in every version of the group', async () => {
    const v1 = (await request(`${h.url}/apis/autoscaling/v1/namespaces/a/horizontalpodautoscalers/h1`, 'GET')).json();
    assert.equal(v1['apiVersion'], 'autoscaling/v1');
    assert.equal((v1['spec'] as Obj)['targetCPUUtilizationPercentage'], 80);
  });

  it('answers in YAML and protobuf when asked', async () => {
    const yaml = await request(`${h.url}/apis/autoscaling/v2/namespaces/a/horizontalpodautoscalers/h1`, 'GET', undefined, { Accept: 'application/yaml' });
    assert.equal(yaml.headers.get('content-type'), 'application/yaml');
    assert.equal((parseYaml(yaml.text) as Obj)['kind'], 'HorizontalPodAutoscaler');
    const res = await fetch(`${h.url}/apis/autoscaling/v2/namespaces/a/horizontalpodautoscalers/h1`, { headers: { Accept: 'application/vnd.kubernetes.protobuf,application/json' } });
    assert.equal(res.headers.get('content-type'), 'application/vnd.kubernetes.protobuf');
    const envelope = decodeEnvelope(new Uint8Array(await res.arrayBuffer()));
    assert.equal(envelope.kind, 'HorizontalPodAutoscaler');
    assert.equal(envelope.apiVersion, 'autoscaling/v2');
  });

  it('lists items without kind and apiVersion, with the list resourceVersion', async () => {
    const res = await request(`${h.url}${WIDGETS}/namespaces/a/widgets`, 'GET');
    const body = res.json();
    assert.equal(body['kind'], 'WidgetList');
    assert.match(String((body['metadata'] as Obj)['resourceVersion']), /^\d+$/);
    const items = body['items'] as Obj[];
    assert.deepEqual(items.map((i) => (i['metadata'] as Obj)['name']), ['w1', 'w2']);
    assert.equal(items[0]['kind'], undefined);
  });

  it('lists every namespace at the collection path, and filters by labels and fields', async () => {
    const all = (await request(`${h.url}${WIDGETS}/widgets`, 'GET')).json();
    assert.equal((all['items'] as Obj[]).length, 3);
    const web = (await request(`${h.url}${WIDGETS}/widgets?labelSelector=${encodeURIComponent('app=web')}`, 'GET')).json();
    assert.deepEqual((web['items'] as Obj[]).map((i) => (i['metadata'] as Obj)['name']), ['w1', 'w3']);
    const red = (await request(`${h.url}${WIDGETS}/widgets?fieldSelector=${encodeURIComponent('spec.color=red,metadata.namespace=b')}`, 'GET')).json();
    assert.deepEqual((red['items'] as Obj[]).map((i) => (i['metadata'] as Obj)['name']), ['w3']);
  });

  it('refuses field labels the resource does not have', async () => {
    const res = await request(`${h.url}${WIDGETS}/widgets?fieldSelector=spec.size%3D1`, 'GET');
    assert.equal(res.status, 400);
    assert.equal(res.json()['message'], 'field label not supported: spec.size');
  });

  it('answers a malformed selector with 400 and the parser\'s message', async () => {
    const res = await request(`${h.url}${WIDGETS}/widgets?labelSelector=${encodeURIComponent('app in (')}`, 'GET');
    assert.equal(res.status, 400);
    assert.equal(res.json()['reason'], 'BadRequest');
    assert.match(String(res.json()['message']), /unable to parse requirement|expected/);
  });

  it('validates list options as upstream does', async () => {
    const res = await request(`${h.url}${WIDGETS}/widgets?resourceVersionMatch=Exact`, 'GET');
    assert.equal(res.status, 422);
    assert.equal(res.json()['message'], 'ListOptions.meta.k8s.io "" is invalid: resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided');
    const bad = await request(`${h.url}${WIDGETS}/widgets?limit=x`, 'GET');
    assert.equal(bad.status, 400);
  });

  it('pages with limit and continue', async () => {
    const first = (await request(`${h.url}${WIDGETS}/widgets?limit=2`, 'GET')).json();
    const token = (first['metadata'] as Obj)['continue'] as string;
    assert.ok(token);
    const second = (await request(`${h.url}${WIDGETS}/widgets?limit=2&continue=${encodeURIComponent(token)}`, 'GET')).json();
    assert.deepEqual((second['items'] as Obj[]).map((i) => (i['metadata'] as Obj)['name']), ['w3']);
  });

  it('answers a Table with NAME, printer columns and AGE, and row objects as metadata', async () => {
    const res = await request(`${h.url}${WIDGETS}/namespaces/a/widgets`, 'GET', undefined, { Accept: TABLE_ACCEPT });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/json;as=Table;v=v1;g=meta.k8s.io');
    const table = res.json();
    assert.equal(table['kind'], 'Table');
    assert.equal(table['apiVersion'], 'meta.k8s.io/v1');
    assert.deepEqual((table['columnDefinitions'] as Obj[]).map((c) => c['name']), ['Name', 'Replicas', 'Age']);
    const rows = table['rows'] as Obj[];
    assert.equal(rows.length, 2);
    assert.deepEqual((rows[0]['cells'] as unknown[]).slice(0, 2), ['w1', 1]);
    assert.match(String((rows[0]['cells'] as unknown[])[2]), /^\d+s$/);
    const object = rows[0]['object'] as Obj;
    assert.equal(object['kind'], 'PartialObjectMetadata');
    assert.equal((object['metadata'] as Obj)['namespace'], 'a');
  });

  it('honours includeObject', async () => {
    const none = (await request(`${h.url}${WIDGETS}/namespaces/a/widgets/w1?includeObject=None`, 'GET', undefined, { Accept: TABLE_ACCEPT })).json();
    assert.equal((none['rows'] as Obj[])[0]['object'], undefined);
    const full = (await request(`${h.url}${WIDGETS}/namespaces/a/widgets/w1?includeObject=Object`, 'GET', undefined, { Accept: TABLE_ACCEPT })).json();
    assert.equal(((full['rows'] as Obj[])[0]['object'] as Obj)['kind'], 'Widget');
    const bad = await request(`${h.url}${WIDGETS}/namespaces/a/widgets/w1?includeObject=All`, 'GET', undefined, { Accept: TABLE_ACCEPT });
    assert.equal(bad.status, 400);
  });

  it('answers PartialObjectMetadataList', async () => {
    const res = await request(`${h.url}${WIDGETS}/namespaces/a/widgets`, 'GET', undefined, { Accept: 'application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io' });
    const body = res.json();
    assert.equal(body['kind'], 'PartialObjectMetadataList');
    assert.equal((body['items'] as Obj[]).length, 2);
  });

  it('gets the scale subresource as an autoscaling/v1 Scale', async () => {
    const res = await request(`${h.url}${WIDGETS}/namespaces/a/widgets/w1/scale`, 'GET');
    const body = res.json();
    assert.equal(body['kind'], 'Scale');
    assert.equal(body['apiVersion'], 'autoscaling/v1');
    assert.deepEqual(body['spec'], { replicas: 1 });
  });
});

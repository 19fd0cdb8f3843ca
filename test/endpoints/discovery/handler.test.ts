/** Discovery over HTTP with the Accept headers each kubectl version sends. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { installAll } from '../../../generated/install.generated.js';
import { schemeDiscoverySource, StaticDiscoverySource, unionDiscoverySource } from '../../../runtime/endpoints/discovery/source.js';
import { Scheme } from '../../../runtime/machinery/scheme.js';
import { get, startServer, testConfig, type Running } from '../../server/helpers.js';

const AGG_V2 = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';
const AGG_V2BETA1 = 'application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList';
const KUBECTL_127 = `${AGG_V2BETA1},application/json`;
const KUBECTL_133 = `${AGG_V2},${AGG_V2BETA1},application/json`;

describe('discovery handler', () => {
  let running: Running;
  const crds = new StaticDiscoverySource();
  before(async () => {
    const scheme = new Scheme();
    installAll(scheme);
    const server = testConfig().complete().new('kapi');
    server.installDiscovery(unionDiscoverySource([schemeDiscoverySource(scheme), crds]));
    running = await startServer(server);
  });
  after(() => running.stop());

  it('kubectl 1.33 gets aggregated v2', async () => {
    const res = await get(`${running.url}/apis?timeout=32s`, { Accept: KUBECTL_133 });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), AGG_V2);
    assert.equal(res.headers.get('vary'), 'Accept');
    const body = JSON.parse(res.text);
    assert.equal(body.kind, 'APIGroupDiscoveryList');
    assert.equal(body.apiVersion, 'apidiscovery.k8s.io/v2');
    const autoscaling = body.items.find((i: { metadata: { name: string } }) => i.metadata.name === 'autoscaling');
    assert.deepEqual(autoscaling.metadata, { name: 'autoscaling', creationTimestamp: null });
    assert.deepEqual(autoscaling.versions.map((v: { version: string }) => v.version), ['v2', 'v1', 'v2beta2', 'v2beta1']);
  });
  it('kubectl 1.27 gets aggregated v2beta1 only', async () => {
    const res = await get(`${running.url}/api`, { Accept: KUBECTL_127 });
    assert.equal(res.headers.get('content-type'), AGG_V2BETA1);
    assert.equal(JSON.parse(res.text).apiVersion, 'apidiscovery.k8s.io/v2beta1');
  });
  it('answers 304 to a matching ETag', async () => {
    const first = await get(`${running.url}/apis`, { Accept: KUBECTL_133 });
    const etag = first.headers.get('etag')!;
    const again = await fetch(`${running.url}/apis`, { headers: { Accept: KUBECTL_133, 'If-None-Match': etag } });
    assert.equal(again.status, 304);
  });
  it('legacy clients get APIGroupList and APIVersions as application/json', async () => {
    const apis = await get(`${running.url}/apis`, { Accept: 'application/json, */*' });
    assert.equal(apis.headers.get('content-type'), 'application/json');
    assert.equal(JSON.parse(apis.text).kind, 'APIGroupList');
    const api = await get(`${running.url}/api`);
    const body = JSON.parse(api.text);
    assert.equal(body.kind, 'APIVersions');
    assert.match(body.serverAddressByClientCIDRs[0].serverAddress, /^127\.0\.0\.1:\d+$/);
  });
  it('serves APIGroup and APIResourceList', async () => {
    assert.equal(JSON.parse((await get(`${running.url}/apis/autoscaling`)).text).preferredVersion.version, 'v2');
    const list = JSON.parse((await get(`${running.url}/apis/autoscaling/v1`, { Accept: 'application/json, */*' })).text);
    assert.equal(list.groupVersion, 'autoscaling/v1');
    assert.deepEqual(
      list.resources.map((r: { name: string }) => r.name),
      ['horizontalpodautoscalers', 'horizontalpodautoscalers/status'],
    );
  });
  it('lists its paths at /', async () => {
    const paths: string[] = JSON.parse((await get(`${running.url}/`)).text).paths;
    for (const p of ['/api', '/apis', '/apis/autoscaling', '/apis/autoscaling/v2', '/healthz', '/readyz', '/version', '/metrics']) assert.ok(paths.includes(p), p);
  });
  it('404 for groups and versions it does not serve', async () => {
    assert.equal((await get(`${running.url}/apis/nope`)).status, 404);
    assert.equal((await get(`${running.url}/apis/autoscaling/v9`)).status, 404);
  });
  it('sees groups added at runtime', async () => {
    crds.setGroup({
      name: 'example.com',
      versions: [{ version: 'v1', resources: [{ name: 'widgets', singularName: 'widget', kind: 'Widget', namespaced: true, verbs: ['get'], shortNames: [], categories: [], subresources: [] }] }],
    });
    const body = JSON.parse((await get(`${running.url}/apis`, { Accept: KUBECTL_133 })).text);
    const names = body.items.map((i: { metadata: { name: string } }) => i.metadata.name);
    assert.ok(names.includes('autoscaling'));
    assert.equal(names.at(-1), 'example.com', 'a group without a built-in priority comes last');
    assert.equal((await get(`${running.url}/apis/example.com/v1`)).status, 200);
  });
});

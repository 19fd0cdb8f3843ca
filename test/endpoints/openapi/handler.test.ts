/** /openapi/v2 and /openapi/v3 over HTTP with the Accept headers kubectl sends. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { gnosticDocumentType } from '../../../runtime/endpoints/openapi/gnostic.js';
import { get, startServer, testConfig, type Running } from '../../server/helpers.js';
import { autoscalingSource } from './fixtures.js';

describe('openapi handler', () => {
  let running: Running;
  before(async () => {
    const server = testConfig().complete().new('kapi');
    server.installOpenAPI(autoscalingSource().openapi);
    running = await startServer(server);
  });
  after(() => running.stop());

  it('serves v2 as gnostic protobuf to kubectl 1.27 (the @ spelling) with a dotted Content-Type', async () => {
    const res = await fetch(`${running.url}/openapi/v2?timeout=32s`, { headers: { Accept: 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf' } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf');
    const doc = gnosticDocumentType().decode(new Uint8Array(await res.arrayBuffer())) as unknown as { swagger: string };
    assert.equal(doc.swagger, '2.0');
    const etag = res.headers.get('etag')!;
    const again = await fetch(`${running.url}/openapi/v2`, { headers: { Accept: 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf', 'If-None-Match': etag } });
    assert.equal(again.status, 304);
  });
  it('serves v2 as JSON by default', async () => {
    const res = await get(`${running.url}/openapi/v2`);
    assert.equal(res.headers.get('content-type'), 'application/json');
    assert.equal(JSON.parse(res.text).swagger, '2.0');
    assert.equal((await get(`${running.url}/openapi/v2`, { Accept: 'text/html' })).status, 406);
  });
  it('serves the v3 index and documents by hash', async () => {
    const index = JSON.parse((await get(`${running.url}/openapi/v3`, { Accept: 'application/json, */*' })).text);
    assert.deepEqual(Object.keys(index.paths), ['apis/autoscaling/v1', 'apis/autoscaling/v2', 'apis/autoscaling/v2beta1', 'apis/autoscaling/v2beta2']);
    const url: string = index.paths['apis/autoscaling/v2'].serverRelativeURL;
    assert.match(url, /^\/openapi\/v3\/apis\/autoscaling\/v2\?hash=[0-9A-F]{128}$/);
    const res = await get(`${running.url}${url}&timeout=32s`, { Accept: 'application/json' });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'public, immutable');
    assert.equal(JSON.parse(res.text).openapi, '3.0.0');
    const stale = await fetch(`${running.url}/openapi/v3/apis/autoscaling/v2?hash=ABC`, { redirect: 'manual' });
    assert.equal(stale.status, 301);
    assert.equal(stale.headers.get('location'), url);
    assert.equal((await get(`${running.url}/openapi/v3/apis/nope/v1`)).status, 404);
  });
});

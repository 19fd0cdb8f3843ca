/**
 * The sample aggregated server on its own, over TLS, as the aggregator reaches it: requests with
 * a front-proxy client certificate and X-Remote-* identity headers, on SQLite in a fresh data
 * dir. Discovery, flunders in both versions (the conversion on the wire), fischers, the BanFlunder
 * rule, validation naming the field, and who is refused; on SQLite and on a real etcd.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { completeSampleOptions, sampleOptionsFrom } from '../../examples/sample-apiserver/options.js';
import { createSampleServer, type SampleServer } from '../../examples/sample-apiserver/server.js';
import type { PreparedGenericAPIServer } from '../../runtime/server/server.js';
import { silentLogger } from '../../runtime/server/logging.js';
import { findEtcd, startEtcd, type EtcdServer } from '../storage/support/etcd.js';
import { createAuthority } from './support/certs.js';
import { call, type Reply } from './support/https.js';

const frontProxyCA = createAuthority('front-proxy-ca');
const proxyClient = frontProxyCA.issue({ commonName: 'front-proxy-client' });
const BASE = '/apis/wardle.example.com';

const BACKENDS = findEtcd() ? ['sqlite', 'etcd'] : ['sqlite'];

for (const backend of BACKENDS) describe(`sample-apiserver standalone (${backend})`, () => {
  let dir: string;
  let sample: SampleServer;
  let prepared: PreparedGenericAPIServer;
  let port: number;
  let etcd: EtcdServer | undefined;

  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'sample-apiserver-'));
    const caFile = path.join(dir, 'front-proxy-ca.crt');
    writeFileSync(caFile, frontProxyCA.cert);
    if (backend === 'etcd') etcd = await startEtcd(findEtcd()!);
    const options = sampleOptionsFrom({
      securePort: 0,
      bindAddress: '127.0.0.1',
      dataDir: path.join(dir, 'data'),
      requestheaderClientCaFile: caFile,
      requestheaderAllowedNames: ['front-proxy-client'],
      etcdServers: etcd ? [etcd.endpoint] : [],
    });
    sample = await createSampleServer(completeSampleOptions(options), silentLogger());
    prepared = sample.server.prepareRun();
    port = (await prepared.start()).port;
  });
  after(async () => {
    await prepared?.shutdown();
    await sample?.close();
    await etcd?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A request as the aggregator proxies it for `user`. */
  const proxied = (method: string, urlPath: string, body?: unknown, user = 'jane', groups = ['dev']): Promise<Reply> =>
    call(method, urlPath, { port, ca: sample.servingCA, cert: proxyClient.cert, key: proxyClient.key, body, headers: { 'X-Remote-User': user, 'X-Remote-Group': groups } });

  it('serves discovery of both versions, v1beta1 preferred, fischers only in v1alpha1', async () => {
    const group = await proxied('GET', BASE);
    assert.equal(group.status, 200);
    assert.deepEqual((group.json!['preferredVersion'] as { version: string }).version, 'v1beta1');
    const v1alpha1 = await proxied('GET', `${BASE}/v1alpha1`);
    const resources = (v1alpha1.json!['resources'] as { name: string; namespaced: boolean; kind: string }[]).map((r) => [r.name, r.namespaced, r.kind]);
    assert.deepEqual(resources, [
      ['fischers', false, 'Fischer'],
      ['flunders', true, 'Flunder'],
    ]);
    const v1beta1 = await proxied('GET', `${BASE}/v1beta1`);
    assert.deepEqual((v1beta1.json!['resources'] as { name: string }[]).map((r) => r.name), ['flunders']);
  });

  it('creates a flunder in v1alpha1, defaulting its reference type, and reads it in v1beta1', async () => {
    const created = await proxied('POST', `${BASE}/v1alpha1/namespaces/default/flunders`, { apiVersion: 'wardle.example.com/v1alpha1', kind: 'Flunder', metadata: { name: 'one' }, spec: { reference: 'two' } });
    assert.equal(created.status, 201, created.text);
    assert.deepEqual(created.json!['spec'], { reference: 'two', referenceType: 'Flunder' });
    const beta = await proxied('GET', `${BASE}/v1beta1/namespaces/default/flunders/one`);
    assert.equal(beta.status, 200);
    assert.equal(beta.json!['apiVersion'], 'wardle.example.com/v1beta1');
    assert.deepEqual(beta.json!['spec'], { flunderReference: 'two', referenceType: 'Flunder' });
    const list = await proxied('GET', `${BASE}/v1alpha1/flunders`);
    assert.equal(list.json!['kind'], 'FlunderList');
    assert.deepEqual((list.json!['items'] as { metadata: { name: string } }[]).map((i) => i.metadata.name), ['one']);
  });

  it('prints flunders with the default table, Name and Created At', async () => {
    const reply = await call('GET', `${BASE}/v1alpha1/namespaces/default/flunders`, {
      port,
      ca: sample.servingCA,
      cert: proxyClient.cert,
      key: proxyClient.key,
      headers: { 'X-Remote-User': 'jane', Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' },
    });
    assert.equal(reply.status, 200, reply.text);
    assert.deepEqual((reply.json!['columnDefinitions'] as { name: string }[]).map((c) => c.name), ['Name', 'Created At']);
    const cells = (reply.json!['rows'] as { cells: string[] }[])[0]!.cells;
    assert.equal(cells[0], 'one');
    assert.match(cells[1]!, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('refuses a v1beta1 flunder whose reference disagrees with its type, naming the field', async () => {
    const bad = await proxied('POST', `${BASE}/v1beta1/namespaces/default/flunders`, { apiVersion: 'wardle.example.com/v1beta1', kind: 'Flunder', metadata: { name: 'bad' }, spec: { fischerReference: 'x', referenceType: 'Flunder' } });
    assert.equal(bad.status, 422, bad.text);
    assert.equal(bad.json!['reason'], 'Invalid');
    assert.match(String(bad.json!['message']), /spec\.fischerReference: Invalid value: "x": cannot be set if referenceType is not Fischer/);
  });

  it('bans flunder names a fischer disallows (BanFlunder)', async () => {
    const fischer = await proxied('POST', `${BASE}/v1alpha1/fischers`, { apiVersion: 'wardle.example.com/v1alpha1', kind: 'Fischer', metadata: { name: 'strict' }, disallowedFlunders: ['forbidden-name'] });
    assert.equal(fischer.status, 201, fischer.text);
    const banned = await proxied('POST', `${BASE}/v1alpha1/namespaces/default/flunders`, { apiVersion: 'wardle.example.com/v1alpha1', kind: 'Flunder', metadata: { name: 'forbidden-name' } });
    assert.equal(banned.status, 403, banned.text);
    assert.equal(banned.json!['message'], 'flunders.wardle.example.com "forbidden-name" is forbidden: this name may not be used, please change the resource name');
  });

  it('deletes a flunder', async () => {
    const deleted = await proxied('DELETE', `${BASE}/v1alpha1/namespaces/default/flunders/one`);
    assert.equal(deleted.status, 200, deleted.text);
    const gone = await proxied('GET', `${BASE}/v1alpha1/namespaces/default/flunders/one`);
    assert.equal(gone.status, 404);
    assert.equal(gone.json!['reason'], 'NotFound');
  });

  it('refuses identity headers without a front-proxy certificate, and lets anonymous read only health', async () => {
    const other = createAuthority('other-ca').issue({ commonName: 'front-proxy-client' });
    const forged = await call('GET', `${BASE}/v1alpha1/fischers`, { port, ca: sample.servingCA, cert: other.cert, key: other.key, headers: { 'X-Remote-User': 'mallory', 'X-Remote-Group': 'system:masters' } });
    assert.equal(forged.status, 403, forged.text);
    assert.match(String(forged.json!['message']), /User "system:anonymous" cannot list resource "fischers"/);
    const healthz = await call('GET', '/healthz', { port, ca: sample.servingCA });
    assert.equal(healthz.status, 200);
    assert.equal(healthz.text, 'ok');
  });
});

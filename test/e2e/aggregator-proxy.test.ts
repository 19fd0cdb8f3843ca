/**
 * End to end: an APIService for `v1alpha1.wardle.example.com` backed by a small HTTPS server on
 * loopback behind a Service and Endpoints, through `kapi serve` on SQLite and on etcd: the
 * availability transitions (ServiceNotFound → EndpointsNotFound → Passed → FailedDiscoveryCheck
 * when the server stops → Passed again), proxying with the front-proxy certificate and the
 * caller's identity (caller-supplied X-Remote-* and credentials stripped), a watch streamed
 * through the proxy, 503 while the server is down as the built-in APIs keep serving, discovery
 * and OpenAPI of the aggregated group, and kubectl 1.27 and 1.33 reading all of it.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { GROUP, startAggregatedServer, VERSION, type AggregatedServer } from '../apiservers/aggregator/support/aggregated-server.js';
import { backends, kubectlVersions, ok, startKapi, type Kapi } from './support/kapi.js';

const VERSIONS = kubectlVersions();
const NAMESPACE = 'wardle';
const SERVICE = 'api';
const APISERVICE = `${VERSION}.${GROUP}`;
const BASE = `/apis/${GROUP}/${VERSION}`;

interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}

async function until<T>(what: string, ms: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + ms;
  let last: T | undefined;
  for (;;) {
    last = await probe();
    if (last !== undefined) return last;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function available(kapi: Kapi): Promise<Condition | undefined> {
  const response = await kapi.request(`/apis/apiregistration.k8s.io/v1/apiservices/${APISERVICE}`);
  const conditions = (response.json as { status?: { conditions?: Condition[] } } | undefined)?.status?.conditions ?? [];
  return conditions.find((c) => c.type === 'Available');
}

/** Waits until the APIService's Available condition has `reason`; returns it. */
function availableWith(kapi: Kapi, reason: string, ms = 20_000): Promise<Condition> {
  return until(`Available reason ${reason}`, ms, async () => {
    const condition = await available(kapi);
    return condition?.reason === reason ? condition : undefined;
  });
}

async function post(kapi: Kapi, path: string, body: unknown): Promise<void> {
  const response = await kapi.request(path, { method: 'POST', body: JSON.stringify(body), contentType: 'application/json' });
  assert.ok(response.status === 201 || response.status === 200, `POST ${path}: ${response.status} ${response.body}`);
}

async function patch(kapi: Kapi, path: string, body: unknown): Promise<void> {
  const response = await kapi.request(path, { method: 'PATCH', body: JSON.stringify(body), contentType: 'application/merge-patch+json' });
  assert.equal(response.status, 200, `PATCH ${path}: ${response.body}`);
}

/** A watch request read as it streams: the lines so far, and a way to end it. */
function openWatch(kapi: Kapi, path: string): { lines: () => string[]; status: Promise<number>; ended: Promise<void>; close: () => void } {
  let text = '';
  let resolveEnded: () => void = () => {};
  const ended = new Promise<void>((resolve) => (resolveEnded = resolve));
  let resolveStatus: (code: number) => void = () => {};
  const status = new Promise<number>((resolve) => (resolveStatus = resolve));
  const req = https.request(`${kapi.url}${path}`, { ca: kapi.tls.ca, cert: kapi.tls.cert, key: kapi.tls.key, headers: { Accept: 'application/json' } }, (res) => {
    resolveStatus(res.statusCode ?? 0);
    res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    res.on('error', () => resolveEnded());
    res.on('end', () => resolveEnded());
    res.on('close', () => resolveEnded());
  });
  req.on('error', () => {
    resolveStatus(0);
    resolveEnded();
  });
  req.end();
  return { lines: () => text.split('\n').filter((l) => l !== ''), status, ended, close: () => req.destroy() };
}

for (const backend of backends()) {
  describe(`aggregated APIs through the proxy (${backend})`, () => {
    let kapi: Kapi;
    let server: AggregatedServer;
    /** A proxied watch left open for the server's shutdown to end. */
    let openAtShutdown: ReturnType<typeof openWatch> | undefined;

    before(async () => {
      kapi = await startKapi({ backend });
      const frontProxyCA = readFileSync(path.join(kapi.dataDir, 'pki', 'front-proxy-ca.crt'), 'utf8');
      server = await startAggregatedServer({ service: SERVICE, namespace: NAMESPACE, frontProxyCA });
    });
    after(async () => {
      const code = await kapi.stop();
      await server?.stop();
      assert.equal(code, 0, `the server did not stop cleanly:\n${kapi.log()}`);
      if (openAtShutdown) {
        const ended = await Promise.race([openAtShutdown.ended.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 5000))]);
        assert.ok(ended, 'the proxied watch ended with the server');
      }
    });

    it('reports ServiceNotFound, ServicePortError, EndpointsNotFound, MissingEndpoints, then Passed as the Service and Endpoints are fixed', async () => {
      await post(kapi, '/api/v1/namespaces', { metadata: { name: NAMESPACE } });
      await post(kapi, '/apis/apiregistration.k8s.io/v1/apiservices', {
        apiVersion: 'apiregistration.k8s.io/v1',
        kind: 'APIService',
        metadata: { name: APISERVICE },
        spec: { group: GROUP, version: VERSION, groupPriorityMinimum: 2000, versionPriority: 200, caBundle: server.ca.caBundle, service: { namespace: NAMESPACE, name: SERVICE, port: 443 } },
      });
      const missing = await availableWith(kapi, 'ServiceNotFound');
      assert.deepEqual({ status: missing.status, message: missing.message }, { status: 'False', message: `service/${SERVICE} in "${NAMESPACE}" is not present` });
      // not available yet: the group answers 503 as upstream does
      const early = await kapi.request(`${BASE}/namespaces/default/flunders`);
      assert.equal(early.status, 503);
      assert.deepEqual(early.json, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'service unavailable', reason: 'ServiceUnavailable', code: 503 });

      await post(kapi, `/api/v1/namespaces/${NAMESPACE}/services`, { metadata: { name: SERVICE }, spec: { ports: [{ name: 'https', port: 8443, targetPort: server.port }] } });
      const wrongPort = await availableWith(kapi, 'ServicePortError');
      assert.equal(wrongPort.message, `service/${SERVICE} in "${NAMESPACE}" is not listening on port 443`);

      await patch(kapi, `/api/v1/namespaces/${NAMESPACE}/services/${SERVICE}`, { spec: { ports: [{ name: 'https', port: 443, targetPort: server.port }] } });
      const noEndpoints = await availableWith(kapi, 'EndpointsNotFound');
      assert.equal(noEndpoints.message, `cannot find endpoints for service/${SERVICE} in "${NAMESPACE}"`);

      await post(kapi, `/api/v1/namespaces/${NAMESPACE}/endpoints`, {
        metadata: { name: SERVICE },
        subsets: [{ addresses: [{ ip: '127.0.0.1' }], ports: [{ name: 'other', port: server.port }] }],
      });
      const noAddresses = await availableWith(kapi, 'MissingEndpoints');
      assert.equal(noAddresses.message, `endpoints for service/${SERVICE} in "${NAMESPACE}" have no addresses with port name "https"`);

      await patch(kapi, `/api/v1/namespaces/${NAMESPACE}/endpoints/${SERVICE}`, { subsets: [{ addresses: [{ ip: '127.0.0.1' }], ports: [{ name: 'https', port: server.port }] }] });
      const passed = await availableWith(kapi, 'Passed');
      assert.deepEqual({ status: passed.status, message: passed.message }, { status: 'True', message: 'all checks passed' });
    });

    it('proxies as the front proxy with the caller’s identity, and drops what the caller claims itself', async () => {
      const before = server.requests.length;
      const response = await kapi.request(`${BASE}/namespaces/default/flunders`, {
        headers: {
          'Impersonate-User': 'alice',
          'Impersonate-Uid': 'alice-uid',
          'Impersonate-Group': 'wardle-admins',
          'Impersonate-Extra-example.com%2Fscope': 'read',
          'X-Remote-User': 'mallory',
          'X-Remote-Group': 'system:masters',
          'X-Remote-Extra-Scope': 'everything',
        },
      });
      assert.equal(response.status, 200, response.body);
      assert.equal((response.json as { kind: string }).kind, 'FlunderList');
      const seen = server.requests.slice(before).find((r) => r.path === `${BASE}/namespaces/default/flunders`);
      assert.ok(seen, 'the aggregated server got the request');
      assert.equal(seen.clientCN, 'front-proxy-client');
      assert.deepEqual(server.headerValues(seen, 'X-Remote-User'), ['alice']);
      assert.deepEqual(server.headerValues(seen, 'X-Remote-Uid'), ['alice-uid']);
      assert.deepEqual(server.headerValues(seen, 'X-Remote-Group'), ['wardle-admins', 'system:authenticated']);
      assert.deepEqual(server.headerValues(seen, 'X-Remote-Extra-example.com%2Fscope'), ['read']);
      assert.deepEqual(server.headerValues(seen, 'X-Remote-Extra-Scope'), []);
      for (let i = 0; i < seen.rawHeaders.length; i += 2) {
        const name = seen.rawHeaders[i]!.toLowerCase();
        assert.ok(!name.startsWith('impersonate-') && name !== 'authorization', `${name} reached the aggregated server`);
      }
    });

    it('creates and reads through the proxy, and streams a watch event by event', async () => {
      await post(kapi, `${BASE}/namespaces/default/flunders`, { apiVersion: `${GROUP}/${VERSION}`, kind: 'Flunder', metadata: { name: 'first' } });
      const got = await kapi.request(`${BASE}/namespaces/default/flunders/first`);
      assert.equal((got.json as { metadata: { name: string } }).metadata.name, 'first');
      // requests one after another go over the connection the proxy keeps open
      const connections = server.connections();
      for (let i = 0; i < 10; i++) assert.equal((await kapi.request(`${BASE}/namespaces/default/flunders/first`)).status, 200);
      assert.ok(server.connections() - connections <= 1, `${server.connections() - connections} new connections for 10 requests`);
      // a watch with nothing to send yet is answered at once: the caller knows it is open
      const quiet = openWatch(kapi, `${BASE}/namespaces/quiet/flunders?watch=1`);
      try {
        assert.equal(await Promise.race([quiet.status, new Promise<number>((r) => setTimeout(() => r(-1), 5000))]), 200);
      } finally {
        quiet.close();
      }
      const watch = openWatch(kapi, `${BASE}/namespaces/default/flunders?watch=1`);
      try {
        assert.equal(await watch.status, 200);
        await until('the first event', 10_000, async () => (watch.lines().length >= 1 ? true : undefined));
        await post(kapi, `${BASE}/namespaces/default/flunders`, { apiVersion: `${GROUP}/${VERSION}`, kind: 'Flunder', metadata: { name: 'second' }, spec: { reference: 'first' } });
        await until('the second event while the stream stays open', 10_000, async () => (watch.lines().length >= 2 ? true : undefined));
        const events = watch.lines().map((l) => JSON.parse(l) as { type: string; object: { metadata: { name: string } } });
        assert.deepEqual(events.map((e) => `${e.type} ${e.object.metadata.name}`), ['ADDED first', 'ADDED second']);
      } finally {
        watch.close();
      }
    });

    it('ends a proxied request that outlives its deadline with 504 Timeout', async () => {
      const started = Date.now();
      const response = await kapi.request(`${BASE}/namespaces/default/flunders/hang?timeout=1s`);
      assert.equal(response.status, 504, response.body);
      assert.equal((response.json as { reason: string }).reason, 'Timeout');
      assert.ok(Date.now() - started < 10_000);
    });

    it('lists the aggregated group in discovery, legacy and aggregated, ordered by its priority, and merges its OpenAPI', async () => {
      const groups = (await kapi.request('/apis')).json as { groups: { name: string; preferredVersion: { version: string } }[] };
      const names = groups.groups.map((g) => g.name);
      assert.ok(names.includes(GROUP), names.join(','));
      // groupPriorityMinimum 2000 sorts it after every built-in group (≥ 15800) and before 1000
      assert.ok(names.indexOf(GROUP) > names.indexOf('storage.k8s.io'));
      const group = (await kapi.request(`/apis/${GROUP}`)).json as { preferredVersion: { version: string } };
      assert.equal(group.preferredVersion.version, VERSION);
      const aggregated = await kapi.request('/apis', { headers: { Accept: 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList' } });
      const items = (aggregated.json as { items: { metadata: { name: string }; versions: { version: string; freshness: string; resources: { resource: string }[] }[] }[] }).items;
      const wardle = items.find((i) => i.metadata.name === GROUP);
      assert.ok(wardle);
      assert.deepEqual(wardle.versions.map((v) => [v.version, v.freshness, v.resources.map((r) => r.resource)]), [[VERSION, 'Current', ['flunders']]]);
      const v2 = await until('the Flunder definition in /openapi/v2', 15_000, async () => {
        const doc = (await kapi.request('/openapi/v2')).json as { definitions: Record<string, unknown> };
        return doc.definitions[`com.example.wardle.${VERSION}.Flunder`];
      });
      assert.ok(v2);
    });

    for (const version of VERSIONS) {
      it(`kubectl ${version} gets apiservices and the aggregated resources`, async () => {
        const apiservices = ok(await kapi.kubectl(version, 'get', 'apiservices'));
        assert.match(apiservices, /^NAME\s+SERVICE\s+AVAILABLE\s+AGE$/m);
        assert.match(apiservices, new RegExp(`^${APISERVICE.replaceAll('.', '\\.')}\\s+${NAMESPACE}/${SERVICE}\\s+True\\s+`, 'm'));
        assert.match(apiservices, /^v1\.apps\s+Local\s+True\s+/m);
        const resources = ok(await kapi.kubectl(version, 'api-resources', `--api-group=${GROUP}`));
        assert.match(resources, new RegExp(`^flunders\\s+${GROUP.replaceAll('.', '\\.')}/${VERSION}\\s+true\\s+Flunder$`, 'm'));
        const flunders = ok(await kapi.kubectl(version, 'get', 'flunders', '-n', 'default'));
        assert.match(flunders, /^NAME\s+REFERENCE$/m);
        assert.match(flunders, /^second\s+first$/m);
        const one = JSON.parse(ok(await kapi.kubectl(version, 'get', `flunders.${GROUP}`, 'first', '-n', 'default', '-o', 'json'))) as { kind: string };
        assert.equal(one.kind, 'Flunder');
      });
    }

    if (VERSIONS.includes('1.33')) {
      it('kubectl explain reads the aggregated kind from the merged OpenAPI', async () => {
        const explained = ok(await kapi.kubectl('1.33', 'explain', 'flunders.spec'));
        assert.match(explained, /reference\s+<string>/);
      });
    }

    it('trusts the server by caBundle or insecureSkipTLSVerify, and refuses one it cannot verify with a 503', async () => {
      const apiservice = `/apis/apiregistration.k8s.io/v1/apiservices/${APISERVICE}`;
      const other = (await import('../apiservers/webhook/support/test-ca.js')).createTestCA('another-ca');
      await patch(kapi, apiservice, { spec: { caBundle: other.caBundle } });
      const refused = await until('a 503 for a server the caBundle does not vouch for', 10_000, async () => {
        const response = await kapi.request(`${BASE}/namespaces/default/flunders`);
        return response.status === 503 ? response : undefined;
      });
      assert.match((refused.json as { message: string }).message, /^error trying to reach service: /);
      // the probe does not verify the certificate, as upstream's: the APIService stays Available
      assert.equal((await available(kapi))?.status, 'True');

      await patch(kapi, apiservice, { spec: { caBundle: null, insecureSkipTLSVerify: true } });
      await until('served again without verification', 10_000, async () => ((await kapi.request(`${BASE}/namespaces/default/flunders`)).status === 200 ? true : undefined));

      await patch(kapi, apiservice, { spec: { insecureSkipTLSVerify: null, caBundle: server.ca.caBundle } });
      await until('served with the right caBundle', 10_000, async () => ((await kapi.request(`${BASE}/namespaces/default/flunders`)).status === 200 ? true : undefined));
    });

    it('turns FailedDiscoveryCheck and 503 when the server stops, while the built-in APIs serve, and recovers', async () => {
      await server.stop();
      const failed = await availableWith(kapi, 'FailedDiscoveryCheck');
      assert.equal(failed.status, 'False');
      assert.match(failed.message ?? '', new RegExp(`^failing or missing response from https://127\\.0\\.0\\.1:${server.port}${BASE}: `));
      const proxied = await kapi.request(`${BASE}/namespaces/default/flunders`);
      assert.equal(proxied.status, 503);
      assert.equal((proxied.json as { message: string }).message, 'service unavailable');
      assert.equal((await kapi.request('/api/v1/namespaces/default')).status, 200);
      assert.equal((await kapi.request('/apis/apps/v1/namespaces/default/deployments')).status, 200);
      const aggregated = await kapi.request('/apis', { headers: { Accept: 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList' } });
      const wardle = (aggregated.json as { items: { metadata: { name: string }; versions: { freshness: string }[] }[] }).items.find((i) => i.metadata.name === GROUP);
      assert.equal(wardle?.versions[0]?.freshness, 'Stale');
      const metrics = (await kapi.request('/metrics', { headers: { Accept: 'text/plain' } })).body;
      assert.match(metrics, new RegExp(`^aggregator_unavailable_apiservice\\{name="${APISERVICE}"\\} 1$`, 'm'));
      assert.match(metrics, new RegExp(`^aggregator_unavailable_apiservice_total\\{name="${APISERVICE}",reason="FailedDiscoveryCheck"\\} 1$`, 'm'));
      assert.match(metrics, /^aggregator_unavailable_apiservice\{name="v1\.apps"\} 0$/m);
      for (const version of VERSIONS) {
        const table = ok(await kapi.kubectl(version, 'get', 'apiservices', APISERVICE));
        assert.match(table, new RegExp(`${NAMESPACE}/${SERVICE}\\s+False \\(FailedDiscoveryCheck\\)`));
      }

      await server.start();
      await availableWith(kapi, 'Passed');
      openAtShutdown = openWatch(kapi, `${BASE}/namespaces/default/flunders?watch=1`);
      assert.equal(await openAtShutdown.status, 200);
      assert.match((await kapi.request('/metrics', { headers: { Accept: 'text/plain' } })).body, new RegExp(`^aggregator_unavailable_apiservice\\{name="${APISERVICE}"\\} 0$`, 'm'));
      assert.equal((await kapi.request(`${BASE}/namespaces/default/flunders`)).status, 200);
    });
  });
}

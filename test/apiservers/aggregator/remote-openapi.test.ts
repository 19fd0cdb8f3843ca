/** OpenAPI of an aggregated server merged in: its own definitions only, read again when stale, dropped with its APIService. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { APIService } from '../../../runtime/apiservers/aggregator/apiservice.js';
import type { APIServiceListener } from '../../../runtime/apiservers/aggregator/apiservice-cache.js';
import { RemoteOpenAPI } from '../../../runtime/apiservers/aggregator/remote-openapi.js';
import { AggregatorTransport } from '../../../runtime/apiservers/aggregator/transport.js';
import { ensurePki } from '../../../runtime/cmd/pki.js';
import { GROUP, startAggregatedServer, VERSION, type AggregatedServer } from './support/aggregated-server.js';

describe('RemoteOpenAPI', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kapi-remote-openapi-'));
  const pki = ensurePki(dir);
  let server: AggregatedServer;
  let transport: AggregatorTransport;
  let service: APIService;
  const listeners: APIServiceListener[] = [];
  const services = new Map<string, APIService>();
  const cache = { get: (name: string) => services.get(name), onChange: (listener: APIServiceListener) => listeners.push(listener) };

  before(async () => {
    server = await startAggregatedServer({ service: 'api', namespace: 'wardle', frontProxyCA: readFileSync(pki.frontProxyCA.cert, 'utf8') });
    transport = new AggregatorTransport({
      clientCert: readFileSync(pki.frontProxyClient.cert),
      clientKey: readFileSync(pki.frontProxyClient.key),
      requestHeaderCA: '',
      allowedNames: [],
      usernameHeaders: [],
      uidHeaders: [],
      groupHeaders: [],
      extraHeadersPrefixes: [],
    });
    service = {
      metadata: { name: `${VERSION}.${GROUP}` },
      spec: { group: GROUP, version: VERSION, groupPriorityMinimum: 2000, versionPriority: 200, caBundle: server.ca.caBundle, service: { namespace: 'wardle', name: 'api', port: 443 } },
    };
    services.set(service.metadata!.name!, service);
  });
  after(async () => {
    transport.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const resolver = { resolve: async () => ({ url: new URL(`https://127.0.0.1:${server.port}`), serverName: 'api.wardle.svc' }) };

  it('merges the aggregated server’s definitions and v3 schemas, not its copies of built-in ones', async () => {
    const openapi = new RemoteOpenAPI(cache, resolver, transport);
    const before = openapi.generation();
    await openapi.refresh(service);
    assert.notEqual(openapi.generation(), before);
    assert.deepEqual(Object.keys(openapi.definitions()), [`com.example.wardle.${VERSION}.Flunder`]);
    assert.deepEqual(Object.keys(openapi.schemas()), [`com.example.wardle.${VERSION}.Flunder`]);
    const flunder = openapi.schemas()[`com.example.wardle.${VERSION}.Flunder`] as { properties: { metadata: { $ref: string } } };
    assert.equal(flunder.properties.metadata.$ref, '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta');
  });

  it('reads again only when stale, and forgets an APIService that is removed', async () => {
    const openapi = new RemoteOpenAPI(cache, resolver, transport);
    await openapi.refresh(service);
    const reads = (): number => server.requests.filter((r) => r.path === '/openapi/v2').length;
    const count = reads();
    openapi.refreshIfStale(service, 60_000);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(reads(), count, 'fresh documents are not read again');
    openapi.refreshIfStale(service, 0);
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(reads(), count + 1);
    const generation = openapi.generation();
    services.delete(service.metadata!.name!);
    for (const listener of listeners) listener(service.metadata!.name!, undefined, service);
    assert.notEqual(openapi.generation(), generation);
    assert.deepEqual(openapi.definitions(), {});
    services.set(service.metadata!.name!, service);
  });
});

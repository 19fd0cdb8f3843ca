/** The Available condition each kind of APIService gets from a check, with upstream's reasons and messages. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { APIService } from '../../../runtime/apiservers/aggregator/apiservice.js';
import { AvailabilityController } from '../../../runtime/apiservers/aggregator/availability.js';
import type { FrontProxyConfig } from '../../../runtime/apiservers/aggregator/front-proxy.js';
import { RemoteDiscovery } from '../../../runtime/apiservers/aggregator/remote-discovery.js';
import { ServiceResolutionError, type ServiceResolver } from '../../../runtime/apiservers/webhook/service-resolver.js';
import { ensurePki } from '../../../runtime/cmd/pki.js';
import { GROUP, startAggregatedServer, VERSION, type AggregatedServer } from './support/aggregated-server.js';

describe('AvailabilityController.check', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kapi-availability-'));
  const pki = ensurePki(dir);
  const otherPki = ensurePki(path.join(dir, 'other'));
  let server: AggregatedServer;
  const controllers: AvailabilityController[] = [];

  before(async () => {
    server = await startAggregatedServer({ service: 'api', namespace: 'wardle', frontProxyCA: readFileSync(pki.frontProxyCA.cert, 'utf8') });
  });
  after(async () => {
    for (const controller of controllers) await controller.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const remote: APIService = {
    metadata: { name: `${VERSION}.${GROUP}` },
    spec: { group: GROUP, version: VERSION, groupPriorityMinimum: 2000, versionPriority: 200, service: { namespace: 'wardle', name: 'api', port: 443 } },
  };
  const services = [remote];
  const cache = { list: () => services, generation: 1, get: () => remote, onChange: () => {} };

  function controller(resolver: ServiceResolver, frontProxy: FrontProxyConfig = proxyWith(pki)): { check: AvailabilityController['check']; discovery: RemoteDiscovery } {
    const discovery = new RemoteDiscovery(cache);
    // check() never writes: no store is needed
    const made = new AvailabilityController({ store: undefined as never, cache, resolver, frontProxy, discovery, probeTimeoutMs: 2000 });
    controllers.push(made);
    return { check: (service) => made.check(service), discovery };
  }
  function proxyWith(files: ReturnType<typeof ensurePki>): FrontProxyConfig {
    return { clientCert: readFileSync(files.frontProxyClient.cert), clientKey: readFileSync(files.frontProxyClient.key), requestHeaderCA: '', allowedNames: [], usernameHeaders: [], uidHeaders: [], groupHeaders: [], extraHeadersPrefixes: [] };
  }
  const at = (port: number): ServiceResolver => ({ resolve: async () => ({ url: new URL(`https://127.0.0.1:${port}`), serverName: 'api.wardle.svc' }) });

  it('calls a local APIService available', async () => {
    const { check } = controller(at(server.port));
    const local: APIService = { metadata: { name: 'v1.apps' }, spec: { group: 'apps', version: 'v1', groupPriorityMinimum: 17800, versionPriority: 15 } };
    assert.deepEqual(await check(local), { type: 'Available', status: 'True', reason: 'Local', message: 'Local APIServices are always available' });
  });

  it('passes a server that answers its discovery document, and records the document', async () => {
    const { check, discovery } = controller(at(server.port));
    assert.deepEqual(await check(remote), { type: 'Available', status: 'True', reason: 'Passed', message: 'all checks passed' });
    assert.deepEqual(discovery.resourcesOf(remote.metadata!.name!)?.map((r) => r.name), ['flunders']);
  });

  it('reports the resolver’s reason and message', async () => {
    const { check } = controller({
      resolve: async () => {
        throw new ServiceResolutionError('MissingEndpoints', 'endpoints for service/api in "wardle" have no addresses with port name "https"');
      },
    });
    assert.deepEqual(await check(remote), { type: 'Available', status: 'False', reason: 'MissingEndpoints', message: 'endpoints for service/api in "wardle" have no addresses with port name "https"' });
  });

  it('reports ServiceAccessError, Unknown, when the lookup itself fails', async () => {
    const { check } = controller({
      resolve: async () => {
        throw new Error('storage did not answer');
      },
    });
    assert.deepEqual(await check(remote), { type: 'Available', status: 'Unknown', reason: 'ServiceAccessError', message: 'service/api in "wardle" cannot be checked due to: storage did not answer' });
  });

  it('fails the discovery check on a bad status, naming the URL and the code', async () => {
    // a front-proxy certificate the server does not trust: it answers 401
    const { check } = controller(at(server.port), proxyWith(otherPki));
    const condition = await check(remote);
    assert.equal(condition.reason, 'FailedDiscoveryCheck');
    assert.equal(condition.message, `failing or missing response from https://127.0.0.1:${server.port}/apis/${GROUP}/${VERSION}: bad status from https://127.0.0.1:${server.port}/apis/${GROUP}/${VERSION}: 401`);
  });

  it('fails the discovery check when nothing listens, and marks the discovery document stale', async () => {
    const { check, discovery } = controller(at(1));
    const condition = await check(remote);
    assert.equal(condition.status, 'False');
    assert.equal(condition.reason, 'FailedDiscoveryCheck');
    assert.match(condition.message ?? '', /^failing or missing response from https:\/\/127\.0\.0\.1:1\/apis\/wardle\.example\.com\/v1alpha1: .*ECONNREFUSED/);
    assert.equal(discovery.groups()[0]?.versions[0]?.freshness, 'Stale');
  });
});

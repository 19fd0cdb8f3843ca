/**
 * The endpoint ServiceResolver over the kube tier's real stores on SQLite: Services, Endpoints and
 * EndpointSlices as a user creates them, and the aggregator's reasons when one is missing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { installAll } from '../../../generated/install.generated.js';
import { buildKubeRegistry, type KubeRegistry } from '../../../runtime/apiservers/kube/index.js';
import { serviceResolverForStores } from '../../../runtime/apiservers/webhook/endpoint-resolver.js';
import { ServiceResolutionError, type ServiceResolver } from '../../../runtime/apiservers/webhook/service-resolver.js';
import { Scheme, type WireObject } from '../../../runtime/machinery/scheme.js';
import type { GroupVersionKind } from '../../../runtime/machinery/scheme-types.js';
import type { KObject } from '../../../runtime/registry/meta.js';
import type { RequestContext } from '../../../runtime/registry/rest.js';
import { openSqliteStorage, type SqliteStorage } from '../../../runtime/storage/sqlite/index.js';
import { tempDir } from '../../storage/support/temp-dir.js';

const ctx: RequestContext = { namespace: 'webhooks', warn: () => {} };

async function rejection(promise: Promise<unknown>): Promise<ServiceResolutionError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ServiceResolutionError, String(error));
    return error;
  }
  assert.fail('resolved');
}

describe('endpoint ServiceResolver', () => {
  let dir: { dir: string; remove: () => void };
  let storage: SqliteStorage;
  let registry: KubeRegistry;
  let resolver: ServiceResolver;
  const scheme = new Scheme();
  installAll(scheme);
  const kinds: Record<string, GroupVersionKind> = {
    '/services': { group: '', version: 'v1', kind: 'Service' },
    '/endpoints': { group: '', version: 'v1', kind: 'Endpoints' },
    'discovery.k8s.io/endpointslices': { group: 'discovery.k8s.io', version: 'v1', kind: 'EndpointSlice' },
  };
  /** Created as a request would create it: defaulted in its version, then stored. */
  const create = (key: string, object: KObject) => registry.stores.get(key)!.create(ctx, scheme.toInternal(object as WireObject, kinds[key]!) as KObject);
  before(async () => {
    dir = tempDir('resolver');
    storage = openSqliteStorage({ path: `${dir.dir}/kapi.db`, compactIntervalMs: 0 });
    registry = await buildKubeRegistry({ scheme, storage, controllers: false });
    await registry.stores.get('/namespaces')!.create({ namespace: '', warn: () => {} }, { metadata: { name: 'webhooks' } });
    resolver = serviceResolverForStores(registry.stores);
  });
  after(async () => {
    await registry.close();
    await storage.close();
    dir.remove();
  });

  const service = (name: string, ports: KObject[], extra: KObject = {}): KObject => ({ metadata: { name, namespace: 'webhooks' }, spec: { ports, ...extra } });

  it('reports a missing service as ServiceNotFound', async () => {
    const error = await rejection(resolver.resolve('webhooks', 'absent', 443));
    assert.equal(error.reason, 'ServiceNotFound');
    assert.equal(error.message, 'service/absent in "webhooks" is not present');
  });

  it('reports a port the service does not list as ServicePortError', async () => {
    await create('/services', service('ports', [{ name: 'https', port: 443, targetPort: 8443 }]));
    const error = await rejection(resolver.resolve('webhooks', 'ports', 8443));
    assert.equal(error.reason, 'ServicePortError');
    assert.equal(error.message, 'service/ports in "webhooks" is not listening on port 8443');
  });

  it('reports a service without endpoints as EndpointsNotFound', async () => {
    await create('/services', service('lonely', [{ name: 'https', port: 443 }]));
    const error = await rejection(resolver.resolve('webhooks', 'lonely', 443));
    assert.equal(error.reason, 'EndpointsNotFound');
    assert.equal(error.message, 'cannot find endpoints for service/lonely in "webhooks"');
  });

  it('reports endpoints without a ready address on the port name as MissingEndpoints', async () => {
    await create('/services', service('unready', [{ name: 'https', port: 443 }]));
    await create('/endpoints', {
      metadata: { name: 'unready', namespace: 'webhooks' },
      subsets: [
        { notReadyAddresses: [{ ip: '127.0.0.1' }], ports: [{ name: 'https', port: 9443 }] },
        { addresses: [{ ip: '127.0.0.2' }], ports: [{ name: 'metrics', port: 9090 }] },
      ],
    });
    const error = await rejection(resolver.resolve('webhooks', 'unready', 443));
    assert.equal(error.reason, 'MissingEndpoints');
    assert.equal(error.message, 'endpoints for service/unready in "webhooks" have no addresses with port name "https"');
  });

  it('maps the service port to the endpoint port of the same name and names the server <name>.<namespace>.svc', async () => {
    await create('/services', service('conv', [{ name: 'metrics', port: 80 }, { name: 'https', port: 443, targetPort: 'https' }]));
    await create('/endpoints', {
      metadata: { name: 'conv', namespace: 'webhooks' },
      subsets: [{ addresses: [{ ip: '127.0.0.1' }], ports: [{ name: 'metrics', port: 9090 }, { name: 'https', port: 9443 }] }],
    });
    const resolved = await resolver.resolve('webhooks', 'conv', 443);
    assert.equal(resolved.url.href, 'https://127.0.0.1:9443/');
    assert.equal(resolved.serverName, 'conv.webhooks.svc');
    assert.equal((await resolver.resolve('webhooks', 'conv', 80)).url.href, 'https://127.0.0.1:9090/');
  });

  it('matches an unnamed service port to an unnamed endpoint port', async () => {
    await create('/services', service('plain', [{ port: 443 }]));
    await create('/endpoints', { metadata: { name: 'plain', namespace: 'webhooks' }, subsets: [{ addresses: [{ ip: '::1' }], ports: [{ port: 8443 }] }] });
    assert.equal((await resolver.resolve('webhooks', 'plain', 443)).url.host, '[::1]:8443');
  });

  it('reads EndpointSlices labelled with the service name, skipping endpoints that are not ready', async () => {
    await create('/services', service('sliced', [{ name: 'https', port: 443 }]));
    await create('discovery.k8s.io/endpointslices', {
      metadata: { name: 'sliced-abc', namespace: 'webhooks', labels: { 'kubernetes.io/service-name': 'sliced' } },
      addressType: 'IPv4',
      ports: [{ name: 'https', port: 7443, protocol: 'TCP' }],
      endpoints: [{ addresses: ['127.0.0.9'], conditions: { ready: false } }, { addresses: ['127.0.0.1'], conditions: { ready: true } }],
    });
    for (let i = 0; i < 5; i++) assert.equal((await resolver.resolve('webhooks', 'sliced', 443)).url.host, '127.0.0.1:7443');
  });

  it('resolves an ExternalName service to its external name at the requested port', async () => {
    await create('/services', { metadata: { name: 'outside', namespace: 'webhooks' }, spec: { type: 'ExternalName', externalName: 'webhook.example.com' } });
    const resolved = await resolver.resolve('webhooks', 'outside', 8443);
    assert.equal(resolved.url.href, 'https://webhook.example.com:8443/');
    assert.equal(resolved.serverName, 'outside.webhooks.svc');
  });
});

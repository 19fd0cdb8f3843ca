/**
 * The AggregatorServer's dynamic part (k8s.io/kube-aggregator over kube-apiserver's
 * aggregator.go), driven by APIService objects:
 *
 *   apiservices Store ──informer──▶ APIServiceCache ──▶ proxy matcher on the head's mux
 *        ▲    ▲                          │                (/apis/<group>/<version>/… of remote APIServices)
 *        │    └── AvailabilityController ◀┘── probes: ServiceResolver + GET /apis/<g>/<v>
 *        │             │  Available condition        └─▶ RemoteDiscovery (discovery source)
 *        │             └─▶ RemoteOpenAPI (/openapi/v2, /openapi/v3 definitions)
 *        └── AutoRegistrationController ◀── what the tiers below serve (local APIServices)
 *
 * plus the `kube-system/extension-apiserver-authentication` ConfigMap aggregated servers read.
 * Everything starts in post-start hooks of the head, once the kube tier's stores exist.
 */
import type { Registry } from 'prom-client';
import type { DiscoverySource } from '../../endpoints/discovery/source.js';
import type { DynamicSchemaSource } from '../../endpoints/openapi/source.js';
import type { Store } from '../../registry/store.js';
import type { GenericAPIServer } from '../../server/server.js';
import type { ServiceResolver } from '../webhook/service-resolver.js';
import { APIServiceCache } from './apiservice-cache.js';
import { authenticationConfigMapData, publishAuthenticationConfigMap } from './authentication-configmap.js';
import { AutoRegistrationController } from './autoregister.js';
import { AvailabilityController } from './availability.js';
import type { FrontProxyConfig } from './front-proxy.js';
import { AvailabilityMetrics } from './metrics.js';
import { AggregatorProxy } from './proxy.js';
import { RemoteDiscovery } from './remote-discovery.js';
import { RemoteOpenAPI } from './remote-openapi.js';
import { AggregatorTransport } from './transport.js';

export { AUTOMANAGED_LABEL } from './apiservice.js';
export { AUTHENTICATION_CONFIGMAP_NAME, AUTHENTICATION_CONFIGMAP_NAMESPACE } from './authentication-configmap.js';
export { LOCAL_MESSAGE, LOCAL_REASON } from './availability.js';
export type { FrontProxyConfig } from './front-proxy.js';
export { SERVICE_UNAVAILABLE } from './proxy.js';

/** What the aggregator needs of the kube tier once its stores exist. */
export interface AggregatorStores {
  readonly apiServices: Store;
  readonly configMaps: Store;
  readonly resolver: ServiceResolver;
  /** Services, Endpoints and EndpointSlices, followed so availability changes with them at once. */
  readonly serviceStores?: readonly Store[];
}

export interface AggregatorOptions {
  /** The head of the chain: the proxy's routes and the post-start hooks go here. */
  readonly server: GenericAPIServer;
  /** Resolves once the kube tier's stores exist. */
  readonly stores: Promise<AggregatorStores>;
  readonly frontProxy: FrontProxyConfig;
  /** PEM of the CA client certificates are verified against (`client-ca-file` in the ConfigMap). */
  readonly clientCA: string;
  /** What the tiers below serve: the local APIServices. */
  readonly local: DiscoverySource;
  /** Whether a group is built in (its APIServices use kube-apiserver's priorities) rather than a CRD group. */
  readonly isBuiltinGroup: (group: string) => boolean;
  /** How often remote APIServices are probed. Default 2 s. */
  readonly availabilityResyncMs?: number;
  readonly log?: (message: string, fields: Record<string, unknown>) => void;
  /** Where the availability metrics are registered (the server's /metrics). */
  readonly metricsRegistry?: Registry;
}

export const POST_START_HOOKS = {
  informers: 'start-kube-aggregator-informers',
  authentication: 'start-cluster-authentication-info-controller',
  autoregistration: 'kube-apiserver-autoregistration',
  availability: 'apiservice-status-available-controller',
} as const;

export interface Aggregator {
  readonly discovery: DiscoverySource;
  readonly openapi: DynamicSchemaSource;
  close(): Promise<void>;
}

/** A lazily bound ServiceResolver: the stores it reads exist only once the kube tier is built. */
function deferredResolver(stores: Promise<AggregatorStores>): ServiceResolver {
  return { resolve: async (namespace, name, port) => (await stores).resolver.resolve(namespace, name, port) };
}

export function createAggregator(options: AggregatorOptions): Aggregator {
  const { server } = options;
  const stores = options.stores;
  stores.catch(() => {});
  const lazyStore = deferredStore(stores);
  const cache = new APIServiceCache(lazyStore);
  const resolver = deferredResolver(stores);
  const transport = new AggregatorTransport(options.frontProxy);
  const discovery = new RemoteDiscovery(cache);
  const logError = (message: string, error: unknown): void => options.log?.(message, { err: error instanceof Error ? error.message : String(error) });
  const openapi = new RemoteOpenAPI(cache, resolver, transport, logError);
  const identityHeaderNames = [...options.frontProxy.usernameHeaders, ...options.frontProxy.uidHeaders, ...options.frontProxy.groupHeaders, ...options.frontProxy.extraHeadersPrefixes];
  const proxy = new AggregatorProxy({ cache, resolver, transport, identityHeaderNames, log: logError });
  server.mux.handleMatcher(proxy.match);
  const metrics = options.metricsRegistry ? new AvailabilityMetrics(options.metricsRegistry) : undefined;
  cache.onChange((name) => proxy.forget(name));

  let autoregistration: AutoRegistrationController | undefined;
  let availability: AvailabilityController | undefined;
  let cacheStarted: Promise<void> | undefined;
  const startCache = (): Promise<void> => (cacheStarted ??= stores.then(() => cache.start()));

  server.addPostStartHook(POST_START_HOOKS.informers, () => startCache());
  server.addPostStartHook(POST_START_HOOKS.authentication, async () => {
    const { configMaps } = await stores;
    await publishAuthenticationConfigMap(configMaps, authenticationConfigMapData(options.clientCA, options.frontProxy));
  });
  server.addPostStartHook(POST_START_HOOKS.autoregistration, async () => {
    const { apiServices } = await stores;
    await startCache();
    autoregistration = new AutoRegistrationController({ store: apiServices, cache, local: options.local, isBuiltinGroup: options.isBuiltinGroup });
    await autoregistration.start();
  });
  server.addPostStartHook(POST_START_HOOKS.availability, async () => {
    const { apiServices, serviceStores } = await stores;
    await startCache();
    availability = new AvailabilityController({
      store: apiServices,
      cache,
      resolver,
      frontProxy: options.frontProxy,
      discovery,
      resyncMs: options.availabilityResyncMs,
      onDiscoveryChanged: (service) => void openapi.refresh(service),
      onPassed: (service) => openapi.refreshIfStale(service),
      log: options.log,
      serviceStores,
      metrics,
    });
    availability.start();
    await availability.startInformers();
  });

  return {
    discovery,
    openapi,
    async close() {
      await autoregistration?.close();
      await availability?.close();
      if (cacheStarted) await cache.close();
      transport.close();
    },
  };
}

/** The apiservices Store once it exists, as the informer's list and watch source. */
function deferredStore(stores: Promise<AggregatorStores>): Pick<Store, 'list' | 'watch'> {
  return {
    list: async (ctx, listOptions) => (await stores).apiServices.list(ctx, listOptions),
    watch: async (ctx, watchOptions) => (await stores).apiServices.watch(ctx, watchOptions),
  };
}

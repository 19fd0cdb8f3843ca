/**
 * The availability controller (kube-aggregator's local and remote AvailableConditionControllers):
 * local APIServices are `Available=True` with reason `Local`; a remote one is probed by resolving
 * its service (ServiceNotFound, ServicePortError, EndpointsNotFound, MissingEndpoints) and
 * reading `/apis/<group>/<version>` from it within a deadline (FailedDiscoveryCheck), else
 * `Passed`. Every APIService is probed again each resync period; status is written only when the
 * condition changes. A successful probe also hands its discovery document to RemoteDiscovery.
 */
import https from 'node:https';
import { isNotFound } from '../../machinery/errors.js';
import { peekMeta, type KObject } from '../../registry/meta.js';
import type { Lister, Watcher } from '../../registry/rest.js';
import type { Store } from '../../registry/store.js';
import { controllerContext } from '../kube/controllers/context.js';
import { StoreInformer } from '../kube/controllers/informer.js';
import { WorkQueue } from '../kube/controllers/work-queue.js';
import { ServiceResolutionError, type ServiceResolver } from '../webhook/service-resolver.js';
import { AVAILABLE, availableCondition, isLocal, sameCondition, withCondition, type APIService, type APIServiceCondition } from './apiservice.js';
import type { APIServiceCache } from './apiservice-cache.js';
import type { FrontProxyConfig } from './front-proxy.js';
import type { AvailabilityMetrics } from './metrics.js';
import { parseAPIResourceList, type RemoteDiscovery } from './remote-discovery.js';
import { remoteGet, urlString } from './remote-request.js';

const CONTROLLER = 'kube-aggregator-availability';

export const LOCAL_REASON = 'Local';
export const LOCAL_MESSAGE = 'Local APIServices are always available';

export interface AvailabilityOptions {
  readonly store: Store;
  readonly cache: Pick<APIServiceCache, 'list' | 'get' | 'onChange'>;
  readonly resolver: ServiceResolver;
  readonly frontProxy: FrontProxyConfig;
  readonly discovery: RemoteDiscovery;
  /** How often every remote APIService is probed again. Default 2 s. */
  readonly resyncMs?: number;
  /** The deadline of one discovery probe. Default 5 s, as upstream's. */
  readonly probeTimeoutMs?: number;
  /** Told when a probe passed with a new discovery document (OpenAPI is fetched again). */
  readonly onDiscoveryChanged?: (service: APIService) => void;
  /** Told after every probe that passed. */
  readonly onPassed?: (service: APIService) => void;
  readonly log?: (message: string, fields: Record<string, unknown>) => void;
  /**
   * Services, Endpoints and EndpointSlices to follow: a change to one probes the APIServices
   * naming its service at once, rather than at the next resync.
   */
  readonly serviceStores?: readonly (Lister & Watcher)[];
  readonly metrics?: AvailabilityMetrics;
}

/** The label EndpointSlices name their service with. */
const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

/** Discovery documents larger than this are refused. */
const MAX_DISCOVERY_BYTES = 8 << 20;

export class AvailabilityController {
  private readonly queue: WorkQueue;
  private timer: NodeJS.Timeout | undefined;
  /** Probes skip certificate verification, as upstream's do: a probe says whether the server answers, not whom to trust. */
  private readonly probeAgent: https.Agent;
  private readonly informers: StoreInformer[];

  constructor(private readonly options: AvailabilityOptions) {
    this.queue = new WorkQueue((name) => this.sync(name), { workers: 4, maxRetries: 3 });
    this.probeAgent = new https.Agent({ keepAlive: true, maxSockets: 4, cert: options.frontProxy.clientCert, key: options.frontProxy.clientKey, rejectUnauthorized: false });
    options.cache.onChange((name, current) => {
      if (!current) {
        options.discovery.forget(name);
        options.metrics?.forget(name);
      }
      this.queue.add(name);
    });
    const changed = (object: KObject): void => this.serviceChanged(object);
    this.informers = (options.serviceStores ?? []).map(
      (store) => new StoreInformer(store, { added: changed, updated: changed, deleted: changed }, { controller: 'kube-aggregator-availability' }),
    );
  }

  /** Queues the APIServices whose service a Service, Endpoints or EndpointSlice belongs to. */
  private serviceChanged(object: KObject): void {
    const meta = peekMeta(object);
    const service = meta.labels?.[SERVICE_NAME_LABEL] ?? meta.name ?? '';
    for (const apiService of this.options.cache.list()) {
      const ref = apiService.spec?.service;
      if (ref && (ref.namespace ?? '') === (meta.namespace ?? '') && (ref.name ?? '') === service) this.queue.add(apiService.metadata?.name ?? '');
    }
  }

  /** Starts following Services, Endpoints and EndpointSlices (resolves once they are listed). */
  async startInformers(): Promise<void> {
    await Promise.all(this.informers.map((informer) => informer.start()));
  }

  start(): void {
    for (const service of this.options.cache.list()) this.queue.add(service.metadata?.name ?? '');
    this.queue.start();
    this.timer = setInterval(() => {
      for (const service of this.options.cache.list()) if (!isLocal(service)) this.queue.add(service.metadata?.name ?? '');
    }, this.options.resyncMs ?? 2000);
    this.timer.unref();
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await Promise.all(this.informers.map((informer) => informer.close()));
    await this.queue.close();
    this.probeAgent.destroy();
  }

  /** The Available condition an APIService should have now. */
  async check(service: APIService): Promise<Omit<APIServiceCondition, 'lastTransitionTime'>> {
    if (isLocal(service)) return { type: AVAILABLE, status: 'True', reason: LOCAL_REASON, message: LOCAL_MESSAGE };
    const ref = service.spec!.service!;
    const name = service.metadata?.name ?? '';
    let url: URL;
    let serverName: string;
    try {
      ({ url, serverName } = await this.options.resolver.resolve(ref.namespace ?? '', ref.name ?? '', ref.port ?? 443));
    } catch (error) {
      this.options.discovery.markStale(name);
      if (error instanceof ServiceResolutionError) return { type: AVAILABLE, status: 'False', reason: error.reason, message: error.message };
      const why = error instanceof Error ? error.message : String(error);
      return { type: AVAILABLE, status: 'Unknown', reason: 'ServiceAccessError', message: `service/${ref.name ?? ''} in "${ref.namespace ?? ''}" cannot be checked due to: ${why}` };
    }
    const path = name === 'v1.' ? `/api/${service.spec?.version ?? ''}` : `/apis/${service.spec?.group ?? ''}/${service.spec?.version ?? ''}`;
    const where = urlString(url, path);
    try {
      const response = await remoteGet({ url, serverName, path, agent: this.probeAgent, timeoutMs: this.options.probeTimeoutMs ?? 5000, maxBytes: MAX_DISCOVERY_BYTES });
      if (response.status < 200 || response.status >= 300) throw new Error(`bad status from ${where}: ${response.status}`);
      this.recordDiscovery(service, response.body);
      this.options.onPassed?.(service);
    } catch (error) {
      this.options.discovery.markStale(name);
      const why = error instanceof Error ? error.message : String(error);
      return { type: AVAILABLE, status: 'False', reason: 'FailedDiscoveryCheck', message: `failing or missing response from ${where}: ${why}` };
    }
    return { type: AVAILABLE, status: 'True', reason: 'Passed', message: 'all checks passed' };
  }

  private recordDiscovery(service: APIService, body: Buffer): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      parsed = undefined;
    }
    const resources = parseAPIResourceList(parsed);
    // a server that answers its discovery path with something else is still up; its resources are unknown
    if (resources && this.options.discovery.update(service.metadata?.name ?? '', resources)) this.options.onDiscoveryChanged?.(service);
  }

  private async sync(name: string): Promise<void> {
    const service = this.options.cache.get(name);
    if (!service) return;
    const wanted = await this.check(service);
    this.options.metrics?.observe(name, availableCondition(service), wanted);
    if (sameCondition(availableCondition(service), wanted as APIServiceCondition)) return;
    const ctx = controllerContext('', CONTROLLER);
    try {
      await this.options.store.updateRaw(ctx, name, (existing) => {
        const current = existing as unknown as APIService;
        if (current.metadata?.uid !== service.metadata?.uid) return existing;
        current.status = { ...current.status, conditions: withCondition(current.status?.conditions, wanted) };
        return current as unknown as KObject;
      });
      const old = availableCondition(service);
      this.options.log?.('changing APIService availability', { name, oldStatus: old?.status, newStatus: wanted.status, reason: wanted.reason, message: wanted.message });
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
}

/**
 * Prometheus metrics with kube-apiserver's names and labels, served at /metrics. The request
 * metrics are recorded by the chain; storage and watch metrics are reported by the layers below
 * through `MetricsHooks`, which the server hands to them (ctx.state.metrics, or the config).
 */
import { Counter, Gauge, Registry, collectDefaultMetrics, type Metric } from 'prom-client';
import { KeyedCounter, KeyedHistogram } from './request-metrics.js';

/** What the storage, registry and watch layers report. Implementations must be cheap and never throw. */
export interface MetricsHooks {
  /** apiserver_storage_objects{resource}: the number of stored objects of a resource (`pods`, `deployments.apps`). */
  storageObjects(resource: string, count: number): void;
  /** apiserver_watch_events_total{group,version,kind}: one event sent to one watcher. */
  watchEvent(group: string, version: string, kind: string): void;
}

export const NO_METRICS: MetricsHooks = { storageObjects: () => {}, watchEvent: () => {} };

/** The labels of a served request, as upstream's metrics filter computes them. */
export interface RequestLabels {
  verb: string;
  dry_run: string;
  group: string;
  version: string;
  resource: string;
  subresource: string;
  scope: string;
  component: string;
}

const REQUEST_LABELS = ['verb', 'dry_run', 'group', 'version', 'resource', 'subresource', 'scope', 'component'] as const;

/** apiserver's request duration buckets. */
const DURATION_BUCKETS = [0.005, 0.025, 0.05, 0.1, 0.2, 0.4, 0.6, 0.8, 1.0, 1.25, 1.5, 2, 3, 4, 5, 6, 8, 10, 15, 20, 30, 45, 60];

/** The request labels in upstream's order, as a fresh record. */
function requestLabelValues(labels: RequestLabels): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of REQUEST_LABELS) out[name] = labels[name];
  return out;
}

export class ServerMetrics implements MetricsHooks {
  readonly registry = new Registry();
  readonly requestTotal: KeyedCounter;
  readonly requestDuration: KeyedHistogram;
  readonly inflight: Gauge<'request_kind'>;
  /** Requests in flight by kind, as the max-in-flight filter counts them; read when /metrics is scraped. */
  private readonly inflightCounts = { readOnly: 0, mutating: 0 };
  readonly storageObjectsGauge: Gauge<'resource'>;
  readonly watchEventsTotal: Counter<'group' | 'version' | 'kind'>;
  readonly registeredWatchers: Gauge<'group' | 'version' | 'kind'>;

  constructor(options: { processMetrics?: boolean } = {}) {
    const registers = [this.registry];
    this.requestTotal = new KeyedCounter(
      'apiserver_request_total',
      'Counter of apiserver requests broken out for each verb, dry run value, group, version, resource, scope, component, and HTTP response code.',
    );
    this.requestDuration = new KeyedHistogram(
      'apiserver_request_duration_seconds',
      'Response latency distribution in seconds for each verb, dry run value, group, version, resource, subresource, scope and component.',
      DURATION_BUCKETS,
    );
    // prom-client's registry renders any object with its metric interface.
    this.registry.registerMetric(this.requestTotal as unknown as Metric);
    this.registry.registerMetric(this.requestDuration as unknown as Metric);
    const inflightCounts = this.inflightCounts;
    this.inflight = new Gauge({
      name: 'apiserver_current_inflight_requests',
      help: 'Maximal number of currently used inflight request limit of this apiserver per request kind in last second.',
      labelNames: ['request_kind'],
      registers,
      collect() {
        this.set({ request_kind: 'readOnly' }, inflightCounts.readOnly);
        this.set({ request_kind: 'mutating' }, inflightCounts.mutating);
      },
    });
    this.inflight.set({ request_kind: 'readOnly' }, 0);
    this.inflight.set({ request_kind: 'mutating' }, 0);
    this.storageObjectsGauge = new Gauge({
      name: 'apiserver_storage_objects',
      help: 'Number of stored objects at the time of last check split by kind.',
      labelNames: ['resource'],
      registers,
    });
    this.watchEventsTotal = new Counter({
      name: 'apiserver_watch_events_total',
      help: 'Number of events sent in watch clients',
      labelNames: ['group', 'version', 'kind'],
      registers,
    });
    this.registeredWatchers = new Gauge({
      name: 'apiserver_registered_watchers',
      help: 'Number of currently registered watchers for a given resources',
      labelNames: ['group', 'version', 'kind'],
      registers,
    });
    if (options.processMetrics) collectDefaultMetrics({ register: this.registry });
  }

  storageObjects(resource: string, count: number): void {
    this.storageObjectsGauge.set({ resource }, count);
  }

  /** The watch-event counter of each group/version/kind: one event per watcher is the hottest metric, so its labels are resolved once. */
  private readonly watchEventCounters = new Map<string, { inc(): void }>();

  watchEvent(group: string, version: string, kind: string): void {
    const key = `${group}/${version}/${kind}`;
    let counter = this.watchEventCounters.get(key);
    if (!counter) {
      counter = this.watchEventsTotal.labels({ group, version, kind });
      this.watchEventCounters.set(key, counter);
    }
    counter.inc();
  }

  /** The number of read-only or mutating requests in flight, as of now. */
  setInflight(kind: 'readOnly' | 'mutating', count: number): void {
    this.inflightCounts[kind] = count;
  }

  observeRequest(labels: RequestLabels, code: number, seconds: number | undefined): void {
    const key = `${labels.verb}|${labels.dry_run}|${labels.group}|${labels.version}|${labels.resource}|${labels.subresource}|${labels.scope}|${labels.component}`;
    this.requestTotal.inc(`${key}|${code}`, () => ({ ...requestLabelValues(labels), code: String(code) }));
    if (seconds !== undefined) this.requestDuration.observe(key, () => requestLabelValues(labels), seconds);
  }

  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}

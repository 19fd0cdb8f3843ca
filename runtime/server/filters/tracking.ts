/**
 * Request tracking: counts requests in flight for graceful shutdown (apiserver's WithWaitGroup),
 * refuses new ones once the server drains, and records each request's metrics and, at `-v=3`,
 * its log line when the response is done.
 */
import type { ServerResponse } from 'node:http';
import type Koa from 'koa';
import { newServiceUnavailable } from '../../machinery/errors.js';
import { writeStatus, type KapiState } from '../context.js';
import type { KapiLogger } from '../logging.js';
import type { RequestLabels, ServerMetrics } from '../metrics.js';
import type { RequestInfo } from '../request-info.js';

/** Which requests are in flight, and the signal long-running ones end on at shutdown. */
export class InFlightTracker {
  private active = 0;
  private readonly longRunning = new Set<ServerResponse>();
  private draining = false;
  private readonly idleWaiters: (() => void)[] = [];
  readonly shutdownController = new AbortController();

  get activeCount(): number {
    return this.active;
  }

  get longRunningCount(): number {
    return this.longRunning.size;
  }

  get isDraining(): boolean {
    return this.draining;
  }

  begin(response: ServerResponse, longRunning: boolean): void {
    if (longRunning) this.longRunning.add(response);
    else this.active++;
  }

  end(response: ServerResponse, longRunning: boolean): void {
    if (longRunning) this.longRunning.delete(response);
    else this.active--;
    if (this.active === 0 && this.longRunning.size === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  /** Stops admitting requests. */
  startDraining(): void {
    this.draining = true;
  }

  /** Ends the responses of long-running requests whose handlers did not end them at the shutdown signal. */
  endLongRunning(): void {
    for (const response of this.longRunning) if (!response.writableEnded) response.end();
  }

  /** Resolves when nothing is in flight. */
  idle(): Promise<void> {
    if (this.active === 0 && this.longRunning.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Resolves when no non-long-running request is in flight (gives up polling after `limitMs`). */
  async shortRequestsDone(limitMs = 120_000): Promise<void> {
    const until = Date.now() + limitMs;
    while (this.active > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
  }
}

/** The verb label of apiserver_request_total: LIST, GET, WATCH, POST, PUT, PATCH, APPLY, DELETE, … */
export function metricsVerb(info: RequestInfo, method: string, contentType: string): string {
  if (!info.isResourceRequest) return method.toUpperCase();
  switch (info.verb) {
    case 'list':
      return 'LIST';
    case 'watch':
      return 'WATCH';
    case 'get':
      return 'GET';
    case 'create':
      return 'POST';
    case 'update':
      return 'PUT';
    case 'patch':
      return contentType.startsWith('application/apply-patch') ? 'APPLY' : 'PATCH';
    case 'delete':
      return 'DELETE';
    case 'deletecollection':
      return 'DELETECOLLECTION';
    case 'proxy':
      return 'CONNECT';
    default:
      return method.toUpperCase();
  }
}

/** The scope label: resource, namespace, cluster, or empty for non-resource requests. */
export function metricsScope(info: RequestInfo): string {
  if (info.name !== '' || info.verb === 'create') return 'resource';
  if (info.namespace !== '') return 'namespace';
  if (info.isResourceRequest) return 'cluster';
  return '';
}

export function requestLabels(info: RequestInfo, method: string, contentType: string, dryRun: string | null): RequestLabels {
  return {
    verb: metricsVerb(info, method, contentType),
    dry_run: dryRun ?? '',
    group: info.apiGroup,
    version: info.apiVersion,
    resource: info.resource,
    subresource: info.subresource,
    scope: metricsScope(info),
    component: 'apiserver',
  };
}

export function withTracking(tracker: InFlightTracker, metrics: ServerMetrics, logging: KapiLogger): Koa.Middleware<KapiState> {
  return async (ctx, next) => {
    ctx.state.shutdown = tracker.shutdownController.signal;
    ctx.state.metrics = metrics;
    if (tracker.isDraining) {
      ctx.set('Connection', 'close');
      ctx.set('Retry-After', '1');
      writeStatus(ctx, newServiceUnavailable('apiserver is shutting down'));
      return;
    }
    const longRunning = ctx.state.longRunning;
    const started = process.hrtime.bigint();
    tracker.begin(ctx.res, longRunning);
    let ended = false;
    ctx.res.once('close', () => {
      if (ended) return;
      ended = true;
      tracker.end(ctx.res, longRunning);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const info = ctx.state.requestInfo;
      const dryRun = ctx.querystring.includes('dryRun') ? ctx.URL.searchParams.get('dryRun') : null;
      const labels = requestLabels(info, ctx.method, ctx.req.headers['content-type'] ?? '', dryRun);
      metrics.observeRequest(labels, ctx.res.statusCode, longRunning ? undefined : seconds);
      if (logging.v(3)) {
        logging.logger.info(
          {
            verb: labels.verb,
            URI: ctx.url,
            latency: `${(seconds * 1000).toFixed(3)}ms`,
            userAgent: ctx.get('User-Agent'),
            auditID: ctx.state.auditID,
            srcIP: `${ctx.req.socket.remoteAddress ?? ''}:${ctx.req.socket.remotePort ?? ''}`,
            user: ctx.state.user?.name,
            resp: ctx.res.statusCode,
          },
          'HTTP',
        );
      }
    });
    await next();
  };
}

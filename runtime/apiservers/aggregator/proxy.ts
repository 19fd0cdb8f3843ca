/**
 * The proxy to aggregated API servers (kube-aggregator's handler_proxy): a request under
 * `/apis/<group>/<version>` whose APIService names a service is sent to one of the service's
 * endpoints over TLS, as the front proxy, carrying the caller's identity; the response streams
 * back chunk by chunk (watches included). An APIService that is not Available, or whose service
 * cannot be resolved or reached, answers 503 while everything else keeps serving.
 */
import https from 'node:https';
import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import { newInternalError, newServiceUnavailable } from '../../machinery/errors.js';
import { writeStatus, type KapiContext, type RequestHandler } from '../../server/context.js';
import type { ServiceResolver } from '../webhook/service-resolver.js';
import { isAvailable, isLocal, type APIService } from './apiservice.js';
import type { APIServiceCache } from './apiservice-cache.js';
import { forwardsRequestHeader, forwardsResponseHeader, identityHeaders } from './front-proxy.js';
import type { AggregatorTransport } from './transport.js';

/** upstream's message for an APIService that cannot serve now. */
export const SERVICE_UNAVAILABLE = 'service unavailable';

export interface ProxyOptions {
  readonly cache: APIServiceCache;
  readonly resolver: ServiceResolver;
  readonly transport: AggregatorTransport;
  /** Header names (lower case) the aggregated servers read identity from, beyond X-Remote-*: never taken from the caller. */
  readonly identityHeaderNames?: readonly string[];
  /** Logs a failed proxy attempt. */
  readonly log?: (message: string, error: unknown) => void;
}

/** Where a resolved service is dialled: host and port as a request takes them, and the TLS server name. */
interface Endpoint {
  readonly hostname: string;
  readonly port: number;
  readonly serverName: string;
}

/** A resolution under way, shared by the requests that arrive meanwhile. */
interface PendingResolution {
  readonly key: string;
  promise?: Promise<Endpoint>;
}

/** Whether a request carries a body to stream on (a declared length above zero, or a chunked body). */
function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * The response headers passed back, read from the raw list (the parsed object is built only when
 * read): repeated headers stay apart, names keep their case; `sized` when a Content-Length came.
 */
function forwardedResponseHeaders(raw: readonly string[]): { headers: OutgoingHttpHeaders; sized: boolean } {
  const out: OutgoingHttpHeaders = {};
  let sized = false;
  for (let i = 0; i < raw.length; i += 2) {
    const key = raw[i]!;
    if (key.length === 14 && key.toLowerCase() === 'content-length') sized = true;
    if (!forwardsResponseHeader(key)) continue;
    const existing = out[key];
    if (existing === undefined) out[key] = raw[i + 1]!;
    else if (Array.isArray(existing)) existing.push(raw[i + 1]!);
    else out[key] = [String(existing), raw[i + 1]!];
  }
  return { headers: out, sized };
}

const GROUP_VERSION_PATH = /^\/apis\/([^/]+)\/([^/]+)(?:\/.*)?$/;

/** The remote APIService a path belongs to, if any. */
export function remoteAPIServiceFor(cache: Pick<APIServiceCache, 'forGroupVersion'>, path: string): APIService | undefined {
  const match = GROUP_VERSION_PATH.exec(path);
  if (!match) return undefined;
  const service = cache.forGroupVersion(match[1]!, match[2]!);
  return service && !isLocal(service) ? service : undefined;
}

/**
 * How long a resolved endpoint is reused: resolving reads the Service, Endpoints and
 * EndpointSlices, so every request doing it would cost three reads; a changed endpoint is
 * followed within this time.
 */
const RESOLUTION_TTL_MS = 1000;

export class AggregatorProxy {
  private readonly stripped: ReadonlySet<string>;
  private readonly resolved = new Map<string, { at: number; key: string; value: Endpoint }>();
  private readonly resolving = new Map<string, PendingResolution>();

  constructor(private readonly options: ProxyOptions) {
    this.stripped = new Set((options.identityHeaderNames ?? []).map((h) => h.toLowerCase()));
  }

  /** The mux matcher: a handler for paths of remote APIServices, undefined for everything else (the tiers below). */
  match = (path: string): RequestHandler | undefined => {
    const service = remoteAPIServiceFor(this.options.cache, path);
    return service ? (ctx) => this.serve(ctx, service.metadata?.name ?? '') : undefined;
  };

  private forwards(name: string): boolean {
    if (!forwardsRequestHeader(name)) return false;
    const lower = name.toLowerCase();
    for (const header of this.stripped) if (lower === header || (header.endsWith('-') && lower.startsWith(header))) return false;
    return true;
  }

  /**
   * The endpoint of an APIService's service, reused for a second (errors are not kept); a known
   * one is returned as it is, so the common case waits on no promise. Requests arriving while it
   * is being resolved share that one resolution rather than each reading the Service and its
   * endpoints again.
   */
  private resolve(apiService: string, namespace: string, name: string, port: number): Endpoint | Promise<Endpoint> {
    const key = `${namespace}/${name}:${port}`;
    const now = Date.now();
    const known = this.resolved.get(apiService);
    if (known && known.key === key && now - known.at < RESOLUTION_TTL_MS) return known.value;
    const pending = this.resolving.get(apiService);
    if (pending && pending.key === key && pending.promise) return pending.promise;
    const entry: PendingResolution = { key };
    this.resolving.set(apiService, entry);
    entry.promise = this.resolveAnew(apiService, entry, namespace, name, port, now);
    return entry.promise;
  }

  private async resolveAnew(apiService: string, entry: PendingResolution, namespace: string, name: string, port: number, now: number): Promise<Endpoint> {
    try {
      const { url, serverName } = await this.options.resolver.resolve(namespace, name, port);
      const value: Endpoint = { hostname: url.hostname.replace(/^\[|\]$/g, ''), port: url.port === '' ? 443 : Number(url.port), serverName };
      // bounded by the number of APIServices; a removed one is dropped when the cache says so, and
      // one forgotten while it was resolved is not kept
      if (this.resolving.get(apiService) === entry) this.resolved.set(apiService, { at: now, key: entry.key, value });
      return value;
    } finally {
      if (this.resolving.get(apiService) === entry) this.resolving.delete(apiService);
    }
  }

  /** Forgets what was resolved for an APIService (removed or changed). */
  forget(apiService: string): void {
    this.resolved.delete(apiService);
    this.resolving.delete(apiService);
  }

  private async serve(ctx: KapiContext, name: string): Promise<void> {
    // read again: the APIService may have changed since the route matched
    const service = this.options.cache.get(name);
    if (!service || isLocal(service) || !isAvailable(service)) {
      writeStatus(ctx, newServiceUnavailable(SERVICE_UNAVAILABLE));
      return;
    }
    const user = ctx.state.user;
    if (!user) {
      writeStatus(ctx, newInternalError(new Error('missing user')));
      return;
    }
    const ref = service.spec!.service!;
    let target: Endpoint;
    try {
      const endpoint = this.resolve(name, ref.namespace ?? '', ref.name ?? '', ref.port ?? 443);
      target = endpoint instanceof Promise ? await endpoint : endpoint;
    } catch (error) {
      this.options.log?.(`unable to resolve the service of APIService ${name}`, error);
      writeStatus(ctx, newServiceUnavailable(SERVICE_UNAVAILABLE));
      return;
    }

    const headers: OutgoingHttpHeaders = {};
    const raw = ctx.req.rawHeaders;
    for (let i = 0; i < raw.length; i += 2) {
      const key = raw[i]!;
      if (!this.forwards(key)) continue;
      const existing = headers[key];
      if (existing === undefined) headers[key] = raw[i + 1]!;
      else if (Array.isArray(existing)) existing.push(raw[i + 1]!);
      else headers[key] = [String(existing), raw[i + 1]!];
    }
    const forwardedFor = ctx.req.socket.remoteAddress;
    if (forwardedFor) {
      const prior = ctx.get('X-Forwarded-For');
      headers['X-Forwarded-For'] = prior ? `${prior}, ${forwardedFor}` : forwardedFor;
    }
    Object.assign(headers, identityHeaders(user));
    if (ctx.req.headers['transfer-encoding']) headers['Transfer-Encoding'] = 'chunked';

    await new Promise<void>((resolve) => {
      let settled = false;
      const done = (): void => {
        if (settled) return;
        settled = true;
        cleanup();
        resolve();
      };
      const upstream = https.request({
        protocol: 'https:',
        hostname: target.hostname,
        port: target.port,
        method: ctx.method,
        path: ctx.originalUrl,
        headers,
        agent: this.options.transport.agentFor(service),
        servername: target.serverName,
      });
      // the request timed out or the server shuts down: a response already streaming is ended
      // here; one not begun is left to the filter that aborted it (504 Timeout, 503 shutting down)
      const abort = (): void => {
        upstream.destroy();
        if (ctx.respond === false && !ctx.res.writableEnded) ctx.res.end();
        else if (ctx.respond !== false && ctx.state.shutdown.aborted) writeStatus(ctx, newServiceUnavailable('apiserver is shutting down'));
        done();
      };
      // a long-running request (a watch) ends at shutdown; a short one is left to finish and
      // ends at its deadline (read only for short requests: the timeout signal is made on first read)
      const signal = ctx.state.longRunning ? ctx.state.shutdown : ctx.state.timeout;
      const signals = signal ? [signal] : [];
      for (const signal of signals) signal.addEventListener('abort', abort, { once: true });
      const onClientGone = (): void => {
        upstream.destroy();
        done();
      };
      ctx.res.once('close', onClientGone);
      const cleanup = (): void => {
        for (const signal of signals) signal.removeEventListener('abort', abort);
        ctx.res.off('close', onClientGone);
      };

      upstream.on('response', (response: IncomingMessage) => {
        ctx.respond = false;
        const { headers: out, sized } = forwardedResponseHeaders(response.rawHeaders);
        ctx.res.writeHead(response.statusCode ?? 502, out);
        // a streamed response (a watch: no length) gets its headers at once, so the caller knows
        // the watch is open before the first event; a sized one sends them with its body
        if (!sized) ctx.res.flushHeaders();
        // every chunk is written as it arrives: watch events reach the caller one by one
        response.on('data', (chunk: Buffer) => {
          if (!ctx.res.write(chunk)) {
            response.pause();
            ctx.res.once('drain', () => response.resume());
          }
        });
        response.on('end', () => {
          ctx.res.end();
          done();
        });
        response.on('error', () => {
          ctx.res.destroy();
          done();
        });
      });
      upstream.on('error', (error) => {
        if (settled) return;
        this.options.log?.(`error proxying to APIService ${name}`, error);
        if (!ctx.res.headersSent && ctx.respond !== false) {
          writeStatus(ctx, newServiceUnavailable(`error trying to reach service: ${error.message}`));
        } else {
          ctx.res.destroy();
        }
        done();
      });
      // a request without a body (most GETs) is sent at once, without waiting on its stream's end
      if (hasBody(ctx.req)) ctx.req.pipe(upstream);
      else upstream.end();
    });
  }
}

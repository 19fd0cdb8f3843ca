/**
 * GenericAPIServer: one tier of the server chain. It owns routes (its path mux), health checks
 * and post-start hooks, and hands every request it does not serve to its delegate. The head of
 * the chain runs the filter chain once, then its director:
 *
 *   panic recovery → request info → tracking → max in flight → timeout → authentication
 *     → impersonation → audit → authorization → director: own routes → delegate's routes → 404 Status
 *
 * `prepareRun()` installs /healthz, /livez, /readyz, /version and /metrics and returns the
 * runnable server; `run(signal)` serves until the signal, then shuts down gracefully.
 */
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import Koa from 'koa';
import { DiscoveryHandler } from '../endpoints/discovery/handler.js';
import type { DiscoverySource } from '../endpoints/discovery/source.js';
import { OpenAPIHandler } from '../endpoints/openapi/handler.js';
import type { OpenAPISource } from '../endpoints/openapi/source.js';
import { newGenericServerResponse } from '../machinery/errors.js';
import type { GroupVersion, ResourceInfo } from '../machinery/scheme-types.js';
import type { CompletedConfig } from './config.js';
import { writeJSON, writeStatus, type KapiContext, type KapiState, type RequestHandler } from './context.js';
import { withAudit } from './filters/audit.js';
import { withAuthentication } from './filters/authentication.js';
import { withAuthorization } from './filters/authorization.js';
import { withImpersonation } from './filters/impersonation.js';
import { withMaxInFlight } from './filters/max-in-flight.js';
import { withPanicRecovery } from './filters/panic-recovery.js';
import { withRequestInfo } from './filters/request-info.js';
import { withTimeout } from './filters/timeout.js';
import { InFlightTracker, withTracking } from './filters/tracking.js';
import { logCheck, pingCheck, serveHealth, type HealthChecker } from './healthz.js';
import { PathMux } from './mux.js';

/** What a post-start hook gets: a signal aborted at shutdown. */
export interface PostStartHookContext {
  readonly signal: AbortSignal;
}

/** Runs once the server listens. Contract: resolve when done; the readyz check `poststarthook/<name>` fails until then. */
export type PostStartHook = (context: PostStartHookContext) => Promise<void> | void;

interface PostStartHookEntry {
  readonly hook: PostStartHook;
  state: 'pending' | 'done' | 'failed';
  error?: Error;
}

/** What a server needs of the server it delegates to (apiserver's DelegationTarget). */
export interface DelegationTarget {
  /** Serves the request if one of its routes (or its delegate's) matches; returns whether it did. */
  dispatch(ctx: KapiContext): Promise<boolean>;
  /** Its post-start hooks, run by the head of the chain. */
  postStartHookEntries(): ReadonlyMap<string, PostStartHookEntry>;
  /** Its health checks, served by the head of the chain. */
  healthCheckList(): readonly HealthChecker[];
  listedPaths(): string[];
  prepareRun(): void;
}

/**
 * The seam between the generic server and the REST layer: the registry/endpoints layer implements
 * it to serve the verbs (get, list, watch, create, update, patch, delete, deletecollection and
 * subresources) of a group-version. The server routes every request under `/api/v1/…` or
 * `/apis/<group>/<version>/…` to the handler returned here, with ctx.state.requestInfo parsed and
 * the user authenticated and authorized.
 */
export interface RestInstaller {
  /** The handler of a group-version's resources, or undefined when this installer has none. */
  handlerFor(gv: GroupVersion, resources: readonly ResourceInfo[]): RequestHandler | undefined;
}

/** An API group as the server installs it: versions by priority, each with its resources. */
export interface APIGroupInfo {
  readonly name: string;
  readonly versions: readonly { readonly version: string; readonly resources: readonly ResourceInfo[] }[];
}

export function groupVersionPath(gv: GroupVersion): string {
  return gv.group === '' ? `/api/${gv.version}` : `/apis/${gv.group}/${gv.version}`;
}

export class GenericAPIServer implements DelegationTarget {
  readonly mux = new PathMux();
  readonly app: Koa<KapiState>;
  readonly tracker = new InFlightTracker();
  private readonly hooks = new Map<string, PostStartHookEntry>();
  private readonly checks: HealthChecker[] = [];
  private readonly readyzOnly: HealthChecker[] = [];
  private readonly preShutdownHooks: { name: string; hook: () => Promise<void> | void }[] = [];
  private shutdownInitiated = false;
  private prepared = false;

  constructor(
    readonly name: string,
    readonly config: CompletedConfig,
    readonly delegate?: DelegationTarget,
  ) {
    this.checks.push(pingCheck, logCheck, ...config.healthChecks);
    this.app = this.buildHandlerChain();
  }

  private buildHandlerChain(): Koa<KapiState> {
    const { config, tracker } = this;
    const app = new Koa<KapiState>();
    app.silent = true;
    app.on('error', (error: unknown) => config.logging.logger.debug({ err: error }, 'connection error'));
    app.use(withPanicRecovery(config.logging));
    app.use(withRequestInfo());
    app.use(withTracking(tracker, config.metrics, config.logging));
    app.use(withMaxInFlight({ readOnly: config.maxRequestsInFlight, mutating: config.maxMutatingRequestsInFlight }, config.metrics));
    app.use(withTimeout(config.requestTimeoutMs));
    app.use(withAuthentication(config.authenticators));
    app.use(withImpersonation(config.authorizer));
    app.use(withAudit(config.auditBackend));
    app.use(withAuthorization(config.authorizer));
    app.use(async (ctx) => {
      if (!(await this.dispatch(ctx))) writeStatus(ctx, newGenericServerResponse(404));
    });
    return app;
  }

  /** The director: this server's routes, then the delegate's. */
  async dispatch(ctx: KapiContext): Promise<boolean> {
    const handler = this.mux.match(ctx.path);
    if (handler) {
      await handler(ctx);
      return true;
    }
    return this.delegate ? this.delegate.dispatch(ctx) : false;
  }

  /** Serves exactly `path`. */
  handle(path: string, handler: RequestHandler): void {
    this.mux.handle(path, handler);
  }

  /** Serves everything under `prefix/`. */
  handlePrefix(prefix: string, handler: RequestHandler): void {
    this.mux.handlePrefix(prefix, handler);
  }

  /**
   * Routes the resources of each version of `group` to the installer's handlers. Returns the
   * group-versions that got a handler.
   */
  installAPIGroup(group: APIGroupInfo, installer: RestInstaller): GroupVersion[] {
    const installed: GroupVersion[] = [];
    for (const { version, resources } of group.versions) {
      if (resources.length === 0) continue;
      const gv = { group: group.name, version };
      const handler = installer.handlerFor(gv, resources);
      if (!handler) continue;
      this.handlePrefix(groupVersionPath(gv), handler);
      installed.push(gv);
    }
    return installed;
  }

  /**
   * Serves discovery (/api, /apis and the per-group and per-version documents) from `source`,
   * asked on every request. The head of the chain installs it over the union of every tier.
   */
  installDiscovery(source: DiscoverySource): DiscoveryHandler {
    const discovery = new DiscoveryHandler(source, { externalAddress: this.config.externalAddress, aggregated: this.config.aggregatedDiscovery });
    this.handle('/api', discovery.api);
    this.handle('/api/', discovery.api);
    this.handle('/apis', discovery.apis);
    this.handle('/apis/', discovery.apis);
    this.mux.handleMatcher(
      (path) => discovery.match(path),
      () => discovery.paths(),
    );
    return discovery;
  }

  /** Serves /openapi/v2 and /openapi/v3 from `source`, titled with this server's version. */
  installOpenAPI(source: OpenAPISource): OpenAPIHandler {
    const openapi = new OpenAPIHandler(source, { title: 'Kubernetes', version: this.config.version.gitVersion });
    this.handle('/openapi/v2', openapi.v2);
    this.handle('/openapi/v3', openapi.v3Index);
    this.handle('/openapi/v3/', openapi.v3Index);
    this.mux.handleMatcher((path) => openapi.matchV3(path));
    return openapi;
  }

  /** Adds a check to /healthz, /livez and /readyz. */
  addHealthChecks(...checks: HealthChecker[]): void {
    this.checks.push(...checks);
  }

  /** Adds a check to /readyz only. */
  addReadyzChecks(...checks: HealthChecker[]): void {
    this.readyzOnly.push(...checks);
  }

  addPostStartHook(name: string, hook: PostStartHook): void {
    if (this.postStartHookEntries().has(name)) throw new Error(`unable to add post-start hook "${name}": it is already registered`);
    const entry: PostStartHookEntry = { hook, state: 'pending' };
    this.hooks.set(name, entry);
    this.checks.push({
      name: `poststarthook/${name}`,
      check: () => {
        if (entry.state === 'done') return;
        throw entry.error ?? new Error('not finished');
      },
    });
  }

  /** Runs before the listener closes at shutdown. */
  addPreShutdownHook(name: string, hook: () => Promise<void> | void): void {
    this.preShutdownHooks.push({ name, hook });
  }

  /** This server's post-start hooks and its delegates' (read when the chain starts, so a tier may add hooks after its head exists). */
  postStartHookEntries(): ReadonlyMap<string, PostStartHookEntry> {
    if (!this.delegate) return this.hooks;
    return new Map([...this.delegate.postStartHookEntries(), ...this.hooks]);
  }

  /** This server's health checks and its delegates', each name once. */
  healthCheckList(): readonly HealthChecker[] {
    if (!this.delegate) return this.checks;
    const own = new Set(this.checks.map((c) => c.name));
    return [...this.checks, ...this.delegate.healthCheckList().filter((c) => !own.has(c.name))];
  }

  listedPaths(): string[] {
    const own = this.mux.listedPaths();
    const delegated = this.delegate?.listedPaths() ?? [];
    return [...new Set([...own, ...delegated])].sort();
  }

  get isShuttingDown(): boolean {
    return this.shutdownInitiated;
  }

  private readyzChecks(): HealthChecker[] {
    const shutdown: HealthChecker = {
      name: 'shutdown',
      check: () => {
        if (this.shutdownInitiated) throw new Error('process is shutting down');
      },
    };
    return [...this.healthCheckList(), ...this.readyzOnly, shutdown];
  }

  private installHealthAndInfo(): void {
    const log = this.config.logging;
    const report = (message: string): void => {
      if (log.v(2)) log.logger.info(message);
    };
    this.handleHealth('healthz', () => this.healthCheckList(), report);
    this.handleHealth('livez', () => this.healthCheckList(), report);
    this.handleHealth('readyz', () => this.readyzChecks(), report);
    this.handle('/version', (ctx) => writeJSON(ctx, 200, this.config.version));
    this.handle('/version/', (ctx) => writeJSON(ctx, 200, this.config.version));
    this.handle('/metrics', async (ctx) => {
      const { contentType, body } = await this.config.metrics.render();
      ctx.status = 200;
      ctx.set('Content-Type', contentType);
      ctx.body = body;
    });
    this.handle('/', (ctx) => writeJSON(ctx, 200, { paths: this.listedPaths() }));
  }

  private handleHealth(name: string, checks: () => readonly HealthChecker[], report: (m: string) => void): void {
    const handler: RequestHandler = async (ctx) => {
      if (!(await serveHealth(ctx, name, checks(), report))) writeStatus(ctx, newGenericServerResponse(404));
    };
    this.handle(`/${name}`, handler);
    this.handlePrefix(`/${name}`, handler);
  }

  /** Installs the standard endpoints (on this server and its delegates) and returns the runnable server. */
  prepareRun(): PreparedGenericAPIServer {
    if (!this.prepared) {
      this.prepared = true;
      this.delegate?.prepareRun();
      this.installHealthAndInfo();
    }
    return new PreparedGenericAPIServer(this);
  }

  /** @internal used by PreparedGenericAPIServer. */
  markShutdownInitiated(): void {
    this.shutdownInitiated = true;
  }

  /** @internal */
  preShutdownHookList(): readonly { name: string; hook: () => Promise<void> | void }[] {
    return this.preShutdownHooks;
  }
}

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits for `promise`, at most `ms`; the timer is cleared either way, so it keeps nothing alive. */
async function waitAtMost(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([promise, new Promise<void>((resolve) => (timer = setTimeout(resolve, Math.max(0, ms))))]);
  } finally {
    clearTimeout(timer);
  }
}

/** A prepared server: `start()` listens and runs post-start hooks, `shutdown()` stops gracefully. */
export class PreparedGenericAPIServer {
  private httpServer?: http.Server | https.Server;
  private stopped?: Promise<void>;

  constructor(readonly server: GenericAPIServer) {}

  /** The Node request listener of the whole chain (for in-process tests). */
  callback(): http.RequestListener {
    return this.server.app.callback() as http.RequestListener;
  }

  /** Listens (TLS when configured) and starts the post-start hooks. Resolves with the bound address. */
  async start(listen?: { host: string; port: number }): Promise<AddressInfo> {
    const { config } = this.server;
    const tls = config.secureServing;
    const listener = this.callback();
    const server = tls
      ? https.createServer(
          { cert: tls.cert, key: tls.key, ca: tls.clientCA, requestCert: tls.clientCA !== undefined, rejectUnauthorized: false },
          listener,
        )
      : http.createServer(listener);
    server.keepAliveTimeout = 65_000;
    this.httpServer = server;
    const host = listen?.host ?? tls?.bindAddress ?? '127.0.0.1';
    const port = listen?.port ?? tls?.port ?? 0;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const address = server.address() as AddressInfo;
    config.logging.logger.info({ address: address.address, port: address.port, tls: tls !== undefined }, `${this.server.name} serving`);
    this.runPostStartHooks();
    return address;
  }

  private runPostStartHooks(): void {
    const { logger } = this.server.config.logging;
    for (const [name, entry] of this.server.postStartHookEntries()) {
      if (entry.state !== 'pending') continue;
      Promise.resolve()
        .then(() => entry.hook({ signal: this.server.tracker.shutdownController.signal }))
        .then(
          () => {
            entry.state = 'done';
          },
          (error: unknown) => {
            entry.state = 'failed';
            entry.error = error instanceof Error ? error : new Error(String(error));
            logger.error({ err: error, hook: name }, 'post-start hook failed');
          },
        );
    }
  }

  /**
   * Graceful shutdown: readyz fails at once; after the shutdown delay the listener closes and new
   * requests are refused; in-flight requests finish; long-running ones (watches) are told to end
   * and then ended; connections still open after the timeout are cut.
   */
  shutdown(): Promise<void> {
    this.stopped ??= this.doShutdown();
    return this.stopped;
  }

  private async doShutdown(): Promise<void> {
    const { server } = this;
    const { config, tracker } = server;
    const { logger } = config.logging;
    server.markShutdownInitiated();
    logger.info({ delayMs: config.shutdownDelayMs }, 'shutdown initiated: readyz now fails');
    if (config.shutdownDelayMs > 0) await delay(config.shutdownDelayMs);
    for (const { name, hook } of server.preShutdownHookList()) {
      try {
        await hook();
      } catch (error) {
        logger.error({ err: error, hook: name }, 'pre-shutdown hook failed');
      }
    }
    const deadline = Date.now() + config.shutdownTimeoutMs;
    tracker.startDraining();
    const closed = new Promise<void>((resolve) => (this.httpServer ? this.httpServer.close(() => resolve()) : resolve()));
    this.httpServer?.closeIdleConnections();
    await waitAtMost(tracker.shortRequestsDone(deadline - Date.now()), deadline - Date.now());
    tracker.shutdownController.abort();
    await waitAtMost(tracker.idle(), Math.min(deadline - Date.now(), 5_000));
    if (tracker.activeCount > 0 || tracker.longRunningCount > 0) {
      logger.warn({ active: tracker.activeCount, longRunning: tracker.longRunningCount }, 'shutdown timeout: closing connections');
    }
    tracker.endLongRunning();
    this.httpServer?.closeIdleConnections();
    await waitAtMost(closed, 200);
    this.httpServer?.closeAllConnections();
    await closed;
    await config.auditBackend?.shutdown?.();
    logger.info(`${server.name} stopped`);
  }

  /** Serves until `signal` aborts, then shuts down. */
  async run(signal: AbortSignal, listen?: { host: string; port: number }): Promise<void> {
    await this.start(listen);
    if (!signal.aborted) await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
    await this.shutdown();
  }
}

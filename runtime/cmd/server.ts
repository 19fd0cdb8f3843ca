/**
 * `kapi serve` as kube-apiserver runs: options → config → complete → createServerChain →
 * prepareRun → run.
 *
 * The chain is three GenericAPIServers sharing one filter chain at the head: the aggregator
 * (APIServices, discovery and OpenAPI over every tier) → the kube server (the built-in groups)
 * → the extensions server (CustomResourceDefinitions) → a 404 Status. REST handlers come from the
 * `RestInstaller` seam: the kube tier's installer serves the stored groups of every tier over the
 * storage opened here; without one, the resources are listed in discovery and OpenAPI and
 * requests for them are answered 404.
 */
import { readFileSync } from 'node:fs';
import { groups as generatedGroups } from '../../generated/install.generated.js';
import { schemeDiscoverySource, unionDiscoverySource, type DiscoverySource, type ExtraSubresources } from '../endpoints/discovery/source.js';
import { openAPISource, type DynamicSchemaSource } from '../endpoints/openapi/source.js';
import { Scheme } from '../machinery/scheme.js';
import { logAuditBackend } from '../server/audit/log-backend.js';
import { tokenFileAuthenticator } from '../server/authentication/token-file.js';
import { x509Authenticator } from '../server/authentication/x509.js';
import { authorizersForModes, type AuthorizerFactories } from '../server/authorization/modes.js';
import type { Authorizer } from '../server/authorization/types.js';
import type { Authenticator } from '../server/authentication/types.js';
import { Config } from '../server/config.js';
import { createLogger, type KapiLogger } from '../server/logging.js';
import { ServerMetrics, type MetricsHooks } from '../server/metrics.js';
import type { GenericAPIServer, PostStartHook, RestInstaller } from '../server/server.js';
import { openEtcd3Storage } from '../storage/etcd3/index.js';
import type { Storage } from '../storage/interface.js';
import { openSqliteStorage } from '../storage/sqlite/index.js';
import type { CompletedServeOptions } from './options.js';
import { ensurePki, localServerURL, writeAdminKubeconfig, type Pki } from './pki.js';
import { loadGeneratedSchemaModules } from './schemas.js';

/** Admission plugin selection, parsed from the flags and handed to whoever builds admission. */
export interface AdmissionSelection {
  readonly enable: readonly string[];
  readonly disable: readonly string[];
}

/** What the chain hands the REST installer it plugs into the kube tier. */
export interface RestInstallerContext {
  storage: Storage;
  scheme: Scheme;
  admission: AdmissionSelection;
  logging: KapiLogger;
  metrics: MetricsHooks;
  watchCacheSizes: ReadonlyMap<string, number>;
  /** PEM of the cluster CA the serving certificate chains to (the root CA controllers publish). */
  rootCA: string;
  /** Registers a post-start hook on the kube-apiserver tier (in-process controllers). */
  addPostStartHook: (name: string, hook: PostStartHook) => void;
  /** The server's authorizer (every --authorization-mode), which access reviews ask. */
  authorizer: Authorizer;
  /** The credential authenticators (client certificates, tokens; not anonymous), which TokenReviews ask. */
  tokenAuthenticators: readonly Authenticator[];
}

/**
 * What other layers plug into the chain. Each is optional; what is absent is not served
 * (no pretending): no `restInstaller` means no resource endpoints.
 */
export interface ServerChainPlugins {
  /** Builds the REST handlers of the built-in groups over the storage and scheme. */
  restInstaller?(context: RestInstallerContext): RestInstaller;
  /** Subresources the REST installer serves that ResourceInfos do not list (pods/binding, pods/eviction), for discovery. */
  discoverySubresources?: ExtraSubresources;
  /** Authorization modes beyond AlwaysAllow and AlwaysDeny (RBAC, Node, Webhook). */
  authorizers?: AuthorizerFactories;
  /** Token authenticators tried after client certificates and before --token-auth-file (service account tokens). */
  authenticators?: readonly Authenticator[];
  /** Discovery of groups served by later tiers (CRDs, aggregated APIs). */
  extraDiscovery?: DiscoverySource[];
  /** Makes the extensions tier dynamic: serves the custom resources of CustomResourceDefinitions. */
  extensionsTier?(context: TierContext): TierPlugin;
  /** Makes the aggregator dynamic: APIService availability and the proxy to aggregated servers. */
  aggregatorTier?(context: TierContext): TierPlugin;
}

/** What the chain hands a dynamic tier (extensions, aggregator) after the REST installer is built. */
export interface TierContext extends RestInstallerContext {
  /** The tier's own server: its routes (handleMatcher, handlePrefix), health checks and post-start hooks. */
  readonly server: GenericAPIServer;
  /** The REST installer of the stored groups (the kube tier's), undefined when none is plugged in. */
  readonly installer: RestInstaller | undefined;
  readonly options: CompletedServeOptions;
  readonly pki: Pki;
  /** What the tiers below this one serve (for the aggregator: built-ins and custom resources). */
  readonly localDiscovery: DiscoverySource;
}

/** What a dynamic tier adds to the head's discovery and OpenAPI documents, asked per request. */
export interface TierPlugin {
  readonly discovery?: DiscoverySource;
  readonly openapi?: DynamicSchemaSource;
  /** Stops what the tier started (informers, controllers, connections); called after the server stopped. */
  close?(): Promise<void>;
}

export interface ServerChain {
  readonly server: GenericAPIServer;
  readonly storage: Storage;
  readonly scheme: Scheme;
  readonly pki?: Pki;
  readonly logging: KapiLogger;
  /** Closes what the chain opened (the storage), after the server stopped. */
  close(): Promise<void>;
}

export function openStorage(options: CompletedServeOptions): Storage {
  const compactIntervalMs = options.compactionIntervalMs;
  if (options.etcdServers.length > 0) return openEtcd3Storage({ endpoints: options.etcdServers, compactIntervalMs });
  return openSqliteStorage({ path: options.sqlitePath!, compactIntervalMs });
}

/**
 * Builds the chain: PKI, storage, authentication, authorization, audit, and the three tiers
 * kube-aggregator → kube-apiserver → apiextensions-apiserver → 404.
 */
export async function createServerChain(options: CompletedServeOptions, plugins: ServerChainPlugins = {}, logging?: KapiLogger): Promise<ServerChain> {
  const log = logging ?? createLogger({ verbosity: options.verbosity });
  const pki = ensurePki(options.dataDir, [options.bindAddress]);
  const storage = openStorage(options);
  const scheme = new Scheme();
  for (const group of generatedGroups) group.install(scheme);

  const config = new Config();
  config.logging = log;
  const metrics = new ServerMetrics({ processMetrics: true });
  config.metrics = metrics;
  config.maxRequestsInFlight = options.maxRequestsInflight;
  config.maxMutatingRequestsInFlight = options.maxMutatingRequestsInflight;
  config.requestTimeoutMs = options.requestTimeoutMs;
  config.shutdownDelayMs = options.shutdownDelayMs;
  config.anonymousAuth = options.anonymousAuth;
  config.aggregatedDiscovery = options.featureGates['AggregatedDiscoveryEndpoint'] ?? true;
  const clientCAFile = options.clientCAFile ?? pki.ca.cert;
  config.secureServing = {
    bindAddress: options.bindAddress,
    port: options.securePort,
    cert: readFileSync(options.tlsCertFile ?? pki.serving.cert),
    key: readFileSync(options.tlsPrivateKeyFile ?? pki.serving.key),
    clientCA: readFileSync(clientCAFile),
  };
  config.authenticators = [x509Authenticator(), ...(plugins.authenticators ?? [])];
  if (options.tokenAuthFile) config.authenticators.push(tokenFileAuthenticator(options.tokenAuthFile));
  config.authorizers = authorizersForModes(options.authorizationMode, plugins.authorizers);
  if (options.auditLogPath) config.auditBackend = logAuditBackend(options.auditLogPath);
  config.storageHealthCheck = async () => {
    await Promise.race([
      storage.currentRevision(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('storage did not answer within 2s')), 2000).unref()),
    ]);
  };
  const completed = config.complete();

  // Built bottom-up as kube-apiserver's createServerChain does: each tier hands what it does not
  // serve to the next, and the last one's miss is the 404 the head writes.
  const extensions = completed.new('apiextensions-apiserver');
  const kube = completed.new('kube-apiserver', extensions);
  const admission = { enable: options.enableAdmissionPlugins, disable: options.disableAdmissionPlugins };
  const installerContext: RestInstallerContext = {
    storage,
    scheme,
    admission,
    logging: log,
    metrics,
    watchCacheSizes: options.watchCacheSizes,
    rootCA: readFileSync(pki.ca.cert, 'utf8'),
    addPostStartHook: (name, hook) => kube.addPostStartHook(name, hook),
    authorizer: completed.authorizer,
    tokenAuthenticators: config.authenticators,
  };
  const installer = plugins.restInstaller?.(installerContext);
  // The head copies its delegates' post-start hooks and health checks when it is made, so it
  // comes after everything the lower tiers register.
  const aggregator = completed.new('kube-aggregator', kube);
  if (installer) {
    for (const info of scheme.allGroups()) {
      const versions = info.versions.map((version) => ({ version, resources: scheme.resourcesOf({ group: info.name, version }) }));
      tierOf(info.name, { aggregator, kube, extensions }).installAPIGroup({ name: info.name, versions }, installer);
    }
  } else {
    log.logger.warn('no REST installer is plugged in: resources are listed in discovery and OpenAPI, their endpoints answer 404');
  }

  const tierBase = { ...installerContext, installer, options, pki };
  const builtins = schemeDiscoverySource(scheme, plugins.discoverySubresources);
  const extensionsPlugin = plugins.extensionsTier?.({ ...tierBase, server: extensions, localDiscovery: builtins });
  const local = unionDiscoverySource([builtins, ...(extensionsPlugin?.discovery ? [extensionsPlugin.discovery] : [])]);
  const aggregatorPlugin = plugins.aggregatorTier?.({ ...tierBase, server: aggregator, localDiscovery: local });
  const tierPlugins = [extensionsPlugin, aggregatorPlugin].filter((p): p is TierPlugin => p !== undefined);

  const discovery = unionDiscoverySource([
    local,
    ...(aggregatorPlugin?.discovery ? [aggregatorPlugin.discovery] : []),
    ...(plugins.extraDiscovery ?? []),
  ]);
  aggregator.installDiscovery(discovery);
  const dynamicSchemas = tierPlugins.flatMap((p) => (p.openapi ? [p.openapi] : []));
  aggregator.installOpenAPI(openAPISource(discovery, await loadGeneratedSchemaModules(), dynamicSchemas));

  const close = async (): Promise<void> => {
    for (const plugin of tierPlugins.reverse()) await plugin.close?.();
    await storage.close();
  };
  return { server: aggregator, storage, scheme, pki, logging: log, close };
}

/**
 * The tier serving a built-in group, as upstream splits them: CustomResourceDefinitions in the
 * extensions server, APIServices in the aggregator, everything else in the kube server.
 */
export function tierOf<T>(group: string, tiers: { readonly aggregator: T; readonly kube: T; readonly extensions: T }): T {
  if (group === 'apiextensions.k8s.io') return tiers.extensions;
  if (group === 'apiregistration.k8s.io') return tiers.aggregator;
  return tiers.kube;
}

/** Runs the chain until `signal` aborts; writes admin.kubeconfig once the port is known. */
export async function runServerChain(chain: ServerChain, options: CompletedServeOptions, signal: AbortSignal): Promise<void> {
  const prepared = chain.server.prepareRun();
  const address = await prepared.start();
  const url = localServerURL(options.bindAddress, address.port);
  if (chain.pki) {
    const kubeconfig = writeAdminKubeconfig(options.dataDir, chain.pki, url);
    chain.logging.logger.info({ url, kubeconfig }, `ready: KUBECONFIG=${kubeconfig} kubectl get --raw /readyz`);
  }
  if (!signal.aborted) await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
  await prepared.shutdown();
  await chain.close();
}

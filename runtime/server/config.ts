/**
 * Server configuration, complete-then-construct as in apiserver:
 *
 *   const config = new Config();  config.maxRequestsInFlight = 800; …
 *   const completed = config.complete();          // defaults filled in, derived values computed
 *   const server = completed.new('kube-apiserver', delegate);
 */
import type { AuditBackend } from './audit/types.js';
import { anonymousAuthenticator } from './authentication/anonymous.js';
import type { Authenticator } from './authentication/types.js';
import { alwaysAllow, unionAuthorizer } from './authorization/modes.js';
import type { Authorizer } from './authorization/types.js';
import type { HealthChecker } from './healthz.js';
import { silentLogger, type KapiLogger } from './logging.js';
import { ServerMetrics } from './metrics.js';
import { GenericAPIServer, type DelegationTarget } from './server.js';
import { defaultVersionInfo, type VersionInfo } from './version.js';

/** TLS serving: a certificate and key, and the CA client certificates are checked against. */
export interface SecureServingInfo {
  readonly bindAddress: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly cert: string | Buffer;
  readonly key: string | Buffer;
  /** PEM of the client CA bundle (`--client-ca-file`); absent means no client certificates are requested. */
  readonly clientCA?: string | Buffer;
}

export class Config {
  /** `--max-requests-inflight`: read-only requests served at once; 0 is unlimited. */
  maxRequestsInFlight = 400;
  /** `--max-mutating-requests-inflight`: mutating requests served at once; 0 is unlimited. */
  maxMutatingRequestsInFlight = 200;
  /** `--request-timeout`: the deadline of non-long-running requests, in milliseconds. */
  requestTimeoutMs = 60_000;
  /** Authenticators tried in order (x509, tokens, …); anonymous is appended when enabled. */
  authenticators: Authenticator[] = [];
  /** `--anonymous-auth`. */
  anonymousAuth = true;
  /** Authorizers asked in order (`--authorization-mode`); AlwaysAllow when empty. */
  authorizers: Authorizer[] = [];
  /** Where audit events go (`--audit-log-path`); none by default. */
  auditBackend?: AuditBackend;
  /** The storage health check, served as `etcd` in healthz, livez and readyz. */
  storageHealthCheck?: () => Promise<void> | void;
  /** Extra checks for all three endpoints. */
  healthChecks: HealthChecker[] = [];
  /** What /version reports. */
  version?: VersionInfo;
  logging?: KapiLogger;
  metrics?: ServerMetrics;
  /** How long readyz reports failure before the listener closes (`--shutdown-delay-duration`). */
  shutdownDelayMs = 0;
  /** How long in-flight requests may take to finish at shutdown before connections are cut. */
  shutdownTimeoutMs = 60_000;
  /** TLS; plain HTTP when absent (tests only). */
  secureServing?: SecureServingInfo;
  /** The address clients reach this server at, for `serverAddressByClientCIDRs`. */
  externalAddress?: string;
  /** Whether /api and /apis answer in the aggregated form when asked (feature gate AggregatedDiscoveryEndpoint). */
  aggregatedDiscovery = true;

  complete(): CompletedConfig {
    return new CompletedConfig(this);
  }
}

export class CompletedConfig {
  readonly maxRequestsInFlight: number;
  readonly maxMutatingRequestsInFlight: number;
  readonly requestTimeoutMs: number;
  readonly authenticators: readonly Authenticator[];
  readonly authorizer: Authorizer;
  readonly auditBackend?: AuditBackend;
  readonly healthChecks: readonly HealthChecker[];
  readonly version: VersionInfo;
  readonly logging: KapiLogger;
  readonly metrics: ServerMetrics;
  readonly shutdownDelayMs: number;
  readonly shutdownTimeoutMs: number;
  readonly secureServing?: SecureServingInfo;
  readonly externalAddress?: string;
  readonly aggregatedDiscovery: boolean;

  constructor(config: Config) {
    this.maxRequestsInFlight = config.maxRequestsInFlight;
    this.maxMutatingRequestsInFlight = config.maxMutatingRequestsInFlight;
    this.requestTimeoutMs = config.requestTimeoutMs;
    this.authenticators = config.anonymousAuth ? [...config.authenticators, anonymousAuthenticator()] : [...config.authenticators];
    this.authorizer = config.authorizers.length === 0 ? alwaysAllow : unionAuthorizer(config.authorizers);
    this.auditBackend = config.auditBackend;
    const storage = config.storageHealthCheck;
    this.healthChecks = storage ? [{ name: 'etcd', check: storage }, ...config.healthChecks] : [...config.healthChecks];
    this.version = config.version ?? defaultVersionInfo();
    this.logging = config.logging ?? silentLogger();
    this.metrics = config.metrics ?? new ServerMetrics();
    this.shutdownDelayMs = config.shutdownDelayMs;
    this.shutdownTimeoutMs = config.shutdownTimeoutMs;
    this.secureServing = config.secureServing;
    this.externalAddress = config.externalAddress;
    this.aggregatedDiscovery = config.aggregatedDiscovery;
  }

  /** Builds a server named `name` that hands requests it does not serve to `delegate`. */
  new(name: string, delegate?: DelegationTarget): GenericAPIServer {
    return new GenericAPIServer(name, this, delegate);
  }
}

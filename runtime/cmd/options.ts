/**
 * `kapi serve` flags, with kube-apiserver's names, and their validation and completion:
 * flags → ServeOptions → validate() → complete() (paths resolved, defaults derived).
 */
import path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { parseGoDuration } from '../machinery/protobuf/go-duration.js';

export interface ServeOptions {
  securePort: number;
  bindAddress: string;
  etcdServers: string[];
  dataDir: string;
  clientCAFile?: string;
  tlsCertFile?: string;
  tlsPrivateKeyFile?: string;
  tokenAuthFile?: string;
  anonymousAuth: boolean;
  authorizationMode: string[];
  enableAdmissionPlugins: string[];
  disableAdmissionPlugins: string[];
  maxRequestsInflight: number;
  maxMutatingRequestsInflight: number;
  requestTimeoutMs: number;
  shutdownDelayMs: number;
  auditLogPath?: string;
  verbosity: number;
  /** `--feature-gates`: the gates set explicitly, by name. */
  featureGates: Record<string, boolean>;
  /** `--etcd-compaction-interval`: how often the store compacts old revisions (SQLite too); 0 disables it. */
  compactionIntervalMs: number;
  /** `--watch-cache-sizes`: watch cache capacity per `resource[.group]`; 0 disables it. */
  watchCacheSizes: Map<string, number>;
  /** `--proxy-client-cert-file` / `--proxy-client-key-file`: what the aggregator authenticates to aggregated servers with. */
  proxyClientCertFile?: string;
  proxyClientKeyFile?: string;
  /** `--requestheader-client-ca-file`: the CA of front-proxy client certificates, published for aggregated servers. */
  requestheaderClientCAFile?: string;
  /** `--requestheader-allowed-names`: common names a front proxy may have (empty: any the CA signed). */
  requestheaderAllowedNames: string[];
  /** `--requestheader-username-headers`, `--requestheader-group-headers`, `--requestheader-extra-headers-prefix`. */
  requestheaderUsernameHeaders: string[];
  /** `--requestheader-uid-headers`: request headers aggregated servers read the user's UID from. */
  requestheaderUidHeaders: string[];
  requestheaderGroupHeaders: string[];
  requestheaderExtraHeadersPrefix: string[];
  /** `--enable-aggregator-routing`: accepted; kapi has no kube-proxy, so it always routes to endpoints. */
  enableAggregatorRouting: boolean;
}

/** Options with paths made absolute and derived values filled in. */
export interface CompletedServeOptions extends ServeOptions {
  /** The SQLite file, when no etcd servers are given. */
  readonly sqlitePath?: string;
}

function integer(name: string, min: number, max: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`${name} must be an integer from ${min} to ${max}`);
    return n;
  };
}

function list(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((v) => v.trim()).filter((v) => v !== '')];
}

function durationMs(value: string): number {
  try {
    return Number(parseGoDuration(value) / 1_000_000n);
  } catch {
    throw new InvalidArgumentError(`"${value}" is not a duration like 60s or 1m0s`);
  }
}

function goBool(value: string): boolean {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value)) return false;
  throw new InvalidArgumentError(`"${value}" is not a boolean`);
}

/** The feature gates `kapi serve` knows, with their defaults. */
export const FEATURE_GATES: Readonly<Record<string, boolean>> = {
  /** /api and /apis answer aggregated discovery to clients that ask for it. */
  AggregatedDiscoveryEndpoint: true,
};

/** `--feature-gates=A=true,B=false`, parsed with Go's boolean spellings; unknown gates are refused. */
function featureGates(value: string, previous: Record<string, boolean> = {}): Record<string, boolean> {
  const gates = { ...previous };
  for (const pair of value.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
    const [name, setting, ...rest] = pair.split('=');
    if (setting === undefined || rest.length > 0) throw new InvalidArgumentError(`missing bool value for ${name}`);
    if (!(name in FEATURE_GATES)) throw new InvalidArgumentError(`unrecognized feature gate: ${name}`);
    gates[name] = goBool(setting);
  }
  return gates;
}

/** `--watch-cache-sizes=resource[.group]#size,…`, as kube-apiserver reads it. */
function watchCacheSizes(value: string, previous: Map<string, number> = new Map()): Map<string, number> {
  const sizes = new Map(previous);
  for (const pair of value.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
    const [resource, size, ...rest] = pair.split('#');
    const n = Number(size);
    if (!resource || rest.length > 0 || size === undefined || size === '' || !Number.isInteger(n) || n < 0) {
      throw new InvalidArgumentError(`invalid value of watch cache size: ${pair}`);
    }
    sizes.set(resource.toLowerCase(), n);
  }
  return sizes;
}

/** Adds the serve flags to a command. */
export function addServeFlags(command: Command): Command {
  return command
    .addOption(new Option('--secure-port <port>', 'the port to serve HTTPS on').argParser(integer('--secure-port', 0, 65535)).default(6443))
    .addOption(new Option('--bind-address <ip>', 'the address to listen on').default('127.0.0.1'))
    .addOption(new Option('--etcd-servers <urls>', 'etcd servers to store in (comma-separated); SQLite under --data-dir when absent').argParser(list).default([]))
    .addOption(new Option('--data-dir <dir>', 'where the SQLite store, certificates and admin.kubeconfig live').default('./.kapi'))
    .addOption(new Option('--client-ca-file <file>', 'CA bundle client certificates are verified against (default: the CA under --data-dir)'))
    .addOption(new Option('--tls-cert-file <file>', 'the serving certificate (default: one created under --data-dir)'))
    .addOption(new Option('--tls-private-key-file <file>', 'the key of --tls-cert-file'))
    .addOption(new Option('--token-auth-file <file>', 'static bearer tokens, CSV lines token,user,uid,"group1,group2"'))
    .addOption(new Option('--anonymous-auth <bool>', 'serve requests without credentials as system:anonymous').argParser(goBool).default(true))
    .addOption(new Option('--authorization-mode <modes>', 'authorizers in order (comma-separated): AlwaysAllow, AlwaysDeny').argParser(list))
    .addOption(new Option('--enable-admission-plugins <plugins>', 'admission plugins to enable in addition to the defaults (comma-separated)').argParser(list).default([]))
    .addOption(new Option('--disable-admission-plugins <plugins>', 'admission plugins to disable (comma-separated)').argParser(list).default([]))
    .addOption(new Option('--max-requests-inflight <n>', 'read-only requests served at once; 0 is unlimited').argParser(integer('--max-requests-inflight', 0, 1e9)).default(400))
    .addOption(
      new Option('--max-mutating-requests-inflight <n>', 'mutating requests served at once; 0 is unlimited').argParser(integer('--max-mutating-requests-inflight', 0, 1e9)).default(200),
    )
    .addOption(new Option('--request-timeout <duration>', 'deadline of non-long-running requests').argParser(durationMs).default(60_000, '1m0s'))
    .addOption(new Option('--shutdown-delay-duration <duration>', 'how long readyz fails before the server stops accepting requests').argParser(durationMs).default(0, '0s'))
    .addOption(new Option('--audit-log-path <file>', 'append audit events (JSON lines) to this file; - is standard output'))
    .addOption(
      new Option('--etcd-compaction-interval <duration>', 'how often old revisions are compacted away (also on SQLite); 0 disables compaction')
        .argParser(durationMs)
        .default(5 * 60_000, '5m0s'),
    )
    .addOption(new Option('--feature-gates <gates>', `feature gates, comma-separated name=bool pairs (known: ${Object.keys(FEATURE_GATES).join(', ')})`).argParser(featureGates).default({}))
    .addOption(new Option('--watch-cache-sizes <sizes>', 'watch cache capacity per resource, comma-separated resource[.group]#size; 0 disables it').argParser(watchCacheSizes).default(new Map()))
    .addOption(new Option('--proxy-client-cert-file <file>', 'client certificate the aggregator proxies with (default: one created under --data-dir, CN front-proxy-client)'))
    .addOption(new Option('--proxy-client-key-file <file>', 'the key of --proxy-client-cert-file'))
    .addOption(new Option('--requestheader-client-ca-file <file>', 'CA of front-proxy client certificates (default: the front-proxy CA under --data-dir)'))
    .addOption(new Option('--requestheader-allowed-names <names>', 'common names a front-proxy client certificate may carry (comma-separated); empty allows any').argParser(list))
    .addOption(new Option('--requestheader-username-headers <headers>', 'request headers to read the user name from (comma-separated)').argParser(list))
    .addOption(new Option('--requestheader-uid-headers <headers>', 'request headers to read the user UID from (comma-separated)').argParser(list))
    .addOption(new Option('--requestheader-group-headers <headers>', 'request headers to read groups from (comma-separated)').argParser(list))
    .addOption(new Option('--requestheader-extra-headers-prefix <prefixes>', 'request header prefixes to read extra user information from (comma-separated)').argParser(list))
    .addOption(new Option('--enable-aggregator-routing <bool>', 'route aggregated requests to endpoints (always on: kapi has no kube-proxy)').argParser(goBool).default(true))
    .addOption(new Option('-v, --v <level>', 'log verbosity').argParser(integer('-v', 0, 10)).default(0));
}

/** Commander's parsed values as ServeOptions. */
export function serveOptionsFrom(values: Record<string, unknown>): ServeOptions {
  return {
    securePort: values['securePort'] as number,
    bindAddress: values['bindAddress'] as string,
    etcdServers: values['etcdServers'] as string[],
    dataDir: values['dataDir'] as string,
    clientCAFile: values['clientCaFile'] as string | undefined,
    tlsCertFile: values['tlsCertFile'] as string | undefined,
    tlsPrivateKeyFile: values['tlsPrivateKeyFile'] as string | undefined,
    tokenAuthFile: values['tokenAuthFile'] as string | undefined,
    anonymousAuth: values['anonymousAuth'] as boolean,
    authorizationMode: (values['authorizationMode'] as string[] | undefined) ?? ['AlwaysAllow'],
    enableAdmissionPlugins: values['enableAdmissionPlugins'] as string[],
    disableAdmissionPlugins: values['disableAdmissionPlugins'] as string[],
    maxRequestsInflight: values['maxRequestsInflight'] as number,
    maxMutatingRequestsInflight: values['maxMutatingRequestsInflight'] as number,
    requestTimeoutMs: values['requestTimeout'] as number,
    shutdownDelayMs: values['shutdownDelayDuration'] as number,
    auditLogPath: values['auditLogPath'] as string | undefined,
    verbosity: values['v'] as number,
    compactionIntervalMs: values['etcdCompactionInterval'] as number,
    featureGates: { ...FEATURE_GATES, ...(values['featureGates'] as Record<string, boolean> | undefined) },
    watchCacheSizes: (values['watchCacheSizes'] as Map<string, number> | undefined) ?? new Map(),
    proxyClientCertFile: values['proxyClientCertFile'] as string | undefined,
    proxyClientKeyFile: values['proxyClientKeyFile'] as string | undefined,
    requestheaderClientCAFile: values['requestheaderClientCaFile'] as string | undefined,
    requestheaderAllowedNames: (values['requestheaderAllowedNames'] as string[] | undefined) ?? [],
    requestheaderUsernameHeaders: (values['requestheaderUsernameHeaders'] as string[] | undefined) ?? [],
    requestheaderUidHeaders: (values['requestheaderUidHeaders'] as string[] | undefined) ?? [],
    requestheaderGroupHeaders: (values['requestheaderGroupHeaders'] as string[] | undefined) ?? [],
    requestheaderExtraHeadersPrefix: (values['requestheaderExtraHeadersPrefix'] as string[] | undefined) ?? [],
    enableAggregatorRouting: (values['enableAggregatorRouting'] as boolean | undefined) ?? true,
  };
}

/** Every problem with the options, as kube-apiserver's Validate() lists them. */
export function validateServeOptions(o: ServeOptions): string[] {
  const errors: string[] = [];
  if ((o.tlsCertFile === undefined) !== (o.tlsPrivateKeyFile === undefined)) errors.push('--tls-cert-file and --tls-private-key-file must be given together');
  if ((o.proxyClientCertFile === undefined) !== (o.proxyClientKeyFile === undefined)) errors.push('--proxy-client-cert-file and --proxy-client-key-file must be given together');
  const both = o.enableAdmissionPlugins.filter((p) => o.disableAdmissionPlugins.includes(p));
  if (both.length > 0) errors.push(`${both.join(', ')} in both --enable-admission-plugins and --disable-admission-plugins`);
  if (o.authorizationMode.length === 0) errors.push('--authorization-mode needs at least one mode');
  const duplicated = o.authorizationMode.filter((m, i) => o.authorizationMode.indexOf(m) !== i);
  if (duplicated.length > 0) errors.push(`--authorization-mode has ${duplicated.join(', ')} more than once`);
  return errors;
}

export function completeServeOptions(o: ServeOptions): CompletedServeOptions {
  const abs = (p: string | undefined): string | undefined => (p === undefined || p === '-' ? p : path.resolve(p));
  const dataDir = path.resolve(o.dataDir);
  return {
    ...o,
    dataDir,
    clientCAFile: abs(o.clientCAFile),
    tlsCertFile: abs(o.tlsCertFile),
    tlsPrivateKeyFile: abs(o.tlsPrivateKeyFile),
    tokenAuthFile: abs(o.tokenAuthFile),
    auditLogPath: abs(o.auditLogPath),
    proxyClientCertFile: abs(o.proxyClientCertFile),
    proxyClientKeyFile: abs(o.proxyClientKeyFile),
    requestheaderClientCAFile: abs(o.requestheaderClientCAFile),
    sqlitePath: o.etcdServers.length === 0 ? path.join(dataDir, 'kapi.db') : undefined,
  };
}

/**
 * The sample server's flags, with the names upstream's sample-apiserver (and every delegating
 * extension server) uses, validated and completed (paths made absolute) before the server is built.
 */
import path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';

export interface SampleServerOptions {
  securePort: number;
  bindAddress: string;
  dataDir: string;
  etcdServers: string[];
  tlsCertFile?: string;
  tlsPrivateKeyFile?: string;
  /** DNS names of the self-signed serving certificate beyond localhost (the Service's `<name>.<namespace>.svc`). */
  certDNSNames: string[];
  /** `--requestheader-client-ca-file`: the CA front-proxy (aggregator) client certificates chain to. */
  requestheaderClientCAFile?: string;
  requestheaderAllowedNames: string[];
  requestheaderUsernameHeaders: string[];
  requestheaderGroupHeaders: string[];
  requestheaderExtraHeadersPrefix: string[];
  /** `--authorization-kubeconfig`: ask the core API server it names (SubjectAccessReview) instead of allowing every authenticated user. */
  authorizationKubeconfig?: string;
  /** Requests without credentials are system:anonymous, allowed only the health paths. */
  anonymousAuth: boolean;
  /** Admission plugins switched off (`BanFlunder`). */
  disableAdmissionPlugins: string[];
  verbosity: number;
}

/** The plugins the sample server knows; all are on unless disabled. */
export const ADMISSION_PLUGINS: readonly string[] = ['BanFlunder'];

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

function goBool(value: string): boolean {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value)) return false;
  throw new InvalidArgumentError(`"${value}" is not a boolean`);
}

export function addSampleServerFlags(command: Command): Command {
  return command
    .addOption(new Option('--secure-port <port>', 'the port to serve HTTPS on').argParser(integer('--secure-port', 0, 65535)).default(8443))
    .addOption(new Option('--bind-address <ip>', 'the address to listen on').default('127.0.0.1'))
    .addOption(new Option('--data-dir <dir>', 'where the SQLite store and the self-signed serving certificate live').default('./.sample-apiserver'))
    .addOption(new Option('--etcd-servers <urls>', 'etcd servers to store in (comma-separated); SQLite under --data-dir when absent').argParser(list).default([]))
    .addOption(new Option('--tls-cert-file <file>', 'the serving certificate (default: a self-signed one under --data-dir)'))
    .addOption(new Option('--tls-private-key-file <file>', 'the key of --tls-cert-file'))
    .addOption(new Option('--cert-dns-names <names>', 'DNS names of the self-signed serving certificate beyond localhost (comma-separated), such as the Service name api.wardle.svc the aggregator checks').argParser(list).default([]))
    .addOption(new Option('--requestheader-client-ca-file <file>', 'CA bundle front-proxy client certificates are verified against (required)'))
    .addOption(new Option('--requestheader-allowed-names <names>', 'common names a front-proxy certificate may carry (comma-separated); empty allows any').argParser(list).default([]))
    .addOption(new Option('--requestheader-username-headers <headers>', 'headers the user name is read from').argParser(list))
    .addOption(new Option('--requestheader-group-headers <headers>', 'headers groups are read from').argParser(list))
    .addOption(new Option('--requestheader-extra-headers-prefix <prefixes>', 'prefixes of headers extra user information is read from').argParser(list))
    .addOption(new Option('--authorization-kubeconfig <file>', 'kubeconfig of the core API server to delegate authorization to (SubjectAccessReview); without it every authenticated user is allowed'))
    .addOption(new Option('--anonymous-auth <bool>', 'serve requests without credentials as system:anonymous (health paths only)').argParser(goBool).default(true))
    .addOption(new Option('--disable-admission-plugins <plugins>', `admission plugins to switch off (known: ${ADMISSION_PLUGINS.join(', ')})`).argParser(list).default([]))
    .addOption(new Option('-v, --v <level>', 'log verbosity').argParser(integer('-v', 0, 10)).default(0));
}

export function sampleOptionsFrom(values: Record<string, unknown>): SampleServerOptions {
  return {
    securePort: values['securePort'] as number,
    bindAddress: values['bindAddress'] as string,
    dataDir: values['dataDir'] as string,
    etcdServers: (values['etcdServers'] as string[] | undefined) ?? [],
    tlsCertFile: values['tlsCertFile'] as string | undefined,
    tlsPrivateKeyFile: values['tlsPrivateKeyFile'] as string | undefined,
    certDNSNames: (values['certDnsNames'] as string[] | undefined) ?? [],
    requestheaderClientCAFile: values['requestheaderClientCaFile'] as string | undefined,
    requestheaderAllowedNames: (values['requestheaderAllowedNames'] as string[] | undefined) ?? [],
    requestheaderUsernameHeaders: (values['requestheaderUsernameHeaders'] as string[] | undefined) ?? ['X-Remote-User'],
    requestheaderGroupHeaders: (values['requestheaderGroupHeaders'] as string[] | undefined) ?? ['X-Remote-Group'],
    requestheaderExtraHeadersPrefix: (values['requestheaderExtraHeadersPrefix'] as string[] | undefined) ?? ['X-Remote-Extra-'],
    authorizationKubeconfig: values['authorizationKubeconfig'] as string | undefined,
    anonymousAuth: (values['anonymousAuth'] as boolean | undefined) ?? true,
    disableAdmissionPlugins: (values['disableAdmissionPlugins'] as string[] | undefined) ?? [],
    verbosity: (values['v'] as number | undefined) ?? 0,
  };
}

/** What is wrong with the flags, one message each. */
export function validateSampleOptions(o: SampleServerOptions): string[] {
  const errors: string[] = [];
  if (!o.requestheaderClientCAFile) errors.push('--requestheader-client-ca-file is required: without it no request can be authenticated');
  if ((o.tlsCertFile === undefined) !== (o.tlsPrivateKeyFile === undefined)) errors.push('--tls-cert-file and --tls-private-key-file must be given together');
  const unknown = o.disableAdmissionPlugins.filter((p) => !ADMISSION_PLUGINS.includes(p));
  if (unknown.length > 0) errors.push(`unknown admission plugins: ${unknown.join(', ')}`);
  return errors;
}

/** The options with every path absolute. */
export function completeSampleOptions(o: SampleServerOptions): SampleServerOptions {
  const abs = (p: string | undefined): string | undefined => (p === undefined ? undefined : path.resolve(p));
  return {
    ...o,
    dataDir: path.resolve(o.dataDir),
    tlsCertFile: abs(o.tlsCertFile),
    tlsPrivateKeyFile: abs(o.tlsPrivateKeyFile),
    requestheaderClientCAFile: abs(o.requestheaderClientCAFile),
    authorizationKubeconfig: abs(o.authorizationKubeconfig),
  };
}

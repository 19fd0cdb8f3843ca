/**
 * The certificates `kapi serve` creates on first start under `<data-dir>/pki`, as kubeadm lays
 * them out: a CA, a serving certificate for the API server (SANs 127.0.0.1, ::1, localhost and
 * the in-cluster names), an admin client certificate (CN kubernetes-admin, O system:masters), a
 * front-proxy CA of its own and the client certificate the aggregator proxies with (CN
 * front-proxy-client), and `<data-dir>/admin.kubeconfig`, which reaches the server with nothing else.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import forge from 'node-forge';
import { stringify as toYaml } from 'yaml';

export interface KeyPairFiles {
  readonly cert: string;
  readonly key: string;
}

export interface Pki {
  readonly dir: string;
  readonly ca: KeyPairFiles;
  readonly serving: KeyPairFiles;
  readonly admin: KeyPairFiles;
  /** The CA aggregated API servers trust for front-proxy requests (`--requestheader-client-ca-file`). */
  readonly frontProxyCA: KeyPairFiles;
  /** The client certificate the aggregator authenticates to aggregated API servers with (`--proxy-client-cert-file`). */
  readonly frontProxyClient: KeyPairFiles;
}

/** The common name of the generated front-proxy client certificate (`--requestheader-allowed-names`). */
export const FRONT_PROXY_CLIENT_NAME = 'front-proxy-client';

export const ADMIN_USER = 'kubernetes-admin';
export const ADMIN_GROUP = 'system:masters';

const YEAR_MS = 365 * 24 * 3600 * 1000;

function newKey(): { forgeKey: forge.pki.rsa.PrivateKey; publicKey: forge.pki.rsa.PublicKey; pem: string } {
  // Node's generator is native and fast; forge signs the certificates.
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const forgeKey = forge.pki.privateKeyFromPem(pem);
  return { forgeKey, publicKey: forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e), pem };
}

function serialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] &= 0x7f; // positive
  return bytes.toString('hex');
}

interface CertificateRequest {
  readonly commonName: string;
  readonly organizations?: readonly string[];
  readonly validForMs: number;
  readonly isCA?: boolean;
  readonly usage?: 'server' | 'client';
  readonly dnsNames?: readonly string[];
  readonly ips?: readonly string[];
}

function createCertificate(
  request: CertificateRequest,
  publicKey: forge.pki.rsa.PublicKey,
  signer?: { cert: forge.pki.Certificate; key: forge.pki.rsa.PrivateKey },
  selfKey?: forge.pki.rsa.PrivateKey,
): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = serialNumber();
  const now = Date.now();
  cert.validity.notBefore = new Date(now - 5 * 60 * 1000);
  cert.validity.notAfter = new Date(now + request.validForMs);
  const subject: forge.pki.CertificateField[] = [
    ...(request.organizations ?? []).map((value) => ({ shortName: 'O', value })),
    { shortName: 'CN', value: request.commonName },
  ];
  cert.setSubject(subject);
  cert.setIssuer(signer ? signer.cert.subject.attributes : subject);
  const extensions: Record<string, unknown>[] = [];
  if (request.isCA) {
    extensions.push({ name: 'basicConstraints', cA: true, critical: true });
    extensions.push({ name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, keyEncipherment: true, critical: true });
  } else {
    extensions.push({ name: 'basicConstraints', cA: false, critical: true });
    extensions.push({ name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true });
    extensions.push({ name: 'extKeyUsage', serverAuth: request.usage === 'server', clientAuth: request.usage === 'client' });
  }
  const altNames = [
    ...(request.dnsNames ?? []).map((value) => ({ type: 2, value })),
    ...(request.ips ?? []).map((ip) => ({ type: 7, ip })),
  ];
  if (altNames.length > 0) extensions.push({ name: 'subjectAltName', altNames });
  extensions.push({ name: 'subjectKeyIdentifier' });
  if (signer) extensions.push({ name: 'authorityKeyIdentifier', keyIdentifier: signer.cert.generateSubjectKeyIdentifier().getBytes() });
  cert.setExtensions(extensions);
  cert.sign(signer ? signer.key : selfKey!, forge.md.sha256.create());
  return cert;
}

function write(file: string, content: string, mode: number): void {
  writeFileSync(file, content, { mode });
}

/** The in-cluster names of the API server, as kubeadm puts them in its serving certificate. */
const SERVING_DNS_NAMES = ['localhost', 'kubernetes', 'kubernetes.default', 'kubernetes.default.svc', 'kubernetes.default.svc.cluster.local'];

/**
 * Creates what is missing under `<dataDir>/pki` (the CA first; a new CA reissues the others) and
 * returns the file paths. `extraIPs` are added to the serving certificate's SANs.
 */
export function ensurePki(dataDir: string, extraIPs: readonly string[] = []): Pki {
  const dir = path.join(dataDir, 'pki');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const files = (name: string): KeyPairFiles => ({ cert: path.join(dir, `${name}.crt`), key: path.join(dir, `${name}.key`) });
  const pki: Pki = {
    dir,
    ca: files('ca'),
    serving: files('apiserver'),
    admin: files('admin'),
    frontProxyCA: files('front-proxy-ca'),
    frontProxyClient: files('front-proxy-client'),
  };

  const ca = ensureCA(pki.ca, 'kapi-ca');
  const ips = [...new Set(['127.0.0.1', '::1', ...extraIPs.filter((ip) => isIP(ip) !== 0 && ip !== '0.0.0.0' && ip !== '::')])];
  ca.issue(pki.serving, { commonName: 'kube-apiserver', validForMs: YEAR_MS, usage: 'server', dnsNames: SERVING_DNS_NAMES, ips });
  ca.issue(pki.admin, { commonName: ADMIN_USER, organizations: [ADMIN_GROUP], validForMs: YEAR_MS, usage: 'client' });
  // a CA of its own, as kubeadm makes front-proxy-ca: a client certificate of the cluster CA
  // must not be able to pass as the front proxy
  const frontProxy = ensureCA(pki.frontProxyCA, 'front-proxy-ca');
  frontProxy.issue(pki.frontProxyClient, { commonName: FRONT_PROXY_CLIENT_NAME, validForMs: YEAR_MS, usage: 'client' });
  return pki;
}

/** Creates the CA at `files` when missing; `issue` then makes a certificate it signs (again when the CA is new). */
function ensureCA(files: KeyPairFiles, commonName: string): { issue(target: KeyPairFiles, request: CertificateRequest): void } {
  let created = false;
  if (!existsSync(files.cert) || !existsSync(files.key)) {
    const key = newKey();
    const cert = createCertificate({ commonName, validForMs: 10 * YEAR_MS, isCA: true }, key.publicKey, undefined, key.forgeKey);
    write(files.key, key.pem, 0o600);
    write(files.cert, forge.pki.certificateToPem(cert), 0o644);
    created = true;
  }
  const signer = {
    cert: forge.pki.certificateFromPem(readFileSync(files.cert, 'utf8')),
    key: forge.pki.privateKeyFromPem(readFileSync(files.key, 'utf8')) as forge.pki.rsa.PrivateKey,
  };
  return {
    issue(target, request) {
      if (!created && existsSync(target.cert) && existsSync(target.key)) return;
      const key = newKey();
      const cert = createCertificate(request, key.publicKey, signer);
      write(target.key, key.pem, 0o600);
      write(target.cert, forge.pki.certificateToPem(cert), 0o644);
    },
  };
}

/** The admin kubeconfig: the CA, the admin client certificate, and the server URL. */
export function adminKubeconfig(pki: Pki, serverURL: string): string {
  const b64 = (file: string): string => Buffer.from(readFileSync(file)).toString('base64');
  return toYaml({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'kapi', cluster: { server: serverURL, 'certificate-authority-data': b64(pki.ca.cert) } }],
    users: [{ name: ADMIN_USER, user: { 'client-certificate-data': b64(pki.admin.cert), 'client-key-data': b64(pki.admin.key) } }],
    contexts: [{ name: `${ADMIN_USER}@kapi`, context: { cluster: 'kapi', user: ADMIN_USER } }],
    'current-context': `${ADMIN_USER}@kapi`,
  });
}

/** `https://127.0.0.1:6443`: the URL a local client reaches a server bound to `bindAddress` at. */
export function localServerURL(bindAddress: string, port: number): string {
  const host = bindAddress === '0.0.0.0' || bindAddress === '' ? '127.0.0.1' : bindAddress === '::' ? '::1' : bindAddress;
  return `https://${isIP(host) === 6 ? `[${host}]` : host}:${port}`;
}

export function writeAdminKubeconfig(dataDir: string, pki: Pki, serverURL: string): string {
  const file = path.join(dataDir, 'admin.kubeconfig');
  write(file, adminKubeconfig(pki, serverURL), 0o600);
  return file;
}

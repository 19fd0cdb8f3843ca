/**
 * The self-signed serving certificate the sample server makes under its data dir when no
 * `--tls-cert-file` is given (upstream's MaybeDefaultWithSelfSignedCerts): a CA of its own,
 * `<data-dir>/pki/ca.crt` (what an APIService's caBundle holds), and a serving certificate it
 * signs for the loopback addresses, `localhost` and the names given (the aggregator checks the
 * name `<service>.<namespace>.svc`). Kept across restarts, remade when a name is missing.
 */
import { generateKeyPairSync, randomBytes, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import forge from 'node-forge';

export interface ServingFiles {
  readonly caCert: string;
  readonly cert: string;
  readonly key: string;
}

const YEAR_MS = 365 * 24 * 3600 * 1000;

function newKey(): { key: forge.pki.rsa.PrivateKey; publicKey: forge.pki.rsa.PublicKey; pem: string } {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const key = forge.pki.privateKeyFromPem(pem);
  return { key, publicKey: forge.pki.setRsaPublicKey(key.n, key.e), pem };
}

function certificate(commonName: string, publicKey: forge.pki.rsa.PublicKey, extensions: Record<string, unknown>[]): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  const serial = randomBytes(16);
  serial[0] &= 0x7f;
  cert.serialNumber = serial.toString('hex');
  cert.validity.notBefore = new Date(Date.now() - 5 * 60_000);
  cert.validity.notAfter = new Date(Date.now() + YEAR_MS);
  cert.setSubject([{ shortName: 'CN', value: commonName }]);
  cert.setExtensions(extensions);
  return cert;
}

/** Creates what is missing under `<dataDir>/pki` and returns the file paths. */
export function ensureServingCertificate(dataDir: string, extraDNSNames: readonly string[] = []): ServingFiles {
  const dir = path.join(dataDir, 'pki');
  const files: ServingFiles = { caCert: path.join(dir, 'ca.crt'), cert: path.join(dir, 'apiserver.crt'), key: path.join(dir, 'apiserver.key') };
  const dnsNames = ['localhost', ...extraDNSNames];
  if (existsSync(files.caCert) && existsSync(files.cert) && existsSync(files.key) && covers(files.cert, dnsNames)) return files;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const ca = newKey();
  const caCert = certificate('sample-apiserver-ca', ca.publicKey, [
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, digitalSignature: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  caCert.setIssuer(caCert.subject.attributes);
  caCert.sign(ca.key, forge.md.sha256.create());
  const leaf = newKey();
  const cert = certificate('sample-apiserver', leaf.publicKey, [
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames: [...dnsNames.map((value) => ({ type: 2, value })), { type: 7, ip: '127.0.0.1' }, { type: 7, ip: '::1' }] },
  ]);
  cert.setIssuer(caCert.subject.attributes);
  cert.sign(ca.key, forge.md.sha256.create());
  writeFileSync(files.key, leaf.pem, { mode: 0o600 });
  writeFileSync(files.cert, forge.pki.certificateToPem(cert), { mode: 0o644 });
  writeFileSync(files.caCert, forge.pki.certificateToPem(caCert), { mode: 0o644 });
  return files;
}

/** Whether the certificate in `file` names every one of `dnsNames`. */
function covers(file: string, dnsNames: readonly string[]): boolean {
  const names = (new X509Certificate(readFileSync(file)).subjectAltName ?? '').split(', ');
  return dnsNames.every((name) => names.includes(`DNS:${name}`));
}

/** The PEM of a file, for TLS options. */
export function readPem(file: string): string {
  return readFileSync(file, 'utf8');
}

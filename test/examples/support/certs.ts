/**
 * Throwaway certificate authorities for the front-proxy tests: CAs (and intermediates) that issue
 * client and serving certificates with the subject, usages and validity a case needs.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';

export interface Issued {
  /** PEM of the certificate. */
  readonly cert: string;
  /** PEM of its private key. */
  readonly key: string;
}

export interface IssueRequest {
  readonly commonName: string;
  readonly organizations?: readonly string[];
  /** `client` (the default), `server`, or `none` for no extended key usage at all. */
  readonly usage?: 'client' | 'server' | 'none';
  readonly dnsNames?: readonly string[];
  readonly ips?: readonly string[];
  /** Valid from/until, default from a minute ago for a day. */
  readonly notBefore?: Date;
  readonly notAfter?: Date;
}

export interface TestAuthority extends Issued {
  issue(request: IssueRequest): Issued;
  /** A CA this one signs, for chains with an intermediate. */
  intermediate(commonName: string): TestAuthority;
}

function newKey(): { key: forge.pki.rsa.PrivateKey; publicKey: forge.pki.rsa.PublicKey; pem: string } {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const key = forge.pki.privateKeyFromPem(pem);
  return { key, publicKey: forge.pki.setRsaPublicKey(key.n, key.e), pem };
}

function serial(): string {
  const bytes = randomBytes(16);
  bytes[0] &= 0x7f;
  return bytes.toString('hex');
}

function build(
  subject: forge.pki.CertificateField[],
  publicKey: forge.pki.rsa.PublicKey,
  extensions: Record<string, unknown>[],
  issuer: { cert: forge.pki.Certificate; key: forge.pki.rsa.PrivateKey } | { self: forge.pki.rsa.PrivateKey },
  validity: { notBefore?: Date; notAfter?: Date } = {},
): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = serial();
  cert.validity.notBefore = validity.notBefore ?? new Date(Date.now() - 60_000);
  cert.validity.notAfter = validity.notAfter ?? new Date(Date.now() + 24 * 3600_000);
  cert.setSubject(subject);
  cert.setIssuer('self' in issuer ? subject : issuer.cert.subject.attributes);
  cert.setExtensions(extensions);
  cert.sign('self' in issuer ? issuer.self : issuer.key, forge.md.sha256.create());
  return cert;
}

const CA_EXTENSIONS = [
  { name: 'basicConstraints', cA: true, critical: true },
  { name: 'keyUsage', keyCertSign: true, digitalSignature: true, critical: true },
  { name: 'subjectKeyIdentifier' },
];

function authority(cert: forge.pki.Certificate, key: { key: forge.pki.rsa.PrivateKey; pem: string }): TestAuthority {
  const signer = { cert, key: key.key };
  return {
    cert: forge.pki.certificateToPem(cert),
    key: key.pem,
    issue(request) {
      const leaf = newKey();
      const subject = [...(request.organizations ?? []).map((value) => ({ shortName: 'O', value })), { shortName: 'CN', value: request.commonName }];
      const usage = request.usage ?? 'client';
      const altNames = [...(request.dnsNames ?? []).map((value) => ({ type: 2, value })), ...(request.ips ?? []).map((ip) => ({ type: 7, ip }))];
      const extensions: Record<string, unknown>[] = [
        { name: 'basicConstraints', cA: false, critical: true },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
        ...(usage === 'none' ? [] : [{ name: 'extKeyUsage', clientAuth: usage === 'client', serverAuth: usage === 'server' }]),
        ...(altNames.length > 0 ? [{ name: 'subjectAltName', altNames }] : []),
      ];
      const issued = build(subject, leaf.publicKey, extensions, signer, request);
      return { cert: forge.pki.certificateToPem(issued), key: leaf.pem };
    },
    intermediate(commonName) {
      const inner = newKey();
      return authority(build([{ shortName: 'CN', value: commonName }], inner.publicKey, CA_EXTENSIONS, signer), inner);
    },
  };
}

/** A new self-signed CA named `commonName`. */
export function createAuthority(commonName: string): TestAuthority {
  const key = newKey();
  return authority(build([{ shortName: 'CN', value: commonName }], key.publicKey, CA_EXTENSIONS, { self: key.key }), key);
}

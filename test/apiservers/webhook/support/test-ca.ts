/** A throwaway CA and serving certificates for the webhook servers tests start on loopback. */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';

export interface ServingPair {
  readonly cert: string;
  readonly key: string;
}

export interface TestCA {
  /** PEM of the CA certificate. */
  readonly cert: string;
  /** The CA as a webhook `caBundle` (base64 of the PEM). */
  readonly caBundle: string;
  /** A serving certificate for these DNS names and IPs, signed by the CA. */
  serving(dnsNames: readonly string[], ips?: readonly string[]): ServingPair;
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

function certificate(commonName: string, publicKey: forge.pki.rsa.PublicKey, extensions: Record<string, unknown>[]): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = serial();
  cert.validity.notBefore = new Date(Date.now() - 60_000);
  cert.validity.notAfter = new Date(Date.now() + 24 * 3600_000);
  cert.setSubject([{ shortName: 'CN', value: commonName }]);
  cert.setExtensions(extensions);
  return cert;
}

/** A new CA named `commonName`. */
export function createTestCA(commonName = 'webhook-test-ca'): TestCA {
  const ca = newKey();
  const caCert = certificate(commonName, ca.publicKey, [
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, digitalSignature: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  caCert.setIssuer(caCert.subject.attributes);
  caCert.sign(ca.key, forge.md.sha256.create());
  const caPem = forge.pki.certificateToPem(caCert);
  return {
    cert: caPem,
    caBundle: Buffer.from(caPem).toString('base64'),
    serving(dnsNames, ips = []) {
      const leaf = newKey();
      const cert = certificate(dnsNames[0] ?? ips[0] ?? 'webhook', leaf.publicKey, [
        { name: 'basicConstraints', cA: false, critical: true },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
        { name: 'extKeyUsage', serverAuth: true },
        { name: 'subjectAltName', altNames: [...dnsNames.map((value) => ({ type: 2, value })), ...ips.map((ip) => ({ type: 7, ip }))] },
      ]);
      cert.setIssuer(caCert.subject.attributes);
      cert.sign(ca.key, forge.md.sha256.create());
      return { cert: forge.pki.certificateToPem(cert), key: leaf.pem };
    },
  };
}

/**
 * Whether a caBundle holds at least one certificate (upstream's webhook.ValidateCABundle, which
 * the establishing controller asks before it establishes a CRD with a conversion webhook).
 */
import { X509Certificate } from 'node:crypto';

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

/** `caBundle` as the API carries it (base64 of PEM); empty is valid (the system roots are used). */
export function isValidCABundle(caBundle: string | undefined): boolean {
  if (caBundle === undefined || caBundle === '') return true;
  const pem = Buffer.from(caBundle, 'base64').toString('latin1');
  // bounded: a bundle is at most what one request body can hold
  for (const block of pem.match(PEM_CERTIFICATE) ?? []) {
    try {
      new X509Certificate(block);
      return true;
    } catch {
      // not a certificate; look at the next block
    }
  }
  return false;
}

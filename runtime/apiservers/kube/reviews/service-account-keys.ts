/**
 * The key service account tokens are signed with (kube-apiserver's
 * --service-account-signing-key-file): an RSA key read from a PEM file, created there on first
 * use, and its key ID as upstream derives it (base64url of the SHA-256 of the public key's DER).
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface SigningKey {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  /** The `kid` header of the tokens it signs. */
  readonly keyID: string;
}

export function keyIDOf(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('base64url');
}

/** Reads the key at `file`, or creates a 2048-bit RSA key there (mode 0600) when there is none. */
export function loadOrCreateSigningKey(file: string): SigningKey {
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    writeFileSync(file, privateKey.export({ type: 'pkcs1', format: 'pem' }), { mode: 0o600 });
  }
  const privateKey = createPrivateKey(readFileSync(file));
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, keyID: keyIDOf(publicKey) };
}

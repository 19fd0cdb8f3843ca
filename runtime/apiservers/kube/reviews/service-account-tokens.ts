/**
 * Service account tokens: RS256 JWTs with upstream's claims (pkg/serviceaccount/claims.go):
 * `iss`, `sub` system:serviceaccount:<namespace>:<name>, `aud`, `iat`, `nbf`, `exp`, `jti`, and
 * under `kubernetes.io` the namespace, the service account and the object the token is bound
 * to. Signed and verified with jose.
 */
import { randomUUID } from 'node:crypto';
import { decodeJwt, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import type { SigningKey } from './service-account-keys.js';

export interface TokenSettings {
  readonly key: SigningKey;
  /** `--service-account-issuer`. */
  readonly issuer: string;
  /** `--api-audiences`: what a token is for when a request names no audience; the issuer by default. */
  readonly audiences: readonly string[];
}

export interface ObjectRef {
  readonly name: string;
  readonly uid: string;
}

/** The `kubernetes.io` private claims. */
export interface KubernetesClaims {
  readonly namespace: string;
  readonly serviceaccount: ObjectRef;
  readonly pod?: ObjectRef;
  readonly secret?: ObjectRef;
  readonly node?: ObjectRef;
}

export interface IssuedToken {
  readonly token: string;
  readonly expiresAt: Date;
}

export function serviceAccountUsername(namespace: string, name: string): string {
  return `system:serviceaccount:${namespace}:${name}`;
}

/** Signs a token for `claims`, valid from now for `expirationSeconds`. */
export async function issueToken(settings: TokenSettings, claims: KubernetesClaims, audiences: readonly string[], expirationSeconds: number, now = new Date()): Promise<IssuedToken> {
  const iat = Math.floor(now.getTime() / 1000);
  const token = await new SignJWT({ 'kubernetes.io': claims })
    .setProtectedHeader({ alg: 'RS256', kid: settings.key.keyID })
    .setIssuer(settings.issuer)
    .setSubject(serviceAccountUsername(claims.namespace, claims.serviceaccount.name))
    .setAudience([...audiences])
    .setIssuedAt(iat)
    .setNotBefore(iat)
    .setExpirationTime(iat + expirationSeconds)
    .setJti(randomUUID())
    .sign(settings.key.privateKey);
  return { token, expiresAt: new Date((iat + expirationSeconds) * 1000) };
}

/** Whether a bearer token is a JWT this issuer signed (its signature not yet checked). */
export function isOwnToken(settings: TokenSettings, token: string): boolean {
  try {
    return decodeJwt(token).iss === settings.issuer;
  } catch {
    return false;
  }
}

export interface VerifiedToken {
  readonly claims: KubernetesClaims;
  readonly jti?: string;
  readonly audiences: readonly string[];
}

/**
 * Checks signature, issuer, audience (one of `audiences`, the API audiences by default) and
 * validity period; throws with the reason otherwise.
 */
export async function verifyToken(settings: TokenSettings, token: string, audiences: readonly string[] = settings.audiences): Promise<VerifiedToken> {
  const { payload } = await jwtVerify(token, settings.key.publicKey, { issuer: settings.issuer, audience: [...audiences], algorithms: ['RS256'] });
  const claims = (payload as JWTPayload & { 'kubernetes.io'?: KubernetesClaims })['kubernetes.io'];
  if (!claims || !claims.namespace || !claims.serviceaccount?.name) throw new Error('token lacks the kubernetes.io service account claims');
  const aud = payload.aud === undefined ? [] : Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  return { claims, jti: payload.jti, audiences: aud.filter((a) => audiences.includes(a)) };
}

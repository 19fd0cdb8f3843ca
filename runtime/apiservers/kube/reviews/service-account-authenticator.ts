/**
 * The service account token authenticator: a bearer token this server issued (TokenRequest)
 * authenticates as its service account while the signature, audience and expiry hold and the
 * service account (and the pod or secret it is bound to) still exists with the same UID.
 * Tokens of other issuers and non-JWTs are left to the next authenticator.
 *
 * It is made before the kube tier's stores exist (authenticators are configured first) and
 * bound to them once they do.
 */
import type { IncomingMessage } from 'node:http';
import { isStatusError } from '../../../machinery/errors.js';
import type { KObject } from '../../../registry/meta.js';
import { bearerToken } from '../../../server/authentication/token-file.js';
import { AuthenticationError, type Authenticator, type UserInfo } from '../../../server/authentication/types.js';
import { isOwnToken, serviceAccountUsername, verifyToken, type ObjectRef, type TokenSettings } from './service-account-tokens.js';

/** Reads an object of a namespaced resource; rejects with a 404 Status when it is missing. */
export type ObjectGetter = (resource: 'serviceaccounts' | 'pods' | 'secrets', namespace: string, name: string) => Promise<KObject>;

export class ServiceAccountTokenAuthenticator implements Authenticator {
  readonly name = 'service-account';
  private getter?: Promise<ObjectGetter>;

  constructor(readonly settings: TokenSettings) {}

  /** Where service accounts, pods and secrets are read from; resolves once the stores are built. */
  bind(getter: Promise<ObjectGetter>): void {
    this.getter = getter;
  }

  async authenticate(request: IncomingMessage): Promise<UserInfo | null> {
    const token = bearerToken(request.headers.authorization);
    if (token === undefined) return null;
    return (await this.authenticateToken(token))?.user ?? null;
  }

  /**
   * The user a token stands for, and which of `audiences` (the API audiences by default) it was
   * issued for: what a TokenReview asks. Null for tokens this issuer did not sign.
   */
  async authenticateToken(token: string, audiences?: readonly string[]): Promise<{ user: UserInfo; audiences: readonly string[] } | null> {
    if (!this.getter || !isOwnToken(this.settings, token)) return null;
    let verified;
    try {
      verified = await verifyToken(this.settings, token, audiences && audiences.length > 0 ? audiences : this.settings.audiences);
    } catch (error) {
      throw new AuthenticationError(error instanceof Error ? error.message : String(error));
    }
    const { claims } = verified;
    const get = await this.getter;
    const uidOf = async (resource: 'serviceaccounts' | 'pods' | 'secrets', ref: ObjectRef, what: string): Promise<void> => {
      let object: KObject;
      try {
        object = await get(resource, claims.namespace, ref.name);
      } catch (error) {
        if (isStatusError(error) && error.code === 404) throw new AuthenticationError(`${what} ${claims.namespace}/${ref.name} has been deleted`);
        throw error;
      }
      const uid = (object['metadata'] as { uid?: string } | undefined)?.uid ?? '';
      if (uid !== ref.uid) throw new AuthenticationError(`${what} UID (${uid}) does not match claim (${ref.uid})`);
    };
    await uidOf('serviceaccounts', claims.serviceaccount, 'service account');
    const extra: Record<string, string[]> = {};
    if (claims.pod) {
      await uidOf('pods', claims.pod, 'pod');
      extra['authentication.kubernetes.io/pod-name'] = [claims.pod.name];
      extra['authentication.kubernetes.io/pod-uid'] = [claims.pod.uid];
    }
    if (claims.secret) await uidOf('secrets', claims.secret, 'secret');
    if (verified.jti) extra['authentication.kubernetes.io/credential-id'] = [`JTI=${verified.jti}`];
    const user = {
      name: serviceAccountUsername(claims.namespace, claims.serviceaccount.name),
      uid: claims.serviceaccount.uid,
      groups: ['system:serviceaccounts', `system:serviceaccounts:${claims.namespace}`],
      extra,
    };
    return { user, audiences: verified.audiences };
  }
}

/** Authentication: who a request comes from. Authenticators are tried in order by the filter. */
import type { IncomingMessage } from 'node:http';

/** user.Info: the authenticated user. */
export interface UserInfo {
  readonly name: string;
  readonly uid?: string;
  readonly groups: readonly string[];
  readonly extra?: Readonly<Record<string, readonly string[]>>;
}

export const ANONYMOUS_USER = 'system:anonymous';
export const UNAUTHENTICATED_GROUP = 'system:unauthenticated';
export const AUTHENTICATED_GROUP = 'system:authenticated';
export const MASTERS_GROUP = 'system:masters';

/**
 * An authenticator looks at one kind of credential.
 *
 * Contract: return the user when the request carries a credential of this kind that is valid;
 * return `null` when it carries none (the next authenticator is tried); throw when it carries
 * one that is invalid (the request fails with 401, whatever later authenticators would say).
 */
export interface Authenticator {
  readonly name: string;
  authenticate(request: IncomingMessage): Promise<UserInfo | null> | UserInfo | null;
}

/** Thrown by an authenticator for a credential it recognises but rejects. */
export class AuthenticationError extends Error {}

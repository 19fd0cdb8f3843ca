/** Authorization: may this user do this verb on this resource or path? */
import type { UserInfo } from '../authentication/types.js';

/** authorizer.Attributes: the request as the authorizer sees it. */
export interface AuthorizationAttributes {
  readonly user: UserInfo;
  readonly verb: string;
  readonly resourceRequest: boolean;
  /** For non-resource requests. */
  readonly path: string;
  readonly apiGroup: string;
  readonly apiVersion: string;
  readonly namespace: string;
  readonly resource: string;
  readonly subresource: string;
  readonly name: string;
}

export type Decision = 'Allow' | 'Deny' | 'NoOpinion';

export interface AuthorizationResult {
  readonly decision: Decision;
  /** Why; appended to a 403's message. */
  readonly reason?: string;
}

/**
 * An authorizer (one `--authorization-mode`). Contract: `Allow` and `Deny` are final; `NoOpinion`
 * passes the question to the next mode; a request no mode allows is denied.
 */
export interface Authorizer {
  readonly name: string;
  authorize(attributes: AuthorizationAttributes): Promise<AuthorizationResult> | AuthorizationResult;
}

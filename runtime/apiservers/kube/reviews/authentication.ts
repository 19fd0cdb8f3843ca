/**
 * SelfSubjectReview (`kubectl auth whoami`: the requesting user as the server authenticated it)
 * and TokenReview (is this bearer token valid, and whose is it? asked of the server's token
 * authenticators).
 */
import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { newBadRequest } from '../../../machinery/errors.js';
import type { ResourceInfo } from '../../../machinery/scheme-types.js';
import type { KObject } from '../../../registry/meta.js';
import type { RestStorage } from '../../../registry/rest.js';
import { AUTHENTICATED_GROUP, UNAUTHENTICATED_GROUP, type Authenticator, type UserInfo } from '../../../server/authentication/types.js';
import { requestUser } from './access-reviews.js';
import { createOnlyRest } from './virtual.js';

/** authentication.k8s.io UserInfo: username, uid, groups, extra, each when set. */
function wireUser(user: UserInfo): Record<string, unknown> {
  const out: Record<string, unknown> = { username: user.name };
  if (user.uid) out['uid'] = user.uid;
  if (user.groups.length > 0) out['groups'] = [...user.groups];
  if (user.extra && Object.keys(user.extra).length > 0) {
    out['extra'] = Object.fromEntries(Object.entries(user.extra).map(([k, v]) => [k, [...v]]));
  }
  return out;
}

export function selfSubjectReviewRest(info: ResourceInfo): RestStorage {
  return createOnlyRest(info, async (ctx, object, options) => {
    const user = requestUser(ctx);
    await options.validate?.(structuredClone(object));
    return { ...object, status: { userInfo: wireUser(user) } };
  });
}

/** The message of a token no authenticator accepted (the bearer token authenticator's). */
export const INVALID_BEARER_TOKEN = 'invalid bearer token';

/** A request carrying nothing but the token, as the authenticators read requests. */
function tokenRequest(token: string): IncomingMessage {
  const request = new IncomingMessage(new Socket());
  request.headers = { authorization: `Bearer ${token}` };
  return request;
}

/** An authenticator that can check a token against the audiences a review names (service account tokens). */
interface AudienceAwareAuthenticator extends Authenticator {
  authenticateToken(token: string, audiences?: readonly string[]): Promise<{ user: UserInfo; audiences: readonly string[] } | null>;
}

const audienceAware = (a: Authenticator): a is AudienceAwareAuthenticator => typeof (a as Partial<AudienceAwareAuthenticator>).authenticateToken === 'function';

/**
 * Whether a token belongs to someone, by the authenticators in order (the first user wins), and
 * for which of the requested audiences. Authenticators that know no audiences (static tokens)
 * accept a token for whatever audiences are asked, as upstream's audience-agnostic ones do.
 */
async function authenticateToken(
  authenticators: readonly Authenticator[],
  token: string,
  audiences: readonly string[],
): Promise<{ user?: UserInfo; audiences?: readonly string[]; error?: string }> {
  const request = tokenRequest(token);
  const errors: string[] = [];
  for (const authenticator of authenticators) {
    try {
      if (audienceAware(authenticator)) {
        const found = await authenticator.authenticateToken(token, audiences);
        if (found) return found;
        continue;
      }
      const user = await authenticator.authenticate(request);
      if (user) return { user, audiences };
    } catch (error) {
      errors.push(error instanceof Error ? error.message : String(error));
    }
  }
  if (errors.length === 0) errors.push(INVALID_BEARER_TOKEN);
  return { error: errors.length === 1 ? errors[0] : `[${errors.join(', ')}]` };
}

/** The authenticated group every authenticated user gains, as the authentication filter adds it. */
function withAuthenticatedGroup(user: UserInfo): UserInfo {
  if (user.groups.includes(AUTHENTICATED_GROUP) || user.groups.includes(UNAUTHENTICATED_GROUP)) return user;
  return { ...user, groups: [...user.groups, AUTHENTICATED_GROUP] };
}

/**
 * `authenticators` are those that read credentials (client certificates, bearer tokens), not
 * the anonymous one, which would accept any token.
 */
export function tokenReviewRest(info: ResourceInfo, authenticators: readonly Authenticator[]): RestStorage {
  return createOnlyRest(info, async (_ctx, object, options) => {
    const spec = (object['spec'] ?? {}) as { token?: string; audiences?: string[] };
    if (!spec.token) throw newBadRequest('token is required for TokenReview in authentication');
    await options.validate?.(structuredClone(object));
    const result = await authenticateToken(authenticators, spec.token, spec.audiences ?? []);
    const status: Record<string, unknown> = { authenticated: result.user !== undefined };
    if (result.user) {
      status['user'] = wireUser(withAuthenticatedGroup(result.user));
      if (result.audiences && result.audiences.length > 0) status['audiences'] = [...result.audiences];
    } else {
      status['user'] = {};
    }
    if (result.error) status['error'] = result.error;
    const answer: KObject = { ...object, status };
    return answer;
  });
}

/**
 * Authentication: tries each authenticator in order; the first user found wins and gains the
 * system:authenticated group. A rejected credential is a 401 even when a later authenticator
 * (anonymous) would have accepted the request, as upstream's fail-on-error union does. The
 * Authorization header is removed once the request is authenticated.
 */
import type Koa from 'koa';
import { newUnauthorized } from '../../machinery/errors.js';
import { AUTHENTICATED_GROUP, UNAUTHENTICATED_GROUP, type Authenticator, type UserInfo } from '../authentication/types.js';
import { writeStatus, type KapiState } from '../context.js';

function withAuthenticatedGroup(user: UserInfo): UserInfo {
  if (user.groups.includes(AUTHENTICATED_GROUP) || user.groups.includes(UNAUTHENTICATED_GROUP)) return user;
  return { ...user, groups: [...user.groups, AUTHENTICATED_GROUP] };
}

function isThenable<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

export async function authenticate(authenticators: readonly Authenticator[], request: Koa.Context['req']): Promise<UserInfo | undefined> {
  for (const authenticator of authenticators) {
    // Most authenticators answer synchronously (no credential of their kind, a client
    // certificate, anonymous): await only the ones that return a promise.
    const answer = authenticator.authenticate(request);
    const user = isThenable(answer) ? await answer : answer;
    if (user) return withAuthenticatedGroup(user);
  }
  return undefined;
}

export function withAuthentication(authenticators: readonly Authenticator[]): Koa.Middleware<KapiState> {
  return async (ctx, next) => {
    let user: UserInfo | undefined;
    try {
      user = await authenticate(authenticators, ctx.req);
    } catch (error) {
      ctx.state.log.debug({ auditID: ctx.state.auditID, err: error }, 'authentication failed');
      user = undefined;
    }
    if (!user) {
      writeStatus(ctx, newUnauthorized('Unauthorized'));
      return;
    }
    ctx.state.user = user;
    delete ctx.req.headers.authorization;
    await next();
  };
}

/**
 * Impersonation (`kubectl --as=jane --as-group=devs`): the `Impersonate-User`, `Impersonate-Uid`,
 * `Impersonate-Group` and `Impersonate-Extra-<key>` headers replace the request's user, once the
 * authorizer allows the real user the `impersonate` verb on each of them, as apiserver's
 * WithImpersonation does.
 */
import type Koa from 'koa';
import { newBadRequest, newForbiddenForAttributes, newInternalError } from '../../machinery/errors.js';
import { ANONYMOUS_USER, AUTHENTICATED_GROUP, UNAUTHENTICATED_GROUP, type UserInfo } from '../authentication/types.js';
import type { AuthorizationAttributes, Authorizer } from '../authorization/types.js';
import { writeStatus, type KapiState } from '../context.js';

const SERVICE_ACCOUNT_PREFIX = 'system:serviceaccount:';

interface Target {
  readonly resource: string;
  readonly apiGroup: string;
  readonly name: string;
  readonly namespace: string;
  readonly subresource: string;
}

function headerValues(ctx: Koa.Context, name: string): string[] {
  const raw = ctx.req.headersDistinct?.[name.toLowerCase()] ?? [];
  return raw.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
}

function asksToImpersonate(headers: Koa.Context['req']['headers']): boolean {
  if (headers['impersonate-user'] !== undefined || headers['impersonate-uid'] !== undefined || headers['impersonate-group'] !== undefined) return true;
  for (const name in headers) if (name.startsWith('impersonate-extra-')) return true;
  return false;
}

export function withImpersonation(authorizer: Authorizer): Koa.Middleware<KapiState> {
  return async (ctx, next) => {
    // Nearly every request impersonates no one: tell that from the raw headers before any parsing.
    if (!asksToImpersonate(ctx.req.headers)) return next();
    const userName = ctx.get('Impersonate-User');
    const uid = ctx.get('Impersonate-Uid');
    const groups = headerValues(ctx, 'Impersonate-Group');
    const extraHeaders = Object.keys(ctx.req.headers).filter((h) => h.startsWith('impersonate-extra-'));
    if (userName === '' && uid === '' && groups.length === 0 && extraHeaders.length === 0) return next();
    if (userName === '') {
      writeStatus(ctx, newBadRequest('requested impersonation of groups, a uid or extra fields without impersonating a user'));
      return;
    }
    const requestor = ctx.state.user ?? { name: '', groups: [] };
    const targets: Target[] = [];
    const newGroups: string[] = [];
    if (userName.startsWith(SERVICE_ACCOUNT_PREFIX)) {
      const [namespace, name] = userName.slice(SERVICE_ACCOUNT_PREFIX.length).split(':');
      targets.push({ resource: 'serviceaccounts', apiGroup: '', name: name ?? '', namespace: namespace ?? '', subresource: '' });
      if (groups.length === 0) newGroups.push('system:serviceaccounts', `system:serviceaccounts:${namespace}`);
    } else {
      targets.push({ resource: 'users', apiGroup: '', name: userName, namespace: '', subresource: '' });
    }
    if (uid !== '') targets.push({ resource: 'uids', apiGroup: 'authentication.k8s.io', name: uid, namespace: '', subresource: '' });
    for (const group of groups) {
      targets.push({ resource: 'groups', apiGroup: '', name: group, namespace: '', subresource: '' });
      newGroups.push(group);
    }
    const extra: Record<string, string[]> = {};
    for (const header of extraHeaders) {
      const key = decodeURIComponent(header.slice('impersonate-extra-'.length));
      const values = headerValues(ctx, header);
      extra[key] = values;
      for (const value of values) targets.push({ resource: 'userextras', apiGroup: 'authentication.k8s.io', name: value, namespace: '', subresource: key });
    }
    for (const target of targets) {
      const attributes: AuthorizationAttributes = {
        user: requestor,
        verb: 'impersonate',
        resourceRequest: true,
        path: '',
        apiGroup: target.apiGroup,
        apiVersion: '',
        namespace: target.namespace,
        resource: target.resource,
        subresource: target.subresource,
        name: target.name,
      };
      let decision;
      try {
        decision = await authorizer.authorize(attributes);
      } catch (error) {
        writeStatus(ctx, newInternalError(error));
        return;
      }
      if (decision.decision !== 'Allow') {
        writeStatus(ctx, newForbiddenForAttributes({ ...attributes, user: requestor.name }, decision.reason ?? ''));
        return;
      }
    }
    const marker = userName === ANONYMOUS_USER ? UNAUTHENTICATED_GROUP : AUTHENTICATED_GROUP;
    if (!newGroups.includes(marker)) newGroups.push(marker);
    const impersonated: UserInfo = { name: userName, groups: newGroups, ...(uid !== '' ? { uid } : {}), ...(extraHeaders.length > 0 ? { extra } : {}) };
    ctx.state.impersonatedBy = requestor;
    ctx.state.user = impersonated;
    for (const header of ['impersonate-user', 'impersonate-uid', 'impersonate-group', ...extraHeaders]) delete ctx.req.headers[header];
    await next();
  };
}

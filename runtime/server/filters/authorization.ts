/** Authorization: asks the authorizer about the request; anything but Allow is a 403 Status. */
import type Koa from 'koa';
import { newForbiddenForAttributes, newInternalError } from '../../machinery/errors.js';
import type { AuthorizationAttributes, Authorizer } from '../authorization/types.js';
import { writeStatus, type KapiState } from '../context.js';

export function attributesOf(state: KapiState): AuthorizationAttributes {
  const info = state.requestInfo;
  return {
    user: state.user ?? { name: '', groups: [] },
    verb: info.verb,
    resourceRequest: info.isResourceRequest,
    path: info.path,
    apiGroup: info.apiGroup,
    apiVersion: info.apiVersion,
    namespace: info.namespace,
    resource: info.resource,
    subresource: info.subresource,
    name: info.name,
  };
}

export function withAuthorization(authorizer: Authorizer): Koa.Middleware<KapiState> {
  return async (ctx, next) => {
    const attributes = attributesOf(ctx.state);
    let result;
    try {
      result = await authorizer.authorize(attributes);
    } catch (error) {
      writeStatus(ctx, newInternalError(error));
      return;
    }
    if (result.decision !== 'Allow') {
      writeStatus(ctx, newForbiddenForAttributes({ ...attributes, user: attributes.user.name }, result.reason ?? ''));
      return;
    }
    await next();
  };
}

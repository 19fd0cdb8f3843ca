/**
 * The sample server's authorizer: every authenticated user may do everything (the aggregator
 * already authorized the request as its caller before proxying it); system:anonymous may only
 * read the health paths, as upstream's delegating authorizer always allows them.
 */
import { AUTHENTICATED_GROUP } from '../../runtime/server/authentication/types.js';
import type { Authorizer } from '../../runtime/server/authorization/types.js';

const HEALTH_PATHS = ['/healthz', '/livez', '/readyz'];

export function authenticatedUsersAuthorizer(): Authorizer {
  return {
    name: 'AuthenticatedUsers',
    authorize(attributes) {
      if (attributes.user.groups.includes(AUTHENTICATED_GROUP)) return { decision: 'Allow' };
      if (!attributes.resourceRequest && attributes.verb === 'get' && HEALTH_PATHS.some((p) => attributes.path === p || attributes.path.startsWith(`${p}/`))) {
        return { decision: 'Allow' };
      }
      return { decision: 'Deny', reason: 'the sample server serves authenticated users only' };
    },
  };
}

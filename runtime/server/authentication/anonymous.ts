/** The anonymous authenticator: any request becomes system:anonymous in system:unauthenticated. */
import { ANONYMOUS_USER, UNAUTHENTICATED_GROUP, type Authenticator } from './types.js';

export function anonymousAuthenticator(): Authenticator {
  return { name: 'anonymous', authenticate: () => ({ name: ANONYMOUS_USER, groups: [UNAUTHENTICATED_GROUP] }) };
}

/**
 * The serviceaccounts controller: a `default` ServiceAccount in every active namespace, created
 * when the namespace appears and again when it is deleted.
 */
import type { Store } from '../../../registry/store.js';
import { NamespaceObjectController } from './namespace-objects.js';

export const DEFAULT_SERVICE_ACCOUNT = 'default';

export function serviceAccountsController(namespaces: Store, serviceAccounts: Store): NamespaceObjectController {
  return new NamespaceObjectController(namespaces, serviceAccounts, {
    controller: 'service-account-controller',
    name: DEFAULT_SERVICE_ACCOUNT,
    desired: (namespace) => ({ metadata: { name: DEFAULT_SERVICE_ACCOUNT, namespace } }),
  });
}

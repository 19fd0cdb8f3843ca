/**
 * Namespaces as the kube API server needs them outside the REST path: the lookup
 * NamespaceLifecycle asks, and the system namespaces that exist from the first start
 * (`default`, `kube-system`, `kube-public`, `kube-node-lease`).
 */
import type { NamespaceLookup } from '../../admission/namespace-lifecycle.js';
import { isAlreadyExists, isNotFound } from '../../machinery/errors.js';
import type { RequestContext } from '../../registry/rest.js';
import type { Store } from '../../registry/store.js';

export const SYSTEM_NAMESPACES: readonly string[] = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

const systemContext: RequestContext = { namespace: '', user: { name: 'system:apiserver', groups: ['system:masters'] }, warn: () => {} };

/** Reads namespaces straight from their store. */
export function storeNamespaceLookup(namespaces: Store): NamespaceLookup {
  return {
    async get(name) {
      try {
        const ns = await namespaces.get(systemContext, name);
        const phase = (ns['status'] as { phase?: string } | undefined)?.phase;
        return { phase };
      } catch (error) {
        if (isNotFound(error)) return undefined;
        throw error;
      }
    },
  };
}

/** Creates the system namespaces that do not exist yet. */
export async function ensureSystemNamespaces(namespaces: Store, names: readonly string[] = SYSTEM_NAMESPACES): Promise<void> {
  for (const name of names) {
    try {
      await namespaces.get(systemContext, name);
    } catch (error) {
      if (!isNotFound(error)) throw error;
      try {
        await namespaces.create(systemContext, { metadata: { name }, spec: {}, status: { phase: 'Active' } });
      } catch (createError) {
        if (!isAlreadyExists(createError)) throw createError;
      }
    }
  }
}

/**
 * NamespaceLifecycle: no new objects in a namespace that does not exist or is being terminated,
 * and the namespaces the system needs (`default`, `kube-system`, `kube-public`) are never
 * deleted. Worded as plugin/pkg/admission/namespace/lifecycle.
 */
import { newForbidden, newNotFound, StatusError } from '../machinery/errors.js';
import { peekMeta } from '../registry/meta.js';
import type { Attributes, MutationPlugin, Operation } from './interfaces.js';

export const PLUGIN_NAME = 'NamespaceLifecycle';

/** The namespaces that cannot be deleted. */
export const IMMORTAL_NAMESPACES: readonly string[] = ['default', 'kube-system', 'kube-public'];

/**
 * How the plugin reads a namespace: its phase, or undefined when it does not exist. Reads may
 * come from a cache (upstream's namespace lister); `live` asks for the store's current state.
 */
export interface NamespaceLookup {
  get(name: string, options?: { readonly live?: boolean }): Promise<{ readonly phase?: string } | undefined>;
}

/** How long after a namespace DELETE the plugin reads that namespace live (upstream's forceLiveLookupTTL). */
const FORCE_LIVE_LOOKUP_MS = 30_000;

const NAMESPACES = { group: '', resource: 'namespaces' };
const ACCESS_REVIEWS = new Set(['LocalSubjectAccessReview', 'SubjectAccessReview']);

function isNamespaceKind(a: Attributes): boolean {
  return a.kind.group === '' && a.kind.kind === 'Namespace';
}

/** admission.NewForbidden: `<resource> "<name>" is forbidden: <why>`. */
function forbidden(a: Attributes, why: string): StatusError {
  const name = a.name !== '' ? a.name : (peekMeta(a.object).name ?? '');
  return newForbidden({ group: a.resource.group, resource: a.resource.resource }, name, why);
}

export function namespaceLifecycle(lookup: NamespaceLookup | undefined, immortal: readonly string[] = IMMORTAL_NAMESPACES): MutationPlugin {
  const immortalSet = new Set(immortal);
  // Namespaces deleted lately: a cached read could still show them Active.
  const forceLive = new Map<string, number>();
  const rememberDeleted = (name: string): void => {
    const now = Date.now();
    for (const [ns, until] of forceLive) if (until <= now) forceLive.delete(ns);
    forceLive.set(name, now + FORCE_LIVE_LOOKUP_MS);
  };
  return {
    name: PLUGIN_NAME,
    handles: (op: Operation) => op === 'CREATE' || op === 'UPDATE' || op === 'DELETE',
    async admit(a) {
      if (a.operation === 'DELETE' && isNamespaceKind(a) && immortalSet.has(a.name)) {
        throw forbidden(a, 'this namespace may not be deleted');
      }
      if (a.namespace === '' && !isNamespaceKind(a)) return;
      if (isNamespaceKind(a)) {
        if (a.operation === 'DELETE') rememberDeleted(a.name);
        return;
      }
      if (a.operation === 'DELETE') return;
      if (a.kind.group === 'authorization.k8s.io' && ACCESS_REVIEWS.has(a.kind.kind)) return;
      if (!lookup) return;
      const until = forceLive.get(a.namespace);
      const namespace = await lookup.get(a.namespace, { live: until !== undefined && until > Date.now() });
      if (!namespace) throw newNotFound(NAMESPACES, a.namespace);
      if (a.operation === 'CREATE' && namespace.phase === 'Terminating') {
        const error = forbidden(a, `unable to create new content in namespace ${a.namespace} because it is being terminated`);
        const details = error.status.details ?? {};
        details.causes = [...(details.causes ?? []), { reason: 'NamespaceTerminating', message: `namespace ${a.namespace} is being terminated`, field: 'metadata.namespace' }];
        error.status.details = details;
        throw error;
      }
    },
  };
}

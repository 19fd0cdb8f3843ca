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

/** How the plugin reads a namespace: its phase, or undefined when it does not exist. */
export interface NamespaceLookup {
  get(name: string): Promise<{ readonly phase?: string } | undefined>;
}

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
  return {
    name: PLUGIN_NAME,
    handles: (op: Operation) => op === 'CREATE' || op === 'UPDATE' || op === 'DELETE',
    async admit(a) {
      if (a.operation === 'DELETE' && isNamespaceKind(a) && immortalSet.has(a.name)) {
        throw forbidden(a, 'this namespace may not be deleted');
      }
      if (a.namespace === '' && !isNamespaceKind(a)) return;
      if (isNamespaceKind(a)) return;
      if (a.operation === 'DELETE') return;
      if (a.kind.group === 'authorization.k8s.io' && ACCESS_REVIEWS.has(a.kind.kind)) return;
      if (!lookup) return;
      const namespace = await lookup.get(a.namespace);
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

/**
 * The two PriorityClasses kube-apiserver creates at start (its scheduling post-start hook), so
 * pods may name them: both carry values above the range users may choose.
 */
import { isAlreadyExists, isNotFound } from '../../machinery/errors.js';
import type { RequestContext } from '../../registry/rest.js';
import type { Store } from '../../registry/store.js';

const systemContext: RequestContext = { namespace: '', user: { name: 'system:apiserver', groups: ['system:masters'] }, warn: () => {} };

export const SYSTEM_PRIORITY_CLASSES: readonly { readonly name: string; readonly value: number; readonly description: string }[] = [
  {
    name: 'system-node-critical',
    value: 2000001000,
    description: 'Used for system critical pods that must not be moved from their current node.',
  },
  {
    name: 'system-cluster-critical',
    value: 2000000000,
    description: 'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.',
  },
];

/** Creates each system PriorityClass that is missing; one a user changed is left as it is. */
export async function ensureSystemPriorityClasses(priorityClasses: Store): Promise<void> {
  for (const { name, value, description } of SYSTEM_PRIORITY_CLASSES) {
    try {
      await priorityClasses.get(systemContext, name);
      continue;
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    try {
      await priorityClasses.create(systemContext, { metadata: { name }, value, description, preemptionPolicy: 'PreemptLowerPriority' });
    } catch (error) {
      if (!isAlreadyExists(error)) throw error;
    }
  }
}

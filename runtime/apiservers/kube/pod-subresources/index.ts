/**
 * The pod subresources kube-apiserver serves beyond status (pkg/registry/core/pod/storage):
 * `pods/binding` and the `bindings` resource, and `pods/eviction`; and how discovery lists them.
 *
 *   customStorage: podSubresourceStorage((key) => stores.get(key))   // keys: "/pods", "policy/poddisruptionbudgets"
 */
import type { DiscoverySubresource } from '../../../endpoints/discovery/source.js';
import type { ResourceInfo } from '../../../machinery/scheme-types.js';
import type { RestStorage } from '../../../registry/rest.js';
import type { Store } from '../../../registry/store.js';
import { bindingRest } from './binding.js';
import { EVICTION_KIND, evictionRest } from './eviction.js';

/** The Store of `<group>/<plural>`, looked up when a request needs it (stores are built after the REST map). */
export type StoreLookup = (key: string) => Store | undefined;

const PODS = '/pods';
const BUDGETS = 'policy/poddisruptionbudgets';

/** The subresources of core/v1 pods discovery lists besides status, as upstream lists them. */
export const POD_SUBRESOURCES: readonly DiscoverySubresource[] = [
  { name: 'binding', kind: 'Binding', verbs: ['create'] },
  { name: 'eviction', kind: EVICTION_KIND.kind, group: EVICTION_KIND.group, version: EVICTION_KIND.version, verbs: ['create'] },
];

/** Discovery's extra subresources: those of core/v1 pods. */
export function podDiscoverySubresources(group: string, version: string, resource: string): readonly DiscoverySubresource[] {
  return group === '' && version === 'v1' && resource === 'pods' ? POD_SUBRESOURCES : [];
}

/**
 * The REST storages to add to core/v1 by path (`bindings`, `pods/binding`, `pods/eviction`);
 * empty when the scheme serves no pods.
 */
export function podSubresourceStorages(stores: StoreLookup, coreResources: readonly ResourceInfo[]): Map<string, RestStorage> {
  const out = new Map<string, RestStorage>();
  if (!coreResources.some((r) => r.plural === 'pods')) return out;
  const pods = (): Store => {
    const store = stores(PODS);
    if (!store) throw new Error('the pods store is not built');
    return store;
  };
  if (coreResources.some((r) => r.plural === 'bindings')) out.set('bindings', bindingRest(pods, false));
  out.set('pods/binding', bindingRest(pods, true));
  out.set('pods/eviction', evictionRest(pods, () => stores(BUDGETS)));
  return out;
}

/**
 * Discovery of custom resources (apiextensions-apiserver's DiscoveryController): every group
 * with an Established CRD, its versions in Kubernetes-aware order (the first is preferred), and
 * per version the resources of the CRDs serving it, with their accepted names, short names,
 * categories, storage version hash and status/scale subresources. Legacy and aggregated
 * discovery are both built from this source; it is recomputed only when a CRD changes.
 */
import type { CustomResourceDefinition } from '../../../../api-definitions/apiextensions/v1/types.js';
import { storageVersionHash, type DiscoveryGroup, type DiscoveryResource, type DiscoverySource, type DiscoverySubresource } from '../../../endpoints/discovery/source.js';
import { isConditionTrue } from '../naming/conditions.js';
import type { CRDInformer } from './crd-informer.js';
import { CUSTOM_RESOURCE_VERBS, isNamespaced, servedNames, storageVersionOf, TERMINATING_VERBS } from './resource-info.js';
import { sortByKubeAwareVersion } from './version-priority.js';

const SUBRESOURCE_VERBS = ['get', 'patch', 'update'] as const;

function resourceOf(crd: CustomResourceDefinition, version: string): DiscoveryResource {
  const names = servedNames(crd);
  const subresources: DiscoverySubresource[] = [];
  const sub = (crd.spec.versions ?? []).find((v) => v.name === version)?.subresources;
  if (sub?.status) subresources.push({ name: 'status', kind: names.kind, verbs: SUBRESOURCE_VERBS });
  if (sub?.scale) subresources.push({ name: 'scale', kind: 'Scale', group: 'autoscaling', version: 'v1', verbs: SUBRESOURCE_VERBS });
  const storage = storageVersionOf(crd);
  return {
    name: names.plural,
    singularName: names.singular,
    kind: names.kind,
    namespaced: isNamespaced(crd),
    verbs: isConditionTrue(crd, 'Terminating') ? TERMINATING_VERBS : CUSTOM_RESOURCE_VERBS,
    shortNames: names.shortNames,
    categories: names.categories,
    subresources,
    ...(storage !== undefined ? { storageVersionHash: storageVersionHash(crd.spec.group, storage, crd.spec.names.kind) } : {}),
  };
}

/** The groups of the Established CRDs the informer holds. */
export function customResourceGroups(crds: readonly CustomResourceDefinition[]): DiscoveryGroup[] {
  const byGroup = new Map<string, Map<string, DiscoveryResource[]>>();
  for (const crd of crds) {
    if (!isConditionTrue(crd, 'Established')) continue;
    let versions = byGroup.get(crd.spec.group);
    if (!versions) byGroup.set(crd.spec.group, (versions = new Map()));
    for (const v of crd.spec.versions ?? []) {
      if (!v.served) continue;
      let resources = versions.get(v.name);
      if (!resources) versions.set(v.name, (resources = []));
      resources.push(resourceOf(crd, v.name));
    }
  }
  const groups: DiscoveryGroup[] = [];
  for (const name of [...byGroup.keys()].sort()) {
    const versions = byGroup.get(name)!;
    groups.push({
      name,
      versions: sortByKubeAwareVersion([...versions.keys()]).map((version) => ({
        version,
        resources: versions.get(version)!.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
        freshness: 'Current' as const,
      })),
    });
  }
  return groups;
}

/** A DiscoverySource over the informer, recomputed only when its generation moves. */
export function customResourceDiscovery(informer: CRDInformer): DiscoverySource {
  let generation = -1;
  let groups: DiscoveryGroup[] = [];
  return {
    groups() {
      const now = informer.generation();
      if (now !== generation) {
        groups = customResourceGroups(informer.list());
        generation = now;
      }
      return groups;
    },
  };
}

/**
 * The discovery documents, legacy (APIVersions, APIGroupList, APIGroup, APIResourceList) and
 * aggregated (APIGroupDiscoveryList, apidiscovery.k8s.io v2 and v2beta1), with the field order
 * and omitted-when-empty fields of upstream's JSON.
 */
import type { DiscoveryGroup, DiscoveryResource, DiscoveryVersion } from './source.js';

export const CORE_GROUP = '';

function groupVersion(group: string, version: string): string {
  return group === '' ? version : `${group}/${version}`;
}

function withNonEmpty<T extends Record<string, unknown>>(target: T, key: string, value: readonly unknown[] | undefined): T {
  if (value && value.length > 0) (target as Record<string, unknown>)[key] = value;
  return target;
}

/** `GET /api`. */
export function apiVersions(core: DiscoveryGroup | undefined, serverAddress: string): Record<string, unknown> {
  return {
    kind: 'APIVersions',
    versions: core ? core.versions.map((v) => v.version) : [],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

function groupEntry(group: DiscoveryGroup): Record<string, unknown> {
  const versions = group.versions.map((v) => ({ groupVersion: groupVersion(group.name, v.version), version: v.version }));
  return { name: group.name, versions, preferredVersion: versions[0] };
}

/** `GET /apis`: every named group (the core group is served at /api). */
export function apiGroupList(groups: readonly DiscoveryGroup[]): Record<string, unknown> {
  return { kind: 'APIGroupList', apiVersion: 'v1', groups: groups.filter((g) => g.name !== CORE_GROUP).map(groupEntry) };
}

/** `GET /apis/<group>`. */
export function apiGroup(group: DiscoveryGroup): Record<string, unknown> {
  return { kind: 'APIGroup', apiVersion: 'v1', ...groupEntry(group) };
}

function byName<T>(key: (x: T) => string): (a: T, b: T) => number {
  return (a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
}

/** The APIResource entries of one resource: itself, then one per subresource. */
function apiResources(resource: DiscoveryResource, group: string, version: string): Record<string, unknown>[] {
  const main: Record<string, unknown> = {
    name: resource.name,
    singularName: resource.singularName,
    namespaced: resource.namespaced,
    kind: resource.kind,
    verbs: resource.verbs,
  };
  withNonEmpty(main, 'shortNames', resource.shortNames);
  withNonEmpty(main, 'categories', resource.categories);
  if (resource.storageVersionHash) main['storageVersionHash'] = resource.storageVersionHash;
  const subs = resource.subresources.map((sub) => {
    const entry: Record<string, unknown> = { name: `${resource.name}/${sub.name}`, singularName: '', namespaced: resource.namespaced };
    const subGroup = sub.group ?? group;
    const subVersion = sub.version ?? version;
    if (subGroup !== group || subVersion !== version) {
      entry['group'] = subGroup;
      entry['version'] = subVersion;
    }
    entry['kind'] = sub.kind;
    entry['verbs'] = sub.verbs;
    return entry;
  });
  return [main, ...subs];
}

/** `GET /api/v1`, `GET /apis/<group>/<version>`. */
export function apiResourceList(group: string, version: DiscoveryVersion): Record<string, unknown> {
  const resources = version.resources.flatMap((r) => apiResources(r, group, version.version)).sort(byName((r) => r['name'] as string));
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: groupVersion(group, version.version), resources };
}

function aggregatedResource(resource: DiscoveryResource, group: string, version: string): Record<string, unknown> {
  const entry: Record<string, unknown> = {
    resource: resource.name,
    responseKind: { group, version, kind: resource.kind },
    scope: resource.namespaced ? 'Namespaced' : 'Cluster',
    singularResource: resource.singularName,
    verbs: resource.verbs,
  };
  withNonEmpty(entry, 'shortNames', resource.shortNames);
  withNonEmpty(entry, 'categories', resource.categories);
  const subresources = resource.subresources.map((sub) => ({
    subresource: sub.name,
    responseKind: { group: sub.group ?? group, version: sub.version ?? version, kind: sub.kind },
    verbs: sub.verbs,
  }));
  withNonEmpty(entry, 'subresources', subresources);
  return entry;
}

function aggregatedGroup(group: DiscoveryGroup): Record<string, unknown> {
  const metadata: Record<string, unknown> = group.name === CORE_GROUP ? { creationTimestamp: null } : { name: group.name, creationTimestamp: null };
  return {
    metadata,
    versions: group.versions.map((v) => ({
      version: v.version,
      resources: [...v.resources].sort(byName((r) => r.name)).map((r) => aggregatedResource(r, group.name, v.version)),
      freshness: v.freshness ?? 'Current',
    })),
  };
}

/**
 * The aggregated document of `/api` (the core group only) or `/apis` (the named groups), in
 * apidiscovery.k8s.io `v2` or `v2beta1` (the same shape).
 */
export function apiGroupDiscoveryList(groups: readonly DiscoveryGroup[], version: 'v2' | 'v2beta1'): Record<string, unknown> {
  return { kind: 'APIGroupDiscoveryList', apiVersion: `apidiscovery.k8s.io/${version}`, metadata: {}, items: groups.map(aggregatedGroup) };
}

/**
 * Where discovery learns what is served. A source is asked on every discovery request, so a
 * tier that adds groups at runtime (CRDs) shows up at once; `schemeDiscoverySource` reads the
 * groups a scheme holds, `unionDiscoverySource` merges the sources of every tier.
 */
import { createHash } from 'node:crypto';
import type { GroupInfo, GroupVersion, ResourceInfo } from '../../machinery/scheme-types.js';

/** A subresource as discovery lists it (`pods/status`, `deployments/scale`). */
export interface DiscoverySubresource {
  readonly name: string;
  /** The kind the subresource returns; group and version default to the parent's. */
  readonly kind: string;
  readonly group?: string;
  readonly version?: string;
  readonly verbs: readonly string[];
}

/** A resource as discovery lists it. */
export interface DiscoveryResource {
  readonly name: string;
  readonly singularName: string;
  readonly kind: string;
  readonly namespaced: boolean;
  readonly verbs: readonly string[];
  readonly shortNames: readonly string[];
  readonly categories: readonly string[];
  readonly subresources: readonly DiscoverySubresource[];
  /** Hash of the storage version's group/version/kind; absent for resources that are not stored. */
  readonly storageVersionHash?: string;
}

export interface DiscoveryVersion {
  readonly version: string;
  readonly resources: readonly DiscoveryResource[];
  /** `Stale` when the version's resources could not be read (an unavailable aggregated server). */
  readonly freshness?: 'Current' | 'Stale';
}

/** A group with its versions, highest priority (the preferred version) first. The core group is `""`. */
export interface DiscoveryGroup {
  readonly name: string;
  readonly versions: readonly DiscoveryVersion[];
  /** Where the group sorts when the built-in table does not place it (an APIService's groupPriorityMinimum); default 1000. */
  readonly priority?: number;
}

/** Contract: cheap to call (it is asked per request) and returns groups in a stable order. */
export interface DiscoverySource {
  groups(): readonly DiscoveryGroup[];
}

/** upstream's storageVersionHash: base64 of the first 8 bytes of sha256("<group>/<version>/<kind>"). */
export function storageVersionHash(group: string, version: string, kind: string): string {
  return createHash('sha256').update(`${group}/${version}/${kind}`).digest().subarray(0, 8).toString('base64');
}

const SUBRESOURCE_VERBS = ['get', 'patch', 'update'] as const;

/**
 * Subresources a tier serves beyond status and scale (`pods/binding`, `pods/eviction`), which
 * a ResourceInfo does not carry.
 */
export type ExtraSubresources = (group: string, version: string, resource: string) => readonly DiscoverySubresource[];

/** A generated ResourceInfo as discovery lists it. */
export function discoveryResource(
  info: ResourceInfo,
  group: string,
  storageVersion: string | undefined,
  extra: readonly DiscoverySubresource[] = [],
): DiscoveryResource {
  const subresources: DiscoverySubresource[] = [];
  if (info.subresources.status) subresources.push({ name: 'status', kind: info.kind, verbs: SUBRESOURCE_VERBS });
  if (info.subresources.scale) subresources.push({ name: 'scale', kind: 'Scale', group: 'autoscaling', version: 'v1', verbs: SUBRESOURCE_VERBS });
  subresources.push(...extra);
  return {
    name: info.plural,
    singularName: info.singular,
    kind: info.kind,
    namespaced: info.namespaced,
    verbs: info.verbs,
    shortNames: info.shortNames,
    categories: info.categories,
    subresources,
    storageVersionHash: storageVersion === undefined ? undefined : storageVersionHash(group, storageVersion, info.kind),
  };
}

/** What `schemeDiscoverySource` needs of a scheme (the runtime Scheme has it). */
export interface SchemeLike {
  allGroups(): GroupInfo[];
  resourcesOf(gv: GroupVersion): readonly ResourceInfo[];
}

/** The groups of a scheme that serve resources, versions by priority; groups without resources are left out. */
export function schemeDiscoverySource(scheme: SchemeLike, extraSubresources?: ExtraSubresources): DiscoverySource {
  let cached: DiscoveryGroup[] | undefined;
  let cachedCount = -1;
  return {
    groups() {
      const infos = scheme.allGroups();
      if (cached && cachedCount === infos.length) return cached;
      const groups: DiscoveryGroup[] = [];
      for (const info of infos) {
        const versions: DiscoveryVersion[] = [];
        for (const version of info.versions) {
          const resources = scheme.resourcesOf({ group: info.name, version });
          if (resources.length === 0) continue;
          const storage = info.hasInternal ? info.storageVersion : undefined;
          const listed = resources.map((r) => discoveryResource(r, info.name, storage, extraSubresources?.(info.name, version, r.plural)));
          versions.push({ version, resources: listed, freshness: 'Current' });
        }
        if (versions.length > 0) groups.push({ name: info.name, versions });
      }
      cached = groups;
      cachedCount = infos.length;
      return groups;
    },
  };
}

/** A source whose groups are set from outside (tests, and tiers that manage their own list). */
export class StaticDiscoverySource implements DiscoverySource {
  private list: DiscoveryGroup[];

  constructor(groups: readonly DiscoveryGroup[] = []) {
    this.list = [...groups];
  }

  groups(): readonly DiscoveryGroup[] {
    return this.list;
  }

  /** Adds or replaces a group. */
  setGroup(group: DiscoveryGroup): void {
    this.list = [...this.list.filter((g) => g.name !== group.name), group];
  }

  removeGroup(name: string): void {
    this.list = this.list.filter((g) => g.name !== name);
  }
}

/** The groups of several sources; a group in more than one takes the versions of the first. */
export function unionDiscoverySource(sources: readonly DiscoverySource[]): DiscoverySource {
  return {
    groups() {
      const seen = new Set<string>();
      const out: DiscoveryGroup[] = [];
      for (const source of sources) {
        for (const group of source.groups()) {
          if (seen.has(group.name)) continue;
          seen.add(group.name);
          out.push(group);
        }
      }
      return out;
    },
  };
}

/**
 * kube-apiserver's group priorities (highest first): the order of /apis. Groups not listed
 * (CRDs, new groups) come after them by name, as an APIService of priority 1000 would.
 */
const GROUP_PRIORITY: Readonly<Record<string, number>> = {
  '': 18000,
  'apiregistration.k8s.io': 17800,
  apps: 17800,
  'events.k8s.io': 17750,
  'authentication.k8s.io': 17700,
  'authorization.k8s.io': 17600,
  autoscaling: 17500,
  batch: 17400,
  'certificates.k8s.io': 17300,
  'networking.k8s.io': 17200,
  policy: 17100,
  'rbac.authorization.k8s.io': 17000,
  'storage.k8s.io': 16800,
  'admissionregistration.k8s.io': 16700,
  'apiextensions.k8s.io': 16700,
  'scheduling.k8s.io': 16600,
  'coordination.k8s.io': 16500,
  'node.k8s.io': 16300,
  'discovery.k8s.io': 16200,
  'flowcontrol.apiserver.k8s.io': 16100,
  'internal.apiserver.k8s.io': 16000,
  'resource.k8s.io': 15900,
  'storagemigration.k8s.io': 15800,
};

export function sortGroups(groups: readonly DiscoveryGroup[]): DiscoveryGroup[] {
  const priority = (group: DiscoveryGroup): number => GROUP_PRIORITY[group.name] ?? group.priority ?? 1000;
  return [...groups].sort((a, b) => priority(b) - priority(a) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

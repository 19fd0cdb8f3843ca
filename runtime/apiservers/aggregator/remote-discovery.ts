/**
 * Discovery of the aggregated group-versions (kube-aggregator's discovery manager): each remote
 * APIService's `APIResourceList`, read from its server when it is probed, kept, and served as a
 * DiscoverySource. Groups sort by their highest groupPriorityMinimum and versions by
 * versionPriority; a version whose server did not answer its last probe keeps the resources
 * it last had and is marked `Stale` in aggregated discovery.
 */
import type { DiscoveryGroup, DiscoveryResource, DiscoverySource, DiscoverySubresource, DiscoveryVersion } from '../../endpoints/discovery/source.js';
import { groupPriority, isLocal, sortVersions, type APIService } from './apiservice.js';
import type { APIServiceCache } from './apiservice-cache.js';

interface APIResourceEntry {
  name?: unknown;
  singularName?: unknown;
  namespaced?: unknown;
  kind?: unknown;
  verbs?: unknown;
  shortNames?: unknown;
  categories?: unknown;
  group?: unknown;
  version?: unknown;
  storageVersionHash?: unknown;
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** An APIResourceList body as discovery resources (subresources folded into their parents); undefined when it is not one. */
export function parseAPIResourceList(body: unknown): DiscoveryResource[] | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const list = body as { kind?: unknown; resources?: unknown };
  if (list.kind !== 'APIResourceList' || !Array.isArray(list.resources)) return undefined;
  const entries = list.resources.filter((r): r is APIResourceEntry => typeof r === 'object' && r !== null);
  const subresources = new Map<string, DiscoverySubresource[]>();
  for (const entry of entries) {
    const name = text(entry.name);
    const slash = name.indexOf('/');
    if (slash < 0) continue;
    const parent = name.slice(0, slash);
    const sub: DiscoverySubresource = {
      name: name.slice(slash + 1),
      kind: text(entry.kind),
      verbs: strings(entry.verbs),
      ...(text(entry.group) !== '' ? { group: text(entry.group) } : {}),
      ...(text(entry.version) !== '' ? { version: text(entry.version) } : {}),
    };
    subresources.set(parent, [...(subresources.get(parent) ?? []), sub]);
  }
  return entries
    .filter((entry) => text(entry.name) !== '' && !text(entry.name).includes('/'))
    .map((entry) => ({
      name: text(entry.name),
      singularName: text(entry.singularName),
      kind: text(entry.kind),
      namespaced: entry.namespaced === true,
      verbs: strings(entry.verbs),
      shortNames: strings(entry.shortNames),
      categories: strings(entry.categories),
      subresources: subresources.get(text(entry.name)) ?? [],
      ...(text(entry.storageVersionHash) !== '' ? { storageVersionHash: text(entry.storageVersionHash) } : {}),
    }));
}

interface Known {
  resources: readonly DiscoveryResource[];
  fresh: boolean;
}

export class RemoteDiscovery implements DiscoverySource {
  /** APIService name → what its server last said. */
  private readonly known = new Map<string, Known>();
  private cached: { key: string; groups: DiscoveryGroup[] } | undefined;
  private revision = 0;

  constructor(private readonly cache: Pick<APIServiceCache, 'list' | 'generation'>) {}

  /** Records a successful read of an APIService's discovery document. Returns whether anything changed. */
  update(name: string, resources: readonly DiscoveryResource[]): boolean {
    const previous = this.known.get(name);
    if (previous?.fresh && JSON.stringify(previous.resources) === JSON.stringify(resources)) return false;
    this.known.set(name, { resources, fresh: true });
    this.revision++;
    return true;
  }

  /** Marks an APIService's document stale: its server did not answer. */
  markStale(name: string): void {
    const previous = this.known.get(name);
    if (previous && !previous.fresh) return;
    this.known.set(name, { resources: previous?.resources ?? [], fresh: false });
    this.revision++;
  }

  forget(name: string): void {
    if (this.known.delete(name)) this.revision++;
  }

  resourcesOf(name: string): readonly DiscoveryResource[] | undefined {
    return this.known.get(name)?.resources;
  }

  groups(): readonly DiscoveryGroup[] {
    const key = `${this.cache.generation}:${this.revision}`;
    if (this.cached?.key === key) return this.cached.groups;
    const byGroup = new Map<string, APIService[]>();
    for (const service of this.cache.list()) {
      if (isLocal(service)) continue;
      const group = service.spec?.group ?? '';
      if (group === '') continue;
      byGroup.set(group, [...(byGroup.get(group) ?? []), service]);
    }
    const groups: DiscoveryGroup[] = [];
    for (const [name, services] of byGroup) {
      const versions: DiscoveryVersion[] = sortVersions(services).map((service) => {
        const known = this.known.get(service.metadata?.name ?? '');
        return { version: service.spec?.version ?? '', resources: known?.resources ?? [], freshness: known?.fresh ? 'Current' : 'Stale' };
      });
      groups.push({ name, versions, priority: groupPriority(services) });
    }
    groups.sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0) || (a.name < b.name ? -1 : 1));
    this.cached = { key, groups };
    return groups;
  }
}

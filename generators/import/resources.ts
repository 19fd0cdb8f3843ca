/**
 * Resource facts for the kinds of one group version, as `+kubebuilder:resource` and friends:
 * from an OpenAPI document's `paths` (plural and scope from the path, verbs from
 * `x-kubernetes-action`, `/status` and `/scale` subresources), or from a CRD's names, scope,
 * subresources and printer columns. Short names and categories only a CRD carries; for
 * built-in groups they come from discovery and are added by hand.
 */
import type { CrdVersion, CustomResourceDefinition, OpenApiDocument } from './document.js';
import type { Operation } from './schema.js';

export interface ResourceFacts {
  readonly kind: string;
  readonly plural: string;
  readonly singular: string;
  readonly namespaced: boolean;
  readonly shortNames: readonly string[];
  readonly categories: readonly string[];
  /** Sorted; all eight standard verbs when nothing restricts them. */
  readonly verbs: readonly string[];
  readonly status: boolean;
  readonly scale?: { readonly specpath: string; readonly statuspath: string; readonly selectorpath?: string };
  readonly printColumns: NonNullable<CrdVersion['additionalPrinterColumns']>;
  /** Subresources served with a kind of their own (pods/binding, pods/eviction, …). */
  readonly otherSubresources: readonly string[];
}

const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

const ACTION_VERBS: Readonly<Record<string, string>> = {
  get: 'get',
  list: 'list',
  watch: 'watch',
  watchlist: 'watch',
  post: 'create',
  put: 'update',
  patch: 'patch',
  delete: 'delete',
  deletecollection: 'deletecollection',
};

interface Building {
  kind?: string;
  plural: string;
  namespaced: boolean;
  verbs: Set<string>;
  subresources: Set<string>;
}

/** The resources a group version serves, by kind, read from an OpenAPI document's paths. */
export function resourcesFromPaths(doc: OpenApiDocument, group: string, version: string): Map<string, ResourceFacts> {
  const root = group === '' ? `/api/${version}/` : `/apis/${group}/${version}/`;
  const building = new Map<string, Building>();
  for (const [path, item] of Object.entries(doc.paths)) {
    if (!path.startsWith(root)) continue;
    let segments = path.slice(root.length).split('/');
    if (segments[0] === 'watch') segments = segments.slice(1);
    let namespaced = false;
    if (segments[0] === 'namespaces' && segments[1] === '{namespace}' && segments.length > 2) {
      namespaced = true;
      segments = segments.slice(2);
    }
    const [plural, name, subresource, ...more] = segments;
    if (!plural || plural.startsWith('{') || more.length > 0 || (name !== undefined && name !== '{name}')) continue;
    let resource = building.get(plural);
    if (!resource) building.set(plural, (resource = { plural, namespaced, verbs: new Set(), subresources: new Set() }));
    resource.namespaced ||= namespaced;
    for (const [method, value] of Object.entries(item)) {
      if (method === 'parameters' || typeof value !== 'object' || value === null) continue;
      const operation = value as Operation;
      if (subresource !== undefined) {
        resource.subresources.add(subresource);
        continue;
      }
      const verb = ACTION_VERBS[operation['x-kubernetes-action'] ?? ''];
      if (verb) resource.verbs.add(verb);
      const gvk = operation['x-kubernetes-group-version-kind'];
      if (gvk && gvk.group === group && gvk.version === version) resource.kind ??= gvk.kind;
    }
  }
  const out = new Map<string, ResourceFacts>();
  for (const resource of building.values()) {
    if (!resource.kind || resource.verbs.size === 0) continue;
    const others = [...resource.subresources].filter((s) => s !== 'status' && s !== 'scale').sort();
    out.set(resource.kind, {
      kind: resource.kind,
      plural: resource.plural,
      singular: resource.kind.toLowerCase(),
      namespaced: resource.namespaced,
      shortNames: [],
      categories: [],
      verbs: [...resource.verbs].sort(),
      status: resource.subresources.has('status'),
      ...(resource.subresources.has('scale') ? { scale: { specpath: '.spec.replicas', statuspath: '.status.replicas' } } : {}),
      printColumns: [],
      otherSubresources: others,
    });
  }
  return out;
}

/** The resource a CRD defines, for one of its versions. */
export function resourceFromCrd(crd: CustomResourceDefinition, version: CrdVersion): ResourceFacts {
  const names = crd.spec.names;
  const scale = version.subresources?.scale;
  return {
    kind: names.kind,
    plural: names.plural,
    singular: names.singular ?? names.kind.toLowerCase(),
    namespaced: crd.spec.scope !== 'Cluster',
    shortNames: names.shortNames ?? [],
    categories: names.categories ?? [],
    verbs: ALL_VERBS,
    status: version.subresources?.status !== undefined,
    ...(scale
      ? {
          scale: {
            specpath: scale.specReplicasPath,
            statuspath: scale.statusReplicasPath,
            ...(scale.labelSelectorPath ? { selectorpath: scale.labelSelectorPath } : {}),
          },
        }
      : {}),
    printColumns: version.additionalPrinterColumns ?? [],
    otherSubresources: [],
  };
}

/** The type markers of a resource. */
export function resourceMarkers(facts: ResourceFacts): string[] {
  const args = [
    `path=${facts.plural}`,
    `singular=${facts.singular}`,
    `scope=${facts.namespaced ? 'Namespaced' : 'Cluster'}`,
    ...(facts.shortNames.length > 0 ? [`shortName=${facts.shortNames.join(';')}`] : []),
    ...(facts.categories.length > 0 ? [`categories=${facts.categories.join(';')}`] : []),
  ];
  const out = [`kubebuilder:resource:${args.join(',')}`];
  if (facts.status) out.push('kubebuilder:subresource:status');
  if (facts.scale) {
    const { specpath, statuspath, selectorpath } = facts.scale;
    const scaleArgs = [`specpath=${specpath}`, `statuspath=${statuspath}`, ...(selectorpath ? [`selectorpath=${selectorpath}`] : [])];
    out.push(`kubebuilder:subresource:scale:${scaleArgs.join(',')}`);
  }
  if (facts.verbs.join() !== ALL_VERBS.join()) out.push(`genclient:onlyVerbs=${facts.verbs.join(';')}`);
  for (const column of facts.printColumns) {
    const parts = [
      `name=${argValue(column.name)}`,
      `type=${column.type}`,
      `JSONPath=${argValue(column.jsonPath)}`,
      ...(column.priority !== undefined && column.priority !== 0 ? [`priority=${column.priority}`] : []),
      ...(column.format ? [`format=${column.format}`] : []),
      ...(column.description ? [`description=${argValue(column.description)}`] : []),
    ];
    out.push(`kubebuilder:printcolumn:${parts.join(',')}`);
  }
  return out;
}

/** A marker argument, quoted when it holds a separator. */
function argValue(value: string): string {
  return /[,;="\s]/.test(value) ? `"${value.replace(/"/g, "'")}"` : value;
}

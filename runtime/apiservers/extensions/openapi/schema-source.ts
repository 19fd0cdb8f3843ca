/**
 * The OpenAPI definitions of every Established CRD, as a DynamicSchemaSource the head merges into
 * /openapi/v2 and /openapi/v3 (apiextensions-apiserver's openapi and openapiv3 controllers). Each
 * CRD's definitions are built once per resourceVersion, on the first request after it changed.
 */
import type { CustomResourceDefinition } from '../../../../api-definitions/apiextensions/v1/types.js';
import type { GroupVersionKind } from '../../../machinery/scheme-types.js';
import type { DynamicSchemaSource, SchemaObject } from '../../../endpoints/openapi/source.js';
import { buildCRDDefinitions, listKindOf, type VersionDefinitions } from './builder.js';

/** The CRDs the source reads (the tier's CRD informer). */
export interface CRDLister {
  list(): readonly CustomResourceDefinition[];
  /** Changes whenever a CRD is added, changed or removed. */
  generation(): number;
}

interface Built {
  readonly resourceVersion: string;
  readonly v2: VersionDefinitions;
  readonly v3: VersionDefinitions;
  /** `group/version/kind` of the kinds and lists it describes. */
  readonly kinds: readonly string[];
}

/** Only Established CRDs are published, as upstream's controller skips the others. */
export function isEstablished(crd: CustomResourceDefinition): boolean {
  return (crd.status?.conditions ?? []).some((c) => c.type === 'Established' && c.status === 'True');
}

const gvkKey = (gvk: GroupVersionKind): string => `${gvk.group}/${gvk.version}/${gvk.kind}`;

export class CRDSchemaSource implements DynamicSchemaSource {
  private readonly byName = new Map<string, Built>();
  private seen = -1;
  private definitionsV2: Record<string, SchemaObject> = {};
  private schemasV3: Record<string, SchemaObject> = {};
  private kinds = new Set<string>();
  private key = '';

  constructor(private readonly crds: CRDLister) {}

  definitions(): Readonly<Record<string, SchemaObject>> {
    this.refresh();
    return this.definitionsV2;
  }

  schemas(): Readonly<Record<string, SchemaObject>> {
    this.refresh();
    return this.schemasV3;
  }

  /** Names and resourceVersions of the published CRDs: changes exactly when the definitions do. */
  generation(): string {
    this.refresh();
    return this.key;
  }

  isCustomResource(gvk: GroupVersionKind): boolean {
    this.refresh();
    return this.kinds.has(gvkKey(gvk));
  }

  private refresh(): void {
    const generation = this.crds.generation();
    if (generation === this.seen) return;
    this.seen = generation;
    const published = this.crds.list().filter(isEstablished);
    const live = new Set<string>();
    const v2: Record<string, SchemaObject> = {};
    const v3: Record<string, SchemaObject> = {};
    const kinds = new Set<string>();
    const keys: string[] = [];
    for (const crd of published) {
      const name = crd.metadata?.name ?? '';
      const resourceVersion = crd.metadata?.resourceVersion ?? '';
      live.add(name);
      let built = this.byName.get(name);
      if (!built || built.resourceVersion !== resourceVersion) {
        built = build(crd, resourceVersion);
        if (!built) continue;
        this.byName.set(name, built);
      }
      Object.assign(v2, built.v2);
      Object.assign(v3, built.v3);
      for (const k of built.kinds) kinds.add(k);
      keys.push(`${name}@${resourceVersion}`);
    }
    for (const name of [...this.byName.keys()]) if (!live.has(name)) this.byName.delete(name);
    this.definitionsV2 = v2;
    this.schemasV3 = v3;
    this.kinds = kinds;
    this.key = keys.join(',');
  }
}

/** The definitions of one CRD; undefined for a CRD too malformed to describe (CRD validation keeps these out). */
function build(crd: CustomResourceDefinition, resourceVersion: string): Built | undefined {
  try {
    return buildOrThrow(crd, resourceVersion);
  } catch {
    return undefined;
  }
}

function buildOrThrow(crd: CustomResourceDefinition, resourceVersion: string): Built {
  const kinds: string[] = [];
  for (const v of crd.spec.versions) {
    if (!v.served) continue;
    kinds.push(gvkKey({ group: crd.spec.group, version: v.name, kind: crd.spec.names.kind }));
    kinds.push(gvkKey({ group: crd.spec.group, version: v.name, kind: listKindOf(crd) }));
  }
  return { resourceVersion, v2: buildCRDDefinitions(crd, 'v2'), v3: buildCRDDefinitions(crd, 'v3'), kinds };
}

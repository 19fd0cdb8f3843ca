/**
 * Where the OpenAPI documents come from: the served group-versions and their resources (the
 * discovery source), and the schemas the openapi generator emitted (v2 `definitions`, v3
 * `components.schemas`, keyed by upstream definition name). Asked per request; documents are
 * rebuilt only when `generation()` changes.
 */
import type { GroupVersionKind } from '../../machinery/scheme-types.js';
import type { DiscoveryResource, DiscoverySource } from '../discovery/source.js';

/** One OpenAPI schema object, as JSON. */
export type SchemaObject = { readonly [keyword: string]: unknown };

/** The schemas of one generated group-version module (`generated/<group>/<version>/openapi.generated.ts`). */
export interface SchemaModule {
  readonly definitions: Readonly<Record<string, SchemaObject>>;
  readonly schemas: Readonly<Record<string, SchemaObject>>;
}

export interface OpenAPIGroupVersion {
  readonly group: string;
  readonly version: string;
  readonly resources: readonly DiscoveryResource[];
}

export interface OpenAPISource {
  groupVersions(): readonly OpenAPIGroupVersion[];
  /** OpenAPI v2 definitions by name; `$ref`s are `#/definitions/<name>`. */
  definitions(): Readonly<Record<string, SchemaObject>>;
  /** OpenAPI v3 component schemas by name; `$ref`s are `#/components/schemas/<name>`. */
  schemas(): Readonly<Record<string, SchemaObject>>;
  /** Changes whenever anything above changes. */
  generation(): string;
  /** Whether a kind is a custom resource, whose operations apiextensions-apiserver lays out (custom-resource-operations.ts). */
  isCustomResource(gvk: GroupVersionKind): boolean;
}

/**
 * Schemas that change at runtime (the CustomResourceDefinitions the extensions tier serves), merged
 * over the generated ones. Contract: `generation()` changes whenever either map changes, and is
 * cheap (it is asked per OpenAPI request).
 */
export interface DynamicSchemaSource {
  definitions(): Readonly<Record<string, SchemaObject>>;
  schemas(): Readonly<Record<string, SchemaObject>>;
  generation(): string;
  /** Whether this source describes `gvk` as a custom resource (JSON and YAML only, no strategic merge patch). */
  isCustomResource?(gvk: GroupVersionKind): boolean;
}

/**
 * A source over a discovery source (what is served), generated schema modules and dynamic schema
 * sources (what it looks like).
 */
export function openAPISource(discovery: DiscoverySource, modules: readonly SchemaModule[], dynamic: readonly DynamicSchemaSource[] = []): OpenAPISource {
  const definitions: Record<string, SchemaObject> = {};
  const schemas: Record<string, SchemaObject> = {};
  for (const module of modules) {
    Object.assign(definitions, module.definitions);
    Object.assign(schemas, module.schemas);
  }
  const groupVersions = (): OpenAPIGroupVersion[] =>
    discovery.groups().flatMap((g) => g.versions.map((v) => ({ group: g.name, version: v.version, resources: v.resources })));
  const merged = (pick: (source: DynamicSchemaSource) => Readonly<Record<string, SchemaObject>>, base: Record<string, SchemaObject>) => {
    if (dynamic.length === 0) return () => base;
    let key: string | undefined;
    let value: Readonly<Record<string, SchemaObject>> = base;
    return () => {
      const now = dynamic.map((d) => d.generation()).join('|');
      if (now !== key) {
        key = now;
        value = Object.assign({}, base, ...dynamic.map(pick));
      }
      return value;
    };
  };
  return {
    groupVersions,
    definitions: merged((d) => d.definitions(), definitions),
    schemas: merged((d) => d.schemas(), schemas),
    generation: () =>
      groupVersions()
        .map((gv) => `${gv.group}/${gv.version}:${gv.resources.map((r) => `${r.name}.${r.verbs.length}.${r.subresources.length}`).join(',')}`)
        .join(';') + dynamic.map((d) => `|${d.generation()}`).join(''),
    isCustomResource: (gvk) => dynamic.some((d) => d.isCustomResource?.(gvk) === true),
  };
}

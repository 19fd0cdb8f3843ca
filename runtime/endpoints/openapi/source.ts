/**
 * Where the OpenAPI documents come from: the served group-versions and their resources (the
 * discovery source), and the schemas the openapi generator emitted (v2 `definitions`, v3
 * `components.schemas`, keyed by upstream definition name). Asked per request; documents are
 * rebuilt only when `generation()` changes.
 */
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
}

/** A source over a discovery source (what is served) and generated schema modules (what it looks like). */
export function openAPISource(discovery: DiscoverySource, modules: readonly SchemaModule[]): OpenAPISource {
  const definitions: Record<string, SchemaObject> = {};
  const schemas: Record<string, SchemaObject> = {};
  for (const module of modules) {
    Object.assign(definitions, module.definitions);
    Object.assign(schemas, module.schemas);
  }
  const groupVersions = (): OpenAPIGroupVersion[] =>
    discovery.groups().flatMap((g) => g.versions.map((v) => ({ group: g.name, version: v.version, resources: v.resources })));
  return {
    groupVersions,
    definitions: () => definitions,
    schemas: () => schemas,
    generation: () =>
      groupVersions()
        .map((gv) => `${gv.group}/${gv.version}:${gv.resources.map((r) => `${r.name}.${r.verbs.length}.${r.subresources.length}`).join(',')}`)
        .join(';'),
  };
}

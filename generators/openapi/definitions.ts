/**
 * The OpenAPI definitions (v2) and component schemas (v3) of the whole model or of one
 * versioned package. Pure functions of the model: the runtime reuses them to serve
 * `/openapi/v2` and `/openapi/v3`, and the generators write them out.
 */
import { ModelIndex } from '../model/lookup.js';
import type { ApiModel, PackageModel, StructModel } from '../model/types.js';
import { OPENAPI_V2, OPENAPI_V3, type OpenApiFlavour } from './flavour.js';
import { holdsScalarDefinitions, scalarDefinitions } from './scalars.js';
import { canonicalSchemaMap, type GroupVersionKind, type SchemaMap } from './schema.js';
import { SchemaBuilder } from './schema-builder.js';

/** OpenAPI v2 `definitions` of every versioned package, plus the scalar definitions. */
export function buildDefinitions(model: ApiModel): SchemaMap {
  return buildAll(model, OPENAPI_V2);
}

/** OpenAPI v3 `components.schemas` of every versioned package, plus the scalar definitions. */
export function buildSchemas(model: ApiModel): SchemaMap {
  return buildAll(model, OPENAPI_V3);
}

/** The versioned packages of a model, in model order (groups by folder, versions by priority). */
export function versionedPackages(model: ApiModel): PackageModel[] {
  return model.groups.flatMap((group) => group.versions.filter((pkg) => pkg.version !== null));
}

/**
 * The schemas one package contributes: a definition per struct, and for meta/v1 the scalar
 * definitions. An internal package contributes nothing.
 */
export function buildPackageSchemas(
  index: ModelIndex,
  pkg: PackageModel,
  flavour: OpenApiFlavour,
): SchemaMap {
  if (pkg.version === null) return {};
  const builder = new SchemaBuilder(index, flavour);
  const out: SchemaMap = holdsScalarDefinitions(pkg) ? scalarDefinitions() : {};
  for (const type of structs(pkg)) out[builder.definitionName(type.id)] = builder.structSchema(type);
  return canonicalSchemaMap(out);
}

/** `{group, kind, version}` of every kind of a package, sorted by kind. */
export function packageGroupVersionKinds(index: ModelIndex, pkg: PackageModel): GroupVersionKind[] {
  const builder = new SchemaBuilder(index, OPENAPI_V2);
  return structs(pkg)
    .filter((type) => type.isKind)
    .map((type) => builder.groupVersionKind(type))
    .sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
}

/** Every versioned package's schemas in one flavour, plus the scalar definitions. */
export function buildAll(model: ApiModel, flavour: OpenApiFlavour): SchemaMap {
  const index = new ModelIndex(model);
  // Scalar definitions are always present so that every `$ref` resolves, even in a model
  // without meta/v1 (tests, or a server that serves no shared types).
  const out: SchemaMap = scalarDefinitions();
  for (const pkg of versionedPackages(model)) Object.assign(out, buildPackageSchemas(index, pkg, flavour));
  return canonicalSchemaMap(out);
}

function structs(pkg: PackageModel): StructModel[] {
  return pkg.types.filter((type): type is StructModel => type.kind === 'struct');
}

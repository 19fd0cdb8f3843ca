/**
 * How the scalar vocabulary of `api-definitions/meta/v1` appears in OpenAPI (the table in
 * docs/api-definitions.md). Named scalars are `$ref`s to fixed upstream definition names; the
 * definitions themselves belong to the meta/v1 package.
 */
import type { PackageModel, ScalarName } from '../model/types.js';
import type { OpenApiFlavour } from './flavour.js';
import type { Schema, SchemaMap } from './schema.js';

/** Upstream's definition name of each scalar that is published as a named definition. */
export const SCALAR_DEFINITION_NAMES = {
  Time: 'io.k8s.apimachinery.pkg.apis.meta.v1.Time',
  MicroTime: 'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime',
  FieldsV1: 'io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1',
  Quantity: 'io.k8s.apimachinery.pkg.api.resource.Quantity',
  IntOrString: 'io.k8s.apimachinery.pkg.util.intstr.IntOrString',
  RawExtension: 'io.k8s.apimachinery.pkg.runtime.RawExtension',
} as const satisfies Partial<Record<ScalarName, string>>;

type NamedScalar = keyof typeof SCALAR_DEFINITION_NAMES;

/** The bodies of those definitions, as upstream publishes them (identical in v2 and v3). */
const SCALAR_DEFINITIONS: Record<NamedScalar, Schema> = {
  Time: { type: 'string', format: 'date-time' },
  MicroTime: { type: 'string', format: 'date-time' },
  FieldsV1: { type: 'object' },
  Quantity: { type: 'string' },
  IntOrString: { type: 'string', format: 'int-or-string' },
  RawExtension: { type: 'object' },
};

/** Scalars written inline wherever they are used. */
const INLINE_SCALARS: Record<Exclude<ScalarName, NamedScalar>, Schema> = {
  string: { type: 'string' },
  boolean: { type: 'boolean' },
  int32: { type: 'integer', format: 'int32' },
  int64: { type: 'integer', format: 'int64' },
  float64: { type: 'number', format: 'double' },
  bytes: { type: 'string', format: 'byte' },
  // metav1.Duration has no definition of its own upstream: it is published as a plain string.
  Duration: { type: 'string' },
  // Arbitrary JSON: no type at all, and pruning must keep whatever is inside.
  JSON: { 'x-kubernetes-preserve-unknown-fields': true },
};

/** The schema a field of scalar type gets: a `$ref` for named scalars, an inline schema otherwise. */
export function scalarSchema(name: ScalarName, flavour: OpenApiFlavour): Schema {
  if (name in SCALAR_DEFINITION_NAMES) {
    return { $ref: flavour.refPrefix + SCALAR_DEFINITION_NAMES[name as NamedScalar] };
  }
  return { ...INLINE_SCALARS[name as Exclude<ScalarName, NamedScalar>] };
}

/** The scalar definitions, keyed by upstream name. */
export function scalarDefinitions(): SchemaMap {
  const out: SchemaMap = {};
  for (const [scalar, name] of Object.entries(SCALAR_DEFINITION_NAMES)) {
    out[name] = { ...SCALAR_DEFINITIONS[scalar as NamedScalar] };
  }
  return out;
}

/** The package whose OpenAPI output carries the scalar definitions: meta/v1, their upstream home. */
export function holdsScalarDefinitions(pkg: PackageModel): boolean {
  return pkg.groupDir === 'meta' && pkg.version === 'v1';
}

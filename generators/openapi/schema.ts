/** The OpenAPI schema object as plain JSON data, and the keyword lists the generators share. */

/**
 * One OpenAPI schema object (v2 definition or v3 component). Only the keywords the generators
 * write are named; `x-kubernetes-*` extensions go through the template index signature.
 */
export interface Schema {
  type?: string | string[];
  format?: string;
  description?: string;
  $ref?: string;
  allOf?: Schema[];
  anyOf?: Schema[];
  if?: Schema;
  else?: Schema;
  items?: Schema;
  properties?: Record<string, Schema>;
  additionalProperties?: Schema;
  required?: string[];
  enum?: unknown[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean | number;
  exclusiveMaximum?: boolean | number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minProperties?: number;
  maxProperties?: number;
  pattern?: string;
  multipleOf?: number;
  uniqueItems?: boolean;
  [extension: `x-${string}`]: unknown;
}

/** Schemas keyed by their OpenAPI name, e.g. `io.k8s.api.autoscaling.v2.MetricSpec`. */
export type SchemaMap = Record<string, Schema>;

/** `{group, kind, version}`: the element of `x-kubernetes-group-version-kind`, keys as upstream sorts them. */
export interface GroupVersionKind {
  readonly group: string;
  readonly kind: string;
  readonly version: string;
}

/** Keywords whose value is a schema; `canonicalSchema` recurses into them. */
const SCHEMA_VALUED = new Set(['items', 'additionalProperties', 'if', 'else']);
/** Keywords whose value is a list of schemas, kept in order. */
const SCHEMA_LIST_VALUED = new Set(['allOf', 'anyOf']);

/**
 * Returns a copy of `schema` with keys sorted at every schema level, as upstream's document
 * has them, so equal models give equal bytes. Values that are data rather than schemas
 * (`default`, `enum`, `required`, extension values) keep their order: `required` follows the
 * field order and `enum` is ordered by whoever built it.
 */
export function canonicalSchema(schema: Schema): Schema {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(schema).sort()) {
    const value = (schema as Record<string, unknown>)[key];
    if (key === 'properties') out[key] = canonicalSchemaMap(value as SchemaMap);
    else if (SCHEMA_VALUED.has(key)) out[key] = canonicalSchema(value as Schema);
    else if (SCHEMA_LIST_VALUED.has(key)) out[key] = (value as Schema[]).map(canonicalSchema);
    else out[key] = value;
  }
  return out as Schema;
}

/** `canonicalSchema` over every entry of a map, with the map's keys sorted too. */
export function canonicalSchemaMap(schemas: SchemaMap): SchemaMap {
  const out: SchemaMap = {};
  for (const name of Object.keys(schemas).sort()) out[name] = canonicalSchema(schemas[name]);
  return out;
}

/** Every `$ref` inside a schema, in document order. */
export function collectRefs(schema: Schema, into: string[] = []): string[] {
  if (schema.$ref !== undefined) into.push(schema.$ref);
  for (const sub of Object.values(schema.properties ?? {})) collectRefs(sub, into);
  for (const key of SCHEMA_VALUED) {
    const sub = (schema as Record<string, unknown>)[key];
    if (sub !== undefined) collectRefs(sub as Schema, into);
  }
  for (const key of SCHEMA_LIST_VALUED) {
    for (const sub of ((schema as Record<string, unknown>)[key] as Schema[] | undefined) ?? [])
      collectRefs(sub, into);
  }
  return into;
}

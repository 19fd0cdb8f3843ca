/**
 * The slice of OpenAPI (v2 and v3) and structural-schema vocabulary the importer reads. Both
 * versions share it: v3 only moves named schemas to `components.schemas` and wraps `$ref`s
 * that carry siblings in `allOf`.
 */

export interface Schema {
  readonly type?: string | readonly string[];
  readonly format?: string;
  readonly $ref?: string;
  readonly description?: string;
  readonly default?: unknown;
  readonly enum?: readonly unknown[];
  readonly items?: Schema;
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly additionalProperties?: Schema | boolean;
  readonly required?: readonly string[];
  readonly allOf?: readonly Schema[];
  readonly anyOf?: readonly Schema[];
  readonly oneOf?: readonly Schema[];
  readonly nullable?: boolean;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: boolean | number;
  readonly exclusiveMaximum?: boolean | number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly minProperties?: number;
  readonly maxProperties?: number;
  readonly pattern?: string;
  readonly multipleOf?: number;
  readonly uniqueItems?: boolean;
  readonly 'x-kubernetes-group-version-kind'?: readonly GroupVersionKind[];
  readonly 'x-kubernetes-list-type'?: string;
  readonly 'x-kubernetes-list-map-keys'?: readonly string[];
  readonly 'x-kubernetes-map-type'?: string;
  readonly 'x-kubernetes-patch-strategy'?: string;
  readonly 'x-kubernetes-patch-merge-key'?: string;
  readonly 'x-kubernetes-int-or-string'?: boolean;
  readonly 'x-kubernetes-preserve-unknown-fields'?: boolean;
  readonly 'x-kubernetes-embedded-resource'?: boolean;
  readonly 'x-kubernetes-validations'?: readonly { readonly rule: string; readonly message?: string }[];
}

export interface GroupVersionKind {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
}

/** One operation of an OpenAPI path item, as Kubernetes annotates it. */
export interface Operation {
  readonly 'x-kubernetes-action'?: string;
  readonly 'x-kubernetes-group-version-kind'?: GroupVersionKind;
}

export type PathItem = Readonly<Record<string, Operation | unknown>>;

/** The type names a schema declares (`type` may be a list in OpenAPI 3.1), without `null`. */
export function schemaTypes(schema: Schema): string[] {
  if (schema.type === undefined) return [];
  const types = typeof schema.type === 'string' ? [schema.type] : [...schema.type];
  return types.filter((t) => t !== 'null');
}

/** The single type of a schema, or undefined when it has none or several. */
export function schemaType(schema: Schema): string | undefined {
  const types = schemaTypes(schema);
  return types.length === 1 ? types[0] : undefined;
}

/**
 * `allOf: [X]` with nothing else describing the value is X: OpenAPI 3 writes a `$ref` that
 * carries a description or default that way.
 */
export function unwrapAllOf(schema: Schema): Schema {
  if (schema.allOf?.length === 1 && schema.$ref === undefined && schema.type === undefined) {
    const { allOf, ...rest } = schema;
    return { ...unwrapAllOf(allOf[0]!), ...withoutUndefined(rest) };
  }
  return schema;
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

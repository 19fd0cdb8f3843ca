/**
 * An object schema → an interface: one property per JSON property, `?` unless `required`,
 * markers from the property's schema, a kind `extends TypeMeta` instead of declaring
 * apiVersion and kind, embedded structs as further `extends`.
 */
import type { FieldDecl, InterfaceDecl, TypeExpr } from '../declarations.js';
import { unwrapAllOf, type Schema } from '../schema.js';
import type { TransformContext } from './context.js';
import { fieldMarkers, proseLines } from './markers.js';
import { pascalCase } from './names.js';
import { typeOf } from './type-ref.js';
import { PROTO_ONLY } from '../proto-overlay.js';

export const TYPE_META: TypeExpr = { kind: 'external', folder: 'meta/v1', name: 'TypeMeta' };

export interface ObjectOptions {
  /** Extends TypeMeta; `apiVersion` and `kind` are not declared. */
  readonly isKind?: boolean;
  /** JSON property → protobuf field number. */
  readonly numbers?: ReadonlyMap<string, number>;
  /** Embedded structs: local type name and protobuf number (undefined without a proto). */
  readonly embeds?: readonly { readonly name: string; readonly protobuf?: number }[];
  /** Properties known only from generated.proto. */
  readonly protoOnly?: ReadonlySet<string>;
  /** Type-level markers from elsewhere (resources), written after the schema's own. */
  readonly markers?: readonly string[];
  readonly doc?: readonly string[];
  /** Line comments before the declaration. */
  readonly comments?: readonly string[];
  readonly notes?: readonly string[];
}


export function objectDeclaration(name: string, schema: Schema, ctx: TransformContext, options: ObjectOptions): InterfaceDecl {
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const names = orderProperties(Object.keys(properties), schema.required ?? [], options.numbers).filter(
    (p) => !(options.isKind && (p === 'apiVersion' || p === 'kind')),
  );
  const fields = names.map((property): FieldDecl => {
    const propertySchema = properties[property]!;
    const usedAt = `${name}.${property}`;
    const type = typeOf(propertySchema, `${name}${pascalCase(property)}`, usedAt, ctx);
    const markers = fieldMarkers(propertySchema, type, (message) => ctx.warnings.push(`${usedAt}: ${message}`));
    const number = options.numbers?.get(property);
    if (number !== undefined) markers.push(`protobuf=${number}`);
    const doc = proseLines(unwrapAllOf(propertySchema).description);
    const comments = options.protoOnly?.has(property) ? [PROTO_ONLY] : [];
    if (unwrapAllOf(propertySchema)['x-kubernetes-validations']) {
      ctx.warnings.push(`${usedAt}: x-kubernetes-validations (CEL rules) have no marker; left out`);
    }
    return { name: property, type, optional: !required.has(property), doc, markers, comments };
  });
  const markers: string[] = [];
  for (const embed of options.embeds ?? []) {
    if (embed.protobuf !== undefined) markers.push(`protobufEmbed=${embed.name}:${embed.protobuf}`);
  }
  const structType = schema['x-kubernetes-map-type'];
  if (structType !== undefined) markers.push(`structType=${structType}`);
  if (schema['x-kubernetes-preserve-unknown-fields']) {
    ctx.warnings.push(`${name}: x-kubernetes-preserve-unknown-fields on a type has no marker; put it on the fields that use ${name}`);
  }
  markers.push(...(options.markers ?? []));
  return {
    comments: options.comments ?? [],
    kind: 'interface',
    name,
    doc: [...(options.doc ?? []), ...proseLines(schema.description)],
    markers,
    extends: [
      ...(options.isKind ? [TYPE_META] : []),
      ...(options.embeds ?? []).map((e): TypeExpr => ({ kind: 'local', name: e.name })),
    ],
    fields,
    notes: options.notes ?? [],
  };
}

/**
 * Field order: by protobuf number when every property has one (Go's declaration order, as far
 * as the numbers tell), else as the schema lists them; then the required properties are placed,
 * among the slots they occupy, in the order `required` lists them, so that OpenAPI written from
 * the types gives `required` back in the same order.
 */
export function orderProperties(
  properties: readonly string[],
  required: readonly string[],
  numbers: ReadonlyMap<string, number> | undefined,
): string[] {
  const numbered = numbers !== undefined && properties.every((p) => numbers.has(p) || p === 'apiVersion' || p === 'kind');
  const base = numbered
    ? [...properties].sort((a, b) => (numbers.get(a) ?? 0) - (numbers.get(b) ?? 0))
    : [...properties];
  const wanted = required.filter((r) => base.includes(r));
  const requiredSet = new Set(wanted);
  let next = 0;
  return base.map((p) => (requiredSet.has(p) ? wanted[next++]! : p));
}

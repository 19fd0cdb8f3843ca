/**
 * Turns the model's structs, fields and type references into OpenAPI schema objects of one
 * flavour (v2 or v3). Structs become named definitions; enums, aliases, arrays and maps are
 * written inline where they are used, as upstream's openapi-gen does.
 */
import { CodegenError } from '../errors.js';
import { ModelIndex, openapiName, typeKey } from '../model/lookup.js';
import type { FieldModel, StructModel, TypeId, TypeRef, ValidationRules } from '../model/types.js';
import type { OpenApiFlavour } from './flavour.js';
import { scalarSchema } from './scalars.js';
import type { GroupVersionKind, Schema } from './schema.js';

export class SchemaBuilder {
  constructor(
    private readonly index: ModelIndex,
    private readonly flavour: OpenApiFlavour,
  ) {}

  /** The OpenAPI name of a struct of a versioned package, e.g. `io.k8s.api.autoscaling.v2.MetricSpec`. */
  definitionName(id: TypeId, usedAt?: FieldModel): string {
    const pkg = this.index.pkg(id.pkg);
    if (pkg.version === null) {
      throw new CodegenError(
        usedAt?.location,
        usedAt ? `field ${usedAt.name}` : typeKey(id),
        `refers to ${typeKey(id)} of the internal package; versioned types may only use versioned types`,
      );
    }
    return openapiName(this.index.group(pkg.id), pkg.version, id.name);
  }

  /** The definition of a struct: its properties sorted by name, `required` in field order. */
  structSchema(struct: StructModel): Schema {
    const schema: Schema = { type: 'object' };
    if (struct.doc.trim() !== '') schema.description = struct.doc.trim();
    if (struct.fields.length > 0) {
      schema.properties = {};
      for (const field of struct.fields) schema.properties[field.name] = this.fieldSchema(field);
    }
    const required = struct.fields.filter((field) => !field.optional).map((field) => field.name);
    if (required.length > 0) schema.required = required;
    if (struct.isKind) schema['x-kubernetes-group-version-kind'] = [this.groupVersionKind(struct)];
    if (struct.structType !== undefined) schema['x-kubernetes-map-type'] = struct.structType;
    return schema;
  }

  groupVersionKind(struct: StructModel): GroupVersionKind {
    const pkg = this.index.pkg(struct.id.pkg);
    return { group: this.index.group(pkg.id).groupName, kind: struct.id.name, version: pkg.version ?? '' };
  }

  /** A property: the schema of its type plus what the field's markers say. */
  fieldSchema(field: FieldModel): Schema {
    const base = this.typeSchema(field.type, field);
    const extra = this.fieldKeywords(field, base);
    if (Object.keys(extra).length === 0) return base;
    if (base.$ref !== undefined && this.flavour.wrapRefSiblings) return { allOf: [base], ...extra };
    return { ...base, ...extra };
  }

  /** The schema of a type reference, without anything a field adds. */
  typeSchema(ref: TypeRef, usedAt: FieldModel): Schema {
    const resolved = this.index.resolve(ref);
    switch (resolved.kind) {
      case 'scalar':
        return scalarSchema(resolved.name, this.flavour);
      case 'array':
        return { type: 'array', items: this.typeSchema(resolved.elem, usedAt) };
      case 'map':
        return { type: 'object', additionalProperties: this.typeSchema(resolved.value, usedAt) };
      case 'named': {
        const target = this.index.tryType(resolved.ref);
        if (!target) {
          throw new CodegenError(
            usedAt.location,
            `field ${usedAt.name}`,
            `unknown type ${typeKey(resolved.ref)}`,
          );
        }
        if (target.kind === 'enum') return this.enumSchema(target.values);
        // resolve() only stops at an alias when aliases nest deeper than it follows.
        if (target.kind === 'alias') {
          throw new CodegenError(target.location, typeKey(target.id), 'alias chain too deep or circular');
        }
        return { $ref: this.flavour.refPrefix + this.definitionName(target.id, usedAt) };
      }
    }
  }

  private enumSchema(values: readonly string[]): Schema {
    const schema: Schema = { type: 'string' };
    // Sorted like kube-openapi's enum values; the declaration order carries no meaning.
    if (this.flavour.enumValues && values.length > 0) schema.enum = [...values].sort();
    return schema;
  }

  /** Description, default, list/map/patch metadata and validation markers of a field. */
  private fieldKeywords(field: FieldModel, base: Schema): Schema {
    const out: Schema = {};
    if (field.doc.trim() !== '') out.description = field.doc.trim();
    if (this.flavour.defaults && field.default !== undefined) out.default = field.default;
    if (field.listType !== undefined) out['x-kubernetes-list-type'] = field.listType;
    if (field.listMapKeys !== undefined && field.listMapKeys.length > 0) {
      out['x-kubernetes-list-map-keys'] = [...field.listMapKeys];
    }
    if (field.mapType !== undefined) out['x-kubernetes-map-type'] = field.mapType;
    if (field.patchMergeKey !== undefined) out['x-kubernetes-patch-merge-key'] = field.patchMergeKey;
    if (field.patchStrategy !== undefined) out['x-kubernetes-patch-strategy'] = field.patchStrategy;
    Object.assign(out, validationKeywords(field.validation, base));
    return out;
  }
}

/**
 * The OpenAPI keywords of `+kubebuilder:validation:*` and `+kubebuilder:pruning:*` markers.
 * `format` is only written when it changes the type's own format.
 */
export function validationKeywords(rules: ValidationRules, base: Schema = {}): Schema {
  const out: Schema = {};
  const copy = [
    'minimum',
    'maximum',
    'exclusiveMinimum',
    'exclusiveMaximum',
    'minLength',
    'maxLength',
    'minItems',
    'maxItems',
    'minProperties',
    'maxProperties',
    'pattern',
    'multipleOf',
    'uniqueItems',
  ] as const;
  for (const key of copy) {
    if (rules[key] !== undefined) (out as Record<string, unknown>)[key] = rules[key];
  }
  if (rules.format !== undefined && rules.format !== base.format) out.format = rules.format;
  if (rules.enum !== undefined) out.enum = [...rules.enum];
  if (rules.intOrString) out['x-kubernetes-int-or-string'] = true;
  if (rules.preserveUnknownFields) out['x-kubernetes-preserve-unknown-fields'] = true;
  if (rules.embeddedResource) out['x-kubernetes-embedded-resource'] = true;
  return out;
}

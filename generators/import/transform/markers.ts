/**
 * The markers a property's schema turns into: list, map and patch semantics from the
 * `x-kubernetes-*` extensions, `+default`, and validation keywords as
 * `+kubebuilder:validation:*`. Keywords the type already says (an int32 format on an int32)
 * give no marker.
 */
import type { TypeExpr } from '../declarations.js';
import { unwrapAllOf, type Schema } from '../schema.js';

const VALIDATION = 'kubebuilder:validation:';

/** Formats the scalar aliases stand for. */
const IMPLIED_FORMATS: Readonly<Record<string, readonly string[]>> = {
  int32: ['int32'],
  int64: ['int64'],
  float64: ['double', 'float'],
  bytes: ['byte'],
  Time: ['date-time'],
  MicroTime: ['date-time'],
  IntOrString: ['int-or-string'],
};

export function fieldMarkers(input: Schema, type: TypeExpr, warn: (message: string) => void): string[] {
  const schema = unwrapAllOf(input);
  const out: string[] = [];
  const listType = schema['x-kubernetes-list-type'];
  if (listType !== undefined) out.push(`listType=${listType}`);
  for (const key of schema['x-kubernetes-list-map-keys'] ?? []) out.push(`listMapKey=${key}`);
  const mapType = schema['x-kubernetes-map-type'];
  if (mapType !== undefined) out.push(`${type.kind === 'map' ? 'mapType' : 'structType'}=${mapType}`);
  if (schema['x-kubernetes-patch-strategy'] !== undefined) out.push(`patchStrategy=${schema['x-kubernetes-patch-strategy']}`);
  if (schema['x-kubernetes-patch-merge-key'] !== undefined) out.push(`patchMergeKey=${schema['x-kubernetes-patch-merge-key']}`);
  if (schema.default !== undefined) out.push(`default=${JSON.stringify(schema.default)}`);
  out.push(...validationMarkers(schema, type, warn));
  if (schema['x-kubernetes-preserve-unknown-fields'] && !(type.kind === 'scalar' && type.name === 'JSON')) {
    out.push('kubebuilder:pruning:PreserveUnknownFields');
  }
  if (schema['x-kubernetes-embedded-resource']) out.push(`${VALIDATION}EmbeddedResource`);
  return out;
}

function validationMarkers(schema: Schema, type: TypeExpr, warn: (message: string) => void): string[] {
  const out: string[] = [];
  const number = (name: string, value: number | undefined): void => {
    if (value !== undefined) out.push(`${VALIDATION}${name}=${value}`);
  };
  number('Minimum', schema.minimum ?? (typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum : undefined));
  if (schema.exclusiveMinimum === true || typeof schema.exclusiveMinimum === 'number') out.push(`${VALIDATION}ExclusiveMinimum=true`);
  number('Maximum', schema.maximum ?? (typeof schema.exclusiveMaximum === 'number' ? schema.exclusiveMaximum : undefined));
  if (schema.exclusiveMaximum === true || typeof schema.exclusiveMaximum === 'number') out.push(`${VALIDATION}ExclusiveMaximum=true`);
  number('MultipleOf', schema.multipleOf);
  number('MinLength', schema.minLength);
  number('MaxLength', schema.maxLength);
  number('MinItems', schema.minItems);
  number('MaxItems', schema.maxItems);
  number('MinProperties', schema.minProperties);
  number('MaxProperties', schema.maxProperties);
  if (schema.pattern !== undefined) {
    if (/[\r\n]/.test(schema.pattern)) warn(`pattern ${JSON.stringify(schema.pattern)} spans lines; left out`);
    else out.push(`${VALIDATION}Pattern=${schema.pattern}`);
  }
  if (schema.uniqueItems === true) out.push(`${VALIDATION}UniqueItems=true`);
  const implied = type.kind === 'scalar' ? (IMPLIED_FORMATS[type.name] ?? []) : [];
  if (schema.format !== undefined && !implied.includes(schema.format) && schema.$ref === undefined) {
    out.push(`${VALIDATION}Format=${schema.format}`);
  }
  // String enums became literal-union types; other enums stay a validation marker.
  if (schema.enum !== undefined && type.kind !== 'local') {
    out.push(`${VALIDATION}Enum=${schema.enum.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(';')}`);
  }
  return out;
}

/** A description as JSDoc prose lines; a line that would read as a marker is escaped. */
export function proseLines(description: string | undefined): string[] {
  if (description === undefined || description.trim() === '') return [];
  return description
    .trim()
    .split('\n')
    .map((line) => (/^\s*\+/.test(line) ? line.replace('+', '\\+') : line));
}

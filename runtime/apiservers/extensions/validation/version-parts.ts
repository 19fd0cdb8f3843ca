/**
 * The parts of a CRD version besides its schema: subresources (scale paths), printer columns,
 * selectable fields and the deprecation warning, as upstream validates them.
 */
import type {
  CustomResourceColumnDefinition,
  CustomResourceSubresources,
  JSONSchemaProps,
  SelectableField,
} from '../../../../api-definitions/apiextensions/v1/types.js';
import { duplicate, forbidden, invalid, required, tooMany, type FieldError } from '../../../machinery/validation/field.js';
import type { FieldPath } from '../../../machinery/validation/path.js';
import { resolveFieldPath } from '../cel/field-path.js';
import { mapValueSchema } from '../schema/schema.js';

const COLUMN_TYPES = ['boolean', 'date', 'integer', 'number', 'string'];
const COLUMN_FORMATS = ['byte', 'date', 'date-time', 'double', 'float', 'int32', 'int64', 'password'];
export const MAX_SELECTABLE_FIELDS = 8;

/** validateSimpleJSONPath: `.a.b`. */
export function validateSimpleJSONPath(s: string, path: FieldPath): FieldError[] {
  if (s.length === 0) return [invalid(path, s, 'must not be empty')];
  if (!s.startsWith('.')) return [invalid(path, s, 'must be a simple json path starting with .')];
  return [];
}

export function validateSubresources(sub: CustomResourceSubresources | undefined, path: FieldPath): FieldError[] {
  const scale = sub?.scale;
  if (!scale) return [];
  const errs: FieldError[] = [];
  const under = (value: string | undefined, name: string, prefixes: string[], words: string) => {
    const at = path.child(`scale.${name}`);
    if (!value) {
      if (name !== 'labelSelectorPath') errs.push(required(at));
      return;
    }
    const simple = validateSimpleJSONPath(value, at);
    if (simple.length > 0) errs.push(...simple);
    else if (!prefixes.some((p) => value.startsWith(p))) errs.push(invalid(at, value, `should be a json path under ${words}`));
  };
  under(scale.specReplicasPath, 'specReplicasPath', ['.spec.'], '.spec');
  under(scale.statusReplicasPath, 'statusReplicasPath', ['.status.'], '.status');
  under(scale.labelSelectorPath, 'labelSelectorPath', ['.spec.', '.status.'], 'either .spec or .status');
  return errs;
}

export function validateColumns(columns: readonly CustomResourceColumnDefinition[] | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  (columns ?? []).forEach((c, i) => {
    const at = path.index(i);
    if (!c.name) errs.push(required(at.child('name')));
    if (!c.type) errs.push(required(at.child('type'), `must be one of ${COLUMN_TYPES.join(',')}`));
    else if (!COLUMN_TYPES.includes(c.type)) errs.push(invalid(at.child('type'), c.type, `must be one of ${COLUMN_TYPES.join(',')}`));
    if (c.format && !COLUMN_FORMATS.includes(c.format)) errs.push(invalid(at.child('format'), c.format, `must be one of ${COLUMN_FORMATS.join(',')}`));
    if (!c.jsonPath) errs.push(required(at.child('JSONPath')));
    else errs.push(...validateSimpleJSONPath(c.jsonPath, at.child('JSONPath')));
  });
  return errs;
}

export function validateSelectableFields(fields: readonly SelectableField[] | undefined, schema: JSONSchemaProps | undefined, path: FieldPath): FieldError[] {
  if (!fields || fields.length === 0) return [];
  const errs: FieldError[] = [];
  if (fields.length > MAX_SELECTABLE_FIELDS) errs.push(tooMany(path, fields.length, MAX_SELECTABLE_FIELDS));
  const seen = new Set<string>();
  fields.forEach((f, i) => {
    const at = path.index(i).child('jsonPath');
    if (!f.jsonPath) {
      errs.push(required(at));
      return;
    }
    if (!schema) return;
    if (f.jsonPath.includes('[')) {
      errs.push(invalid(at, f.jsonPath, 'is an invalid path: array notation is not allowed'));
      return;
    }
    const resolved = resolveFieldPath(f.jsonPath, schema);
    if ('error' in resolved) {
      errs.push(invalid(at, f.jsonPath, `is an invalid path: ${resolved.error}`));
      return;
    }
    const target = lookup(schema, resolved.path);
    if (target && !['string', 'integer', 'boolean'].includes(target.type ?? '')) {
      errs.push(invalid(at, f.jsonPath, 'must point to a field of type string, boolean or integer. Enums and string formats are supported'));
    }
    if (resolved.path === 'metadata' || resolved.path.startsWith('metadata.')) errs.push(forbidden(at, 'must not point to fields in metadata'));
    if (seen.has(resolved.path)) errs.push(duplicate(at, f.jsonPath));
    seen.add(resolved.path);
  });
  return errs;
}

function lookup(schema: JSONSchemaProps, dotted: string): JSONSchemaProps | undefined {
  let s: JSONSchemaProps | undefined = schema;
  for (const name of dotted.split('.')) s = s?.properties?.[name] ?? (s ? mapValueSchema(s) : undefined);
  return s;
}

/** A deprecation warning only on a deprecated version, short and printable. */
export function validateDeprecationWarning(deprecated: boolean | undefined, warning: string | undefined, path: FieldPath): FieldError[] {
  if (warning === undefined) return [];
  if (!deprecated) return [invalid(path, warning, 'must only be set when deprecated is true')];
  const errs: FieldError[] = [];
  if ([...warning].length > 256) errs.push(invalid(path, warning, 'must be <= 256 characters long'));
  const bad = [...warning].findIndex((ch) => /[\p{Cc}]/u.test(ch));
  if (bad >= 0) errs.push(invalid(path, warning, `must only contain printable UTF-8 characters; non-printable character found at index ${bad}`));
  return errs;
}

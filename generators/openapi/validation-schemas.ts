/**
 * The validation variant of the v3 schemas: what the generated ajv validators check. It
 * accepts what Kubernetes' Go decoder accepts, which is more than the published schemas say:
 *
 * - optional properties may be JSON `null` (the decoder sets pointers, slices and maps to nil;
 *   kubectl sends `creationTimestamp: null`);
 * - IntOrString is an integer or a string, a Quantity a string or a number (`cpu: 1`);
 * - RawExtension and FieldsV1 keep any JSON value (their UnmarshalJSON stores the raw bytes);
 * - a Time or MicroTime in a list or map may be `null`, Go's zero time (upstream's fixtures
 *   have `disruptedPods: {"name": null}`).
 *
 * Everything that does not validate (descriptions, defaults, `x-kubernetes-*`) is dropped so
 * ajv runs in strict mode, and refs point into one `definitions` document.
 */
import { SCALAR_DEFINITION_NAMES } from './scalars.js';
import type { Schema, SchemaMap } from './schema.js';

/** Where refs point in the validation document: `<id>#/definitions/<name>`. */
export const VALIDATION_DOCUMENT_ID = 'kapi';
const V3_REF_PREFIX = '#/components/schemas/';
const VALIDATION_REF_PREFIX = '#/definitions/';

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/**
 * Quantity syntax as upstream's CRD generator publishes it (controller-gen's Quantity schema),
 * so a malformed quantity fails here as it fails ParseQuantity.
 */
export const QUANTITY_PATTERN =
  '^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$';

/** Scalar definitions replaced wholesale by what the Go decoder accepts. */
const DECODER_SCALARS: Record<string, Schema> = {
  [SCALAR_DEFINITION_NAMES.IntOrString]: { type: ['integer', 'string'] },
  [SCALAR_DEFINITION_NAMES.Quantity]: { type: ['string', 'number'], pattern: QUANTITY_PATTERN },
  [SCALAR_DEFINITION_NAMES.RawExtension]: {},
  [SCALAR_DEFINITION_NAMES.FieldsV1]: {},
};

/** The keywords ajv checks; every other keyword is dropped. */
const VALIDATING_KEYWORDS = new Set([
  '$ref',
  'type',
  'format',
  'enum',
  'properties',
  'required',
  'items',
  'additionalProperties',
  'allOf',
  'anyOf',
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
]);

/** The validation variant of a map of v3 component schemas. */
export function validationSchemas(schemas: SchemaMap): SchemaMap {
  const out: SchemaMap = {};
  for (const name of Object.keys(schemas).sort()) {
    out[name] =
      DECODER_SCALARS[name] !== undefined ? { ...DECODER_SCALARS[name] } : toValidation(schemas[name]);
  }
  return out;
}

/** One schema of the validation variant (not yet nullable: that depends on where it is used). */
export function toValidation(schema: Schema): Schema {
  if (schema['x-kubernetes-int-or-string'] === true) return intOrString(schema);
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (!VALIDATING_KEYWORDS.has(key)) continue;
    (out as Record<string, unknown>)[key] = value;
  }
  if (out.$ref !== undefined) out.$ref = validationRef(out.$ref);
  if (out.items !== undefined) out.items = element(out.items);
  if (out.additionalProperties !== undefined) out.additionalProperties = element(out.additionalProperties);
  if (out.allOf !== undefined) out.allOf = out.allOf.map(toValidation);
  if (out.anyOf !== undefined) out.anyOf = out.anyOf.map(toValidation);
  if (out.properties !== undefined) {
    const required = new Set(out.required ?? []);
    const properties: SchemaMap = {};
    for (const [name, property] of Object.entries(out.properties)) {
      const converted = toValidation(property);
      properties[name] = required.has(name) ? converted : nullable(converted);
    }
    out.properties = properties;
  }
  exclusiveBoundsAsNumbers(out);
  if (out.format === 'int32') int32Range(out);
  return unwrapSingleAllOf(out);
}

const ZERO_TIMES = new Set([SCALAR_DEFINITION_NAMES.Time, SCALAR_DEFINITION_NAMES.MicroTime].map((n) => V3_REF_PREFIX + n));

/** A list item or map value: a time there may be Go's zero time, `null`. */
function element(schema: Schema): Schema {
  const converted = toValidation(schema);
  return schema.$ref !== undefined && ZERO_TIMES.has(schema.$ref) ? nullable(converted) : converted;
}

/**
 * A schema that also accepts `null`. Typed schemas list `null` among their types; references
 * and untyped combinations are skipped for `null` with if/else, which keeps ajv's errors
 * for a non-null value the referenced schema's own.
 */
export function nullable(schema: Schema): Schema {
  if (Object.keys(schema).length === 0) return schema;
  if (
    schema.type !== undefined &&
    schema.$ref === undefined &&
    schema.allOf === undefined &&
    schema.anyOf === undefined
  ) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    const out: Schema = { ...schema, type: types.includes('null') ? types : [...types, 'null'] };
    if (out.enum !== undefined && !out.enum.includes(null)) out.enum = [...out.enum, null];
    return out;
  }
  return { if: { type: 'null' }, else: schema };
}

function validationRef(ref: string): string {
  if (!ref.startsWith(V3_REF_PREFIX)) throw new Error(`not a v3 component ref: ${ref}`);
  return VALIDATION_REF_PREFIX + ref.slice(V3_REF_PREFIX.length);
}

/** `x-kubernetes-int-or-string`: an integer or a string, whatever the underlying schema says. */
function intOrString(schema: Schema): Schema {
  const out = toValidation({ ...schema, 'x-kubernetes-int-or-string': false });
  for (const key of ['$ref', 'allOf', 'anyOf', 'format'] as const) delete out[key];
  return { ...out, type: ['integer', 'string'] };
}

/**
 * OpenAPI 3.0 (like draft 4) writes an exclusive bound as a boolean beside minimum/maximum;
 * ajv implements draft 7, where the exclusive bound is the number itself.
 */
function exclusiveBoundsAsNumbers(schema: Schema): void {
  if (typeof schema.exclusiveMinimum === 'boolean') {
    if (schema.exclusiveMinimum && schema.minimum !== undefined) {
      schema.exclusiveMinimum = schema.minimum;
      delete schema.minimum;
    } else delete schema.exclusiveMinimum;
  }
  if (typeof schema.exclusiveMaximum === 'boolean') {
    if (schema.exclusiveMaximum && schema.maximum !== undefined) {
      schema.exclusiveMaximum = schema.maximum;
      delete schema.maximum;
    } else delete schema.exclusiveMaximum;
  }
}

/** The Go decoder rejects an int32 field's value outside the int32 range. */
function int32Range(schema: Schema): void {
  if (schema.minimum === undefined && schema.exclusiveMinimum === undefined) schema.minimum = INT32_MIN;
  if (schema.maximum === undefined && schema.exclusiveMaximum === undefined) schema.maximum = INT32_MAX;
}

/** `allOf: [{$ref}]` with nothing left beside it (its description or default was dropped) is the `$ref`. */
function unwrapSingleAllOf(schema: Schema): Schema {
  if (schema.allOf?.length === 1 && Object.keys(schema).length === 1) return schema.allOf[0];
  return schema;
}

/**
 * Validation of a custom resource against its version's OpenAPI schema, worded as kube-openapi's
 * validator and mapped to field errors as apiextensions-apiserver's pkg/apiserver/validation does:
 * `spec.replicas: Invalid value: "string": spec.replicas in body must be of type integer: "string"`.
 *
 * A walker of our own rather than ajv: the messages, the error types (Required, NotSupported,
 * TooLong, TooMany) and the paths have to be upstream's, and the OpenAPI dialect (nullable,
 * x-kubernetes-int-or-string, formats) is not JSON Schema's.
 */
import { goQuote } from '../../../machinery/errors.js';
import { invalid, notSupported, required, tooLong, tooMany, type FieldError } from '../../../machinery/validation/field.js';
import { semanticEqual } from '../../../machinery/validation/equality.js';
import { checkFormat } from './formats.js';
import { compileRegexp } from './regexp.js';
import { isObject, itemsOf, jsonTypeName, MAX_DEPTH, mapValueSchema, type Schema } from './schema.js';

/** A type mismatch (field.TypeInvalid): printed as `Invalid value`, and it stops CEL rules from running. */
function typeInvalid(field: string, value: unknown, detail: string): FieldError {
  return { type: 'TypeInvalid', field, badValue: value, detail };
}

const child = (name: string, k: string): string => (name === '' ? k : `${name}.${k}`);
const at = (name: string): string => (name === '' ? '<nil>' : name);

/** The errors of `value` at `name` (`''` for the root object) against `schema`. */
export function validateValue(schema: Schema, value: unknown, name = '', depth = 0): FieldError[] {
  if (depth > MAX_DEPTH) return [invalid(at(name), 'object', `must not be nested more than ${MAX_DEPTH} levels deep`)];
  const errs: FieldError[] = [];
  const where = at(name);
  if (value === null || value === undefined) {
    if (schema.type && !schema.nullable && value === null) {
      errs.push(typeInvalid(where, 'null', `${where} in body must be of type ${schema.type}: "null"`));
    }
    return errs;
  }
  const actual = jsonTypeName(value);
  if (schema['x-kubernetes-int-or-string'] && actual !== 'integer' && actual !== 'string') {
    return [typeInvalid(where, actual, `${where} in body must be of type integer,string: ${goQuote(actual)}`)];
  }
  if (schema.type && !typeMatches(schema.type, actual)) {
    return [typeInvalid(where, actual, `${where} in body must be of type ${schema.type}: ${goQuote(actual)}`)];
  }
  if (schema.enum && !schema.enum.some((e) => semanticEqual(e, value))) {
    errs.push(notSupported(where, value, schema.enum.map((e) => (typeof e === 'string' ? e : JSON.stringify(e)))));
  }
  if (typeof value === 'number') errs.push(...numberErrors(schema, value, where));
  if (typeof value === 'string') errs.push(...stringErrors(schema, value, where));
  if (Array.isArray(value)) errs.push(...arrayErrors(schema, value, name, depth));
  if (isObject(value)) errs.push(...objectErrors(schema, value, name, depth));
  errs.push(...junctorErrors(schema, value, name, depth));
  return errs;
}

function typeMatches(type: string, actual: string): boolean {
  if (type === actual) return true;
  return type === 'number' && actual === 'integer';
}

function numberErrors(s: Schema, v: number, where: string): FieldError[] {
  const errs: FieldError[] = [];
  if (s.maximum !== undefined) {
    if (s.exclusiveMaximum ? v >= s.maximum : v > s.maximum) {
      errs.push(invalid(where, v, `${where} in body should be less than ${s.exclusiveMaximum ? '' : 'or equal to '}${s.maximum}`));
    }
  }
  if (s.minimum !== undefined) {
    if (s.exclusiveMinimum ? v <= s.minimum : v < s.minimum) {
      errs.push(invalid(where, v, `${where} in body should be greater than ${s.exclusiveMinimum ? '' : 'or equal to '}${s.minimum}`));
    }
  }
  if (s.multipleOf !== undefined && s.multipleOf > 0) {
    const q = v / s.multipleOf;
    if (Math.abs(q - Math.round(q)) > 1e-9) errs.push(invalid(where, v, `${where} in body should be a multiple of ${s.multipleOf}`));
  }
  return errs;
}

function stringErrors(s: Schema, v: string, where: string): FieldError[] {
  const errs: FieldError[] = [];
  const length = [...v].length;
  if (s.maxLength !== undefined && length > s.maxLength) errs.push(tooLong(where, v, s.maxLength));
  if (s.minLength !== undefined && length < s.minLength) errs.push(invalid(where, v, `${where} in body should be at least ${s.minLength} chars long`));
  if (s.pattern) {
    const re = compileRegexp(s.pattern);
    if (!(re instanceof Error) && !re.test(v)) errs.push(invalid(where, v, `${where} in body should match '${s.pattern}'`));
  }
  if (s.format && !checkFormat(s.format, v)) errs.push(invalid(where, v, `${where} in body must be of type ${s.format}: ${goQuote(v)}`));
  return errs;
}

function arrayErrors(s: Schema, v: readonly unknown[], name: string, depth: number): FieldError[] {
  const errs: FieldError[] = [];
  const where = at(name);
  // kube-openapi's order: the items first, then the list's own bounds.
  const items = itemsOf(s);
  if (items) v.forEach((x, i) => errs.push(...validateValue(items, x, `${name}[${i}]`, depth + 1)));
  if (s.minItems !== undefined && v.length < s.minItems) errs.push(invalid(where, v.length, `${where} in body should have at least ${s.minItems} items`));
  if (s.maxItems !== undefined && v.length > s.maxItems) errs.push(tooMany(where, v.length, s.maxItems));
  if (s.uniqueItems && v.some((x, i) => v.slice(0, i).some((y) => semanticEqual(x, y)))) {
    errs.push(invalid(where, 'array', `${where} in body shouldn't contain duplicates`));
  }
  return errs;
}

function objectErrors(s: Schema, v: Readonly<Record<string, unknown>>, name: string, depth: number): FieldError[] {
  const where = at(name);
  const count = Object.keys(v).length;
  // A property count out of bounds is the only error kube-openapi reports for the object.
  if (s.minProperties !== undefined && count < s.minProperties) {
    return [invalid(where, count, `${where} in body should have at least ${s.minProperties} properties`)];
  }
  if (s.maxProperties !== undefined && count > s.maxProperties) return [tooMany(where, count, s.maxProperties)];
  const errs: FieldError[] = [];
  const props = s.properties ?? {};
  const rest = mapValueSchema(s);
  for (const [k, x] of Object.entries(v)) {
    if (k in props) continue;
    if (s.additionalProperties === false) errs.push(invalid(child(name, k), x, `${child(name, k)} in body is a forbidden property`));
    else if (rest) errs.push(...validateValue(rest, x, child(name, k), depth + 1));
  }
  for (const [k, p] of Object.entries(props)) if (k in v) errs.push(...validateValue(p, v[k], child(name, k), depth + 1));
  for (const r of s.required ?? []) if (!(r in v)) errs.push(required(child(name, r), ''));
  return errs;
}

function junctorErrors(s: Schema, v: unknown, name: string, depth: number): FieldError[] {
  const where = at(name);
  const ok = (sub: Schema) => validateValue(sub, v, name, depth + 1).length === 0;
  const errs: FieldError[] = [];
  for (const sub of s.allOf ?? []) errs.push(...validateValue(sub, v, name, depth + 1));
  if (s.anyOf && s.anyOf.length > 0 && !s.anyOf.some(ok)) {
    errs.push(invalid(where, jsonTypeName(v), `${where} in body must validate at least one schema (anyOf)`));
  }
  if (s.oneOf && s.oneOf.length > 0 && s.oneOf.filter(ok).length !== 1) {
    errs.push(invalid(where, jsonTypeName(v), `${where} in body must validate one and only one schema (oneOf)`));
  }
  if (s.not && ok(s.not)) errs.push(invalid(where, jsonTypeName(v), `${where} in body must not validate the schema (not)`));
  return errs;
}

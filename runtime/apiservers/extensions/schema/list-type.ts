/**
 * The list-type checks of apiextensions-apiserver (pkg/apiserver/schema/listtype): items of an
 * `x-kubernetes-list-type: set` are unique, and items of a `map` list are objects unique by their
 * `x-kubernetes-list-map-keys`.
 */
import { goQuote } from '../../../machinery/errors.js';
import { duplicate, invalid, printedValue, type FieldError } from '../../../machinery/validation/field.js';
import { isObject, itemsOf, MAX_DEPTH, mapValueSchema, type Schema } from './schema.js';

const child = (name: string, k: string): string => (name === '' ? k : `${name}.${k}`);

/** Go's `%#v` of a decoded JSON value, as upstream prints a duplicate. */
function goValue(v: unknown): string {
  if (v === null || v === undefined) return 'interface {}(nil)';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number') return Number.isInteger(v) ? `${v}` : String(v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[]interface {}{${v.map(goValue).join(', ')}}`;
  const entries = Object.keys(v as object)
    .sort()
    .map((k) => `${goQuote(k)}:${goValue((v as Record<string, unknown>)[k])}`);
  return `map[string]interface {}{${entries.join(', ')}}`;
}

/** The list-type errors of `obj` under `schema`. */
export function validateListTypes(obj: unknown, schema: Schema, name = '', depth = 0): FieldError[] {
  if (depth > MAX_DEPTH) return [];
  const errs: FieldError[] = [];
  if (Array.isArray(obj)) {
    const type = schema['x-kubernetes-list-type'];
    if (type === 'set') errs.push(...setErrors(obj, name));
    if (type === 'map') errs.push(...mapErrors(obj, schema['x-kubernetes-list-map-keys'] ?? [], name));
    const items = itemsOf(schema);
    if (items) obj.forEach((v, i) => errs.push(...validateListTypes(v, items, `${name}[${i}]`, depth + 1)));
  } else if (isObject(obj)) {
    const rest = mapValueSchema(schema);
    for (const [k, v] of Object.entries(obj)) {
      const p = schema.properties?.[k] ?? rest;
      if (p) errs.push(...validateListTypes(v, p, child(name, k), depth + 1));
    }
  }
  return errs;
}

function setErrors(list: readonly unknown[], name: string): FieldError[] {
  const seen = new Set<string>();
  const errs: FieldError[] = [];
  list.forEach((v, i) => {
    const key = JSON.stringify(v);
    if (seen.has(key)) errs.push(duplicate(`${name}[${i}]`, v !== null && typeof v === 'object' ? printedValue(goValue(v)) : v));
    seen.add(key);
  });
  return errs;
}

function mapErrors(list: readonly unknown[], keys: readonly string[], name: string): FieldError[] {
  const seen = new Set<string>();
  const errs: FieldError[] = [];
  list.forEach((v, i) => {
    if (!isObject(v)) {
      errs.push(invalid(`${name}[${i}]`, v === null ? 'null' : typeof v, 'must be an object for an array of list-type map'));
      return;
    }
    const keyValues: Record<string, unknown> = {};
    for (const k of keys) if (k in v) keyValues[k] = v[k];
    const id = JSON.stringify(keys.map((k) => v[k] ?? null));
    if (seen.has(id)) errs.push(duplicate(`${name}[${i}]`, printedValue(goValue(keyValues))));
    seen.add(id);
  });
  return errs;
}

/**
 * Defaulting (apiextensions-apiserver's pkg/apiserver/schema/defaulting): a field absent from an
 * object, or null where its schema is not nullable, takes a deep copy of its schema's `default`;
 * list items and map values are defaulted through `items` and `additionalProperties`.
 */
import { isObject, itemsOf, MAX_DEPTH, mapValueSchema, type Schema } from './schema.js';

const isNonNullableNull = (x: unknown, s: Schema): boolean => x === null && s.nullable !== true;

/** Applies the defaults of `schema` to `obj` in place (obj is decoded JSON). */
export function applyDefaults(obj: unknown, schema: Schema): void {
  defaultValue(obj, schema, 0);
}

function defaultValue(x: unknown, s: Schema | undefined, depth: number): void {
  if (!s || depth > MAX_DEPTH) return;
  if (Array.isArray(x)) {
    const items = itemsOf(s);
    if (!items) return;
    for (let i = 0; i < x.length; i++) {
      if (items.default !== undefined && isNonNullableNull(x[i], items)) x[i] = structuredClone(items.default);
      defaultValue(x[i], items, depth + 1);
    }
    return;
  }
  if (!isObject(x)) return;
  const props = s.properties ?? {};
  for (const [k, p] of Object.entries(props)) {
    if (p.default === undefined) continue;
    if (!(k in x) || isNonNullableNull(x[k], p)) x[k] = structuredClone(p.default);
  }
  const rest = mapValueSchema(s);
  for (const [k, v] of Object.entries(x)) {
    const p = props[k];
    if (p) defaultValue(v, p, depth + 1);
    else if (rest) {
      if (rest.default !== undefined && isNonNullableNull(v, rest)) x[k] = structuredClone(rest.default);
      defaultValue(x[k], rest, depth + 1);
    }
  }
}

/**
 * Decoded JSON as CEL values, typed by the schema as apiextensions-apiserver's UnstructuredToVal
 * types them: `integer` fields are CEL ints (bigint), `number` fields doubles, objects maps with
 * string keys. The resource root, and embedded resources, expose apiVersion, kind and only
 * metadata.name and metadata.generateName.
 */
import type { CelInput } from '@bufbuild/cel';
import { OPTIONAL_KEY } from './library.js';
import { isObject, itemsOf, MAX_DEPTH, mapValueSchema, type Schema } from '../schema/schema.js';

/** `value` under `schema` as a CEL input. */
export function toCel(value: unknown, schema: Schema | undefined, isResource = false, depth = 0): CelInput {
  if (depth > MAX_DEPTH) throw new Error('value nested too deeply');
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') {
    const wantsInt = schema?.type === 'integer' || schema?.['x-kubernetes-int-or-string'] === true || (schema?.type !== 'number' && Number.isInteger(value));
    return wantsInt && Number.isInteger(value) ? BigInt(value) : value;
  }
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) {
    const items = schema ? itemsOf(schema) : undefined;
    return value.map((v) => toCel(v, items, items?.['x-kubernetes-embedded-resource'] === true, depth + 1));
  }
  if (!isObject(value)) return null;
  const out = new Map<string, CelInput>();
  const rest = schema ? mapValueSchema(schema) : undefined;
  for (const [k, v] of Object.entries(value)) {
    if (isResource && k === 'metadata') {
      const m = new Map<string, CelInput>();
      if (isObject(v)) for (const n of ['name', 'generateName']) if (typeof v[n] === 'string') m.set(n, v[n] as string);
      out.set(k, m);
      continue;
    }
    const p = schema?.properties?.[k] ?? rest;
    out.set(k, toCel(v, p, p?.['x-kubernetes-embedded-resource'] === true, depth + 1));
  }
  return out;
}

/** An optional: `optional.of(value)`, or `optional.none()` when value is undefined. */
export function optionalOf(value: CelInput | undefined): CelInput {
  return value === undefined ? new Map<string, CelInput>() : new Map<string, CelInput>([[OPTIONAL_KEY, value]]);
}

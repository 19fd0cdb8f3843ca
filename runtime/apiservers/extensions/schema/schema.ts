/**
 * The OpenAPI v3 schema of a CRD version (`JSONSchemaProps`) and accessors for its loosely typed
 * fields (`items`, `additionalProperties`), which the wire allows as a schema, a list or a bool.
 */
import type { JSONSchemaProps } from '../../../../api-definitions/apiextensions/v1/types.js';

export type Schema = JSONSchemaProps;

/** A JSON object (not an array, not null). */
export type JSONObject = Record<string, unknown>;

export function isObject(value: unknown): value is JSONObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The single `items` schema; a list of schemas (tuple validation) is not structural and yields undefined. */
export function itemsOf(s: Schema): Schema | undefined {
  return isObject(s.items) ? (s.items as Schema) : undefined;
}

/** `additionalProperties` as a schema, `true`/`false`, or undefined when absent. */
export function additionalPropertiesOf(s: Schema): Schema | boolean | undefined {
  const ap = s.additionalProperties;
  if (typeof ap === 'boolean') return ap;
  return isObject(ap) ? (ap as Schema) : undefined;
}

/** The schema every entry of a map validates against (`additionalProperties: {…}`), if any. */
export function mapValueSchema(s: Schema): Schema | undefined {
  const ap = additionalPropertiesOf(s);
  return typeof ap === 'object' ? ap : undefined;
}

/** Upstream's name for the JSON type of a decoded value, as its type errors print it. */
export function jsonTypeName(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (typeof value === 'bigint') return 'integer';
  return typeof value === 'object' ? 'object' : typeof value;
}

/**
 * Deepest nesting a schema or a value may have before the walkers below give up. Request bodies
 * are already limited in depth by the JSON decoder; this keeps every recursion here bounded even
 * for objects built in process.
 */
export const MAX_DEPTH = 256;

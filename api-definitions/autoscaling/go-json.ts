/**
 * Reading and writing annotation payloads the way Go's encoding/json reads and writes the
 * structs they hold. Kubernetes API servers and clients produce and parse these annotations
 * too, so the payloads must be interchangeable with theirs:
 *
 * - encoding: compact, fields in struct order, zero values for fields without omitempty, and
 *   `<`, `>`, `&`, U+2028 and U+2029 escaped inside strings;
 * - decoding: keys match fields exactly or else ignoring case, unknown keys are ignored, null
 *   leaves a field unset, and a value of the wrong JSON type makes the whole payload invalid.
 */

/** A payload that does not decode into the expected structs; callers then ignore it. */
export class MalformedPayload extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedPayload';
  }
}

export type JsonObject = { [key: string]: unknown };

/** Parses annotation text; anything that is not JSON is a MalformedPayload. */
export function parsePayload(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new MalformedPayload('not JSON');
  }
}

/** The value of the key that decodes into field `name`: an exact match wins over a case-folded one. */
export function member(object: JsonObject, name: string): unknown {
  if (Object.hasOwn(object, name)) return object[name];
  const folded = name.toLowerCase();
  const key = Object.keys(object).find((k) => k.toLowerCase() === folded);
  return key === undefined ? undefined : object[key];
}

/** A JSON object, or undefined for an absent or null value. */
export function optObject(value: unknown, what: string): JsonObject | undefined {
  if (value == null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw new MalformedPayload(`${what}: not an object`);
  return value as JsonObject;
}

/** A JSON array, or undefined for an absent or null value. */
export function optArray(value: unknown, what: string): unknown[] | undefined {
  if (value == null) return undefined;
  if (!Array.isArray(value)) throw new MalformedPayload(`${what}: not an array`);
  return value as unknown[];
}

export function optString(value: unknown, what: string): string | undefined {
  if (value == null) return undefined;
  if (typeof value !== 'string') throw new MalformedPayload(`${what}: not a string`);
  return value;
}

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

export function optInt32(value: unknown, what: string): number | undefined {
  if (value == null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < INT32_MIN || value > INT32_MAX) {
    throw new MalformedPayload(`${what}: not an int32`);
  }
  return value;
}

export function optInt64(value: unknown, what: string): number | undefined {
  if (value == null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value))
    throw new MalformedPayload(`${what}: not an integer`);
  return value;
}

/** The syntax of a resource quantity: a decimal number with a binary, decimal or exponent suffix. */
const QUANTITY = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+|[KMGTPE]i|[numkMGTPE])?$/;

/** Whether text parses as a resource quantity. */
export function isQuantity(text: string): boolean {
  return QUANTITY.test(text);
}

/** A quantity: Go reads it from a JSON string or a bare number, and rejects bad syntax. */
export function optQuantity(value: unknown, what: string): string | undefined {
  if (value == null) return undefined;
  const text =
    typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : undefined;
  if (text === undefined || !isQuantity(text)) throw new MalformedPayload(`${what}: not a quantity`);
  return text;
}

export function optStringList(value: unknown, what: string): string[] | undefined {
  return optArray(value, what)?.map((entry, i) => optString(entry, `${what}[${i}]`) ?? '');
}

export function optStringMap(value: unknown, what: string): Record<string, string> | undefined {
  const object = optObject(value, what);
  if (object === undefined) return undefined;
  const out: Record<string, string> = {};
  for (const [key, entry] of Object.entries(object)) out[key] = optString(entry, `${what}.${key}`) ?? '';
  return out;
}

/** Decodes an array element by element; null elements decode as empty objects, as in Go. */
export function arrayOf<T>(
  value: unknown,
  what: string,
  decode: (element: JsonObject, what: string) => T,
): T[] | undefined {
  return optArray(value, what)?.map((element, i) =>
    decode(optObject(element, `${what}[${i}]`) ?? {}, `${what}[${i}]`),
  );
}

/** A copy of a string map with its keys sorted, as Go writes maps. */
export function sortedMap(map: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(map).sort()) out[key] = map[key];
  return out;
}

const GO_ESCAPES = /[<>&\u2028\u2029]/g;

/**
 * Compact JSON as Go writes it. Properties whose value is undefined are left out, which is how
 * the encoders here express omitempty.
 */
export function marshal(value: unknown): string {
  return JSON.stringify(value).replace(
    GO_ESCAPES,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

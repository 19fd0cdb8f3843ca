/** Small helpers the generated deepcopy, conversion and defaulting code calls. */

/** A deep copy of a JSON value (objects, arrays, strings, numbers, booleans, null). */
export function deepCopyJSON<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = deepCopyJSON(value[i] as unknown);
    return out as T;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = deepCopyJSON((value as Record<string, unknown>)[key]);
  return out as T;
}

/** A new map with every value passed through `copy`. */
export function mapValues<A, B>(input: Record<string, A>, copy: (value: A) => B): Record<string, B> {
  const out: Record<string, B> = {};
  for (const key of Object.keys(input)) out[key] = copy(input[key] as A);
  return out;
}

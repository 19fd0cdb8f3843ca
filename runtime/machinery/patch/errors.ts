/**
 * The errors patching throws, classified as kube-apiserver's PATCH handler classifies them, and
 * the Go value formatting their messages use (upstream's texts come from `fmt` verbs over
 * decoded JSON).
 */

/**
 * How the REST layer answers a PatchError:
 * - `BadRequest` → 400 `newBadRequest(message)`: the patch document is malformed.
 * - `Invalid` → 422 Invalid with apimachinery's generic wording, `the server rejected our request
 *   due to an error in our request` and empty details (`NewGenericServerResponse(422, …)`):
 *   upstream does not show `message` to the client; it is kept for logs.
 * - `RequestEntityTooLarge` → 413 `newRequestEntityTooLarge(message)`, i.e.
 *   `Request entity too large: <message>`.
 */
export type PatchErrorReason = 'BadRequest' | 'Invalid' | 'RequestEntityTooLarge';

const CODES: Record<PatchErrorReason, 400 | 413 | 422> = {
  BadRequest: 400,
  Invalid: 422,
  RequestEntityTooLarge: 413,
};

export class PatchError extends Error {
  constructor(
    readonly reason: PatchErrorReason,
    message: string,
  ) {
    super(message);
    this.name = 'PatchError';
  }

  /** The HTTP status code of the Status the REST layer answers with. */
  get code(): 400 | 413 | 422 {
    return CODES[this.reason];
  }
}

/** A JSON value as `encoding/json` decodes it into `interface{}`. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The Go type a decoded JSON value has, as `reflect.TypeOf` prints it. Numbers are `int64` when
 * whole and `float64` otherwise, as the apiserver's int-preserving decoder produces them.
 */
export function goTypeName(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (Array.isArray(value)) return '[]interface {}';
  switch (typeof value) {
    case 'object':
      return 'map[string]interface {}';
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'number':
      return Number.isInteger(value) ? 'int64' : 'float64';
    default:
      return typeof value;
  }
}

/** Go's `%v` of a decoded JSON value: `map[a:1 b:[x y]]`, `<nil>`, strings unquoted. */
export function goValue(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (Array.isArray(value)) return `[${value.map(goValue).join(' ')}]`;
  if (typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${k}:${goValue((value as Record<string, unknown>)[k])}`);
    return `map[${entries.join(' ')}]`;
  }
  if (typeof value === 'number') return goNumber(value);
  return String(value);
}

/**
 * Go's `%v` of an int64 (whole numbers below 2^63) or a float64, which Go prints as
 * `strconv.FormatFloat(f, 'g', -1, 64)`: shortest digits, an exponent from 1e+06 up or below 1e-04.
 */
function goNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 2 ** 63) return String(n);
  const exp = Math.floor(Math.log10(Math.abs(n)));
  if (n !== 0 && (exp < -4 || exp >= 6)) {
    const [mantissa, e] = n.toExponential().split('e');
    const sign = e!.startsWith('-') ? '-' : '+';
    return `${mantissa}e${sign}${e!.replace(/^[-+]/, '').padStart(2, '0')}`;
  }
  return String(n);
}

/** Go's `%s` of a value that is not a string: `%!s(int64=5)`, `%!s(<nil>)`. */
export function goString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '%!s(<nil>)';
  if (typeof value === 'object') return goValue(value);
  return `%!s(${goTypeName(value)}=${goValue(value)})`;
}

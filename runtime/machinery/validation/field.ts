/**
 * Constructors for field errors (apimachinery's field.Required, field.Invalid, …): each returns
 * the FieldError of `runtime/machinery/errors.ts`, whose string form is upstream's
 * `spec.replicas: Invalid value: -1: must be greater than or equal to 0`.
 */
import { FIELD_VALUE_STRING, fieldErrorString, goQuote, OMIT_VALUE, type FieldError } from '../errors.js';
import type { FieldPath } from './path.js';

export type { FieldError } from '../errors.js';

const at = (path: FieldPath | string): string => (typeof path === 'string' ? path : path.toString());

/** A required value is missing (empty string, null, empty list). */
export function required(path: FieldPath | string, detail = ''): FieldError {
  return { type: 'Required', field: at(path), badValue: '', detail };
}

/** A malformed value. */
export function invalid(path: FieldPath | string, value: unknown, detail: string): FieldError {
  return { type: 'Invalid', field: at(path), badValue: value, detail };
}

/** A value outside an enumeration: `supported values: "Always", "Never"`. */
export function notSupported(path: FieldPath | string, value: unknown, supported: readonly string[]): FieldError {
  const detail = supported.length > 0 ? `supported values: ${supported.map(goQuote).join(', ')}` : '';
  return { type: 'NotSupported', field: at(path), badValue: value, detail };
}

/** A value that must be unique appears twice. */
export function duplicate(path: FieldPath | string, value: unknown): FieldError {
  return { type: 'Duplicate', field: at(path), badValue: value, detail: '' };
}

/** A well-formed value that the current conditions do not allow. */
export function forbidden(path: FieldPath | string, detail: string): FieldError {
  return { type: 'Forbidden', field: at(path), badValue: '', detail };
}

/** A value longer than `maxLength` bytes; the value itself is left out of the message. */
export function tooLong(path: FieldPath | string, value: unknown, maxLength: number): FieldError {
  return { type: 'TooLong', field: at(path), badValue: value, detail: `must have at most ${maxLength} bytes` };
}

/** A list with more than `max` items (`max` < 0: no limit named; `actual` < 0: no count shown). */
export function tooMany(path: FieldPath | string, actual: number, max: number): FieldError {
  const detail = max >= 0 ? `must have at most ${max} items` : 'has too many items';
  return { type: 'TooMany', field: at(path), badValue: actual >= 0 ? actual : OMIT_VALUE, detail };
}

/** A value that was looked up and not found. */
export function notFound(path: FieldPath | string, value: unknown): FieldError {
  return { type: 'NotFound', field: at(path), badValue: value, detail: '' };
}

/** An error not caused by the input. */
export function internalError(path: FieldPath | string, error: unknown): FieldError {
  return { type: 'Internal', field: at(path), badValue: null, detail: error instanceof Error ? error.message : String(error) };
}

/** The errors as upstream prints them, one string each. */
export function errorStrings(errors: readonly FieldError[]): string[] {
  return errors.map(fieldErrorString);
}

/** A bad value that prints as `text`, unquoted, as a Go value with a String method does. */
export function printedValue(text: string): object {
  return { [FIELD_VALUE_STRING]: () => text, toJSON: () => text };
}

/** `map[string]string{"a":"b", "c":"d"}`: Go's `%#v` of a string map (keys sorted; `map[string]string(nil)` for none). */
export function goStringMap(map: Readonly<Record<string, string>> | undefined): object {
  if (map === undefined) return printedValue('map[string]string(nil)');
  const entries = Object.keys(map ?? {})
    .sort()
    .map((k) => `${goQuote(k)}:${goQuote(map![k])}`);
  return printedValue(`map[string]string{${entries.join(', ')}}`);
}

/** `[]string{"a", "b"}`: Go's `%#v` of a string slice (`[]string(nil)` for none). */
export function goStringSlice(list: readonly string[] | undefined): string {
  if (list === undefined) return '[]string(nil)';
  return `[]string{${list.map(goQuote).join(', ')}}`;
}

/**
 * Cell helpers only the core printers need, beside the shared ones of runtime/registry/printers:
 * `<none>` for empty values and the size of a map or list.
 */

/** `<none>` for an empty string. */
export function orNone(value: string | null | undefined): string {
  return value ? value : '<none>';
}

/** The number of entries of a map or list field (len() of a nil map is 0). */
export function count(value: unknown): number {
  if (Array.isArray(value)) return value.length;
  if (value !== null && typeof value === 'object') return Object.keys(value).length;
  return 0;
}

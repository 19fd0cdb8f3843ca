/** The first path at which two JSON values differ, for failure messages that point at a field. */
export function firstDifference(actual: unknown, expected: unknown, at = '$'): string | undefined {
  if (Object.is(actual, expected)) return undefined;
  if (typeof actual !== typeof expected || actual === null || expected === null || typeof actual !== 'object') {
    return `${at}: got ${JSON.stringify(actual)}, want ${JSON.stringify(expected)}`;
  }
  if (Array.isArray(actual) !== Array.isArray(expected)) return `${at}: got ${JSON.stringify(actual)}, want ${JSON.stringify(expected)}`;
  const a = actual as Record<string, unknown>;
  const e = expected as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(e), ...Object.keys(a)])];
  for (const key of keys) {
    if (!(key in a)) return `${at}.${key}: missing (want ${JSON.stringify(e[key])})`;
    if (!(key in e)) return `${at}.${key}: unexpected ${JSON.stringify(a[key])}`;
    const inner = firstDifference(a[key], e[key], `${at}.${key}`);
    if (inner) return inner;
  }
  return undefined;
}

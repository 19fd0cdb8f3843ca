/** Asserts that two object graphs share no object or array (a deep copy's promise). */
import assert from 'node:assert/strict';

export function assertNoSharedReferences(a: unknown, b: unknown, where: string): void {
  const seen = new Set<object>();
  const collect = (value: unknown): void => {
    if (value === null || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    for (const child of Object.values(value)) collect(child);
  };
  collect(b);
  const check = (value: unknown, at: string): void => {
    if (value === null || typeof value !== 'object') return;
    assert.ok(!seen.has(value), `${where}: ${at} is shared between the copy and its source`);
    for (const [key, child] of Object.entries(value)) check(child, `${at}.${key}`);
  };
  check(a, '$');
}

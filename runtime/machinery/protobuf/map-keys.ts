/** Map entries are written in key order, as Go does, so equal maps encode to equal bytes. */

/**
 * Orders strings by code point, which is the UTF-8 byte order Go's sort.Strings uses. JavaScript's
 * default order compares UTF-16 units and differs only where surrogate pairs (code points above
 * U+FFFF) meet U+E000–U+FFFF: the pairs must sort after them, not before.
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

/** Moves surrogates (D800–DFFF) above E000–FFFF; everything else keeps its order. */
function codePointRank(unit: number): number {
  if (unit < 0xd800) return unit;
  return unit < 0xe000 ? unit + 0x2000 : unit - 0x800;
}

/** The keys of a map in the order their entries are written. */
export function sortedKeys(map: object): string[] {
  const keys = Object.keys(map);
  if (keys.length > 1) keys.sort(compareCodePoints);
  return keys;
}

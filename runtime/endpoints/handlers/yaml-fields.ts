/**
 * Repeated keys of a YAML body, found on the parsed document's syntax tree (the parsed value
 * keeps only the last of them), as `a.b` / `a[0].b` paths like the JSON duplicate finder's.
 */
import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml';

/** The keys a YAML document repeats within one mapping, in document order. */
export function duplicateYAMLFields(doc: Document): string[] {
  const out: string[] = [];
  const pending: { node: unknown; path: string }[] = [{ node: doc.contents, path: '' }];
  while (pending.length > 0) {
    const { node, path } = pending.pop()!;
    if (isMap(node)) {
      const seen = new Set<string>();
      const children: { node: unknown; path: string }[] = [];
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const childPath = path === '' ? key : `${path}.${key}`;
        if (seen.has(key)) out.push(childPath);
        seen.add(key);
        children.push({ node: pair.value as Node | null, path: childPath });
      }
      pending.push(...children.reverse());
    } else if (isSeq(node)) {
      pending.push(...node.items.map((item, i) => ({ node: item, path: `${path}[${i}]` })).reverse());
    }
  }
  return out;
}

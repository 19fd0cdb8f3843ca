/**
 * `kapi import --update`: brings an existing types.ts up to date with a fresh import without
 * undoing what people changed in it. The file is owned by people, so the merge is additive:
 *
 *   - declarations, fields and imports the fresh import has and the file lacks are inserted,
 *     each after its predecessor in the fresh order;
 *   - a marker the fresh import puts on a type or field is added when the file's JSDoc has no
 *     marker of that name; the resource marker (`+kubebuilder:resource:`) gains the keys it
 *     lacks (a new subresource, say) and keeps the values written by hand (short names,
 *     categories);
 *   - nothing the file has is changed or removed: hand-written fields, markers, types and prose
 *     stay as they are. There is no record of deletions, so a field deleted by hand comes back
 *     while the document still has it.
 *
 * Re-importing from the document a file was imported from is therefore a no-op on an edited
 * file, and a newer document only adds.
 */
import { Node, Project, type InterfaceDeclaration, type JSDoc, type PropertySignature, type SourceFile, type TypeAliasDeclaration } from 'ts-morph';
import { formatTypeScript } from '../render.js';

export interface UpdateResult {
  readonly content: string;
  /** What was added, one line each: `+ Type`, `+ Type.field`, `+ Type: +marker`. */
  readonly added: readonly string[];
}

interface Edit {
  readonly at: number;
  /** Replaced span length; 0 for an insertion. */
  readonly length: number;
  readonly text: string;
}

const RESOURCE_MARKER = 'kubebuilder:resource';

export async function updateTypesFile(existing: string, fresh: string): Promise<UpdateResult> {
  const project = new Project({ useInMemoryFileSystem: true, skipFileDependencyResolution: true });
  const mine = project.createSourceFile('existing.ts', existing);
  const theirs = project.createSourceFile('fresh.ts', fresh);
  const edits: Edit[] = [];
  const added: string[] = [];
  mergeImports(mine, theirs, edits, added);
  mergeDeclarations(mine, theirs, edits, added);
  if (edits.length === 0) return { content: existing, added };
  let text = existing;
  // From the end, so earlier positions stay valid; at one position, the later edit goes first so
  // that edits made in order read in order.
  const ordered = edits.map((edit, index) => ({ edit, index })).sort((a, b) => b.edit.at - a.edit.at || b.index - a.index);
  for (const { edit } of ordered) {
    text = text.slice(0, edit.at) + edit.text + text.slice(edit.at + edit.length);
  }
  return { content: await formatTypeScript(text), added };
}

function mergeImports(mine: SourceFile, theirs: SourceFile, edits: Edit[], added: string[]): void {
  const existing = mine.getImportDeclarations();
  const after = existing.at(-1)?.getEnd() ?? 0;
  for (const fresh of theirs.getImportDeclarations()) {
    const from = fresh.getModuleSpecifierValue();
    const target = existing.find((d) => d.getModuleSpecifierValue() === from);
    if (!target) {
      edits.push({ at: after, length: 0, text: `\n${fresh.getText()}` });
      added.push(`+ import from '${from}'`);
      continue;
    }
    const have = new Set(target.getNamedImports().map((n) => n.getText()));
    const missing = fresh.getNamedImports().map((n) => n.getText()).filter((n) => !have.has(n));
    const last = target.getNamedImports().at(-1);
    if (missing.length === 0 || !last) continue;
    edits.push({ at: last.getEnd(), length: 0, text: `, ${missing.join(', ')}` });
    added.push(...missing.map((n) => `+ import ${n} from '${from}'`));
  }
}

type Declared = InterfaceDeclaration | TypeAliasDeclaration;

function declarationsOf(file: SourceFile): Declared[] {
  return [...file.getInterfaces(), ...file.getTypeAliases()].sort((a, b) => a.getPos() - b.getPos());
}

function mergeDeclarations(mine: SourceFile, theirs: SourceFile, edits: Edit[], added: string[]): void {
  const existing = new Map(declarationsOf(mine).map((d) => [d.getName(), d]));
  const firstDeclaration = declarationsOf(mine)[0];
  let previous: Declared | undefined;
  for (const fresh of declarationsOf(theirs)) {
    const name = fresh.getName();
    const target = existing.get(name);
    if (!target) {
      const at = previous ? previous.getEnd() : firstDeclaration ? firstDeclaration.getFullStart() : mine.getEnd();
      edits.push({ at, length: 0, text: `\n\n${fresh.getFullText().trim()}\n` });
      added.push(`+ ${name}`);
      continue;
    }
    previous = target;
    if (Node.isInterfaceDeclaration(fresh) && Node.isInterfaceDeclaration(target)) {
      mergeMarkers(target, fresh, name, edits, added);
      mergeFields(target, fresh, name, edits, added);
    } else if (Node.isTypeAliasDeclaration(fresh) && Node.isTypeAliasDeclaration(target)) {
      mergeUnionValues(target, fresh, name, edits, added);
    }
  }
}

function propertyName(property: PropertySignature): string {
  return property.getName().replace(/^['"]|['"]$/g, '');
}

function mergeFields(target: InterfaceDeclaration, fresh: InterfaceDeclaration, owner: string, edits: Edit[], added: string[]): void {
  const existing = new Map(target.getProperties().map((p) => [propertyName(p), p]));
  let previous: PropertySignature | undefined;
  for (const property of fresh.getProperties()) {
    const name = propertyName(property);
    const have = existing.get(name);
    if (have) {
      previous = have;
      mergeMarkers(have, property, `${owner}.${name}`, edits, added);
      continue;
    }
    const first = target.getProperties()[0];
    const at = previous ? previous.getEnd() : first ? first.getFullStart() : target.getEnd() - 1;
    edits.push({ at, length: 0, text: `\n${property.getFullText().replace(/^\s*\n/, '').trimEnd()}` });
    added.push(`+ ${owner}.${name}`);
  }
}

/** Adds the literal members of a fresh union of string literals that the existing alias lacks. */
function mergeUnionValues(
  target: TypeAliasDeclaration,
  fresh: TypeAliasDeclaration,
  name: string,
  edits: Edit[],
  added: string[],
): void {
  const literals = (alias: TypeAliasDeclaration): string[] | undefined => {
    const node = alias.getTypeNode();
    if (!node) return undefined;
    const members = Node.isUnionTypeNode(node) ? node.getTypeNodes() : [node];
    return members.every((m) => Node.isLiteralTypeNode(m) && Node.isStringLiteral(m.getLiteral())) ? members.map((m) => m.getText()) : undefined;
  };
  const have = literals(target);
  const want = literals(fresh);
  if (!have || !want) return;
  const value = (text: string): string => text.slice(1, -1);
  const known = new Set(have.map(value));
  const missing = want.filter((m) => !known.has(value(m)));
  if (missing.length === 0) return;
  edits.push({ at: target.getTypeNode()!.getEnd(), length: 0, text: ` | ${missing.join(' | ')}` });
  added.push(...missing.map((m) => `+ ${name}: ${m}`));
}

interface Marker {
  readonly name: string;
  readonly args: string;
  readonly line: string;
}

/**
 * `+kubebuilder:resource:path=x,scope=y` → name `kubebuilder:resource`, args `path=x,scope=y`;
 * `+kubebuilder:subresource:status` → that whole name; `+listType=map` → `listType`, `map`.
 */
function parseMarker(line: string): Marker | undefined {
  if (!/^\+[A-Za-z]/.test(line)) return undefined;
  const body = line.slice(1);
  const eq = body.indexOf('=');
  const head = eq < 0 ? body : body.slice(0, eq);
  if (body.startsWith('kubebuilder:') && eq >= 0) {
    const colon = head.lastIndexOf(':');
    return { name: head.slice(0, colon), args: body.slice(colon + 1), line };
  }
  return { name: head, args: eq < 0 ? '' : body.slice(eq + 1), line };
}

function docLines(doc: JSDoc): string[] {
  return doc
    .getText()
    .replace(/^\/\*\*/, '')
    .replace(/\*\/$/, '')
    .split('\n')
    .map((l) => l.replace(/^\s*\*?\s?/, '').trimEnd())
    .filter((l, i, all) => !((i === 0 || i === all.length - 1) && l.trim() === ''));
}

function markersOf(lines: readonly string[]): Marker[] {
  return lines.map((l) => parseMarker(l.trim())).filter((m): m is Marker => m !== undefined);
}

function mergeResourceArgs(mine: string, fresh: string): string {
  const keys = new Set(mine.split(',').map((kv) => kv.split('=')[0]));
  const missing = fresh.split(',').filter((kv) => !keys.has(kv.split('=')[0]));
  return missing.length === 0 ? mine : [mine, ...missing].join(',');
}

function mergeMarkers(
  target: InterfaceDeclaration | PropertySignature,
  fresh: InterfaceDeclaration | PropertySignature,
  subject: string,
  edits: Edit[],
  added: string[],
): void {
  const freshDoc = fresh.getJsDocs().at(-1);
  if (!freshDoc) return;
  const freshMarkers = markersOf(docLines(freshDoc));
  if (freshMarkers.length === 0) return;
  const doc = target.getJsDocs().at(-1);
  const lines = doc ? docLines(doc) : [];
  const mine = markersOf(lines);
  const names = new Set(mine.map((m) => m.name));
  let changed = false;
  for (const marker of freshMarkers) {
    if (marker.name === RESOURCE_MARKER) {
      const have = mine.find((m) => m.name === RESOURCE_MARKER);
      if (have) {
        const merged = mergeResourceArgs(have.args, marker.args);
        if (merged !== have.args) {
          const index = lines.findIndex((l) => l.trim() === have.line);
          lines[index] = `+${RESOURCE_MARKER}:${merged}`;
          added.push(`+ ${subject}: ${RESOURCE_MARKER} ${merged.slice(have.args.length + 1)}`);
          changed = true;
        }
        continue;
      }
    }
    if (names.has(marker.name)) continue;
    lines.push(marker.line);
    names.add(marker.name);
    added.push(`+ ${subject}: ${marker.line}`);
    changed = true;
  }
  if (!changed) return;
  const indent = Node.isPropertySignature(target) ? '  ' : '';
  const text = `/**\n${lines.map((l) => (l === '' ? `${indent} *` : `${indent} * ${l}`)).join('\n')}\n${indent} */`;
  if (doc) edits.push({ at: doc.getStart(), length: doc.getEnd() - doc.getStart(), text });
  else edits.push({ at: target.getStart(), length: 0, text: `${text}\n${indent}` });
}

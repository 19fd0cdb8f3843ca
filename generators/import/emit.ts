/**
 * Prints a TypesFile as the `types.ts` people then own: imports first (meta/v1 scalars and
 * shared types, then other packages), declarations in the order given, JSDoc with prose before
 * markers, formatted with the project's prettier settings.
 */
import { formatTypeScript } from '../render.js';
import type { Declaration, FieldDecl, TypeExpr, TypesFile } from './declarations.js';

const META = 'meta/v1';
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `folder` is the package written, e.g. `apps/v1`; imports are relative to its types.ts. */
export async function emitTypesFile(file: TypesFile, folder: string): Promise<string> {
  const imports = new ImportTable(folder, new Set(file.declarations.map((d) => d.name)));
  // Collect every import first so that clashing names are aliased consistently.
  for (const decl of file.declarations) visitTypes(decl, (type) => imports.use(type));
  const body = file.declarations.map((decl) => declaration(decl, imports)).join('\n\n');
  const source = [jsdoc(file.doc, ''), imports.render(), body].filter((part) => part !== '').join('\n\n');
  return formatTypeScript(`${source}\n`);
}

function visitTypes(decl: Declaration, visit: (type: TypeExpr) => void): void {
  const walk = (type: TypeExpr): void => {
    visit(type);
    if (type.kind === 'array') walk(type.elem);
    if (type.kind === 'map') walk(type.value);
  };
  if (decl.kind === 'alias') walk(decl.type);
  if (decl.kind === 'interface') {
    decl.extends.forEach(walk);
    for (const field of decl.fields) walk(field.type);
  }
}

class ImportTable {
  /** folder → imported name → local identifier */
  private readonly imports = new Map<string, Map<string, string>>();
  private readonly taken: Set<string>;

  constructor(
    private readonly own: string,
    locals: ReadonlySet<string>,
  ) {
    this.taken = new Set(locals);
  }

  use(type: TypeExpr): void {
    if (type.kind === 'scalar') this.identifier(META, type.name);
    if (type.kind === 'external' && type.folder !== this.own) this.identifier(type.folder, type.name);
  }

  /** The local identifier of an imported name, assigned on first use. */
  identifier(folder: string, name: string): string {
    let names = this.imports.get(folder);
    if (!names) this.imports.set(folder, (names = new Map()));
    const existing = names.get(name);
    if (existing !== undefined) return existing;
    let local = name;
    if (this.taken.has(local)) {
      local = `${pascal(folder.replace(/\//g, '-'))}${name}`;
      for (let n = 2; this.taken.has(local); n++) local = `${pascal(folder.replace(/\//g, '-'))}${name}${n}`;
    }
    this.taken.add(local);
    names.set(name, local);
    return local;
  }

  typeText(type: TypeExpr): string {
    switch (type.kind) {
      case 'primitive':
        return type.name;
      case 'scalar':
        return this.identifier(META, type.name);
      case 'local':
        return type.name;
      case 'external':
        return type.folder === this.own ? type.name : this.identifier(type.folder, type.name);
      case 'array': {
        const elem = this.typeText(type.elem);
        return type.elem.kind === 'array' || type.elem.kind === 'map' ? `Array<${elem}>` : `${elem}[]`;
      }
      case 'map':
        return `Record<string, ${this.typeText(type.value)}>`;
    }
  }

  render(): string {
    const folders = [...this.imports.keys()].sort((a, b) => (a === META ? -1 : b === META ? 1 : a < b ? -1 : a > b ? 1 : 0));
    return folders
      .map((folder) => {
        const names = [...this.imports.get(folder)!]
          .sort(([a], [b]) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0))
          .map(([name, local]) => (name === local ? name : `${name} as ${local}`));
        return `import type { ${names.join(', ')} } from '${relativeTypesPath(this.own, folder)}';`;
      })
      .join('\n');
  }
}

/** `../../core/v1/types.js` from `apps/v1/types.ts`. */
function relativeTypesPath(from: string, to: string): string {
  const up = from.split('/').map(() => '..');
  return `${up.join('/')}/${to}/types.js`;
}

function declaration(decl: Declaration, imports: ImportTable): string {
  return `${lineComments(decl.comments, '')}${declarationBody(decl, imports)}`;
}

function lineComments(lines: readonly string[] | undefined, indent: string): string {
  return (lines ?? []).map((line) => `${indent}// ${line}\n`).join('');
}

function declarationBody(decl: Declaration, imports: ImportTable): string {
  switch (decl.kind) {
    case 'enum':
      return `${jsdoc(decl.doc, '')}export type ${decl.name} = ${decl.values.map(quote).join(' | ')};`;
    case 'alias':
      return `${jsdoc(decl.doc, '')}export type ${decl.name} = ${imports.typeText(decl.type)};`;
    case 'interface': {
      const head = jsdoc([...decl.doc, ...decl.markers.map((m) => `+${m}`)], '');
      const clause = decl.extends.length > 0 ? ` extends ${decl.extends.map((t) => imports.typeText(t)).join(', ')}` : '';
      const members = [...decl.fields.map((f) => field(f, imports)), ...decl.notes.map((n) => `  // ${n}`)];
      const body = members.length > 0 ? `{\n${members.join('\n')}\n}` : '{}';
      return `${head}export interface ${decl.name}${clause} ${body}`;
    }
  }
}

function field(f: FieldDecl, imports: ImportTable): string {
  const name = IDENTIFIER.test(f.name) ? f.name : quote(f.name);
  const doc = jsdoc([...f.doc, ...f.markers.map((m) => `+${m}`)], '  ');
  return `${lineComments(f.comments, '  ')}${doc}  ${name}${f.optional ? '?' : ''}: ${imports.typeText(f.type)};`;
}

/** A JSDoc block ending in a newline, or nothing; one short line stays on one line. */
function jsdoc(lines: readonly string[], indent: string): string {
  const safe = lines.map(escapeCommentLine);
  if (safe.length === 0) return '';
  if (safe.length === 1 && safe[0]!.length + indent.length < 100) return `${indent}/** ${safe[0]} */\n`;
  return `${indent}/**\n${safe.map((l) => (l === '' ? `${indent} *` : `${indent} * ${l}`)).join('\n')}\n${indent} */\n`;
}

/** Keeps a line from closing the comment early. */
function escapeCommentLine(line: string): string {
  return line.replace(/\*\//g, '*\\/').trimEnd();
}

function quote(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** `apps-v1` → `AppsV1` */
export function pascal(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w.length > 0)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

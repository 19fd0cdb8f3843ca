/**
 * The import section of a generated file: namespaces for type packages and named imports of
 * functions, collected while the body is prepared, rendered sorted so output is deterministic.
 */
import { groupIdent } from './model/lookup.js';
import type { PackageModel } from './model/types.js';
import { importPath } from './paths.js';

export class Imports {
  private readonly typeNamespaces = new Map<string, { alias: string; path: string }>();
  private readonly values = new Map<string, Set<string>>();
  private readonly reexports = new Map<string, Set<string>>();
  private readonly typeNames = new Map<string, Set<string>>();
  private readonly namespaces = new Map<string, string>();

  /** `file` is the repository-relative path of the file being generated. */
  constructor(
    private readonly file: string,
    private readonly own: PackageModel,
  ) {}

  /** The namespace under which a package's types are imported: `v1`, `metav1`, `core`. */
  typeNamespace(pkg: PackageModel): string {
    const existing = this.typeNamespaces.get(pkg.id);
    if (existing) return existing.alias;
    const alias = namespaceFor(pkg, this.own);
    this.typeNamespaces.set(pkg.id, { alias, path: importPath(this.file, `${pkg.dir}/types.ts`) });
    return alias;
  }

  /** Imports `name` from a repository file and returns the local name. */
  value(fromFile: string, name: string): string {
    const spec = importPath(this.file, fromFile);
    if (spec === importPath(this.file, this.file)) return name;
    let names = this.values.get(spec);
    if (!names) this.values.set(spec, (names = new Set()));
    names.add(name);
    return name;
  }

  /** Imports a type `name` from a repository file (`import type`). */
  type(fromFile: string, name: string): string {
    const spec = importPath(this.file, fromFile);
    let names = this.typeNames.get(spec);
    if (!names) this.typeNames.set(spec, (names = new Set()));
    names.add(name);
    return name;
  }

  /** Imports a whole module as a namespace (`import * as alias`). */
  namespace(fromFile: string, alias: string): string {
    this.namespaces.set(importPath(this.file, fromFile), alias);
    return alias;
  }

  /** Re-exports `name` from a repository file. */
  reexport(fromFile: string, name: string): void {
    const spec = importPath(this.file, fromFile);
    let names = this.reexports.get(spec);
    if (!names) this.reexports.set(spec, (names = new Set()));
    names.add(name);
  }

  render(): string {
    const lines: string[] = [];
    const namespaces = [...this.typeNamespaces.values()].sort((a, b) => compare(a.path, b.path));
    for (const ns of namespaces) lines.push(`import type * as ${ns.alias} from '${ns.path}';`);
    for (const [spec, names] of [...this.typeNames].sort(([a], [b]) => compare(a, b))) {
      lines.push(`import type { ${[...names].sort().join(', ')} } from '${spec}';`);
    }
    for (const [spec, alias] of [...this.namespaces].sort(([a], [b]) => compare(a, b))) {
      lines.push(`import * as ${alias} from '${spec}';`);
    }
    for (const [spec, names] of [...this.values].sort(([a], [b]) => compare(a, b))) {
      lines.push(`import { ${[...names].sort().join(', ')} } from '${spec}';`);
    }
    for (const [spec, names] of [...this.reexports].sort(([a], [b]) => compare(a, b))) {
      lines.push(`export { ${[...names].sort().join(', ')} } from '${spec}';`);
    }
    return lines.join('\n');
  }
}

function namespaceFor(pkg: PackageModel, own: PackageModel): string {
  const group = groupIdent(pkg.groupDir);
  if (pkg.groupDir === own.groupDir) return pkg.version ?? group;
  return pkg.version ? `${group}${pkg.version}` : group;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

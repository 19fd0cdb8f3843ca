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
  /** Every name the file binds → what binds it (`local`, or `<spec>#<name>` of an import). */
  private readonly bound = new Map<string, string>();

  /** `file` is the repository-relative path of the file being generated. */
  constructor(
    private readonly file: string,
    private readonly own: PackageModel,
  ) {}

  /**
   * Names the file declares itself (its functions), so that an import of the same name from
   * another package is aliased instead of clashing.
   */
  reserve(...names: string[]): void {
    for (const name of names) this.bound.set(name, 'local');
  }

  /** The namespace under which a package's types are imported: `v1`, `metav1`, `core`. */
  typeNamespace(pkg: PackageModel): string {
    const existing = this.typeNamespaces.get(pkg.id);
    if (existing) return existing.alias;
    const alias = this.free(namespaceFor(pkg, this.own), `package ${pkg.id}`);
    this.typeNamespaces.set(pkg.id, { alias, path: importPath(this.file, `${pkg.dir}/types.ts`) });
    return alias;
  }

  /**
   * Imports `name` from a repository file and returns the local name: `name` itself, or an alias
   * prefixed with the file's package (`corev1DeepCopyPodSpec`) when the file already binds that
   * name to something else. A `name as alias` is imported as given.
   */
  value(fromFile: string, name: string): string {
    const spec = importPath(this.file, fromFile);
    if (spec === importPath(this.file, this.file)) return name;
    let names = this.values.get(spec);
    if (!names) this.values.set(spec, (names = new Set()));
    if (name.includes(' as ')) {
      names.add(name);
      return name.slice(name.indexOf(' as ') + 4);
    }
    const key = `${spec}#${name}`;
    for (const [local, owner] of this.bound) if (owner === key) return local;
    let local = name;
    if (this.bound.has(local)) {
      const base = `${fileIdent(fromFile)}${name[0]!.toUpperCase()}${name.slice(1)}`;
      local = base;
      for (let n = 2; this.bound.has(local); n++) local = `${base}${n}`;
    }
    this.bound.set(local, key);
    names.add(local === name ? name : `${name} as ${local}`);
    return local;
  }

  /** Imports a type `name` from a repository file (`import type`). */
  type(fromFile: string, name: string): string {
    const spec = importPath(this.file, fromFile);
    let names = this.typeNames.get(spec);
    if (!names) this.typeNames.set(spec, (names = new Set()));
    names.add(name);
    this.bound.set(name, `${spec}#${name}`);
    return name;
  }

  /** Imports a whole module as a namespace (`import * as alias`). */
  namespace(fromFile: string, alias: string): string {
    this.namespaces.set(importPath(this.file, fromFile), alias);
    this.bound.set(alias, `namespace ${fromFile}`);
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

  /** `wanted`, or `wanted2`, `wanted3`, … when the file binds it to something else already. */
  private free(wanted: string, owner: string): string {
    let name = wanted;
    for (let n = 2; this.bound.has(name) && this.bound.get(name) !== owner; n++) name = `${wanted}${n}`;
    this.bound.set(name, owner);
    return name;
  }
}

/** `generated/core/v1/deepcopy.generated.ts` → `corev1`: the package a file belongs to. */
function fileIdent(file: string): string {
  const parts = file.split('/').slice(1, -1);
  return parts.join('').replace(/[^A-Za-z0-9]/g, '') || 'imported';
}

function namespaceFor(pkg: PackageModel, own: PackageModel): string {
  const group = groupIdent(pkg.groupDir);
  if (pkg.groupDir === own.groupDir) return pkg.version ?? group;
  return pkg.version ? `${group}${pkg.version}` : group;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

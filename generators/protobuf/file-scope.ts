/**
 * The names of one generated file: the functions it declares, and the local names of what it
 * imports, aliased when they would clash (a struct named `Time` declares `encodeTime`, which is
 * also the runtime's Time codec).
 */
import { CodegenError } from '../errors.js';
import { Imports } from '../imports.js';
import { groupIdent, type ModelIndex } from '../model/lookup.js';
import type { PackageModel, SourceLocation, TypeId } from '../model/types.js';
import { generatedFile } from '../paths.js';

export const RUNTIME = 'runtime/machinery/protobuf/index.ts';

export class FileScope {
  readonly imports: Imports;
  private readonly declared = new Map<string, string>();
  /** `<file>#<name>` → local name of an imported value. */
  private readonly imported = new Map<string, string>();
  private readonly importedNames = new Set<string>();
  private readonly runtimeTypes = new Set<string>();

  constructor(
    readonly file: string,
    readonly pkg: PackageModel,
    private readonly index: ModelIndex,
  ) {
    this.imports = new Imports(file, pkg);
  }

  /** Declares a top-level name; a second declaration of it is an error naming both owners. */
  declare(name: string, owner: string, location: SourceLocation): CodegenError | undefined {
    const previous = this.declared.get(name);
    if (previous !== undefined) {
      return new CodegenError(
        location,
        owner,
        `its protobuf codec \`${name}\` clashes with the one of ${previous}`,
      );
    }
    this.declared.set(name, owner);
    return undefined;
  }

  isDeclared(name: string): boolean {
    return this.declared.has(name);
  }

  /** A value exported by the protobuf runtime. */
  runtime(name: string): string {
    return this.importValue(RUNTIME, name, 'runtime');
  }

  /**
   * A type exported by the protobuf runtime. Imported with `import type` unless the file also
   * uses it as a value (Reader, Writer), which is decided once the body is built.
   */
  runtimeType(name: string): string {
    this.runtimeTypes.add(name);
    return name;
  }

  /** The import section, once everything the body uses has been asked for. */
  renderImports(): string {
    for (const name of [...this.runtimeTypes].sort()) {
      if (!this.imported.has(`${RUNTIME}#${name}`)) this.imports.type(RUNTIME, name);
    }
    return this.imports.render();
  }

  /** `v1.Widget`: a type of any package, through its types namespace. */
  typeName(id: TypeId): string {
    return `${this.imports.typeNamespace(this.index.pkg(id.pkg))}.${id.name}`;
  }

  /** The encode and decode functions of a message type, imported when another package declares them. */
  messageFunctions(id: TypeId): { encode: string; decode: string } {
    if (id.pkg === this.pkg.id) return { encode: `encode${id.name}`, decode: `decode${id.name}` };
    const owner = this.index.pkg(id.pkg);
    const file = generatedFile(owner, 'protobuf');
    const prefix = owner.version
      ? `${groupIdent(owner.groupDir)}${owner.version}`
      : groupIdent(owner.groupDir);
    return {
      encode: this.importValue(file, `encode${id.name}`, prefix),
      decode: this.importValue(file, `decode${id.name}`, prefix),
    };
  }

  private importValue(file: string, name: string, aliasPrefix: string): string {
    const key = `${file}#${name}`;
    const existing = this.imported.get(key);
    if (existing !== undefined) return existing;
    let local = name;
    if (this.declared.has(local) || this.importedNames.has(local)) {
      const base = `${aliasPrefix}${name[0]!.toUpperCase()}${name.slice(1)}`;
      local = base;
      for (let n = 2; this.declared.has(local) || this.importedNames.has(local); n++) local = `${base}${n}`;
    }
    this.imported.set(key, local);
    this.importedNames.add(local);
    this.imports.value(file, local === name ? name : `${name} as ${local}`);
    return local;
  }
}

/** What every transform needs: where references point, how to name inline schemas, what went wrong. */
import type { Declaration, TypeExpr } from '../declarations.js';
import { ImportError } from '../document.js';
import type { KnownPackage, PackageTable } from '../packages.js';
import { scalarOfDefinition } from '../packages.js';
import { scalar } from '../declarations.js';
import { NameRegistry } from './names.js';

export class TransformContext {
  readonly names = new NameRegistry();
  /** Declarations made for inline object and enum schemas, in the order they were met. */
  readonly hoisted: Declaration[] = [];
  readonly warnings: string[] = [];
  readonly errors: string[] = [];
  /** definition name → local type name, for the package being imported. */
  private readonly locals = new Map<string, string>();

  constructor(
    readonly target: KnownPackage,
    readonly packages: PackageTable,
    readonly refPrefix: string,
  ) {}

  /** Declares a definition of the imported package under its own name. */
  declareDefinition(definition: string, name: string): void {
    this.locals.set(definition, name);
    this.names.reserve(name);
  }

  /** The type a `$ref` names: a scalar, a local type, or a type of another package. */
  resolveRef(ref: string, usedAt: string): TypeExpr {
    if (!ref.startsWith(this.refPrefix)) {
      this.errors.push(`${usedAt}: $ref ${ref} is not a local reference (${this.refPrefix}…)`);
      return scalar('JSON');
    }
    const definition = decodeURIComponent(ref.slice(this.refPrefix.length)).replace(/~1/g, '/').replace(/~0/g, '~');
    const known = scalarOfDefinition(definition);
    if (known) return scalar(known);
    const local = this.locals.get(definition);
    if (local) return { kind: 'local', name: local };
    const found = this.packages.definition(definition);
    if (found && found.pkg.folder !== this.target.folder) {
      return { kind: 'external', folder: found.pkg.folder, name: found.name };
    }
    const prefix = definition.slice(0, definition.lastIndexOf('.'));
    this.errors.push(
      `${usedAt}: refers to ${definition}, and no package under api-definitions has the prefix ${prefix}; import that package first`,
    );
    return scalar('JSON');
  }

  fail(): never {
    throw new ImportError(this.errors.join('\n'));
  }
}

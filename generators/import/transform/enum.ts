/** A string enum → a literal-union type. */
import type { EnumDecl } from '../declarations.js';

export function enumDeclaration(name: string, doc: readonly string[], values: readonly string[]): EnumDecl {
  return { kind: 'enum', name, doc, values: [...new Set(values)] };
}

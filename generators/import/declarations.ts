/**
 * What the importer writes, before it is printed: the declarations of one `types.ts` in the
 * input language of docs/api-definitions.md. Transforms build these; emit.ts prints them.
 */
import type { ScalarName } from '../model/types.js';

/** A property's type as written in TypeScript. */
export type TypeExpr =
  | { readonly kind: 'primitive'; readonly name: 'string' | 'boolean' }
  /** A scalar alias of meta/v1 (int32, Time, Quantity, …), imported from there. */
  | { readonly kind: 'scalar'; readonly name: Exclude<ScalarName, 'string' | 'boolean'> }
  /** A type declared in the file being written. */
  | { readonly kind: 'local'; readonly name: string }
  /** A type of another package, imported from its types.ts (`core/v1`). */
  | { readonly kind: 'external'; readonly folder: string; readonly name: string }
  | { readonly kind: 'array'; readonly elem: TypeExpr }
  | { readonly kind: 'map'; readonly value: TypeExpr };

export interface FieldDecl {
  readonly name: string;
  readonly type: TypeExpr;
  readonly optional: boolean;
  /** Prose lines of the JSDoc. */
  readonly doc: readonly string[];
  /** Marker lines without the leading `+`. */
  readonly markers: readonly string[];
  /** Line comments before the JSDoc: notes for whoever edits the file, not API documentation. */
  readonly comments?: readonly string[];
}

export interface InterfaceDecl {
  /** Line comments before the JSDoc. */
  readonly comments?: readonly string[];
  readonly kind: 'interface';
  readonly name: string;
  readonly doc: readonly string[];
  readonly markers: readonly string[];
  /** `extends` clauses: TypeMeta for kinds, embedded structs. */
  readonly extends: readonly TypeExpr[];
  readonly fields: readonly FieldDecl[];
  /** Line comments at the end of the body, for what was left out and why. */
  readonly notes: readonly string[];
}

export interface AliasDecl {
  /** Line comments before the JSDoc. */
  readonly comments?: readonly string[];
  readonly kind: 'alias';
  readonly name: string;
  readonly doc: readonly string[];
  readonly type: TypeExpr;
}

export interface EnumDecl {
  /** Line comments before the JSDoc. */
  readonly comments?: readonly string[];
  readonly kind: 'enum';
  readonly name: string;
  readonly doc: readonly string[];
  readonly values: readonly string[];
}

export type Declaration = InterfaceDecl | AliasDecl | EnumDecl;

/** The file header and the declarations of one types.ts. */
export interface TypesFile {
  readonly doc: readonly string[];
  readonly declarations: readonly Declaration[];
}

export const string: TypeExpr = { kind: 'primitive', name: 'string' };
export const boolean: TypeExpr = { kind: 'primitive', name: 'boolean' };

export function scalar(name: ScalarName): TypeExpr {
  return name === 'string' || name === 'boolean' ? { kind: 'primitive', name } : { kind: 'scalar', name };
}

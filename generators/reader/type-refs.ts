/** Turns the TypeScript type of a property into a model TypeRef, resolving imports. */
import { Node, SyntaxKind, type Symbol as TsSymbol, type TypeNode } from 'ts-morph';
import type { ScalarName, TypeRef } from '../model/types.js';

const SCALARS: ReadonlySet<string> = new Set<ScalarName>([
  'int32',
  'int64',
  'float64',
  'bytes',
  'Time',
  'MicroTime',
  'Quantity',
  'IntOrString',
  'Duration',
  'RawExtension',
  'FieldsV1',
  'JSON',
]);

/** The file that declares the scalar aliases, relative to the definitions folder. */
export const SCALARS_FILE = 'meta/v1/scalars.ts';

/** Where a named declaration lives: the package id and name, or why it cannot be used. */
export type Resolution =
  | { readonly ok: true; readonly ref: TypeRef }
  | { readonly ok: false; readonly problem: string };

/** Maps a declaration's file to its package id, or undefined outside api-definitions. */
export type PackageOfFile = (absolutePath: string) => string | undefined;

export interface RefContext {
  readonly packageOf: PackageOfFile;
  readonly scalarsFile: string;
}

export function typeRefOf(node: TypeNode, ctx: RefContext): Resolution {
  switch (node.getKind()) {
    case SyntaxKind.StringKeyword:
      return ok({ kind: 'scalar', name: 'string' });
    case SyntaxKind.BooleanKeyword:
      return ok({ kind: 'scalar', name: 'boolean' });
    case SyntaxKind.NumberKeyword:
      return ok({ kind: 'scalar', name: 'float64' });
    case SyntaxKind.ParenthesizedType:
      return typeRefOf(node.asKindOrThrow(SyntaxKind.ParenthesizedType).getTypeNode(), ctx);
    case SyntaxKind.ArrayType: {
      const elem = typeRefOf(node.asKindOrThrow(SyntaxKind.ArrayType).getElementTypeNode(), ctx);
      return elem.ok ? ok({ kind: 'array', elem: elem.ref }) : elem;
    }
    case SyntaxKind.TypeLiteral:
      return indexSignature(node, ctx);
    case SyntaxKind.TypeReference:
      return reference(node, ctx);
    case SyntaxKind.UnionType:
      return fail(`inline union "${node.getText()}": declare it as a named type`);
    default:
      return fail(`unsupported type "${node.getText()}"`);
  }
}

function indexSignature(node: TypeNode, ctx: RefContext): Resolution {
  const literal = node.asKindOrThrow(SyntaxKind.TypeLiteral);
  const members = literal.getMembers();
  const index = members.length === 1 ? members[0] : undefined;
  if (!index || !Node.isIndexSignatureDeclaration(index) || index.getKeyTypeNode().getText() !== 'string') {
    return fail(`inline object type "${node.getText()}": declare an interface`);
  }
  const value = typeRefOf(index.getReturnTypeNodeOrThrow(), ctx);
  return value.ok ? ok({ kind: 'map', value: value.ref }) : value;
}

function reference(node: TypeNode, ctx: RefContext): Resolution {
  const ref = node.asKindOrThrow(SyntaxKind.TypeReference);
  const name = ref.getTypeName().getText();
  const args = ref.getTypeArguments();
  if (name === 'Array' && args.length === 1) {
    const elem = typeRefOf(args[0]!, ctx);
    return elem.ok ? ok({ kind: 'array', elem: elem.ref }) : elem;
  }
  if (name === 'Record' && args.length === 2) {
    if (args[0]!.getKind() !== SyntaxKind.StringKeyword) return fail(`map keys must be string in "${node.getText()}"`);
    const value = typeRefOf(args[1]!, ctx);
    return value.ok ? ok({ kind: 'map', value: value.ref }) : value;
  }
  if (args.length > 0) return fail(`generic type "${node.getText()}" is not supported`);

  const declared = declarationOf(ref.getTypeName().getSymbol());
  if (!declared) {
    // The reader loads no default lib, so a JavaScript global such as Date resolves to nothing;
    // it exists, just not where an API type may come from.
    if (!name.includes('.') && name in globalThis) return fail(`type "${name}" is not declared under api-definitions`);
    return fail(`type "${name}" does not resolve`);
  }
  if (declared.file === ctx.scalarsFile && SCALARS.has(declared.name)) {
    return ok({ kind: 'scalar', name: declared.name as ScalarName });
  }
  const pkg = ctx.packageOf(declared.file);
  if (!pkg) return fail(`type "${name}" is not declared under api-definitions`);
  return ok({ kind: 'named', ref: { pkg, name: declared.name } });
}

/** Follows import aliases to the declaring file and name. */
function declarationOf(symbol: TsSymbol | undefined): { file: string; name: string } | undefined {
  if (!symbol) return undefined;
  const target = symbol.isAlias() ? (symbol.getAliasedSymbol() ?? symbol) : symbol;
  const declaration = target.getDeclarations()[0];
  if (!declaration) return undefined;
  if (!Node.isInterfaceDeclaration(declaration) && !Node.isTypeAliasDeclaration(declaration)) return undefined;
  return { file: declaration.getSourceFile().getFilePath(), name: declaration.getName() };
}

function ok(ref: TypeRef): Resolution {
  return { ok: true, ref };
}

function fail(problem: string): Resolution {
  return { ok: false, problem };
}

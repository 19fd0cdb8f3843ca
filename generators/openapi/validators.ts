/**
 * Compiles the validation variant of the schemas into ajv standalone code: an ES module that
 * exports one validate function per kind and needs nothing at run time but ajv's small
 * runtime helpers.
 */
import { Ajv, type CodeOptions } from 'ajv';
import standalone from 'ajv/dist/standalone/index.js';
import { layoutAjvCode, renumberAjvNames } from './ajv-layout.js';
import type { Schema, SchemaMap } from './schema.js';
import { VALIDATION_DOCUMENT_ID } from './validation-schemas.js';

/**
 * Formats ajv must know. Those the Go decoder enforces are checked with a RegExp (ajv inlines
 * RegExp formats into standalone code); the rest are declared with `true`, which ajv accepts
 * without checking. `date-time` follows Go's RFC 3339 parser; `byte` only checks the base64
 * alphabet (the decoder also skips CR and LF).
 */
export const CHECKED_FORMATS: Readonly<Record<string, RegExp | true>> = {
  'date-time': /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/,
  byte: /^[A-Za-z0-9+/\r\n]*(=[\r\n]*){0,2}$/,
  int32: true,
  int64: true,
  double: true,
  'int-or-string': true,
};

/** One exported validator: its function name and the definition it checks. */
export interface ValidatorExport {
  readonly functionName: string;
  readonly definition: string;
}

/**
 * Compiles validators for one package after another with one ajv instance, so that a schema
 * every package uses (ObjectMeta of meta/v1) is compiled once per run rather than once per
 * package. Each file still holds all the code its validators need, and its names are
 * renumbered so that it does not depend on what was compiled before it.
 */
export class ValidatorCompiler {
  private readonly ajv: Ajv;

  /**
   * @param schemas the validation variant of the whole model, so that cross-package refs
   *   resolve.
   */
  constructor(schemas: SchemaMap) {
    this.ajv = validationAjv(schemas, { source: true, esm: true, lines: true });
  }

  /** ES module source exporting the given validators, laid out for reading. */
  compile(exports: readonly ValidatorExport[]): string {
    if (exports.length === 0) return 'export {};\n';
    const refs: Record<string, string> = {};
    for (const { functionName, definition } of exports) refs[functionName] = validationRef(definition);
    return layoutAjvCode(renumberAjvNames(esmRuntimeImports(standalone.default(this.ajv, refs))));
  }
}

/** The validators of one package compiled on their own (a fresh ajv instance). */
export async function compileValidators(
  schemas: SchemaMap,
  exports: readonly ValidatorExport[],
): Promise<string> {
  return new ValidatorCompiler(schemas).compile(exports);
}

/**
 * The ajv instance validators are compiled with, holding `schemas` as one document. Without
 * `code` it validates in process (`ajv.getSchema(validationRef(name))`), as the generated
 * code would.
 */
export function validationAjv(schemas: SchemaMap, code?: CodeOptions): Ajv {
  const ajv = new Ajv({
    ...(code ? { code } : {}),
    // One function per definition, shared by every kind of the file, instead of a copy per use.
    inlineRefs: false,
    strict: true,
    // Report every failure, as Kubernetes reports every invalid field of a request.
    allErrors: true,
    allowUnionTypes: true,
    formats: formatsUsedBy(schemas),
  });
  ajv.addSchema({ $id: VALIDATION_DOCUMENT_ID, definitions: schemas });
  return ajv;
}

/** The ajv schema reference of a definition in the validation document. */
export function validationRef(definition: string): string {
  return `${VALIDATION_DOCUMENT_ID}#/definitions/${definition}`;
}

/** The checked formats plus every other format the schemas mention, declared unchecked. */
function formatsUsedBy(schemas: SchemaMap): Record<string, RegExp | true> {
  const formats: Record<string, RegExp | true> = { ...CHECKED_FORMATS };
  const visit = (schema: unknown): void => {
    if (Array.isArray(schema)) schema.forEach(visit);
    else if (schema !== null && typeof schema === 'object') {
      const format = (schema as Schema).format;
      if (typeof format === 'string' && !(format in formats)) formats[format] = true;
      Object.values(schema).forEach(visit);
    }
  };
  visit(schemas);
  return formats;
}

const RUNTIME_REQUIRE = /require\("(ajv\/dist\/runtime\/([a-z0-9_]+))"\)/g;

/**
 * ajv's standalone code loads its runtime helpers (`ucs2length` for string lengths, `equal`
 * for uniqueItems) with `require` even in ESM mode; rewrite those to imports.
 */
export function esmRuntimeImports(code: string): string {
  const imports = new Map<string, string>();
  const body = code.replace(RUNTIME_REQUIRE, (_match, specifier: string, helper: string) => {
    const local = `ajvRuntime_${helper}`;
    imports.set(local, `${specifier}.js`);
    return local;
  });
  if (/\brequire\(/.test(body))
    throw new Error('ajv standalone code requires a module that is not an ajv runtime helper');
  const lines = [...imports].sort().map(([local, specifier]) => `import ${local} from '${specifier}';`);
  return [...lines, body.replace(/^"use strict";\n?/, '')].join('\n');
}

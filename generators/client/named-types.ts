/**
 * The package's own type names, exported beside openapi-typescript's `components` so that
 * consumers write `HorizontalPodAutoscaler` rather than
 * `components['schemas']['io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler']`.
 */
import { CodegenError } from '../errors.js';
import type { ModelIndex } from '../model/lookup.js';
import type { PackageModel, TypeModel } from '../model/types.js';
import { OPENAPI_V3 } from '../openapi/flavour.js';
import { SchemaBuilder } from '../openapi/schema-builder.js';

/** One `export type <name> = <type>;` line of the client file. */
export interface NamedType {
  readonly name: string;
  /** The type's doc as a JSDoc block, or empty. */
  readonly docComment: string;
  /** A TypeScript type expression. */
  readonly type: string;
}

/** Names openapi-typescript exports itself. */
const RESERVED = new Set(['paths', 'webhooks', 'components', '$defs', 'operations']);

/**
 * Structs name their component schema; enums become string-literal unions; aliases of named
 * types take their target's type. Other aliases were resolved away and have no name here.
 */
export function namedTypes(index: ModelIndex, pkg: PackageModel): NamedType[] {
  const builder = new SchemaBuilder(index, OPENAPI_V3);
  const out: NamedType[] = [];
  for (const type of pkg.types) {
    const expression = typeExpression(index, builder, type);
    if (expression === undefined) continue;
    if (RESERVED.has(type.id.name)) {
      throw new CodegenError(
        type.location,
        type.id.name,
        'this name is reserved in client types; rename the type',
      );
    }
    out.push({ name: type.id.name, docComment: docComment(type.doc), type: expression });
  }
  return out;
}

function typeExpression(index: ModelIndex, builder: SchemaBuilder, type: TypeModel): string | undefined {
  switch (type.kind) {
    case 'struct':
      return `components['schemas'][${quote(builder.definitionName(type.id))}]`;
    case 'enum':
      return type.values.length === 0 ? 'string' : type.values.map(quote).join(' | ');
    case 'alias': {
      const target = index.resolve(type.target);
      if (target.kind !== 'named') return undefined;
      return typeExpression(index, builder, index.type(target.ref));
    }
  }
}

function quote(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** `text` as a JSDoc block; a star-slash inside it is broken up so it cannot end the comment. */
export function docComment(text: string): string {
  const lines = text.trim().replace(/\*\//g, '*\u200b/').split('\n');
  if (lines.length === 1 && lines[0] === '') return '';
  if (lines.length === 1) return `/** ${lines[0]} */`;
  return ['/**', ...lines.map((line) => (line === '' ? ' *' : ` * ${line}`)), ' */'].join('\n');
}

/**
 * A named definition → its declaration: objects become interfaces, string enums literal-union
 * types, arrays, maps and scalars aliases, and a schema that says nothing (`{}`, Go types with
 * their own JSON form) an alias of JSON.
 */
import { scalar, type Declaration } from '../declarations.js';
import { schemaType, type Schema } from '../schema.js';
import type { TransformContext } from './context.js';
import { enumDeclaration } from './enum.js';
import { proseLines } from './markers.js';
import { objectDeclaration, type ObjectOptions } from './object.js';
import { typeOf } from './type-ref.js';

export function definitionDeclaration(
  name: string,
  schema: Schema,
  ctx: TransformContext,
  options: ObjectOptions,
): Declaration {
  const type = schemaType(schema);
  const doc = [...(options.doc ?? []), ...proseLines(schema.description)];
  if (type === 'object' || schema.properties !== undefined) {
    const onlyMap = schema.properties === undefined && typeof schema.additionalProperties === 'object';
    if (!onlyMap) return objectDeclaration(name, schema, ctx, options);
  }
  const comments = options.comments ?? [];
  if (type === 'string' && schema.enum?.every((v): v is string => typeof v === 'string') && schema.enum.length > 0) {
    return { ...enumDeclaration(name, doc, schema.enum), comments };
  }
  if (type === undefined && schema.$ref === undefined && schema.allOf === undefined) {
    return { kind: 'alias', name, doc, type: scalar('JSON'), comments };
  }
  // Arrays, maps and scalars: the alias keeps the name, the target is what a property would be.
  const { description: _description, ...rest } = schema;
  return { kind: 'alias', name, doc, type: typeOf(rest, `${name}Item`, name, ctx), comments };
}

/**
 * A property's schema → its TypeScript type. Formats pick the scalar aliases (int32, int64,
 * double, byte, date-time, int-or-string), `$ref`s name definitions, and schemas written inline
 * (objects with properties, string enums) become declarations of their own named after where
 * they are used (`WidgetSpec`, `WidgetSpecMode`).
 */
import { boolean, scalar, string, type TypeExpr } from '../declarations.js';
import { schemaType, schemaTypes, unwrapAllOf, type Schema } from '../schema.js';
import type { TransformContext } from './context.js';
import { enumDeclaration } from './enum.js';
import { objectDeclaration } from './object.js';
import { singular } from './names.js';

/**
 * `hint` names a declaration made for an inline schema; `usedAt` (`Widget.spec`) is for
 * messages.
 */
export function typeOf(input: Schema, hint: string, usedAt: string, ctx: TransformContext): TypeExpr {
  const schema = unwrapAllOf(input);
  if (schema.$ref !== undefined) return ctx.resolveRef(schema.$ref, usedAt);
  if (schema['x-kubernetes-int-or-string'] || isIntOrStringUnion(schema)) return scalar('IntOrString');
  if (schema['x-kubernetes-embedded-resource']) return scalar('RawExtension');
  if (schema.anyOf !== undefined || schema.oneOf !== undefined || schema.allOf !== undefined) {
    ctx.warnings.push(`${usedAt}: anyOf/oneOf/allOf has no form in api-definitions; typed as JSON`);
    return scalar('JSON');
  }
  switch (schemaType(schema)) {
    case 'string':
      return stringType(schema, hint, usedAt, ctx);
    case 'integer':
      return scalar(schema.format === 'int32' ? 'int32' : 'int64');
    case 'number':
      return scalar('float64');
    case 'boolean':
      return boolean;
    case 'array':
      return { kind: 'array', elem: schema.items ? typeOf(schema.items, singular(hint), `${usedAt}[]`, ctx) : scalar('JSON') };
    case 'object':
      return objectType(schema, hint, usedAt, ctx);
    case undefined:
      if (schemaTypes(schema).length > 1) ctx.warnings.push(`${usedAt}: several types; typed as JSON`);
      return schema.properties !== undefined ? objectType(schema, hint, usedAt, ctx) : scalar('JSON');
    default:
      ctx.warnings.push(`${usedAt}: unknown type ${String(schema.type)}; typed as JSON`);
      return scalar('JSON');
  }
}

function stringType(schema: Schema, hint: string, usedAt: string, ctx: TransformContext): TypeExpr {
  switch (schema.format) {
    case 'date-time':
      return scalar('Time');
    case 'byte':
      return scalar('bytes');
    case 'int-or-string':
      return scalar('IntOrString');
  }
  const values = schema.enum;
  if (values !== undefined && values.length > 0 && values.every((v): v is string => typeof v === 'string')) {
    const name = ctx.names.claim(hint);
    ctx.hoisted.push(enumDeclaration(name, [], values));
    return { kind: 'local', name };
  }
  return string;
}

function objectType(schema: Schema, hint: string, usedAt: string, ctx: TransformContext): TypeExpr {
  if (schema.properties !== undefined && Object.keys(schema.properties).length > 0) {
    const name = ctx.names.claim(hint);
    // Claimed first so that a schema nested in itself cannot take the name.
    const index = ctx.hoisted.push(placeholder(name)) - 1;
    ctx.hoisted[index] = objectDeclaration(name, schema, ctx, {});
    return { kind: 'local', name };
  }
  const additional = schema.additionalProperties;
  if (typeof additional === 'object') {
    return { kind: 'map', value: typeOf(additional, hint, `${usedAt}{}`, ctx) };
  }
  return scalar('JSON');
}

function placeholder(name: string) {
  return { kind: 'alias', name, doc: [], type: scalar('JSON') } as const;
}

/** `anyOf: [{type: integer}, {type: string}]`, how OpenAPI 3 spells int-or-string. */
function isIntOrStringUnion(schema: Schema): boolean {
  const branches = schema.anyOf ?? schema.oneOf;
  if (!branches || branches.length !== 2) return false;
  const types = branches.map((b) => schemaType(b)).sort();
  return types[0] === 'integer' && types[1] === 'string';
}

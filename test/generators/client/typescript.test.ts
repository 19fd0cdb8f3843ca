import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { schemaDeclarations } from '../../../generators/client/typescript.js';
import type { Schema } from '../../../generators/openapi/schema.js';

/** The declaration openapi-typescript writes for a property `p` of schema `S`. */
async function propertyType(property: Schema, required = false): Promise<string> {
  const schema = { type: 'object', properties: { p: property }, ...(required ? { required: ['p'] } : {}) };
  const out = await schemaDeclarations({
    openapi: '3.0.0',
    info: { title: 't', version: 'v1' },
    paths: {},
    components: { schemas: { S: schema } },
  } as never);
  const match = /^\s*(p\??: [^;]*);/m.exec(out);
  assert.ok(match, out);
  return match[1];
}

describe('schemaDeclarations', () => {
  const rows: [string, Schema, string, boolean?][] = [
    [
      'IntOrString format is a number or a string',
      { type: 'string', format: 'int-or-string' },
      'p?: number | string',
    ],
    ['the int-or-string extension too', { 'x-kubernetes-int-or-string': true }, 'p?: number | string'],
    ['an object without properties holds anything', { type: 'object' }, 'p?: Record<string, unknown>'],
    [
      'preserve-unknown-fields without a type is unknown',
      { 'x-kubernetes-preserve-unknown-fields': true },
      'p?: unknown',
    ],
    ['a defaulted property stays optional', { type: 'integer', default: 1 }, 'p?: number'],
    ['a required property is not optional', { type: 'string' }, 'p: string', true],
  ];
  for (const [name, schema, want, required] of rows)
    it(name, async () => assert.equal(await propertyType(schema, required), want));
});

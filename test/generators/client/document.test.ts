import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { packageDocument, withReferenced } from '../../../generators/client/document.js';
import type { SchemaMap } from '../../../generators/openapi/schema.js';

const C = '#/components/schemas/';
const all: SchemaMap = {
  'a.v1.Kind': { type: 'object', properties: { meta: { allOf: [{ $ref: `${C}m.v1.Meta` }], default: {} } } },
  'm.v1.Meta': {
    type: 'object',
    properties: { at: { $ref: `${C}m.v1.Time` }, self: { $ref: `${C}m.v1.Meta` } },
  },
  'm.v1.Time': { type: 'string', format: 'date-time' },
  'm.v1.Unused': { type: 'object' },
};

describe('withReferenced', () => {
  it('adds every schema reached through $ref, following cycles once', () => {
    assert.deepEqual(Object.keys(withReferenced({ 'a.v1.Kind': all['a.v1.Kind'] }, all)).sort(), [
      'a.v1.Kind',
      'm.v1.Meta',
      'm.v1.Time',
    ]);
  });

  it('fails on a ref to a schema that does not exist', () => {
    assert.throws(() => withReferenced({ x: { $ref: `${C}nowhere` } }, all), /unknown schema nowhere/);
  });
});

describe('packageDocument', () => {
  it('is a minimal OpenAPI 3.0 document with sorted schemas', () => {
    const document = packageDocument('a.example.com/v1', 'v1', { 'a.v1.Kind': all['a.v1.Kind'] }, all);
    assert.equal(document.openapi, '3.0.0');
    assert.deepEqual(document.info, { title: 'a.example.com/v1', version: 'v1' });
    assert.deepEqual(document.paths, {});
    assert.deepEqual(Object.keys(document.components?.schemas ?? {}), [
      'a.v1.Kind',
      'm.v1.Meta',
      'm.v1.Time',
    ]);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalSchema, canonicalSchemaMap, collectRefs } from '../../../generators/openapi/schema.js';

describe('canonicalSchema', () => {
  it('sorts keys at every schema level but keeps data in order', () => {
    const given = {
      type: 'object',
      required: ['z', 'a'],
      properties: {
        z: { type: 'string', enum: ['b', 'a'], default: { y: 1, x: 2 } },
        a: {
          items: { type: 'integer', format: 'int32' },
          type: 'array',
          'x-kubernetes-list-map-keys': ['k2', 'k1'],
        },
      },
      additionalProperties: { type: 'string', description: 'd' },
      allOf: [{ type: 'object', $ref: '#/x' }],
    };
    const got = canonicalSchema(given);
    assert.equal(
      JSON.stringify(got),
      JSON.stringify({
        additionalProperties: { description: 'd', type: 'string' },
        allOf: [{ $ref: '#/x', type: 'object' }],
        properties: {
          a: {
            items: { format: 'int32', type: 'integer' },
            type: 'array',
            'x-kubernetes-list-map-keys': ['k2', 'k1'],
          },
          z: { default: { y: 1, x: 2 }, enum: ['b', 'a'], type: 'string' },
        },
        required: ['z', 'a'],
        type: 'object',
      }),
    );
  });

  it('sorts the names of a schema map', () => {
    assert.deepEqual(Object.keys(canonicalSchemaMap({ b: {}, a: {} })), ['a', 'b']);
  });
});

describe('collectRefs', () => {
  it('finds refs in properties, items, additionalProperties and allOf', () => {
    const refs = collectRefs({
      properties: { a: { $ref: '#/a' }, b: { type: 'array', items: { $ref: '#/b' } } },
      additionalProperties: { $ref: '#/c' },
      allOf: [{ $ref: '#/d' }],
    });
    assert.deepEqual(refs.sort(), ['#/a', '#/b', '#/c', '#/d']);
  });
});

/** toOpenAPIV2: what Swagger 2.0 and kubectl's v2 reader cannot take, dropped as ToStructuralOpenAPIV2 drops it. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PublishedSchema } from '../../../../runtime/apiservers/extensions/openapi/structural.js';
import { toOpenAPIV2 } from '../../../../runtime/apiservers/extensions/openapi/v2.js';

describe('toOpenAPIV2', () => {
  const rows: [string, { given: PublishedSchema; want: PublishedSchema }][] = [
    ['junctors go', { given: { type: 'integer', allOf: [{ minimum: 1 }], oneOf: [{}], anyOf: [{}], not: { enum: [2] } }, want: { type: 'integer' } }],
    ['nullable loses type and shape', { given: { type: 'array', nullable: true, items: { type: 'string' } }, want: {} }],
    ['preserved object loses type and properties', { given: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true, properties: { a: { type: 'string' } } }, want: { 'x-kubernetes-preserve-unknown-fields': true } }],
    ['array without items loses its type', { given: { type: 'array', 'x-kubernetes-preserve-unknown-fields': true, items: { type: 'string' } }, want: { 'x-kubernetes-preserve-unknown-fields': true } }],
    [
      'a nullable field is not required',
      {
        given: { type: 'object', required: ['a', 'b'], properties: { a: { type: 'string', nullable: true }, b: { type: 'string' } } },
        want: { type: 'object', required: ['b'], properties: { a: {}, b: { type: 'string' } } },
      },
    ],
    [
      'nullable map values unrequire everything',
      {
        given: { type: 'object', required: ['a'], properties: { a: { type: 'string' } }, additionalProperties: { type: 'string', nullable: true } },
        want: { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: {} },
      },
    ],
    ['nested nodes too', { given: { type: 'object', properties: { l: { type: 'array', items: { type: 'string', nullable: true } } } }, want: { type: 'object', properties: { l: { type: 'array', items: {} } } } }],
    ['enum, pattern and extensions stay', { given: { type: 'string', enum: ['a'], pattern: 'a', 'x-kubernetes-validations': [{ rule: 'true' }] }, want: { type: 'string', enum: ['a'], pattern: 'a', 'x-kubernetes-validations': [{ rule: 'true' }] } }],
  ];
  for (const [name, { given, want }] of rows) {
    it(name, () => {
      const before = structuredClone(given);
      assert.deepEqual(toOpenAPIV2(given), want);
      assert.deepEqual(given, before, 'the input is not changed');
    });
  }
});

/** toPublishedSchema: the structural part of a CRD schema, int-or-string unfolded. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Schema } from '../../../../runtime/apiservers/extensions/schema/schema.js';
import { toPublishedSchema, type PublishedSchema } from '../../../../runtime/apiservers/extensions/openapi/structural.js';

const INT_OR_STRING = [{ type: 'integer' }, { type: 'string' }];

describe('toPublishedSchema', () => {
  const rows: [string, { given: Schema; want: PublishedSchema }][] = [
    ['int-or-string gains anyOf', { given: { 'x-kubernetes-int-or-string': true }, want: { 'x-kubernetes-int-or-string': true, anyOf: INT_OR_STRING } }],
    ['an anyOf already saying so is kept', { given: { 'x-kubernetes-int-or-string': true, anyOf: INT_OR_STRING }, want: { 'x-kubernetes-int-or-string': true, anyOf: INT_OR_STRING } }],
    [
      'another anyOf stays and the pair goes first in allOf',
      {
        given: { 'x-kubernetes-int-or-string': true, anyOf: [{ minimum: 1 }, { maxLength: 3 }] },
        want: { 'x-kubernetes-int-or-string': true, anyOf: [{ minimum: 1 }, { maxLength: 3 }], allOf: [{ anyOf: INT_OR_STRING }] },
      },
    ],
    ['unsupported keywords go', { given: { type: 'string', example: 'x', externalDocs: { url: 'u' } }, want: { type: 'string' } }],
    ['false and empty values are not published', { given: { type: 'array', uniqueItems: false, required: [], items: { type: 'string' } }, want: { type: 'array', items: { type: 'string' } } }],
    ['zero bounds are', { given: { type: 'integer', minimum: 0, maxLength: 0 }, want: { type: 'integer', minimum: 0, maxLength: 0 } }],
    ['junctors keep value validations only', { given: { type: 'object', properties: { a: { type: 'string' } }, allOf: [{ properties: { a: { minLength: 1 } } }] }, want: { type: 'object', properties: { a: { type: 'string' } }, allOf: [{ properties: { a: { minLength: 1 } } }] } }],
    [
      'list and map extensions stay',
      {
        given: { type: 'array', 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': ['name'], items: { type: 'object', 'x-kubernetes-map-type': 'atomic' } },
        want: { type: 'array', 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': ['name'], items: { type: 'object', 'x-kubernetes-map-type': 'atomic' } },
      },
    ],
  ];
  for (const [name, { given, want }] of rows) it(name, () => assert.deepEqual(toPublishedSchema(given), want));
});

/** customResourceUnknownFields: the unknown fields fieldValidation reports for a custom resource, in upstream's order. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { customResourceFieldProblems, customResourceUnknownFields } from '../../../../runtime/apiservers/extensions/schema/unknown-fields.js';
import type { Schema } from '../../../../runtime/apiservers/extensions/schema/schema.js';

const schema: Schema = {
  type: 'object',
  properties: {
    spec: {
      type: 'object',
      properties: {
        bars: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' } } } },
        template: { type: 'object', 'x-kubernetes-embedded-resource': true, properties: { spec: { type: 'object' } } },
        free: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
      },
    },
  },
};

describe('customResourceUnknownFields', () => {
  const rows: [string, { obj: unknown; schema?: Schema; preserve?: boolean; want: string[] }][] = [
    ['known fields only', { obj: { apiVersion: 'a/v1', kind: 'K', metadata: { name: 'n' }, spec: { bars: [{ name: 'x' }] } }, want: [] }],
    ['a field under spec', { obj: { spec: { foo: true } }, want: ['spec.foo'] }],
    ['a root field', { obj: { unknownField: 1, spec: {} }, want: ['unknownField'] }],
    ['list items, sorted', { obj: { spec: { zeta: 1, bars: [{ name: 'x', extra: 1 }] } }, want: ['spec.bars[0].extra', 'spec.zeta'] }],
    ['preserved subtree', { obj: { spec: { free: { anything: { goes: 1 } } } }, want: [] }],
    [
      'root metadata first, embedded metadata last',
      {
        obj: { metadata: { name: 'n', unknownMeta: 1 }, spec: { template: { apiVersion: 'v1', kind: 'Pod', metadata: { unknownSubMeta: 1 }, spec: {} }, a: 1 } },
        want: ['metadata.unknownMeta', 'spec.a', 'spec.template.metadata.unknownSubMeta'],
      },
    ],
    ['no schema: only metadata is checked', { obj: { a: { b: [{ c: 'd' }] }, metadata: { x: 1 } }, schema: undefined, want: ['metadata.x'] }],
    ['preserveUnknownFields: only metadata is checked', { obj: { a: 1 }, preserve: true, want: [] }],
  ];
  for (const [name, row] of rows) {
    it(name, () => {
      const copy = structuredClone(row.obj);
      assert.deepEqual(customResourceUnknownFields(row.obj, 'schema' in row ? row.schema : schema, row.preserve), row.want);
      assert.deepEqual(row.obj, copy, 'the object is not changed');
    });
  }
});

describe('customResourceFieldProblems', () => {
  it('words unknown fields, then duplicates, as strict decoding does', () => {
    assert.deepEqual(customResourceFieldProblems(['spec.foo'], ['spec.replicas']), ['unknown field "spec.foo"', 'duplicate field "spec.replicas"']);
  });
});

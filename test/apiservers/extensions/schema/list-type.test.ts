/** x-kubernetes-list-type set and map uniqueness, with upstream's Duplicate errors. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateListTypes } from '../../../../runtime/apiservers/extensions/schema/list-type.js';
import type { Schema } from '../../../../runtime/apiservers/extensions/schema/schema.js';
import { errorStrings } from '../../../../runtime/machinery/validation/field.js';

const schema: Schema = {
  type: 'object',
  properties: {
    spec: {
      type: 'object',
      properties: {
        tags: { type: 'array', 'x-kubernetes-list-type': 'set', items: { type: 'string' } },
        ports: {
          type: 'array',
          'x-kubernetes-list-type': 'map',
          'x-kubernetes-list-map-keys': ['port', 'protocol'],
          items: { type: 'object', properties: { port: { type: 'integer' }, protocol: { type: 'string' } } },
        },
        plain: { type: 'array', items: { type: 'string' } },
      },
    },
  },
};

const cases: [string, { value: unknown; want: string[] }][] = [
  ['unique set', { value: { spec: { tags: ['a', 'b'] } }, want: [] }],
  ['duplicate in a set', { value: { spec: { tags: ['a', 'b', 'a'] } }, want: ['spec.tags[2]: Duplicate value: "a"'] }],
  ['atomic lists may repeat', { value: { spec: { plain: ['a', 'a'] } }, want: [] }],
  [
    'duplicate keys in a map list',
    {
      value: { spec: { ports: [{ port: 80, protocol: 'TCP' }, { port: 80, protocol: 'UDP' }, { port: 80, protocol: 'TCP', x: 1 }] } },
      want: ['spec.ports[2]: Duplicate value: map[string]interface {}{"port":80, "protocol":"TCP"}'],
    },
  ],
  ['non-object in a map list', { value: { spec: { ports: ['x'] } }, want: ['spec.ports[0]: Invalid value: "string": must be an object for an array of list-type map'] }],
];

describe('validateListTypes', () => {
  for (const [name, { value, want }] of cases) it(name, () => assert.deepEqual(errorStrings(validateListTypes(value, schema)), want));
});

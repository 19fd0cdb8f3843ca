import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyAllowList, compareDefinitions, formatDifferences, type JsonSchema } from './upstream-diff.js';

const D = '#/definitions/';

/** An upstream-shaped definition the rows below change one fact of. */
const upstream: JsonSchema = {
  type: 'object',
  required: ['spec', 'kind'],
  properties: {
    kind: { type: 'string' },
    spec: { $ref: `${D}x.v1.Spec` },
    replicas: { type: 'integer', format: 'int32' },
    ports: {
      type: 'array',
      items: { $ref: `${D}x.v1.Port` },
      'x-kubernetes-list-type': 'map',
      'x-kubernetes-list-map-keys': ['name'],
      'x-kubernetes-patch-merge-key': 'name',
      'x-kubernetes-patch-strategy': 'merge',
    },
    labels: { type: 'object', additionalProperties: { type: 'string' }, 'x-kubernetes-map-type': 'atomic' },
  },
  'x-kubernetes-group-version-kind': [
    { group: 'x', kind: 'Thing', version: 'v1' },
    { group: '', kind: 'Thing', version: 'v1' },
  ],
};

type JsonObject = Record<string, unknown>;
type Change = (schema: JsonObject) => void;

/** The object at `keys` inside `schema`, for rows that change one fact. */
function at(schema: JsonObject, ...keys: string[]): JsonObject {
  return keys.reduce((object, key) => object[key] as JsonObject, schema);
}

const rows: [string, Change, string[]][] = [
  ['identical', () => {}, []],
  ['a description is not compared', (s) => (at(s, 'properties', 'kind').description = 'The kind.'), []],
  ['an enum is not compared', (s) => (at(s, 'properties', 'kind').enum = ['Thing']), []],
  ['a missing property', (s) => delete at(s, 'properties').replicas, ['Thing/properties/replicas']],
  ['an extra property', (s) => (at(s, 'properties').extra = { type: 'string' }), ['Thing/properties/extra']],
  ['a type', (s) => (at(s, 'properties', 'kind').type = 'integer'), ['Thing/properties/kind/type']],
  [
    'a format',
    (s) => (at(s, 'properties', 'replicas').format = 'int64'),
    ['Thing/properties/replicas/format'],
  ],
  ['a $ref', (s) => (at(s, 'properties', 'spec').$ref = `${D}x.v1.Other`), ['Thing/properties/spec/$ref']],
  [
    'an item $ref',
    (s) => (at(s, 'properties', 'ports', 'items').$ref = `${D}x.v1.Other`),
    ['Thing/properties/ports/items/$ref'],
  ],
  [
    'a map value type',
    (s) => (at(s, 'properties', 'labels', 'additionalProperties').type = 'integer'),
    ['Thing/properties/labels/additionalProperties/type'],
  ],
  [
    'a map that became a scalar',
    (s) => (at(s, 'properties').labels = { type: 'string' }),
    [
      'Thing/properties/labels/type',
      'Thing/properties/labels/x-kubernetes-map-type',
      'Thing/properties/labels/additionalProperties',
    ],
  ],
  ['required order', (s) => (s.required = ['kind', 'spec']), ['Thing/required']],
  ['required missing', (s) => delete s.required, ['Thing/required']],
  [
    'list type',
    (s) => (at(s, 'properties', 'ports')['x-kubernetes-list-type'] = 'atomic'),
    ['Thing/properties/ports/x-kubernetes-list-type'],
  ],
  [
    'list map keys',
    (s) => (at(s, 'properties', 'ports')['x-kubernetes-list-map-keys'] = ['id']),
    ['Thing/properties/ports/x-kubernetes-list-map-keys'],
  ],
  [
    'map type',
    (s) => delete at(s, 'properties', 'labels')['x-kubernetes-map-type'],
    ['Thing/properties/labels/x-kubernetes-map-type'],
  ],
  [
    'patch strategy',
    (s) => (at(s, 'properties', 'ports')['x-kubernetes-patch-strategy'] = 'merge,retainKeys'),
    ['Thing/properties/ports/x-kubernetes-patch-strategy'],
  ],
  [
    'patch merge key',
    (s) => delete at(s, 'properties', 'ports')['x-kubernetes-patch-merge-key'],
    ['Thing/properties/ports/x-kubernetes-patch-merge-key'],
  ],
  [
    'a subset of the group-version-kinds is fine',
    (s) => (s['x-kubernetes-group-version-kind'] = [{ group: 'x', kind: 'Thing', version: 'v1' }]),
    [],
  ],
  [
    'a group-version-kind upstream does not list',
    (s) => (s['x-kubernetes-group-version-kind'] = [{ group: 'y', kind: 'Thing', version: 'v1' }]),
    ['Thing/x-kubernetes-group-version-kind'],
  ],
  [
    'no group-version-kind at all',
    (s) => delete s['x-kubernetes-group-version-kind'],
    ['Thing/x-kubernetes-group-version-kind'],
  ],
];

describe('compareDefinitions', () => {
  for (const [name, change, want] of rows) {
    it(name, () => {
      const generated = structuredClone(upstream) as JsonObject;
      change(generated);
      const { compared, differences } = compareDefinitions({ Thing: generated }, { Thing: upstream });
      assert.deepEqual(compared, ['Thing']);
      assert.deepEqual(
        differences.map((d) => d.path).sort(),
        [...want].sort(),
        formatDifferences(differences),
      );
    });
  }

  it('compares only the definitions both documents have', () => {
    const { compared } = compareDefinitions({ A: {}, B: {} }, { B: {}, C: {} });
    assert.deepEqual(compared, ['B']);
  });
});

describe('applyAllowList', () => {
  it('removes allowed differences and reports entries that matched nothing', () => {
    const differences = [
      { path: 'A/type', generated: 'string', upstream: 'integer' },
      { path: 'B/type', generated: 'string', upstream: 'integer' },
    ];
    const { unexpected, unused } = applyAllowList(differences, [
      { path: 'A/type', why: 'test' },
      { path: 'C/type', why: 'stale' },
    ]);
    assert.deepEqual(
      unexpected.map((d) => d.path),
      ['B/type'],
    );
    assert.deepEqual(
      unused.map((entry) => entry.path),
      ['C/type'],
    );
  });
});

describe('formatDifferences', () => {
  it('prints one line per difference with both values', () => {
    assert.equal(
      formatDifferences([{ path: 'A/properties/x', generated: '(absent)', upstream: { type: 'string' } }]),
      'A/properties/x: generated "(absent)", upstream {"type":"string"}',
    );
  });
});

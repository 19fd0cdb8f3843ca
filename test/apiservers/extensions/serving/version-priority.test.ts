/** Kubernetes-aware version order and the CRD table's cells, table-driven. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sortByKubeAwareVersion } from '../../../../runtime/apiservers/extensions/serving/version-priority.js';
import { customResourceTable } from '../../../../runtime/apiservers/extensions/serving/table.js';
import { cellForJSONValue } from '../../../../runtime/registry/table.js';

describe('sortByKubeAwareVersion', () => {
  it('orders GA, beta, alpha, then other versions lexically', () => {
    assert.deepEqual(sortByKubeAwareVersion(['foo1', 'v1alpha1', 'v2beta1', 'v1', 'v11alpha2', 'v2', 'foo10', 'v12alpha1', 'v1beta2', 'v1beta1', 'v10']), [
      'v10',
      'v2',
      'v1',
      'v2beta1',
      'v1beta2',
      'v1beta1',
      'v12alpha1',
      'v11alpha2',
      'v1alpha1',
      'foo1',
      'foo10',
    ]);
  });
});

describe('custom resource table cells', () => {
  const now = Date.parse('2024-01-01T00:10:00Z');
  const cases: [string, unknown, unknown][] = [
    ['integer', 3, 3],
    ['integer', 3.7, 3],
    ['integer', 'x', null],
    ['number', 2, 2],
    ['boolean', true, true],
    ['boolean', 'true', null],
    ['string', 'abc', 'abc'],
    ['string', 5, '5'],
    ['string', { b: 1, a: [1] }, '{"a":[1],"b":1}'],
    ['date', '2024-01-01T00:00:00Z', '10m'],
    ['date', 'yesterday', '<invalid>'],
    ['string', undefined, null],
  ];
  for (const [type, value, expected] of cases) {
    it(`${type} ${JSON.stringify(value)} → ${JSON.stringify(expected)}`, () => {
      assert.deepEqual(cellForJSONValue(type, value, now), expected);
    });
  }

  it('serves Name and Age when no columns are declared, Name and the columns otherwise', () => {
    assert.deepEqual(
      customResourceTable(undefined).columns.map((c) => c.name),
      ['Name', 'Age'],
    );
    const table = customResourceTable([{ name: 'Size', type: 'string', jsonPath: '.spec.size' }]);
    assert.deepEqual(
      table.columns.map((c) => [c.name, c.description]),
      [
        ['Name', table.columns[0]!.description],
        ['Size', 'Custom resource definition column (in JSONPath format): .spec.size'],
      ],
    );
    assert.deepEqual(table.cells({ metadata: { name: 'a' }, spec: { size: 'L' } }, {}, now), ['a', 'L']);
  });
});

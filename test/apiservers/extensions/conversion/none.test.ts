/** conversion.strategy None: apiVersion rewritten, items of lists too, undeclared versions refused. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConversionError, noneConverter } from '../../../../runtime/apiservers/extensions/conversion/none.js';
import { validCRD } from '../validation/support.js';

const crd = validCRD();
crd.spec.versions.push({ ...structuredClone(crd.spec.versions[0]), name: 'v2', storage: false });
const converter = noneConverter(crd);

describe('noneConverter', () => {
  it('rewrites the apiVersion and nothing else', () => {
    const obj = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'a' }, spec: { replicas: 2 } };
    assert.deepEqual(converter.convert(structuredClone(obj), 'v2'), { ...obj, apiVersion: 'example.com/v2' });
  });

  it('rewrites every item of a list', () => {
    const list = { apiVersion: 'example.com/v1', kind: 'WidgetList', items: [{ apiVersion: 'example.com/v1', kind: 'Widget' }, { apiVersion: 'example.com/v2', kind: 'Widget' }] };
    const out = converter.convert(list, 'v2');
    assert.deepEqual(
      (out['items'] as { apiVersion: string }[]).map((i) => i.apiVersion),
      ['example.com/v2', 'example.com/v2'],
    );
  });

  const refused: [string, { obj: Record<string, unknown>; to: string; message: string }][] = [
    ['to an undeclared version', { obj: { apiVersion: 'example.com/v1' }, to: 'v3', message: 'request to convert CR to an invalid group/version: example.com/v3' }],
    ['from another group', { obj: { apiVersion: 'other.com/v1' }, to: 'v2', message: 'request to convert CR from an invalid group/version: other.com/v1' }],
  ];
  for (const [name, { obj, to, message }] of refused) {
    it(name, () => assert.throws(() => converter.convert(obj, to), (e: unknown) => e instanceof ConversionError && e.message === message));
  }
});

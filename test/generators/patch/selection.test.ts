/** What the patch generator selects: type expressions, referenced packages, kinds. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ModelIndex } from '../../../generators/model/lookup.js';
import type { TypeRef } from '../../../generators/model/types.js';
import { selectPatchMeta, typeExpression } from '../../../generators/patch/selection.js';
import { array, map, metaV1, named, sampleModel, scalar, widgetsV1 } from './model.js';

const index = new ModelIndex(sampleModel());

describe('typeExpression', () => {
  const rows: [string, TypeRef, string][] = [
    ['a scalar by its name', scalar('Quantity'), 'Quantity'],
    ['free-form JSON by its name', scalar('RawExtension'), 'RawExtension'],
    ['an enum as string', named('widgets/v1', 'Protocol'), 'string'],
    ['a struct by its table key', named('meta/v1', 'ObjectMeta'), 'meta/v1.ObjectMeta'],
    ['an alias of a struct as the struct', named('widgets/v1', 'PortAlias'), 'widgets/v1.Port'],
    ['a list', array(named('widgets/v1', 'Port')), '[]widgets/v1.Port'],
    ['a map of lists', map(array(scalar('int64'))), 'map[string][]int64'],
    ['a list of lists', array(array(scalar('string'))), '[][]string'],
  ];
  for (const [name, ref, want] of rows) it(name, () => assert.equal(typeExpression(index, ref), want));
});

describe('selectPatchMeta', () => {
  const widgets = selectPatchMeta(index, widgetsV1);

  it('lists every struct of the package, enums and aliases left out', () => {
    assert.deepEqual(
      widgets.structs.map((s) => s.key),
      ['Empty', 'Node', 'Port', 'Strategy', 'Volume', 'Widget', 'WidgetList', 'WidgetSpec'].map(
        (n) => `widgets/v1.${n}`,
      ),
    );
  });

  it('references the packages whose structs its fields reach', () => {
    assert.deepEqual(
      widgets.referenced.map((p) => p.id),
      ['meta/v1'],
    );
    assert.deepEqual(selectPatchMeta(index, metaV1).referenced, []);
  });

  it('names the kinds, list kinds excluded', () => {
    assert.deepEqual(widgets.kinds, [{ kind: 'Widget', key: 'widgets/v1.Widget' }]);
  });

  it('carries structType and the list markers, leaving out empty ones', () => {
    const meta = selectPatchMeta(index, metaV1);
    assert.equal(meta.structs.find((s) => s.key === 'meta/v1.OwnerReference')?.structType, 'atomic');
    const objectMeta = meta.structs.find((s) => s.key === 'meta/v1.ObjectMeta')!;
    assert.deepEqual(
      objectMeta.fields.find((f) => f.name === 'ownerReferences'),
      {
        name: 'ownerReferences',
        type: '[]meta/v1.OwnerReference',
        patchStrategy: 'merge',
        patchMergeKey: 'uid',
        listType: 'map',
        listMapKeys: ['uid'],
      },
    );
    assert.deepEqual(
      objectMeta.fields.find((f) => f.name === 'name'),
      { name: 'name', type: 'string' },
    );
  });
});

/** Compiling generated patch metadata into the schema strategic merge walks. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PatchMetaError, compileKindPatchMeta, compileType } from '../../../runtime/machinery/patch/meta.js';
import type { PatchMetaTable, StructSchema } from '../../../runtime/machinery/patch/meta.js';

const table: PatchMetaTable = {
  'x/v1.Node': {
    fields: {
      name: { type: 'string' },
      children: { type: '[]x/v1.Node', patchStrategy: 'merge,retainKeys', patchMergeKey: 'name' },
      byName: { type: 'map[string]x/v1.Node' },
      matrix: { type: '[][]int32' },
      raw: { type: 'JSON' },
    },
  },
};

describe('compileType', () => {
  const node = compileKindPatchMeta({ types: table, type: 'x/v1.Node' }) as StructSchema;

  it('compiles a recursive struct to a cyclic graph', () => {
    const children = node.fields.get('children')!;
    assert.equal(children.schema?.kind, 'list');
    assert.equal(children.schema?.kind === 'list' && children.schema.elem, node);
    const byName = node.fields.get('byName')!.schema;
    assert.equal(byName?.kind === 'map' && byName.value, node);
  });

  it('splits the patch strategy and keeps the merge key', () => {
    assert.deepEqual(node.fields.get('children')!.patchStrategies, ['merge', 'retainKeys']);
    assert.equal(node.fields.get('children')!.patchMergeKey, 'name');
    assert.deepEqual(node.fields.get('name')!.patchStrategies, []);
    assert.equal(node.fields.get('name')!.patchMergeKey, '');
  });

  it('compiles scalars and free-form JSON to null', () => {
    assert.equal(node.fields.get('name')!.schema, null);
    assert.equal(node.fields.get('raw')!.schema, null);
    assert.deepEqual(node.fields.get('matrix')!.schema, { kind: 'list', elem: { kind: 'list', elem: null } });
  });

  it('compiles each table once', () => {
    assert.equal(compileType(table, 'x/v1.Node'), node);
  });

  it('rejects a struct the table lacks', () => {
    assert.throws(
      () => compileType(table, '[]x/v1.Missing'),
      (e: unknown) => e instanceof PatchMetaError && /x\/v1\.Missing/.test(e.message),
    );
  });
});

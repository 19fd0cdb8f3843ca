/** Selection for the conversion generator, on hand-built models: which fields convert and how. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { planValue, selectPairs } from '../../../generators/conversion/pairs.js';
import { ModelIndex } from '../../../generators/model/lookup.js';
import type { ApiModel, FieldModel, PackageModel, StructModel, TypeModel, TypeRef } from '../../../generators/model/types.js';

const at = { file: 'x.ts', line: 1 };
const str: TypeRef = { kind: 'scalar', name: 'string' };
const int: TypeRef = { kind: 'scalar', name: 'int32' };
const named = (pkg: string, name: string): TypeRef => ({ kind: 'named', ref: { pkg, name } });

function field(name: string, type: TypeRef, extra: Partial<FieldModel> = {}): FieldModel {
  return { name, type, optional: true, doc: '', location: at, inlined: false, validation: {}, noAutoConversion: false, ...extra };
}
function struct(pkg: string, name: string, fields: FieldModel[], extra: Partial<StructModel> = {}): StructModel {
  return { kind: 'struct', id: { pkg, name }, doc: '', location: at, fields, isKind: false, isList: false, noAutoConversion: false, noProtobuf: false, ...extra };
}
function pkg(id: string, version: string | null, types: TypeModel[], conversions: string[] = []): PackageModel {
  return { id, groupDir: 'g', version, dir: `api-definitions/${id}`, types, handwritten: { conversions, defaulters: [] } };
}
function model(hub: PackageModel, v1: PackageModel, meta: TypeModel[] = []): ApiModel {
  return {
    groups: [
      { dir: 'g', groupName: 'g.io', packagePath: 'g.io', internal: hub, versions: [v1], location: at },
      { dir: 'meta', groupName: 'meta.k8s.io', packagePath: 'meta', internal: null, versions: [pkg('meta/v1', 'v1', meta)], location: at },
    ],
  };
}

describe('planValue', () => {
  const color = { kind: 'enum', id: { pkg: 'g', name: 'Color' }, doc: '', location: at, values: ['Red'] } as const;
  const hub = pkg('g', null, [color, struct('g', 'Spec', [])]);
  const v1 = pkg('g/v1', 'v1', [struct('g/v1', 'Spec', [])]);
  const index = new ModelIndex(model(hub, v1, [struct('meta/v1', 'ObjectMeta', [])]));
  const rows: [string, { from: TypeRef; to: TypeRef; want: unknown }][] = [
    ['same scalar: assign', { from: int, to: int, want: { kind: 'assign' } }],
    ['different scalars: no path', { from: int, to: str, want: undefined }],
    ['string to enum: assign', { from: str, to: named('g', 'Color'), want: { kind: 'assign' } }],
    ['embedded JSON: deep copy as JSON', { from: { kind: 'scalar', name: 'RawExtension' }, to: { kind: 'scalar', name: 'RawExtension' }, want: { kind: 'json' } }],
    ['a shared meta struct: its deepcopy', { from: named('meta/v1', 'ObjectMeta'), to: named('meta/v1', 'ObjectMeta'), want: { kind: 'deepcopy', pkg: 'meta/v1', type: 'ObjectMeta' } }],
    [
      'version struct to its hub peer: Convert_*',
      { from: named('g/v1', 'Spec'), to: named('g', 'Spec'), want: { kind: 'convert', function: 'Convert_v1_Spec_To_g_Spec', group: 'g', fromVersion: 'v1', toVersion: null } },
    ],
    [
      'arrays of peers: element-wise',
      {
        from: { kind: 'array', elem: named('g/v1', 'Spec') },
        to: { kind: 'array', elem: named('g', 'Spec') },
        want: { kind: 'array', elem: { kind: 'convert', function: 'Convert_v1_Spec_To_g_Spec', group: 'g', fromVersion: 'v1', toVersion: null } },
      },
    ],
    ['array to map: no path', { from: { kind: 'array', elem: str }, to: { kind: 'map', value: str }, want: undefined }],
  ];
  for (const [name, { from, to, want }] of rows) {
    it(name, () => assert.deepEqual(planValue(index, from, to), want));
  }
});

describe('selectPairs', () => {
  const hub = pkg('g', null, [struct('g', 'Thing', [field('size', int), field('extra', str)])]);
  const build = (conversions: string[]) =>
    pkg('g/v1', 'v1', [struct('g/v1', 'Thing', [field('apiVersion', str, { inlined: true }), field('size', int), field('old', str)])], conversions);

  it('a source field without a peer needs a hand-written function in that direction only', () => {
    const v1 = build([]);
    const { pairs, errors } = selectPairs(new ModelIndex(model(hub, v1)), v1, hub);
    assert.deepEqual(pairs.map((p) => [p.publicName, p.fields.map((f) => f.name), p.skipped.map((s) => s.field.name)]), [
      ['Convert_v1_Thing_To_g_Thing', ['size'], ['old']],
      ['Convert_g_Thing_To_v1_Thing', ['size'], ['extra']],
    ]);
    assert.deepEqual(errors.map((e) => e.subject), ['g/v1.Thing.old', 'g.Thing.extra']);
  });

  it('hand-written functions satisfy the requirement; TypeMeta fields are never converted', () => {
    const v1 = build(['Convert_v1_Thing_To_g_Thing', 'Convert_g_Thing_To_v1_Thing']);
    const { pairs, errors } = selectPairs(new ModelIndex(model(hub, v1)), v1, hub);
    assert.deepEqual(errors, []);
    assert.ok(pairs.every((p) => p.handwritten && !p.fields.some((f) => f.name === 'apiVersion')));
  });

  it('+k8s:conversion-gen=false on a field skips it even when the types match', () => {
    const v1 = pkg('g/v1', 'v1', [struct('g/v1', 'Thing', [field('size', int, { noAutoConversion: true }), field('extra', str)])]);
    const { pairs } = selectPairs(new ModelIndex(model(hub, v1)), v1, hub);
    assert.deepEqual(pairs[0]!.skipped.map((s) => [s.field.name, s.reason]), [['size', '+k8s:conversion-gen=false']]);
  });
});

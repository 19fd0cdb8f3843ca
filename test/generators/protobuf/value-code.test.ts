import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ModelIndex } from '../../../generators/model/lookup.js';
import type { ScalarName } from '../../../generators/model/types.js';
import { FileScope } from '../../../generators/protobuf/file-scope.js';
import { tag, valueCode } from '../../../generators/protobuf/value-code.js';
import { everyFieldKindModel } from './every-field-kind.js';

const index = new ModelIndex(everyFieldKindModel());
const scope = (): FileScope =>
  new FileScope('generated/widgets/v1/protobuf.generated.ts', index.pkg('widgets/v1'), index);

describe('tag', () => {
  const rows = [
    { name: 'field 1, varint', n: 1, wt: 0, tag: 8 },
    { name: 'field 1, length-delimited', n: 1, wt: 2, tag: 10 },
    { name: 'field 16, the first two-byte tag', n: 16, wt: 0, tag: 128 },
    { name: 'the largest field number', n: 536870911, wt: 2, tag: 4294967290 },
  ];
  for (const row of rows) {
    it(`is ${row.tag} for ${row.name}`, () => {
      assert.equal(tag(row.n, row.wt), row.tag);
    });
  }
});

describe('valueCode for scalars', () => {
  const rows: {
    scalar: ScalarName;
    write: string;
    read: string;
    tsType: string;
    nullable: boolean;
    packable: boolean;
  }[] = [
    {
      scalar: 'string',
      write: 'w.uint32(10).string(v)',
      read: 'r.string()',
      tsType: 'string',
      nullable: false,
      packable: false,
    },
    {
      scalar: 'boolean',
      write: 'w.uint32(8).bool(v)',
      read: 'r.bool()',
      tsType: 'boolean',
      nullable: false,
      packable: true,
    },
    {
      scalar: 'int32',
      write: 'w.uint32(8).int32(v)',
      read: 'r.int32()',
      tsType: 'number',
      nullable: false,
      packable: true,
    },
    {
      scalar: 'int64',
      write: 'writeInt64(w.uint32(8), v)',
      read: 'readInt64(r)',
      tsType: 'number',
      nullable: false,
      packable: true,
    },
    {
      scalar: 'float64',
      write: 'w.uint32(9).double(v)',
      read: 'r.double()',
      tsType: 'number',
      nullable: false,
      packable: true,
    },
    {
      scalar: 'bytes',
      write: 'writeBase64(w.uint32(10), v)',
      read: 'readBase64(r)',
      tsType: 'string',
      nullable: false,
      packable: false,
    },
    {
      scalar: 'Time',
      write: 'encodeTime(v, w.uint32(10).fork()).ldelim()',
      read: 'decodeTime(r, r.uint32())',
      tsType: 'string',
      nullable: true,
      packable: false,
    },
    {
      scalar: 'MicroTime',
      write: 'encodeMicroTime(v, w.uint32(10).fork()).ldelim()',
      read: 'decodeMicroTime(r, r.uint32())',
      tsType: 'string',
      nullable: true,
      packable: false,
    },
    {
      scalar: 'Quantity',
      write: 'encodeQuantity(v, w.uint32(10).fork()).ldelim()',
      read: 'decodeQuantity(r, r.uint32())',
      tsType: 'string',
      nullable: false,
      packable: false,
    },
    {
      scalar: 'IntOrString',
      write: 'encodeIntOrString(v, w.uint32(10).fork()).ldelim()',
      read: 'decodeIntOrString(r, r.uint32())',
      tsType: 'number | string',
      nullable: false,
      packable: false,
    },
    {
      scalar: 'Duration',
      write: 'encodeDuration(v, w.uint32(10).fork()).ldelim()',
      read: 'decodeDuration(r, r.uint32())',
      tsType: 'string',
      nullable: false,
      packable: false,
    },
    {
      scalar: 'RawExtension',
      write: 'encodeRawExtension(v, w.uint32(10).fork()).ldelim()',
      read: 'decodeRawExtension(r, r.uint32())',
      tsType: 'JsonObject',
      nullable: true,
      packable: false,
    },
    {
      scalar: 'FieldsV1',
      write: 'encodeFieldsV1(v, w.uint32(10).fork()).ldelim()',
      read: 'decodeFieldsV1(r, r.uint32())',
      tsType: 'JsonObject',
      nullable: true,
      packable: false,
    },
    {
      scalar: 'JSON',
      write: 'encodeJSON(v, w.uint32(10).fork()).ldelim()',
      read: 'decodeJSON(r, r.uint32())',
      tsType: 'unknown',
      nullable: true,
      packable: false,
    },
  ];
  for (const row of rows) {
    it(`writes and reads ${row.scalar}`, () => {
      const code = valueCode({ kind: 'scalar', scalar: row.scalar }, scope(), index);
      assert.equal(code.write(1, 'v'), row.write);
      assert.equal(code.read, row.read);
      assert.equal(code.tsType(), row.tsType);
      assert.equal(code.nullable, row.nullable);
      assert.equal(code.packable, row.packable);
    });
  }
});

describe('valueCode for named types', () => {
  it('writes an enum as a string and reads it back as the enum type', () => {
    const code = valueCode({ kind: 'enum', type: { pkg: 'widgets/v1', name: 'Phase' } }, scope(), index);
    assert.equal(code.write(19, 'msg.phase'), 'w.uint32(154).string(msg.phase)');
    assert.equal(code.read, 'r.string() as v1.Phase');
  });

  it('writes a struct of the package as a nested message', () => {
    const code = valueCode(
      { kind: 'message', type: { pkg: 'widgets/v1', name: 'Container' } },
      scope(),
      index,
    );
    assert.equal(code.write(18, 'item'), 'encodeContainer(item, w.uint32(146).fork()).ldelim()');
    assert.equal(code.read, 'decodeContainer(r, r.uint32())');
    assert.equal(code.zero(), '{} as v1.Container');
    assert.equal(code.label, 'Container');
  });

  it('names a struct of another package by its group and version in helpers', () => {
    const s = scope();
    const code = valueCode({ kind: 'message', type: { pkg: 'meta/v1', name: 'ObjectMeta' } }, s, index);
    assert.equal(code.label, 'MetaV1ObjectMeta');
    assert.equal(code.tsType(), 'metav1.ObjectMeta');
  });

  it('gives a list wrapper an empty list as its zero value', () => {
    const code = valueCode(
      { kind: 'message', type: { pkg: 'widgets/v1', name: 'ExtraValue' } },
      scope(),
      index,
    );
    assert.equal(code.zero(), '[]');
  });
});

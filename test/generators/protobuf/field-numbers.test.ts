import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StructModel } from '../../../generators/model/types.js';
import {
  checkFieldNumbers,
  isTopLevelObject,
  isTypeMetaField,
  isTypeMetaStruct,
  messageParts,
} from '../../../generators/protobuf/field-numbers.js';
import { CASE_DIR } from './every-field-kind.js';
import { named, scalar, SourceFile, struct, TYPE_META_FIELDS, type FieldSpec } from './model-builders.js';

const source = new SourceFile(
  'api-definitions/widgets/v1/types.ts',
  `${CASE_DIR}api-definitions/widgets/v1/types.ts`,
);
const metaSource = new SourceFile(
  'api-definitions/meta/v1/types.ts',
  `${CASE_DIR}api-definitions/meta/v1/types.ts`,
);

function container(fields: FieldSpec[], options: Parameters<typeof struct>[4] = {}): StructModel {
  return struct(source, 'widgets/v1', 'Container', fields, options);
}

const typeMeta = struct(metaSource, 'meta/v1', 'TypeMeta', [
  { name: 'kind', type: scalar('string') },
  { name: 'apiVersion', type: scalar('string') },
]);

describe('TypeMeta', () => {
  it("treats meta/v1's TypeMeta itself as TypeMeta", () => {
    assert.equal(isTypeMetaStruct(typeMeta), true);
    assert.equal(isTypeMetaField(typeMeta, typeMeta.fields[0]!), true);
  });

  it('treats inlined apiVersion and kind as TypeMeta fields', () => {
    const widget = container([...TYPE_META_FIELDS, { name: 'name', type: scalar('string'), protobuf: 1 }]);
    assert.deepEqual(
      widget.fields.map((f) => isTypeMetaField(widget, f)),
      [true, true, false],
    );
  });

  it('treats a declared (not inlined) kind field as an ordinary field', () => {
    const declared = container([{ name: 'name', type: scalar('string'), protobuf: 3 }]);
    const resource = { ...declared, fields: [{ ...declared.fields[0]!, name: 'kind' }] };
    assert.equal(isTypeMetaField(resource, resource.fields[0]!), false);
  });
});

describe('isTopLevelObject', () => {
  const rows = [
    { name: 'a kind', struct: container([...TYPE_META_FIELDS], { isKind: true }), expected: true },
    {
      name: 'a struct that inlines TypeMeta, like DeleteOptions',
      struct: container([...TYPE_META_FIELDS]),
      expected: true,
    },
    {
      name: 'a plain struct',
      struct: container([{ name: 'name', type: scalar('string'), protobuf: 1 }]),
      expected: false,
    },
  ];
  for (const row of rows) {
    it(`is ${row.expected} for ${row.name}`, () => {
      assert.equal(isTopLevelObject(row.struct), row.expected);
    });
  }
});

describe('messageParts', () => {
  it('gives an embedded struct one part at its number, holding its fields', () => {
    const source = { name: 'Source', protobuf: 2 };
    const s = container([
      { name: 'image', type: scalar('string'), protobuf: 3 },
      { name: 'path', type: scalar('string'), protobuf: 1, inlined: true, embeddedIn: source },
      { name: 'mode', type: scalar('string'), protobuf: 2, inlined: true, embeddedIn: source },
      { name: 'name', type: scalar('string'), protobuf: 1 },
    ]);
    assert.deepEqual(
      messageParts(s).map((p) => [p.protobuf, p.kind === 'field' ? p.field.name : p.fields.map((f) => f.name).join('+')]),
      [
        [1, 'name'],
        [2, 'path+mode'],
        [3, 'image'],
      ],
    );
  });

  it('orders fields by number and leaves TypeMeta out', () => {
    const s = container([
      ...TYPE_META_FIELDS,
      { name: 'image', type: scalar('string'), protobuf: 2 },
      { name: 'name', type: scalar('string'), protobuf: 1 },
    ]);
    assert.deepEqual(
      messageParts(s).map((p) => (p.kind === 'field' ? p.field.name : p.embed.type.name)),
      ['name', 'image'],
    );
  });
});

describe('checkFieldNumbers', () => {
  const at = `${source.file}:${source.locate('Container', 'image').line}`;
  const rows: { name: string; fields: FieldSpec[]; errors: string[] }[] = [
    {
      name: 'every field numbered',
      fields: [
        { name: 'name', type: scalar('string'), protobuf: 1 },
        { name: 'image', type: scalar('string'), protobuf: 2 },
      ],
      errors: [],
    },
    {
      name: 'TypeMeta fields without numbers',
      fields: [...TYPE_META_FIELDS, { name: 'name', type: scalar('string'), protobuf: 1 }],
      errors: [],
    },
    {
      name: 'a field without a number',
      fields: [
        { name: 'name', type: scalar('string'), protobuf: 1 },
        { name: 'image', type: scalar('string') },
      ],
      errors: [`${at}: Container.image: has no +protobuf field number`],
    },
    {
      name: 'a duplicate number',
      fields: [
        { name: 'name', type: named('widgets/v1', 'Phase'), protobuf: 4 },
        { name: 'image', type: scalar('string'), protobuf: 4 },
      ],
      errors: [`${at}: Container.image: +protobuf=4 duplicates Container.name's number`],
    },
    {
      name: 'fields of an embedded struct, which keep their own numbers inside its message',
      fields: [
        { name: 'name', type: scalar('string'), protobuf: 1 },
        { name: 'image', type: scalar('string'), protobuf: 1, embeddedIn: { name: 'Source', protobuf: 2 } },
      ],
      errors: [],
    },
    {
      name: 'an embedded struct numbered like a field',
      fields: [
        { name: 'name', type: scalar('string'), protobuf: 1 },
        { name: 'image', type: scalar('string'), protobuf: 1, embeddedIn: { name: 'Source', protobuf: 1 } },
      ],
      errors: [`${at}: Container (embedded Source): +protobuf=1 duplicates Container.name's number`],
    },
    {
      name: 'the largest field number',
      fields: [{ name: 'image', type: scalar('string'), protobuf: 536870911 }],
      errors: [],
    },
    {
      name: 'a number beyond the largest',
      fields: [{ name: 'image', type: scalar('string'), protobuf: 536870912 }],
      errors: [`${at}: Container.image: +protobuf=536870912 is not a field number (1 to 536870911)`],
    },
    {
      name: 'a fractional number',
      fields: [{ name: 'image', type: scalar('string'), protobuf: 1.5 }],
      errors: [`${at}: Container.image: +protobuf=1.5 is not a field number (1 to 536870911)`],
    },
    {
      name: 'the first reserved number',
      fields: [{ name: 'image', type: scalar('string'), protobuf: 19000 }],
      errors: [`${at}: Container.image: +protobuf=19000 is reserved by protobuf (19000–19999)`],
    },
  ];
  for (const row of rows) {
    it(`reports ${row.errors.length} error(s) for ${row.name}`, () => {
      assert.deepEqual(
        checkFieldNumbers(container(row.fields)).map((e) => e.message),
        row.errors,
      );
    });
  }
});

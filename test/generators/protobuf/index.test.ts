/** The protobuf generator end to end: goldens, what it leaves alone, and the errors it reports. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CodegenErrors } from '../../../generators/errors.js';
import type { ApiModel, FieldModel, StructModel, TypeModel } from '../../../generators/model/types.js';
import { protobufGenerator } from '../../../generators/protobuf/index.js';
import { CASE_DIR, everyFieldKindModel } from './every-field-kind.js';
import { assertGoldens } from './golden.js';
import { array, group, named, scalar, SourceFile, versionPackage } from './model-builders.js';

const WIDGETS_TYPES = new SourceFile(
  'api-definitions/widgets/v1/types.ts',
  `${CASE_DIR}api-definitions/widgets/v1/types.ts`,
);

/** `file:line` of a declaration of the golden case's widgets/v1, as errors print it. */
function at(typeName: string, field?: string): string {
  const { file, line } = WIDGETS_TYPES.locate(typeName, field);
  return `${file}:${line}`;
}

/** The golden model with each named struct replaced by `edits[name](struct)`. */
function withStructs(
  edits: Record<string, (struct: StructModel) => StructModel>,
  extra: TypeModel[] = [],
): ApiModel {
  const model = everyFieldKindModel();
  return {
    groups: model.groups.map((g) => ({
      ...g,
      versions: g.versions.map((pkg) => ({
        ...pkg,
        types: [
          ...pkg.types.map((t): TypeModel => {
            const edit = edits[t.id.name];
            return t.kind === 'struct' && edit ? edit(t) : t;
          }),
          ...extra.filter((t) => t.id.pkg === pkg.id),
        ],
      })),
    })),
  };
}

function editField(
  name: string,
  edit: (field: FieldModel) => FieldModel,
): (struct: StructModel) => StructModel {
  return (struct) => ({ ...struct, fields: struct.fields.map((f) => (f.name === name ? edit(f) : f)) });
}

function withoutNumber(field: FieldModel): FieldModel {
  const { protobuf: _dropped, ...rest } = field;
  return rest;
}

async function generateErrors(model: ApiModel): Promise<string[]> {
  try {
    await protobufGenerator.generate(model);
  } catch (error) {
    assert.ok(error instanceof CodegenErrors, `expected CodegenErrors, got ${String(error)}`);
    return error.errors.map((e) => e.message);
  }
  assert.fail('expected codegen to fail');
}

describe('protobufGenerator', () => {
  it('generates the goldens of every-field-kind', async () => {
    const files = await protobufGenerator.generate(everyFieldKindModel());
    assert.deepEqual(
      files.map((f) => f.path),
      ['generated/meta/v1/protobuf.generated.ts', 'generated/widgets/v1/protobuf.generated.ts'],
    );
    assertGoldens(CASE_DIR, files);
  });

  it('is deterministic', async () => {
    const first = await protobufGenerator.generate(everyFieldKindModel());
    const second = await protobufGenerator.generate(everyFieldKindModel());
    assert.deepEqual(first, second);
  });

  const leftAlone: { name: string; model: ApiModel }[] = [
    {
      name: 'a version without any +protobuf number',
      model: {
        groups: [
          group('plain', 'plain.example.com', 'plain.example.com', [
            versionPackage('plain', 'v1', [plainStruct('plain/v1', 'Thing', undefined)]),
          ]),
        ],
      },
    },
    {
      name: 'an internal (hub) package, even with numbers',
      model: {
        groups: [
          group('plain', 'plain.example.com', 'plain.example.com', [], {
            ...versionPackage('plain', 'v1', [plainStruct('plain', 'Thing', 1)]),
            id: 'plain',
            version: null,
            dir: 'api-definitions/plain',
          }),
        ],
      },
    },
  ];
  for (const row of leftAlone) {
    it(`emits nothing for ${row.name}`, async () => {
      assert.deepEqual(await protobufGenerator.generate(row.model), []);
    });
  }

  it('lists every field without a number, as <Type>.<field> with file and line', async () => {
    const model = withStructs({
      WidgetSpec: editField('replicas', withoutNumber),
      Container: editField('image', withoutNumber),
    });
    // CodegenErrors orders errors by file and line.
    assert.deepEqual(await generateErrors(model), [
      `${at('WidgetSpec', 'replicas')}: WidgetSpec.replicas: has no +protobuf field number`,
      `${at('Container', 'image')}: Container.image: has no +protobuf field number`,
    ]);
  });

  const badNumbers: { name: string; edit: (f: FieldModel) => FieldModel; field: string; message: string }[] =
    [
      {
        name: 'a duplicate number',
        field: 'image',
        edit: (f) => ({ ...f, protobuf: 1 }),
        message: `${at('Container', 'image')}: Container.image: +protobuf=1 duplicates Container.name's number`,
      },
      {
        name: 'number 0',
        field: 'image',
        edit: (f) => ({ ...f, protobuf: 0 }),
        message: `${at('Container', 'image')}: Container.image: +protobuf=0 is not a field number (1 to 536870911)`,
      },
      {
        name: 'a number protobuf reserves',
        field: 'image',
        edit: (f) => ({ ...f, protobuf: 19001 }),
        message: `${at('Container', 'image')}: Container.image: +protobuf=19001 is reserved by protobuf (19000–19999)`,
      },
    ];
  for (const row of badNumbers) {
    it(`rejects ${row.name}`, async () => {
      assert.deepEqual(await generateErrors(withStructs({ Container: editField(row.field, row.edit) })), [
        row.message,
      ]);
    });
  }

  it('rejects a number on an inlined TypeMeta field', async () => {
    const errors = await generateErrors(
      withStructs({ Widget: editField('kind', (f) => ({ ...f, protobuf: 9 })) }),
    );
    assert.deepEqual(errors, [
      `${at('Widget')}: Widget.kind: takes no +protobuf number: TypeMeta travels in the envelope`,
    ]);
  });

  const badTypes: { name: string; type: FieldModel['type']; message: string }[] = [
    {
      name: 'a list of lists',
      type: array(array(scalar('string'))),
      message: 'protobuf cannot hold a list directly in a list',
    },
    {
      name: 'a type of a package without a protobuf codec',
      type: named('plain/v1', 'Thing'),
      message: 'refers to plain/v1.Thing, whose package has no protobuf codec',
    },
    {
      name: 'TypeMeta as a field',
      type: named('meta/v1', 'TypeMeta'),
      message: 'refers to TypeMeta, which has no message',
    },
  ];
  for (const row of badTypes) {
    it(`rejects a field whose type is ${row.name}`, async () => {
      const model = withStructs({ Strategy: editField('type', (f) => ({ ...f, type: row.type })) });
      const withPlain: ApiModel = {
        groups: [
          ...model.groups,
          group('plain', 'plain.example.com', 'plain.example.com', [
            versionPackage('plain', 'v1', [plainStruct('plain/v1', 'Thing', undefined)]),
          ]),
        ],
      };
      const errors = await generateErrors(withPlain);
      assert.equal(errors.length, 1);
      assert.ok(errors[0]!.startsWith(`${at('Strategy', 'type')}: Strategy.type: `), errors[0]);
      assert.ok(errors[0]!.includes(row.message), errors[0]);
    });
  }

  it('gives +protobuf=false structs no codec and does not ask them for numbers', async () => {
    const model = withStructs({
      Strategy: (s) => ({ ...s, noProtobuf: true, fields: s.fields.map(withoutNumber) }),
    });
    const errors = await generateErrors(model);
    // Only the use of Strategy is an error; Strategy's own unnumbered fields are not.
    assert.deepEqual(errors, [
      `${at('WidgetSpec', 'strategy')}: WidgetSpec.strategy: refers to Strategy, which is marked +protobuf=false`,
    ]);
  });

  it('rejects two types whose codecs would share a name', async () => {
    const errors = await generateErrors(withStructs({}, [plainStruct('widgets/v1', 'WidgetMessage', 1)]));
    assert.deepEqual(errors, [
      `${at('Widget')}: Widget: its protobuf codec \`encodeWidgetMessage\` clashes with the one of WidgetMessage`,
      `${at('Widget')}: Widget: its protobuf codec \`decodeWidgetMessage\` clashes with the one of WidgetMessage`,
    ]);
  });

  it('aliases a runtime codec that a struct of the same name would shadow', async () => {
    const files = await protobufGenerator.generate(withStructs({}, [plainStruct('widgets/v1', 'Time', 1)]));
    const content = files[1]!.content;
    assert.match(content, /encodeTime as runtimeEncodeTime/);
    assert.match(content, /export function encodeTime\(msg: v1\.Time, w: Writer\): Writer/);
    assert.match(content, /runtimeEncodeTime\(msg\.startTime, w\.uint32\(58\)\.fork\(\)\)\.ldelim\(\)/);
  });
});

/** A struct with one string field `value`, numbered `n` (or not). */
function plainStruct(pkg: string, name: string, n: number | undefined): StructModel {
  return {
    kind: 'struct',
    id: { pkg, name },
    doc: '',
    location: { file: `api-definitions/${pkg}/types.ts`, line: 1 },
    isKind: false,
    isList: false,
    noAutoConversion: false,
    noProtobuf: false,
    fields: [
      {
        name: 'value',
        type: scalar('string'),
        optional: true,
        doc: '',
        location: { file: `api-definitions/${pkg}/types.ts`, line: 2 },
        inlined: false,
        ...(n !== undefined ? { protobuf: n } : {}),
        validation: {},
        noAutoConversion: false,
      },
    ],
  };
}

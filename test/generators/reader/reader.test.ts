/** The reader over in-memory projects: what the model says about small inputs. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Project } from 'ts-morph';
import { CodegenErrors } from '../../../generators/errors.js';
import type { ApiModel, StructModel } from '../../../generators/model/types.js';
import { readApiModelFromProject } from '../../../generators/reader/index.js';

const META = {
  '/p/api-definitions/meta/doc.ts': '/**\n * +groupName=meta.k8s.io\n */\nexport {};\n',
  '/p/api-definitions/meta/v1/scalars.ts': 'export type int32 = number;\nexport type Quantity = string;\nexport type RawExtension = { [key: string]: unknown };\n',
  '/p/api-definitions/meta/v1/types.ts':
    "export * from './scalars.js';\nexport interface TypeMeta { apiVersion?: string; kind?: string }\nexport interface ObjectMeta { name?: string }\n",
};

function read(files: Record<string, string>): ApiModel {
  const project = new Project({ useInMemoryFileSystem: true });
  for (const [path, text] of Object.entries({ ...META, ...files })) project.createSourceFile(path, text);
  return readApiModelFromProject(project, '/p');
}

function struct(model: ApiModel, pkg: string, name: string): StructModel {
  const group = model.groups.find((g) => pkg.startsWith(g.dir))!;
  const found = [group.internal, ...group.versions].find((p) => p?.id === pkg)!.types.find((t) => t.id.name === name);
  assert.ok(found && found.kind === 'struct', `${pkg}.${name} is a struct`);
  return found;
}

const GROUP_DOC = '/**\n * +groupName=things.example.com\n * +versionPriority=v1\n */\nexport {};\n';

describe('readApiModelFromProject', () => {
  it('inlines TypeMeta, marks kinds and lists, and resolves scalar aliases away', () => {
    const model = read({
      '/p/api-definitions/things/doc.ts': GROUP_DOC,
      '/p/api-definitions/things/types.ts': "export * from './v1/types.js';\n",
      '/p/api-definitions/things/v1/types.ts': [
        "import type { int32, ObjectMeta, Quantity, TypeMeta } from '../../meta/v1/types.js';",
        'export type Size = Quantity;',
        'export type Color = "Red" | "Blue";',
        '/** +kubebuilder:resource:path=things,shortName=th */',
        'export interface Thing extends TypeMeta { metadata?: ObjectMeta; size: Size; color?: Color; counts?: Record<string, int32[]> }',
        'export interface ThingList extends TypeMeta { metadata?: ObjectMeta; items: Thing[] }',
      ].join('\n'),
    });
    const thing = struct(model, 'things/v1', 'Thing');
    assert.deepEqual(thing.fields.map((f) => [f.name, f.inlined, f.optional]), [
      ['apiVersion', true, true],
      ['kind', true, true],
      ['metadata', false, true],
      ['size', false, false],
      ['color', false, true],
      ['counts', false, true],
    ]);
    assert.deepEqual(thing.fields[3]!.type, { kind: 'scalar', name: 'Quantity' });
    assert.deepEqual(thing.fields[5]!.type, { kind: 'map', value: { kind: 'array', elem: { kind: 'scalar', name: 'int32' } } });
    assert.equal(thing.isKind, true);
    assert.equal(thing.isList, false);
    assert.deepEqual([thing.resource?.plural, thing.resource?.shortNames, thing.resource?.namespaced], ['things', ['th'], true]);
    assert.equal(struct(model, 'things/v1', 'ThingList').isList, true);
    const group = model.groups.find((g) => g.dir === 'things')!;
    assert.equal(group.internal?.reexportsVersion, 'v1');
    assert.deepEqual(struct(model, 'things', 'Thing').fields[2]!.type, { kind: 'named', ref: { pkg: 'meta/v1', name: 'ObjectMeta' } });
    assert.equal(group.internal?.types.some((t) => t.id.name === 'Size'), false, 'scalar alias left the model');
  });

  it('reports a group folder without doc.ts', () => {
    assert.throws(
      () => read({ '/p/api-definitions/things/v1/types.ts': 'export interface A { a?: string }\n' }),
      (error: unknown) => error instanceof CodegenErrors && /missing doc.ts with \+groupName/.test(error.message),
    );
  });

  it('reports a version priority that misses a version folder', () => {
    assert.throws(
      () =>
        read({
          '/p/api-definitions/things/doc.ts': GROUP_DOC,
          '/p/api-definitions/things/v1/types.ts': 'export interface A { a?: string }\n',
          '/p/api-definitions/things/v2/types.ts': 'export interface A { a?: string }\n',
        }),
      (error: unknown) => error instanceof CodegenErrors && /\+versionPriority must list exactly the version folders \(missing: v2/.test(error.message),
    );
  });
  it('records which embedded struct and number inlined fields come from, through the hub too', () => {
    const model = read({
      '/p/api-definitions/things/doc.ts': GROUP_DOC,
      '/p/api-definitions/things/types.ts': "export * from './v1/types.js';\n",
      '/p/api-definitions/things/v1/types.ts': [
        'export interface Rule { apiGroups?: string[] }',
        '/** +protobufEmbed=Rule:2 */',
        'export interface RuleWithOperations extends Rule { operations?: string[] }',
        '/** +protobufEmbed=RuleWithOperations:2 */',
        'export interface NamedRule extends RuleWithOperations { resourceNames?: string[] }',
        'export interface Plain extends Rule { scope?: string }',
      ].join('\n'),
    });
    const embedded = (pkg: string, name: string) =>
      struct(model, pkg, name).fields.map((f) => [f.name, f.embeddedIn ? `${f.embeddedIn.type.pkg}.${f.embeddedIn.type.name}:${f.embeddedIn.protobuf}` : '']);
    // Nested embeds are recorded one level deep: RuleWithOperations's own message holds Rule.
    assert.deepEqual(embedded('things/v1', 'NamedRule'), [
      ['apiGroups', 'things/v1.RuleWithOperations:2'],
      ['operations', 'things/v1.RuleWithOperations:2'],
      ['resourceNames', ''],
    ]);
    assert.deepEqual(embedded('things/v1', 'RuleWithOperations'), [
      ['apiGroups', 'things/v1.Rule:2'],
      ['operations', ''],
    ]);
    assert.deepEqual(embedded('things/v1', 'Plain'), [
      ['apiGroups', ''],
      ['scope', ''],
    ]);
    assert.deepEqual(embedded('things', 'NamedRule')[0], ['apiGroups', 'things.RuleWithOperations:2']);
  });

  it('allows +listType on bytes, a list in Go, and nowhere else but arrays', () => {
    const model = read({
      '/p/api-definitions/things/doc.ts': GROUP_DOC,
      '/p/api-definitions/meta/v1/scalars.ts': 'export type bytes = string;\n',
      '/p/api-definitions/things/v1/types.ts': [
        "import type { bytes } from '../../meta/v1/scalars.js';",
        'export interface Spec {',
        '  /** +listType=atomic */',
        '  caBundle?: bytes;',
        '}',
      ].join('\n'),
    });
    assert.equal(struct(model, 'things/v1', 'Spec').fields[0]!.listType, 'atomic');
    assert.throws(
      () =>
        read({
          '/p/api-definitions/things/doc.ts': GROUP_DOC,
          '/p/api-definitions/things/v1/types.ts': 'export interface Spec {\n  /** +listType=atomic */\n  name?: string;\n}\n',
        }),
      (error: unknown) => error instanceof CodegenErrors && /\+listType is only allowed on arrays and bytes/.test(error.message),
    );
  });

  it('takes the JSON name of a quoted property without its quotes', () => {
    const model = read({
      '/p/api-definitions/things/doc.ts': GROUP_DOC,
      '/p/api-definitions/things/v1/types.ts': "export interface Schema { 'x-kubernetes-list-type'?: string; $ref?: string }\n",
    });
    assert.deepEqual(struct(model, 'things/v1', 'Schema').fields.map((f) => f.name), ['x-kubernetes-list-type', '$ref']);
  });
});

/**
 * A hand-built API model for the patch generator: a meta/v1 shaped like upstream's and a
 * `widgets` group whose v1 has every field shape and patch marker the generator handles —
 * merge lists of structs and scalars, retainKeys, replace, maps of lists, lists of lists,
 * free-form JSON, enums, aliases and a recursive type.
 */
import type {
  ApiModel,
  EnumModel,
  FieldModel,
  GroupModel,
  PackageModel,
  ScalarName,
  StructModel,
  TypeModel,
  TypeRef,
} from '../../../generators/model/types.js';

export const scalar = (name: ScalarName): TypeRef => ({ kind: 'scalar', name });
export const named = (pkg: string, name: string): TypeRef => ({ kind: 'named', ref: { pkg, name } });
export const array = (elem: TypeRef): TypeRef => ({ kind: 'array', elem });
export const map = (value: TypeRef): TypeRef => ({ kind: 'map', value });

type FieldOptions = Omit<Partial<FieldModel>, 'name' | 'type'>;

export function field(name: string, type: TypeRef, options: FieldOptions = {}): FieldModel {
  return {
    name,
    type,
    optional: true,
    doc: '',
    location: { file: 'api-definitions/widgets/v1/types.ts', line: 10 },
    inlined: false,
    validation: {},
    noAutoConversion: false,
    ...options,
  };
}

export function struct(
  pkg: string,
  name: string,
  fields: FieldModel[],
  options: Omit<Partial<StructModel>, 'id' | 'kind' | 'fields'> = {},
): StructModel {
  return {
    id: { pkg, name },
    kind: 'struct',
    doc: '',
    location: { file: `api-definitions/${pkg}/types.ts`, line: 1 },
    fields,
    isKind: false,
    isList: false,
    noAutoConversion: false,
    noProtobuf: false,
    ...options,
  };
}

function enumType(pkg: string, name: string, values: string[]): EnumModel {
  return {
    id: { pkg, name },
    kind: 'enum',
    doc: '',
    location: { file: `api-definitions/${pkg}/types.ts`, line: 1 },
    values,
  };
}

export function pkg(groupDir: string, version: string | null, types: TypeModel[]): PackageModel {
  const id = version === null ? groupDir : `${groupDir}/${version}`;
  return {
    id,
    groupDir,
    version,
    dir: `api-definitions/${id}`,
    types: [...types].sort((a, b) => (a.id.name < b.id.name ? -1 : 1)),
    handwritten: { conversions: [], defaulters: [] },
  };
}

export function group(
  dir: string,
  groupName: string,
  versions: PackageModel[],
  internal: PackageModel | null = null,
): GroupModel {
  return {
    dir,
    groupName,
    packagePath: groupName,
    internal,
    versions,
    location: { file: `api-definitions/${dir}/doc.ts`, line: 1 },
  };
}

const typeMeta = (): FieldModel[] => [
  field('apiVersion', scalar('string'), { inlined: true }),
  field('kind', scalar('string'), { inlined: true }),
];

const META = 'meta/v1';
const V1 = 'widgets/v1';

export const metaV1 = pkg('meta', 'v1', [
  struct(META, 'ObjectMeta', [
    field('name', scalar('string')),
    field('labels', map(scalar('string'))),
    field('finalizers', array(scalar('string')), { listType: 'set', patchStrategy: 'merge' }),
    field('ownerReferences', array(named(META, 'OwnerReference')), {
      listType: 'map',
      listMapKeys: ['uid'],
      patchStrategy: 'merge',
      patchMergeKey: 'uid',
    }),
    field('managedFields', array(named(META, 'ManagedFieldsEntry')), { listType: 'atomic' }),
  ]),
  struct(META, 'OwnerReference', [field('uid', scalar('string')), field('name', scalar('string'))], {
    structType: 'atomic',
  }),
  struct(META, 'ManagedFieldsEntry', [field('manager', scalar('string')), field('fieldsV1', scalar('FieldsV1'))]),
  struct(META, 'ListMeta', [field('resourceVersion', scalar('string'))]),
  struct(META, 'LabelSelector', [field('matchLabels', map(scalar('string')), { mapType: 'atomic' })], {
    structType: 'atomic',
  }),
]);

export const widgetsV1 = pkg('widgets', 'v1', [
  enumType(V1, 'Protocol', ['TCP', 'UDP']),
  {
    id: { pkg: V1, name: 'PortAlias' },
    kind: 'alias',
    doc: '',
    location: { file: 'x', line: 1 },
    target: named(V1, 'Port'),
  },
  struct(
    V1,
    'Widget',
    [...typeMeta(), field('metadata', named(META, 'ObjectMeta')), field('spec', named(V1, 'WidgetSpec'))],
    { isKind: true },
  ),
  struct(
    V1,
    'WidgetList',
    [...typeMeta(), field('metadata', named(META, 'ListMeta')), field('items', array(named(V1, 'Widget')))],
    { isKind: true, isList: true },
  ),
  struct(V1, 'WidgetSpec', [
    field('replicas', scalar('int32')),
    field('ports', array(named(V1, 'PortAlias')), {
      listType: 'map',
      listMapKeys: ['port', 'protocol'],
      patchStrategy: 'merge',
      patchMergeKey: 'port',
    }),
    field('volumes', array(named(V1, 'Volume')), { patchStrategy: 'merge,retainKeys', patchMergeKey: 'name' }),
    field('strategy', named(V1, 'Strategy'), { patchStrategy: 'retainKeys' }),
    field('selector', named(META, 'LabelSelector'), { patchStrategy: 'replace' }),
    field('tags', array(scalar('string')), { listType: 'set' }),
    field('protocols', array(named(V1, 'Protocol'))),
    field('portsByZone', map(array(named(V1, 'Port')))),
    field('matrix', array(array(scalar('int32')))),
    field('config', scalar('JSON')),
    field('template', scalar('RawExtension')),
    field('tree', named(V1, 'Node')),
  ]),
  struct(V1, 'Port', [field('port', scalar('int32')), field('protocol', named(V1, 'Protocol'))]),
  struct(V1, 'Volume', [
    field('name', scalar('string')),
    field('emptyDir', named(V1, 'Empty')),
    field('path', scalar('string')),
  ]),
  struct(V1, 'Empty', []),
  struct(V1, 'Strategy', [field('type', scalar('string')), field('rolling', named(V1, 'Empty'))]),
  struct(V1, 'Node', [
    field('name', scalar('string')),
    field('children', array(named(V1, 'Node')), { patchStrategy: 'merge', patchMergeKey: 'name' }),
  ]),
]);

/** The hub package: no wire form, so the generator ignores it. */
export const widgetsInternal = pkg('widgets', null, [struct('widgets', 'Widget', [field('size', scalar('int32'))])]);

export function sampleModel(): ApiModel {
  return {
    groups: [
      group('meta', 'meta.k8s.io', [metaV1]),
      group('widgets', 'widgets.example.com', [widgetsV1], widgetsInternal),
    ],
  };
}

/** The sample model with `edit` applied to the fields of widgets/v1's WidgetSpec. */
export function withSpecFields(edit: (fields: readonly FieldModel[]) => FieldModel[]): ApiModel {
  const model = sampleModel();
  return {
    groups: model.groups.map((g) => ({
      ...g,
      versions: g.versions.map((p) => ({
        ...p,
        types: p.types.map((t) =>
          t.kind === 'struct' && t.id.name === 'WidgetSpec' ? { ...t, fields: edit(t.fields) } : t,
        ),
      })),
    })),
  };
}

/**
 * A hand-built API model for the openapi and client generator tests: a meta/v1 package shaped
 * like upstream's, and a `widgets` group whose v1 uses every scalar, type shape and marker the
 * generators handle. Built as plain data so the tests do not depend on the reader.
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

const NO_FUNCTIONS = { conversions: [], defaulters: [] };

export const scalar = (name: ScalarName): TypeRef => ({ kind: 'scalar', name });
export const named = (pkg: string, name: string): TypeRef => ({ kind: 'named', ref: { pkg, name } });
export const array = (elem: TypeRef): TypeRef => ({ kind: 'array', elem });
export const map = (value: TypeRef): TypeRef => ({ kind: 'map', value });

type FieldOptions = Omit<Partial<FieldModel>, 'name' | 'type'>;

/** A field; optional unless `optional: false` is given, like most API fields. */
export function field(name: string, type: TypeRef, options: FieldOptions = {}): FieldModel {
  return {
    name,
    type,
    optional: true,
    doc: '',
    location: { file: 'api-definitions/test/types.ts', line: 1 },
    inlined: false,
    validation: {},
    noAutoConversion: false,
    ...options,
  };
}

export function required(name: string, type: TypeRef, options: FieldOptions = {}): FieldModel {
  return field(name, type, { ...options, optional: false });
}

type StructOptions = Omit<Partial<StructModel>, 'id' | 'kind' | 'fields'>;

export function struct(
  pkg: string,
  name: string,
  fields: FieldModel[],
  options: StructOptions = {},
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

export function enumType(pkg: string, name: string, values: string[]): EnumModel {
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
  const sorted = [...types].sort((a, b) => (a.id.name < b.id.name ? -1 : 1));
  return { id, groupDir, version, dir: `api-definitions/${id}`, types: sorted, handwritten: NO_FUNCTIONS };
}

export function group(
  dir: string,
  groupName: string,
  packagePath: string,
  internal: PackageModel | null,
  versions: PackageModel[],
): GroupModel {
  return {
    dir,
    groupName,
    packagePath,
    internal,
    versions,
    location: { file: `api-definitions/${dir}/doc.ts`, line: 1 },
  };
}

/** TypeMeta's fields as a kind inlines them. */
export function typeMetaFields(): FieldModel[] {
  return [
    field('apiVersion', scalar('string'), { inlined: true }),
    field('kind', scalar('string'), { inlined: true }),
  ];
}

const META = 'meta/v1';

export const metaV1 = pkg('meta', 'v1', [
  struct(META, 'TypeMeta', [field('apiVersion', scalar('string')), field('kind', scalar('string'))]),
  struct(
    META,
    'ObjectMeta',
    [
      field('name', scalar('string')),
      field('namespace', scalar('string')),
      field('labels', map(scalar('string'))),
      field('annotations', map(scalar('string'))),
      field('creationTimestamp', scalar('Time')),
      field('finalizers', array(scalar('string')), { listType: 'set', patchStrategy: 'merge' }),
      field('ownerReferences', array(named(META, 'OwnerReference')), {
        listType: 'map',
        listMapKeys: ['uid'],
        patchMergeKey: 'uid',
        patchStrategy: 'merge',
      }),
      field('managedFields', array(named(META, 'ManagedFieldsEntry')), { listType: 'atomic' }),
    ],
    { doc: 'Metadata every persisted object has.' },
  ),
  struct(
    META,
    'OwnerReference',
    [
      required('apiVersion', scalar('string')),
      required('kind', scalar('string')),
      required('name', scalar('string')),
      required('uid', scalar('string')),
      field('controller', scalar('boolean')),
    ],
    { structType: 'atomic' },
  ),
  struct(META, 'ManagedFieldsEntry', [
    field('manager', scalar('string')),
    field('time', scalar('Time')),
    field('fieldsV1', scalar('FieldsV1')),
  ]),
  struct(META, 'ListMeta', [
    field('resourceVersion', scalar('string')),
    field('continue', scalar('string')),
    field('remainingItemCount', scalar('int64')),
  ]),
  struct(
    META,
    'LabelSelector',
    [
      field('matchLabels', map(scalar('string'))),
      field('matchExpressions', array(named(META, 'LabelSelectorRequirement')), { listType: 'atomic' }),
    ],
    { structType: 'atomic' },
  ),
  struct(META, 'LabelSelectorRequirement', [
    required('key', scalar('string')),
    required('operator', named(META, 'LabelSelectorOperator')),
    field('values', array(scalar('string')), { listType: 'atomic' }),
  ]),
  enumType(META, 'LabelSelectorOperator', ['In', 'NotIn', 'Exists', 'DoesNotExist']),
  struct(
    META,
    'Status',
    [
      ...typeMetaFields(),
      field('metadata', named(META, 'ListMeta')),
      field('status', scalar('string')),
      field('message', scalar('string')),
      field('code', scalar('int32')),
    ],
    { isKind: true },
  ),
]);

const V1 = 'widgets/v1';

export const widgetsV1 = pkg('widgets', 'v1', [
  enumType(V1, 'Phase', ['Running', 'Pending', 'Failed']),
  enumType(V1, 'Protocol', ['UDP', 'TCP']),
  {
    id: { pkg: V1, name: 'PortRef' },
    kind: 'alias',
    doc: '',
    location: { file: 'x', line: 1 },
    target: named(V1, 'WidgetPort'),
  },
  struct(
    V1,
    'Widget',
    [
      ...typeMetaFields(),
      field('metadata', named(META, 'ObjectMeta')),
      field('spec', named(V1, 'WidgetSpec'), { default: {}, doc: 'What the widget should be.' }),
      field('status', named(V1, 'WidgetStatus')),
    ],
    { isKind: true, doc: 'A widget: the test kind.\n\nIt has a second paragraph.' },
  ),
  struct(
    V1,
    'WidgetList',
    [
      ...typeMetaFields(),
      field('metadata', named(META, 'ListMeta')),
      required('items', array(named(V1, 'Widget'))),
    ],
    { isKind: true, isList: true },
  ),
  struct(V1, 'WidgetPort', [
    required('name', scalar('string')),
    field('protocol', named(V1, 'Protocol'), { default: 'TCP' }),
    required('port', scalar('int32'), { validation: { minimum: 1, maximum: 65535 } }),
  ]),
  struct(V1, 'WidgetSpec', [
    required('name', scalar('string'), {
      validation: { minLength: 1, maxLength: 63, pattern: '^[a-z]([-a-z0-9]*[a-z0-9])?$' },
    }),
    field('enabled', scalar('boolean')),
    field('replicas', scalar('int32'), {
      default: 1,
      doc: 'How many replicas to run.',
      validation: { minimum: 0 },
    }),
    field('generation', scalar('int64')),
    field('ratio', scalar('float64'), {
      validation: { minimum: 0, exclusiveMinimum: true, maximum: 1, multipleOf: 0.25 },
    }),
    field('payload', scalar('bytes')),
    field('startTime', scalar('Time')),
    field('heartbeat', scalar('MicroTime')),
    field('memory', scalar('Quantity')),
    field('port', scalar('IntOrString')),
    field('timeout', scalar('Duration')),
    field('template', scalar('RawExtension'), {
      validation: { embeddedResource: true, preserveUnknownFields: true },
    }),
    field('config', scalar('JSON')),
    field('managed', scalar('FieldsV1')),
    field('phase', named(V1, 'Phase'), { default: 'Pending' }),
    field('phases', array(named(V1, 'Phase'))),
    field('tags', array(scalar('string')), {
      listType: 'set',
      validation: { uniqueItems: true, maxItems: 16 },
    }),
    field('ports', array(named(V1, 'WidgetPort')), {
      listType: 'map',
      listMapKeys: ['name', 'protocol'],
      patchMergeKey: 'name',
      patchStrategy: 'merge',
    }),
    field('selector', named(META, 'LabelSelector'), { patchStrategy: 'replace' }),
    field('primaryPort', named(V1, 'PortRef')),
    field('annotations', map(scalar('string')), {
      mapType: 'atomic',
      validation: { minProperties: 1, maxProperties: 8 },
    }),
    field('limits', map(scalar('Quantity')), { mapType: 'granular' }),
    field('matrix', array(array(scalar('int32')))),
    field('portsByZone', map(array(named(V1, 'WidgetPort')))),
    field('email', scalar('string'), { validation: { format: 'email' } }),
    field('mode', scalar('string'), { validation: { enum: ['Fast', 'Slow'] } }),
    field('target', scalar('IntOrString'), { validation: { intOrString: true } }),
    field('slot', scalar('int32'), { validation: { maximum: 10, exclusiveMaximum: true } }),
  ]),
  struct(V1, 'WidgetStatus', [
    field('observedGeneration', scalar('int64')),
    field('readyReplicas', scalar('int32')),
    field('conditions', array(named(V1, 'WidgetCondition')), {
      listType: 'map',
      listMapKeys: ['type'],
      patchMergeKey: 'type',
      patchStrategy: 'merge',
    }),
  ]),
  struct(
    V1,
    'WidgetCondition',
    [
      required('type', scalar('string')),
      required('status', scalar('string')),
      field('lastTransitionTime', scalar('Time')),
      field('message', scalar('string')),
    ],
    { structType: 'atomic' },
  ),
]);

const V1BETA1 = 'widgets/v1beta1';

export const widgetsV1beta1 = pkg('widgets', 'v1beta1', [
  struct(
    V1BETA1,
    'Widget',
    [
      ...typeMetaFields(),
      field('metadata', named(META, 'ObjectMeta')),
      field('spec', named(V1BETA1, 'WidgetSpec')),
    ],
    {
      isKind: true,
    },
  ),
  struct(V1BETA1, 'WidgetSpec', [field('size', scalar('int32'))]),
]);

/** The hub package: it has no wire form, so the generators must ignore it. */
export const widgetsInternal = pkg('widgets', null, [
  struct('widgets', 'Widget', [field('size', scalar('int32'))]),
]);

export const sampleModel: ApiModel = {
  groups: [
    group('meta', 'meta.k8s.io', 'k8s.io/apimachinery/pkg/apis/meta', null, [metaV1]),
    group('widgets', 'widgets.example.com', 'widgets.example.com', widgetsInternal, [
      widgetsV1,
      widgetsV1beta1,
    ]),
  ],
};

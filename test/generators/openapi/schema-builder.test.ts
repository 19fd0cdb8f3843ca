import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CodegenError } from '../../../generators/errors.js';
import { ModelIndex } from '../../../generators/model/lookup.js';
import type { FieldModel } from '../../../generators/model/types.js';
import { OPENAPI_V2, OPENAPI_V3 } from '../../../generators/openapi/flavour.js';
import type { Schema } from '../../../generators/openapi/schema.js';
import { SchemaBuilder } from '../../../generators/openapi/schema-builder.js';
import {
  array,
  field,
  group,
  map,
  named,
  pkg,
  required,
  sampleModel,
  scalar,
  struct,
} from './sample-model.js';

const v2 = new SchemaBuilder(new ModelIndex(sampleModel), OPENAPI_V2);
const v3 = new SchemaBuilder(new ModelIndex(sampleModel), OPENAPI_V3);

const D = '#/definitions/';
const C = '#/components/schemas/';
const META = 'io.k8s.apimachinery.pkg.apis.meta.v1.';

/** [name, field, v2 schema, v3 schema (same as v2 with refs moved when omitted)]. */
const fields: [string, FieldModel, Schema, Schema?][] = [
  ['string', field('f', scalar('string')), { type: 'string' }],
  ['boolean', field('f', scalar('boolean')), { type: 'boolean' }],
  ['int32', field('f', scalar('int32')), { type: 'integer', format: 'int32' }],
  ['int64', field('f', scalar('int64')), { type: 'integer', format: 'int64' }],
  ['float64', field('f', scalar('float64')), { type: 'number', format: 'double' }],
  ['bytes', field('f', scalar('bytes')), { type: 'string', format: 'byte' }],
  ['Duration is a plain string', field('f', scalar('Duration')), { type: 'string' }],
  [
    'JSON preserves unknown fields',
    field('f', scalar('JSON')),
    { 'x-kubernetes-preserve-unknown-fields': true },
  ],
  ['Time', field('f', scalar('Time')), { $ref: `${D}${META}Time` }],
  ['MicroTime', field('f', scalar('MicroTime')), { $ref: `${D}${META}MicroTime` }],
  ['FieldsV1', field('f', scalar('FieldsV1')), { $ref: `${D}${META}FieldsV1` }],
  ['Quantity', field('f', scalar('Quantity')), { $ref: `${D}io.k8s.apimachinery.pkg.api.resource.Quantity` }],
  [
    'IntOrString',
    field('f', scalar('IntOrString')),
    { $ref: `${D}io.k8s.apimachinery.pkg.util.intstr.IntOrString` },
  ],
  [
    'RawExtension',
    field('f', scalar('RawExtension')),
    { $ref: `${D}io.k8s.apimachinery.pkg.runtime.RawExtension` },
  ],
  ['array', field('f', array(scalar('string'))), { type: 'array', items: { type: 'string' } }],
  [
    'map',
    field('f', map(scalar('int32'))),
    { type: 'object', additionalProperties: { type: 'integer', format: 'int32' } },
  ],
  [
    'array of arrays',
    field('f', array(array(scalar('string')))),
    { type: 'array', items: { type: 'array', items: { type: 'string' } } },
  ],
  [
    'map of arrays of structs',
    field('f', map(array(named('widgets/v1', 'WidgetPort')))),
    {
      type: 'object',
      additionalProperties: { type: 'array', items: { $ref: `${D}com.example.widgets.v1.WidgetPort` } },
    },
  ],
  [
    'struct of another package',
    field('f', named('meta/v1', 'ObjectMeta')),
    { $ref: `${D}${META}ObjectMeta` },
  ],
  [
    'alias of a struct resolves to the struct',
    field('f', named('widgets/v1', 'PortRef')),
    { $ref: `${D}com.example.widgets.v1.WidgetPort` },
  ],
  [
    'enum: plain string in v2, sorted values in v3',
    field('f', named('widgets/v1', 'Phase')),
    { type: 'string' },
    { type: 'string', enum: ['Failed', 'Pending', 'Running'] },
  ],
  [
    'array of enums',
    field('f', array(named('widgets/v1', 'Protocol'))),
    { type: 'array', items: { type: 'string' } },
    { type: 'array', items: { type: 'string', enum: ['TCP', 'UDP'] } },
  ],
  [
    'doc becomes description',
    field('f', scalar('string'), { doc: ' Says why. \n' }),
    { type: 'string', description: 'Says why.' },
  ],
  [
    'description beside a $ref: sibling in v2, allOf in v3',
    field('f', scalar('Time'), { doc: 'When.' }),
    { $ref: `${D}${META}Time`, description: 'When.' },
    { allOf: [{ $ref: `${C}${META}Time` }], description: 'When.' },
  ],
  [
    'default: v3 only',
    field('f', scalar('int32'), { default: 1 }),
    { type: 'integer', format: 'int32' },
    { type: 'integer', format: 'int32', default: 1 },
  ],
  [
    'default of a struct: v3 wraps the $ref',
    field('f', named('widgets/v1', 'WidgetSpec'), { default: {} }),
    { $ref: `${D}com.example.widgets.v1.WidgetSpec` },
    { allOf: [{ $ref: `${C}com.example.widgets.v1.WidgetSpec` }], default: {} },
  ],
  [
    'list type map with keys and patch metadata',
    field('f', array(named('meta/v1', 'OwnerReference')), {
      listType: 'map',
      listMapKeys: ['uid', 'kind'],
      patchMergeKey: 'uid',
      patchStrategy: 'merge',
    }),
    {
      type: 'array',
      items: { $ref: `${D}${META}OwnerReference` },
      'x-kubernetes-list-type': 'map',
      'x-kubernetes-list-map-keys': ['uid', 'kind'],
      'x-kubernetes-patch-merge-key': 'uid',
      'x-kubernetes-patch-strategy': 'merge',
    },
  ],
  [
    'map type',
    field('f', map(scalar('string')), { mapType: 'atomic' }),
    { type: 'object', additionalProperties: { type: 'string' }, 'x-kubernetes-map-type': 'atomic' },
  ],
  [
    'patch strategy beside a $ref',
    field('f', named('meta/v1', 'LabelSelector'), { patchStrategy: 'retainKeys' }),
    { $ref: `${D}${META}LabelSelector`, 'x-kubernetes-patch-strategy': 'retainKeys' },
    { allOf: [{ $ref: `${C}${META}LabelSelector` }], 'x-kubernetes-patch-strategy': 'retainKeys' },
  ],
  [
    'numeric validation markers',
    field('f', scalar('float64'), {
      validation: {
        minimum: 0,
        exclusiveMinimum: true,
        maximum: 5,
        exclusiveMaximum: false,
        multipleOf: 0.5,
      },
    }),
    {
      type: 'number',
      format: 'double',
      minimum: 0,
      exclusiveMinimum: true,
      maximum: 5,
      exclusiveMaximum: false,
      multipleOf: 0.5,
    },
  ],
  [
    'string validation markers',
    field('f', scalar('string'), {
      validation: { minLength: 1, maxLength: 3, pattern: '^a', format: 'email', enum: ['a', 'b'] },
    }),
    { type: 'string', minLength: 1, maxLength: 3, pattern: '^a', format: 'email', enum: ['a', 'b'] },
  ],
  [
    'a Format marker equal to the type format is not repeated',
    field('f', scalar('int64'), { validation: { format: 'int64' } }),
    { type: 'integer', format: 'int64' },
  ],
  [
    'array and map validation markers',
    field('f', array(scalar('string')), { validation: { minItems: 1, maxItems: 2, uniqueItems: true } }),
    { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 2, uniqueItems: true },
  ],
  [
    'map size markers',
    field('f', map(scalar('string')), { validation: { minProperties: 1, maxProperties: 2 } }),
    { type: 'object', additionalProperties: { type: 'string' }, minProperties: 1, maxProperties: 2 },
  ],
  [
    'x-kubernetes extension markers',
    field('f', scalar('RawExtension'), {
      validation: { preserveUnknownFields: true, embeddedResource: true },
    }),
    {
      $ref: `${D}io.k8s.apimachinery.pkg.runtime.RawExtension`,
      'x-kubernetes-preserve-unknown-fields': true,
      'x-kubernetes-embedded-resource': true,
    },
    {
      allOf: [{ $ref: `${C}io.k8s.apimachinery.pkg.runtime.RawExtension` }],
      'x-kubernetes-preserve-unknown-fields': true,
      'x-kubernetes-embedded-resource': true,
    },
  ],
  [
    'int-or-string marker',
    field('f', scalar('string'), { validation: { intOrString: true } }),
    { type: 'string', 'x-kubernetes-int-or-string': true },
  ],
];

/** The v2 schema with its refs pointing into components, for rows where v3 differs in nothing else. */
function asV3(schema: Schema): Schema {
  return JSON.parse(JSON.stringify(schema).replaceAll(`"${D}`, `"${C}`)) as Schema;
}

describe('SchemaBuilder.fieldSchema', () => {
  for (const [name, given, wantV2, wantV3] of fields) {
    it(name, () => {
      assert.deepEqual(v2.fieldSchema(given), wantV2, 'v2');
      assert.deepEqual(v3.fieldSchema(given), wantV3 ?? asV3(wantV2), 'v3');
    });
  }
});

describe('SchemaBuilder.structSchema', () => {
  const rows: [string, Parameters<typeof struct>, Schema][] = [
    ['an empty struct is a bare object', ['widgets/v1', 'Empty', []], { type: 'object' }],
    [
      'required lists the non-optional fields in field order',
      [
        'widgets/v1',
        'S',
        [required('z', scalar('string')), field('m', scalar('string')), required('a', scalar('string'))],
      ],
      {
        type: 'object',
        properties: { z: { type: 'string' }, m: { type: 'string' }, a: { type: 'string' } },
        required: ['z', 'a'],
      },
    ],
    [
      'a kind carries its group, version and kind',
      ['widgets/v1', 'Widget', [], { isKind: true, doc: 'A widget.' }],
      {
        type: 'object',
        description: 'A widget.',
        'x-kubernetes-group-version-kind': [{ group: 'widgets.example.com', kind: 'Widget', version: 'v1' }],
      },
    ],
    [
      'structType is the map type of the definition',
      ['widgets/v1', 'S', [], { structType: 'atomic' }],
      { type: 'object', 'x-kubernetes-map-type': 'atomic' },
    ],
  ];
  for (const [name, args, want] of rows) {
    it(name, () => assert.deepEqual(v2.structSchema(struct(...args)), want));
  }
});

describe('SchemaBuilder errors', () => {
  it('rejects a versioned field that uses an internal type, naming the field', () => {
    const location = { file: 'api-definitions/widgets/v1/types.ts', line: 7 };
    assert.throws(
      () => v2.fieldSchema(field('hub', named('widgets', 'Widget'), { location })),
      (error: unknown) =>
        error instanceof CodegenError &&
        error.location === location &&
        /field hub/.test(error.message) &&
        /internal package/.test(error.message),
    );
  });

  it('rejects a reference to an unknown type', () => {
    assert.throws(
      () => v2.fieldSchema(field('f', named('widgets/v1', 'Missing'))),
      /unknown type widgets\/v1\.Missing/,
    );
  });

  it('names the core group kinds with an empty group', () => {
    const core = pkg('core', 'v1', [struct('core/v1', 'Pod', [], { isKind: true })]);
    const model = { groups: [group('core', '', 'k8s.io/api/core', null, [core])] };
    const schema = new SchemaBuilder(new ModelIndex(model), OPENAPI_V2).structSchema(core.types[0] as never);
    assert.deepEqual(schema['x-kubernetes-group-version-kind'], [{ group: '', kind: 'Pod', version: 'v1' }]);
  });
});

/**
 * The definitions of a CRD version against the shape upstream publishes for it: names, TypeMeta
 * and ObjectMeta properties, the list kind, group-version-kind extensions, and what the v2 form
 * drops.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { JSONSchemaProps } from '../../../../api-definitions/apiextensions/v1/types.js';
import { buildCRDDefinitions, buildVersionDefinitions, definitionName } from '../../../../runtime/apiservers/extensions/openapi/builder.js';
import { fooSchema, sampleCRD } from './fixtures.js';

type Json = Record<string, unknown>;

const withoutAdded = (s: Json): Json => {
  const copy = structuredClone(s);
  const props = copy['properties'] as Json;
  delete props['apiVersion'];
  delete props['kind'];
  delete props['metadata'];
  delete copy['x-kubernetes-group-version-kind'];
  return copy;
};

describe('definitionName', () => {
  const rows: [string, { group: string; version: string; kind: string; want: string }][] = [
    ['reversed group', { group: 'stable.example.com', version: 'v1', kind: 'CronTab', want: 'com.example.stable.v1.CronTab' }],
    ['dashes kept', { group: 'crd-publish-openapi-test-foo.example.com', version: 'v6alpha1', kind: 'E2e-test-foo', want: 'com.example.crd-publish-openapi-test-foo.v6alpha1.E2e-test-foo' }],
    ['single label', { group: 'example', version: 'v2', kind: 'Thing', want: 'example.v2.Thing' }],
  ];
  for (const [name, { group, version, kind, want }] of rows) it(name, () => assert.equal(definitionName(group, version, kind), want));
});

describe('buildVersionDefinitions v3', () => {
  const defs = buildVersionDefinitions(sampleCRD(), 'v1', 'v3');

  it('publishes the kind and its list', () => {
    assert.deepEqual(Object.keys(defs).sort(), ['com.example.stable.v1.Foo', 'com.example.stable.v1.FooList']);
  });
  it('keeps the schema and adds apiVersion, kind and metadata (ObjectMeta)', () => {
    const foo = defs['com.example.stable.v1.Foo'];
    assert.deepEqual(withoutAdded(foo), fooSchema);
    const props = foo['properties'] as Record<string, Json>;
    assert.deepEqual(props['apiVersion']['type'], 'string');
    assert.match(String(props['apiVersion']['description']), /^APIVersion defines/);
    assert.deepEqual(props['kind']['type'], 'string');
    // under allOf, so that kubectl explain shows the field's own description beside ObjectMeta's
    assert.deepEqual(props['metadata']['allOf'], [{ $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta' }]);
    assert.match(String(props['metadata']['description']), /^Standard object's metadata/);
    assert.deepEqual(foo['x-kubernetes-group-version-kind'], [{ group: 'stable.example.com', kind: 'Foo', version: 'v1' }]);
  });
  it('lists items by reference, with ListMeta', () => {
    const list = defs['com.example.stable.v1.FooList'];
    assert.equal(list['description'], 'FooList is a list of Foo');
    assert.equal(list['type'], 'object');
    assert.deepEqual(list['required'], ['items']);
    const props = list['properties'] as Record<string, Json>;
    assert.deepEqual((props['items'] as Json)['items'], { $ref: '#/components/schemas/com.example.stable.v1.Foo' });
    assert.equal(props['items']['type'], 'array');
    assert.deepEqual(props['metadata']['allOf'], [{ $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta' }]);
    assert.deepEqual(list['x-kubernetes-group-version-kind'], [{ group: 'stable.example.com', kind: 'FooList', version: 'v1' }]);
  });
  it('keeps nullable, junctors and defaults', () => {
    const schema: JSONSchemaProps = {
      type: 'object',
      properties: {
        spec: {
          type: 'object',
          properties: {
            a: { type: 'string', nullable: true, default: 'x' },
            b: { type: 'integer', anyOf: [{ minimum: 1 }, { maximum: -1 }] },
          },
        },
      },
    };
    const spec = ((buildVersionDefinitions(sampleCRD({ versions: [{ name: 'v1', schema }] }), 'v1', 'v3')['com.example.stable.v1.Foo']['properties'] as Json)['spec'] as Json)['properties'] as Json;
    assert.deepEqual(spec['a'], { type: 'string', nullable: true, default: 'x' });
    assert.deepEqual(spec['b'], { type: 'integer', anyOf: [{ minimum: 1 }, { maximum: -1 }] });
  });
  it('unfolds x-kubernetes-int-or-string into anyOf', () => {
    const schema: JSONSchemaProps = { type: 'object', properties: { port: { 'x-kubernetes-int-or-string': true } } };
    const port = (buildVersionDefinitions(sampleCRD({ versions: [{ name: 'v1', schema }] }), 'v1', 'v3')['com.example.stable.v1.Foo']['properties'] as Json)['port'];
    assert.deepEqual(port, { 'x-kubernetes-int-or-string': true, anyOf: [{ type: 'integer' }, { type: 'string' }] });
  });
  it('drops what a structural schema cannot hold', () => {
    const schema: JSONSchemaProps = { type: 'object', properties: { s: { type: 'string', example: 'e', externalDocs: { url: 'https://example.com' } } } };
    const s = (buildVersionDefinitions(sampleCRD({ versions: [{ name: 'v1', schema }] }), 'v1', 'v3')['com.example.stable.v1.Foo']['properties'] as Json)['s'];
    assert.deepEqual(s, { type: 'string' });
  });
  it('gives embedded resources TypeMeta and ObjectMeta and requires apiVersion and kind', () => {
    const schema: JSONSchemaProps = {
      type: 'object',
      properties: { template: { type: 'object', 'x-kubernetes-embedded-resource': true, properties: { spec: { type: 'object' } } } },
    };
    const template = (buildVersionDefinitions(sampleCRD({ versions: [{ name: 'v1', schema }] }), 'v1', 'v3')['com.example.stable.v1.Foo']['properties'] as Json)['template'] as Json;
    assert.deepEqual(Object.keys(template['properties'] as Json).sort(), ['apiVersion', 'kind', 'metadata', 'spec']);
    assert.deepEqual(template['required'], ['kind', 'apiVersion']);
  });
  it('keeps the properties of a root that preserves unknown fields', () => {
    const schema: JSONSchemaProps = { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
    const foo = buildVersionDefinitions(sampleCRD({ versions: [{ name: 'v1', schema }] }), 'v1', 'v3')['com.example.stable.v1.Foo'];
    assert.equal(foo['x-kubernetes-preserve-unknown-fields'], true);
    assert.deepEqual(Object.keys(foo['properties'] as Json).sort(), ['apiVersion', 'kind', 'metadata']);
  });
});

describe('buildVersionDefinitions v2', () => {
  it('is the v3 schema with v2 references when nothing needs dropping', () => {
    const foo = buildVersionDefinitions(sampleCRD(), 'v1', 'v2')['com.example.stable.v1.Foo'];
    assert.deepEqual(withoutAdded(foo), fooSchema);
    assert.equal(((foo['properties'] as Json)['metadata'] as Json)['$ref'], '#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta');
    const list = buildVersionDefinitions(sampleCRD(), 'v1', 'v2')['com.example.stable.v1.FooList'];
    assert.deepEqual(((list['properties'] as Json)['items'] as Json)['items'], { $ref: '#/definitions/com.example.stable.v1.Foo' });
  });
  it('publishes a bare object for a root that preserves unknown fields', () => {
    const schema: JSONSchemaProps = { type: 'object', 'x-kubernetes-preserve-unknown-fields': true, properties: { spec: { type: 'object' } } };
    const foo = buildVersionDefinitions(sampleCRD({ versions: [{ name: 'v1', schema }] }), 'v1', 'v2')['com.example.stable.v1.Foo'];
    assert.deepEqual(foo, { type: 'object', 'x-kubernetes-group-version-kind': [{ group: 'stable.example.com', kind: 'Foo', version: 'v1' }] });
  });
  it('drops nullable (with the type and shape), junctors and defaults, and unrequires nullable fields', () => {
    const schema: JSONSchemaProps = {
      type: 'object',
      properties: {
        spec: {
          type: 'object',
          required: ['a', 'b'],
          properties: {
            a: { type: 'object', nullable: true, properties: { x: { type: 'string' } } },
            b: { type: 'integer', default: 3, oneOf: [{ minimum: 1 }, { maximum: -1 }], not: { enum: [0] } },
          },
        },
      },
    };
    const spec = (buildVersionDefinitions(sampleCRD({ versions: [{ name: 'v1', schema }] }), 'v1', 'v2')['com.example.stable.v1.Foo']['properties'] as Json)['spec'];
    assert.deepEqual(spec, { type: 'object', required: ['b'], properties: { a: {}, b: { type: 'integer' } } });
  });
  it('strips the declared shape of nested nodes that preserve unknown fields, and untyped arrays', () => {
    const schema: JSONSchemaProps = {
      description: 'preserve-unknown-properties in nested field for Testing',
      type: 'object',
      properties: {
        spec: { description: 'Specification of Waldo', type: 'object', 'x-kubernetes-preserve-unknown-fields': true, properties: { dummy: { type: 'object' } } },
        list: { type: 'array', 'x-kubernetes-preserve-unknown-fields': true, items: { type: 'string' } },
      },
    };
    const foo = buildVersionDefinitions(sampleCRD({ versions: [{ name: 'v1', schema }] }), 'v1', 'v2')['com.example.stable.v1.Foo'];
    const props = foo['properties'] as Json;
    assert.equal(foo['description'], 'preserve-unknown-properties in nested field for Testing');
    assert.deepEqual(props['spec'], { description: 'Specification of Waldo', 'x-kubernetes-preserve-unknown-fields': true });
    assert.deepEqual(props['list'], { 'x-kubernetes-preserve-unknown-fields': true });
  });
  it('does not add metadata to an embedded resource that preserves unknown fields', () => {
    const schema: JSONSchemaProps = {
      type: 'object',
      properties: { template: { type: 'object', 'x-kubernetes-embedded-resource': true, 'x-kubernetes-preserve-unknown-fields': true } },
    };
    const template = (buildVersionDefinitions(sampleCRD({ versions: [{ name: 'v1', schema }] }), 'v1', 'v2')['com.example.stable.v1.Foo']['properties'] as Json)['template'];
    assert.deepEqual(template, { 'x-kubernetes-embedded-resource': true, 'x-kubernetes-preserve-unknown-fields': true });
  });
});

describe('selectable fields', () => {
  it('publishes the version\'s selectableFields as x-kubernetes-selectable-fields, in both flavors', () => {
    const crd = sampleCRD();
    crd.spec.versions[0].selectableFields = [{ jsonPath: '.spec.color' }, { jsonPath: '.spec.size' }];
    for (const flavor of ['v2', 'v3'] as const) {
      const foo = buildVersionDefinitions(crd, 'v1', flavor)['com.example.stable.v1.Foo'];
      assert.deepEqual(foo['x-kubernetes-selectable-fields'], [{ fieldPath: 'spec.color' }, { fieldPath: 'spec.size' }], flavor);
    }
    assert.equal(buildVersionDefinitions(sampleCRD(), 'v1', 'v3')['com.example.stable.v1.Foo']['x-kubernetes-selectable-fields'], undefined);
  });
});

describe('buildCRDDefinitions', () => {
  it('publishes every served version and leaves unserved ones out', () => {
    const crd = sampleCRD({ versions: [{ name: 'v5' }, { name: 'v6alpha1', served: false }, { name: 'v7' }] });
    assert.deepEqual(Object.keys(buildCRDDefinitions(crd, 'v2')).sort(), [
      'com.example.stable.v5.Foo',
      'com.example.stable.v5.FooList',
      'com.example.stable.v7.Foo',
      'com.example.stable.v7.FooList',
    ]);
  });
  it('publishes an untyped object for a schema that is not structural', () => {
    const schema = { type: 'object', properties: { spec: { properties: { a: { type: 'string' } } } } } as JSONSchemaProps;
    const foo = buildCRDDefinitions(sampleCRD({ versions: [{ name: 'v1', schema }] }), 'v3')['com.example.stable.v1.Foo'];
    assert.deepEqual(foo, { type: 'object', 'x-kubernetes-group-version-kind': [{ group: 'stable.example.com', kind: 'Foo', version: 'v1' }] });
  });
});

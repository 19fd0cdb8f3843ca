import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ModelIndex } from '../../../generators/model/lookup.js';
import {
  buildDefinitions,
  buildPackageSchemas,
  buildSchemas,
  packageGroupVersionKinds,
  versionedPackages,
} from '../../../generators/openapi/definitions.js';
import { OPENAPI_V2 } from '../../../generators/openapi/flavour.js';
import { collectRefs, type SchemaMap } from '../../../generators/openapi/schema.js';
import { scalarDefinitions } from '../../../generators/openapi/scalars.js';
import {
  group,
  metaV1,
  pkg,
  sampleModel,
  scalar,
  struct,
  field,
  widgetsInternal,
  widgetsV1,
} from './sample-model.js';

const index = new ModelIndex(sampleModel);

function danglingRefs(schemas: SchemaMap, prefix: string): string[] {
  return Object.values(schemas)
    .flatMap((schema) => collectRefs(schema))
    .filter((ref) => !(ref.startsWith(prefix) && ref.slice(prefix.length) in schemas));
}

describe('buildDefinitions and buildSchemas', () => {
  const rows: [string, SchemaMap, string][] = [
    ['v2 definitions', buildDefinitions(sampleModel), '#/definitions/'],
    ['v3 schemas', buildSchemas(sampleModel), '#/components/schemas/'],
  ];
  for (const [name, schemas, prefix] of rows) {
    it(`${name}: every $ref resolves within the document`, () =>
      assert.deepEqual(danglingRefs(schemas, prefix), []));

    it(`${name}: one entry per struct of a versioned package, plus the scalars`, () => {
      const structs = versionedPackages(sampleModel).flatMap((p) =>
        p.types.filter((t) => t.kind === 'struct'),
      );
      assert.equal(Object.keys(schemas).length, structs.length + Object.keys(scalarDefinitions()).length);
    });

    it(`${name}: names are sorted`, () => {
      const names = Object.keys(schemas);
      assert.deepEqual(names, [...names].sort());
    });
  }

  it('includes the scalar definitions even without a meta/v1 package', () => {
    const model = {
      groups: [group('things', 'things.example.com', 'things.example.com', null, [pkg('things', 'v1', [])])],
    };
    assert.deepEqual(buildDefinitions(model), scalarDefinitions());
  });

  it('leaves out enums and aliases, which are inlined where used', () => {
    const names = Object.keys(buildDefinitions(sampleModel));
    for (const name of ['Phase', 'Protocol', 'PortRef']) {
      assert.ok(!names.includes(`com.example.widgets.v1.${name}`), name);
    }
  });
});

describe('buildPackageSchemas', () => {
  it('gives an internal package nothing', () => {
    assert.deepEqual(buildPackageSchemas(index, widgetsInternal, OPENAPI_V2), {});
  });

  it('gives meta/v1 the scalar definitions', () => {
    const names = Object.keys(buildPackageSchemas(index, metaV1, OPENAPI_V2));
    assert.ok(names.includes('io.k8s.apimachinery.pkg.util.intstr.IntOrString'));
    assert.ok(
      !Object.keys(buildPackageSchemas(index, widgetsV1, OPENAPI_V2)).includes(
        'io.k8s.apimachinery.pkg.util.intstr.IntOrString',
      ),
    );
  });

  it('sorts properties by name', () => {
    const model = {
      groups: [
        group('g', 'g.io', 'g.io', null, [
          pkg('g', 'v1', [struct('g/v1', 'T', [field('b', scalar('string')), field('a', scalar('string'))])]),
        ]),
      ],
    };
    const schemas = buildPackageSchemas(new ModelIndex(model), model.groups[0].versions[0], OPENAPI_V2);
    assert.deepEqual(Object.keys(schemas['io.g.v1.T'].properties ?? {}), ['a', 'b']);
  });
});

describe('packageGroupVersionKinds', () => {
  it('lists the kinds of a package, sorted', () => {
    assert.deepEqual(packageGroupVersionKinds(index, widgetsV1), [
      { group: 'widgets.example.com', kind: 'Widget', version: 'v1' },
      { group: 'widgets.example.com', kind: 'WidgetList', version: 'v1' },
    ]);
  });
});

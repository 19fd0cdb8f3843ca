/** The importer's modules on their own: inputs, proto overlay, resources, field order, names. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ImportError, parseSource, type OpenApiDocument } from '../../../generators/import/document.js';
import { knownPackage, PackageTable } from '../../../generators/import/packages.js';
import { parseProto } from '../../../generators/import/proto.js';
import { applyProto } from '../../../generators/import/proto-overlay.js';
import { resourceMarkers, resourcesFromPaths } from '../../../generators/import/resources.js';
import type { Schema } from '../../../generators/import/schema.js';
import { singular } from '../../../generators/import/transform/names.js';
import { orderProperties } from '../../../generators/import/transform/object.js';

describe('parseSource', () => {
  it('tells OpenAPI v2, OpenAPI v3 and CRDs apart', () => {
    assert.equal(parseSource('{"swagger": "2.0", "definitions": {}}', 'a').format, 'openapi-v2');
    assert.equal(parseSource('openapi: 3.0.0\ncomponents: {schemas: {}}\n', 'b').format, 'openapi-v3');
    const crds = parseSource('kind: List\nitems:\n  - kind: CustomResourceDefinition\n    spec: {}\n', 'c');
    assert.equal(crds.format === 'crd' && crds.crds.length, 1);
  });

  it('rejects what it cannot read, naming the file', () => {
    assert.throws(() => parseSource('kind: ConfigMap\n', 'cm.yaml'), (e: unknown) => e instanceof ImportError && /^cm\.yaml: neither/.test(e.message));
    assert.throws(() => parseSource('{"swagger":', 'bad.json'), (e: unknown) => e instanceof ImportError && /^bad\.json: /.test(e.message));
  });
});

describe('applyProto', () => {
  const target = knownPackage('admission', 'k8s.io/api/admission', 'v1');
  const P = `${target.openapiPrefix}.`;
  const strings: Schema = { type: 'array', items: { type: 'string' } };
  const proto = parseProto(
    `syntax = "proto2";
package k8s.io.api.admission.v1;
message Rule { repeated string apiGroups = 1; optional string scope = 2; }
message RuleWithOperations { repeated string operations = 1; optional Rule rule = 2; }
message NamedRule { repeated string resourceNames = 1; optional RuleWithOperations ruleWithOperations = 2; }
message Reference { optional string aPIGroup = 1; optional string name = 2; }`,
    'generated.proto',
  );
  const overlay = applyProto({
    definitions: {
      [`${P}RuleWithOperations`]: { type: 'object', properties: { apiGroups: strings, operations: strings, scope: { type: 'string' } } },
      [`${P}NamedRule`]: {
        type: 'object',
        required: ['scope'],
        properties: { apiGroups: strings, operations: strings, resourceNames: strings, scope: { type: 'string' } },
      },
      [`${P}Reference`]: { type: 'object', properties: { apiGroup: { type: 'string' }, name: { type: 'string' } } },
    },
    refPrefix: '#/definitions/',
    target,
    packages: new PackageTable([target]),
    proto,
    isKind: () => false,
  });

  it('splits a struct embedded two levels deep into the definitions it extends', () => {
    assert.deepEqual(overlay.embeds.get(`${P}NamedRule`), [{ definition: `${P}RuleWithOperations`, protobuf: 2 }]);
    assert.deepEqual(Object.keys(overlay.definitions[`${P}NamedRule`]!.properties!), ['resourceNames']);
    assert.equal(overlay.definitions[`${P}NamedRule`]!.required, undefined, 'scope went with its property');
    assert.deepEqual(overlay.embeds.get(`${P}RuleWithOperations`), [{ definition: `${P}Rule`, protobuf: 2 }]);
    assert.deepEqual(Object.keys(overlay.definitions[`${P}Rule`]!.properties!), ['apiGroups', 'scope']);
    assert.deepEqual([...overlay.numbers.get(`${P}Rule`)!], [['apiGroups', 1], ['scope', 2]]);
  });

  it("numbers a property whose message field is spelled after Go's field name", () => {
    assert.deepEqual([...overlay.numbers.get(`${P}Reference`)!], [['apiGroup', 1], ['name', 2]]);
    assert.deepEqual(overlay.warnings, []);
  });
});

describe('resourcesFromPaths', () => {
  const op = (action: string, kind: string, group = 'g.example.com') => ({
    'x-kubernetes-action': action,
    'x-kubernetes-group-version-kind': { group, version: 'v1', kind },
  });
  const doc: OpenApiDocument = {
    format: 'openapi-v2',
    definitions: {},
    refPrefix: '#/definitions/',
    paths: {
      '/apis/g.example.com/v1/namespaces': { get: op('list', 'Space'), post: op('post', 'Space') },
      '/apis/g.example.com/v1/namespaces/{name}': { get: op('get', 'Space'), delete: op('delete', 'Space') },
      '/apis/g.example.com/v1/namespaces/{name}/status': { get: op('get', 'Space') },
      '/apis/g.example.com/v1/namespaces/{namespace}/things': { get: op('list', 'Thing') },
      '/apis/g.example.com/v1/namespaces/{namespace}/things/{name}/scale': { get: op('get', 'Scale', 'autoscaling') },
      '/apis/g.example.com/v1/namespaces/{namespace}/things/{name}/exec': { get: op('connect', 'ThingExecOptions') },
      '/apis/g.example.com/v1/things': { get: op('list', 'Thing') },
      '/apis/g.example.com/v1/watch/namespaces/{namespace}/things': { get: op('watchlist', 'Thing') },
      '/apis/other.example.com/v1/others': { get: op('list', 'Other', 'other.example.com') },
    },
  };
  const resources = resourcesFromPaths(doc, 'g.example.com', 'v1');

  it('reads plural, scope, verbs and subresources from the paths', () => {
    assert.deepEqual([...resources.keys()].sort(), ['Space', 'Thing']);
    assert.deepEqual(resourceMarkers(resources.get('Space')!), [
      'kubebuilder:resource:path=namespaces,singular=space,scope=Cluster',
      'kubebuilder:subresource:status',
      'genclient:onlyVerbs=create;delete;get;list',
    ]);
    assert.deepEqual(resourceMarkers(resources.get('Thing')!), [
      'kubebuilder:resource:path=things,singular=thing,scope=Namespaced',
      'kubebuilder:subresource:scale:specpath=.spec.replicas,statuspath=.status.replicas',
      'genclient:onlyVerbs=list;watch',
    ]);
    assert.deepEqual(resources.get('Thing')!.otherSubresources, ['exec']);
  });
});

describe('orderProperties', () => {
  it('orders by protobuf number, then puts required properties in the order `required` lists them', () => {
    const numbers = new Map([['a', 3], ['b', 1], ['c', 2], ['d', 4]]);
    assert.deepEqual(orderProperties(['a', 'b', 'c', 'd'], ['d', 'b'], numbers), ['d', 'c', 'a', 'b']);
  });

  it('keeps the schema order when some property has no number', () => {
    assert.deepEqual(orderProperties(['z', 'y', 'x'], ['x'], new Map([['z', 1]])), ['z', 'y', 'x']);
  });
});

describe('singular', () => {
  const rows = [['ports', 'port'], ['policies', 'policy'], ['addresses', 'address'], ['status', 'status'], ['data', 'data'], ['axis', 'axis']];
  for (const [plural, one] of rows) it(`${plural} → ${one}`, () => assert.equal(singular(plural!), one));
});

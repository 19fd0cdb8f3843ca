/**
 * CRD definitions in the served documents, over HTTP with the generic server: the head's OpenAPI
 * handler over the built-in schemas, a discovery source listing the custom resource, and the
 * CRDSchemaSource; the documents follow the CRDs as they change.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CustomResourceDefinition } from '../../../../api-definitions/apiextensions/v1/types.js';
import * as autoscalingV1 from '../../../../generated/autoscaling/v1/openapi.generated.js';
import * as metaV1 from '../../../../generated/meta/v1/openapi.generated.js';
import { CRDSchemaSource } from '../../../../runtime/apiservers/extensions/openapi/schema-source.js';
import type { DiscoveryGroup, DiscoverySource } from '../../../../runtime/endpoints/discovery/source.js';
import { gnosticDocumentType } from '../../../../runtime/endpoints/openapi/gnostic.js';
import { openAPISource } from '../../../../runtime/endpoints/openapi/source.js';
import { get, startServer, testConfig, type Running } from '../../../server/helpers.js';
import { sampleCRD } from './fixtures.js';

type Json = Record<string, unknown>;

/** CRDs and the discovery of their served versions, as the tier's informer and discovery give them. */
class Fixture implements DiscoverySource {
  crds: CustomResourceDefinition[] = [];
  changes = 0;
  list = (): readonly CustomResourceDefinition[] => this.crds;
  generation = (): number => this.changes;
  set(...crds: CustomResourceDefinition[]): void {
    this.crds = crds;
    this.changes++;
  }
  groups(): DiscoveryGroup[] {
    return this.crds.map((crd) => ({
      name: crd.spec.group,
      versions: crd.spec.versions
        .filter((v) => v.served)
        .map((v) => ({
          version: v.name,
          resources: [
            {
              name: crd.spec.names.plural,
              singularName: crd.spec.names.singular ?? '',
              kind: crd.spec.names.kind,
              namespaced: crd.spec.scope === 'Namespaced',
              verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
              shortNames: [],
              categories: [],
              subresources: v.subresources?.status ? [{ name: 'status', kind: crd.spec.names.kind, verbs: ['get', 'patch', 'update'] }] : [],
            },
          ],
        })),
    }));
  }
}

describe('CRD definitions in /openapi/v2 and /openapi/v3', () => {
  let running: Running;
  const fixture = new Fixture();
  before(async () => {
    const server = testConfig().complete().new('kapi');
    server.installOpenAPI(openAPISource(fixture, [metaV1, autoscalingV1], [new CRDSchemaSource(fixture)]));
    running = await startServer(server);
  });
  after(() => running.stop());

  const v2 = async (): Promise<Json> => JSON.parse((await get(`${running.url}/openapi/v2`)).text) as Json;

  it('publishes the definitions the custom resource paths reach, in JSON and protobuf', async () => {
    fixture.set(sampleCRD({ versions: [{ name: 'v1', status: true }] }));
    const doc = await v2();
    const defs = doc['definitions'] as Json;
    assert.ok('com.example.stable.v1.Foo' in defs && 'com.example.stable.v1.FooList' in defs);
    assert.ok('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta' in defs, 'ObjectMeta is reached through metadata');
    const paths = doc['paths'] as Record<string, Record<string, Json>>;
    const status = paths['/apis/stable.example.com/v1/namespaces/{namespace}/foos/{name}/status'];
    assert.deepEqual(status['patch']['consumes'], ['application/json-patch+json', 'application/merge-patch+json', 'application/apply-patch+yaml']);
    assert.deepEqual(paths['/apis/stable.example.com/v1/namespaces/{namespace}/foos']['get']['produces'], ['application/json', 'application/yaml']);
    const del = paths['/apis/stable.example.com/v1/namespaces/{namespace}/foos/{name}']['delete'];
    assert.deepEqual((del['parameters'] as Json[])[0], { name: 'body', in: 'body', schema: { $ref: '#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions' } });

    const proto = await fetch(`${running.url}/openapi/v2`, { headers: { Accept: 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf' } });
    const decoded = gnosticDocumentType().decode(new Uint8Array(await proto.arrayBuffer())) as unknown as { definitions: { additional_properties: { name: string }[] } };
    assert.ok(decoded.definitions.additional_properties.some((d) => d.name === 'com.example.stable.v1.Foo'));
  });

  it('publishes one v3 document per custom resource group-version', async () => {
    const index = JSON.parse((await get(`${running.url}/openapi/v3`)).text) as { paths: Record<string, { serverRelativeURL: string }> };
    const doc = JSON.parse((await get(`${running.url}${index.paths['apis/stable.example.com/v1'].serverRelativeURL}`)).text) as Json;
    const schemas = (doc['components'] as Json)['schemas'] as Json;
    assert.deepEqual(Object.keys(schemas).filter((k) => k.startsWith('com.')), ['com.example.stable.v1.Foo', 'com.example.stable.v1.FooList']);
    const foo = schemas['com.example.stable.v1.Foo'] as Json;
    assert.deepEqual(((foo['properties'] as Json)['metadata'] as Json)['allOf'], [{ $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta' }]);
  });

  it('follows a renamed version and a deleted CRD', async () => {
    fixture.set(sampleCRD({ versions: [{ name: 'v2' }], resourceVersion: '2' }));
    let defs = (await v2())['definitions'] as Json;
    assert.ok('com.example.stable.v2.Foo' in defs && !('com.example.stable.v1.Foo' in defs));
    assert.equal((await get(`${running.url}/openapi/v3/apis/stable.example.com/v1`)).status, 404);
    fixture.set();
    defs = (await v2())['definitions'] as Json;
    assert.ok(!Object.keys(defs).some((k) => k.startsWith('com.example')));
  });
});

/** The v2 and v3 documents and the gnostic protobuf encoding of v2. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import protobuf from 'protobufjs';
import { openAPIV2, openAPIV3, reachable } from '../../../runtime/endpoints/openapi/documents.js';
import { encodeOpenAPIV2, gnosticDocumentType } from '../../../runtime/endpoints/openapi/gnostic.js';
import { definitionIndex, resourcePaths } from '../../../runtime/endpoints/openapi/operations.js';
import { autoscalingSource } from './fixtures.js';

const { openapi } = autoscalingSource();
const lookup = definitionIndex(openapi.definitions());
const info = { title: 'Kubernetes', version: 'v1.33.0' };
const v2Paths = openapi.groupVersions().filter((gv) => gv.version === 'v2').flatMap((gv) => gv.resources.flatMap((r) => resourcePaths(gv.group, gv.version, r, lookup)));
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

describe('v3 document', () => {
  const doc: Json = openAPIV3(info, v2Paths, openapi.schemas());
  it('has the operations kubectl explain and the fieldValidation check look for', () => {
    const collection = doc.paths['/apis/autoscaling/v2/namespaces/{namespace}/horizontalpodautoscalers'];
    assert.deepEqual(collection.get['x-kubernetes-group-version-kind'], { group: 'autoscaling', kind: 'HorizontalPodAutoscaler', version: 'v2' });
    const patch = doc.paths['/apis/autoscaling/v2/namespaces/{namespace}/horizontalpodautoscalers/{name}'].patch;
    assert.ok(patch.parameters.some((p: Json) => p.name === 'fieldValidation' && p.in === 'query'));
    assert.ok(patch.requestBody.content['application/strategic-merge-patch+json'].schema.$ref.endsWith('meta.v1.Patch'));
  });
  it('carries every reachable schema, with the kind GVK', () => {
    const schemas = doc.components.schemas;
    assert.deepEqual(schemas['io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler']['x-kubernetes-group-version-kind'], [
      { group: 'autoscaling', kind: 'HorizontalPodAutoscaler', version: 'v2' },
    ]);
    assert.ok(schemas['io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta']);
    assert.ok(!schemas['io.k8s.api.autoscaling.v1.HorizontalPodAutoscaler']);
    const refs = JSON.stringify(doc).match(/#\/components\/schemas\/[^"]+/g)!;
    for (const ref of refs) assert.ok(schemas[ref.slice('#/components/schemas/'.length)], ref);
  });
});

describe('v2 document', () => {
  const doc: Json = openAPIV2(info, v2Paths, openapi.definitions());
  it('resolves every $ref', () => {
    for (const ref of JSON.stringify(doc).match(/#\/definitions\/[^"]+/g)!) assert.ok(doc.definitions[ref.slice('#/definitions/'.length)], ref);
  });
  it('puts fieldValidation on PATCH as a query parameter', () => {
    const patch = doc.paths['/apis/autoscaling/v2/namespaces/{namespace}/horizontalpodautoscalers/{name}'].patch;
    assert.ok(patch.parameters.some((p: Json) => p.name === 'fieldValidation' && p.in === 'query' && p.type === 'string'));
    assert.equal(patch.parameters[0].in, 'body');
  });
  it('reachable follows refs transitively', () => {
    const closure = reachable(['io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler'], openapi.definitions(), '#/definitions/');
    assert.ok(closure['io.k8s.apimachinery.pkg.apis.meta.v1.ManagedFieldsEntry']);
  });
});

describe('gnostic protobuf', () => {
  const doc: Json = openAPIV2(info, v2Paths, openapi.definitions());
  const bytes = encodeOpenAPIV2(doc);
  it('decodes back to the same paths, definitions and extensions', () => {
    const decoded: Json = gnosticDocumentType().toObject(gnosticDocumentType().decode(bytes));
    assert.equal(decoded.swagger, '2.0');
    assert.equal(decoded.paths.path.length, Object.keys(doc.paths).length);
    assert.equal(decoded.definitions.additional_properties.length, Object.keys(doc.definitions).length);
    const hpa = decoded.definitions.additional_properties.find((d: Json) => d.name === 'io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler').value;
    const gvk = hpa.vendor_extension.find((e: Json) => e.name === 'x-kubernetes-group-version-kind');
    assert.deepEqual(JSON.parse(gvk.value.yaml), [{ group: 'autoscaling', kind: 'HorizontalPodAutoscaler', version: 'v2' }]);
    const item = decoded.paths.path.find((p: Json) => p.name.endsWith('{name}')).value;
    const query = item.patch.parameters.map((p: Json) => p.parameter?.non_body_parameter?.query_parameter_sub_schema?.name).filter(Boolean);
    assert.ok(query.includes('fieldValidation'));
    assert.deepEqual(hpa.type.value, ['object']);
  });
  const proto = path.join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'reference', 'gnostic', 'OpenAPIv2.proto');
  it('agrees with gnostic OpenAPIv2.proto', { skip: !existsSync(proto) && 'the reference .proto is not beside the repository' }, () => {
    const { root } = protobuf.parse(readFileSync(proto, 'utf8'), { keepCase: true });
    root.define('google.protobuf').add(new protobuf.Type('Any').add(new protobuf.Field('type_url', 1, 'string')).add(new protobuf.Field('value', 2, 'bytes')));
    root.resolveAll();
    const reference = root.lookupType('openapi.v2.Document');
    const ours = gnosticDocumentType();
    assert.deepEqual(ours.toObject(ours.decode(bytes)), reference.toObject(reference.decode(bytes)));
    for (const type of (root.lookup('openapi.v2') as protobuf.Namespace).nestedArray as protobuf.Type[]) {
      const mine = ours.root.lookupType(`openapi.v2.${type.name}`);
      assert.deepEqual(
        mine.fieldsArray.map((f) => [f.name, f.id, f.type, f.repeated]),
        type.fieldsArray.map((f) => [f.name, f.id, f.type, f.repeated]),
        type.name,
      );
    }
  });
});

/** The paths and operations of a custom resource, laid out as apiextensions-apiserver's builder lays them out. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { customResourcePaths } from '../../../runtime/endpoints/openapi/custom-resource-operations.js';
import type { DiscoveryResource } from '../../../runtime/endpoints/discovery/source.js';
import type { DefinitionLookup } from '../../../runtime/endpoints/openapi/operations.js';

const lookup: DefinitionLookup = (gvk) => (gvk.group === 'stable.example.com' && gvk.version === 'v1' ? `com.example.stable.v1.${gvk.kind}` : undefined);
const VERBS = ['delete', 'deletecollection', 'get', 'list', 'patch', 'create', 'update', 'watch'];
const crontabs: DiscoveryResource = {
  name: 'crontabs',
  singularName: 'crontab',
  kind: 'CronTab',
  namespaced: true,
  verbs: VERBS,
  shortNames: ['ct'],
  categories: [],
  subresources: [
    { name: 'status', kind: 'CronTab', verbs: ['get', 'patch', 'update'] },
    { name: 'scale', kind: 'Scale', group: 'autoscaling', version: 'v1', verbs: ['get', 'patch', 'update'] },
  ],
};

describe('customResourcePaths', () => {
  const paths = customResourcePaths('stable.example.com', 'v1', crontabs, lookup);
  const byPath = new Map(paths.map((p) => [p.path, p]));
  const ops = paths.flatMap((p) => p.operations);

  it('lays out collection, object, status, scale and all-namespaces paths', () => {
    assert.deepEqual([...byPath.keys()], [
      '/apis/stable.example.com/v1/namespaces/{namespace}/crontabs',
      '/apis/stable.example.com/v1/namespaces/{namespace}/crontabs/{name}',
      '/apis/stable.example.com/v1/namespaces/{namespace}/crontabs/{name}/status',
      '/apis/stable.example.com/v1/namespaces/{namespace}/crontabs/{name}/scale',
      '/apis/stable.example.com/v1/crontabs',
    ]);
  });
  it('names operations as upstream does', () => {
    assert.deepEqual(
      ops.map((o) => o.operationId),
      [
        'listStableExampleComV1NamespacedCronTab',
        'createStableExampleComV1NamespacedCronTab',
        'deletecollectionStableExampleComV1NamespacedCronTab',
        'readStableExampleComV1NamespacedCronTab',
        'replaceStableExampleComV1NamespacedCronTab',
        'patchStableExampleComV1NamespacedCronTab',
        'deleteStableExampleComV1NamespacedCronTab',
        'readStableExampleComV1NamespacedCronTabStatus',
        'replaceStableExampleComV1NamespacedCronTabStatus',
        'patchStableExampleComV1NamespacedCronTabStatus',
        'readStableExampleComV1NamespacedCronTabScale',
        'replaceStableExampleComV1NamespacedCronTabScale',
        'patchStableExampleComV1NamespacedCronTabScale',
        'listStableExampleComV1CronTabForAllNamespaces',
      ],
    );
    assert.ok(ops.every((o) => o.tag === 'stableExampleCom_v1'));
  });
  it('speaks JSON and YAML only, and patches without strategic merge', () => {
    for (const o of ops) {
      assert.deepEqual(o.produces, ['application/json', 'application/yaml'], o.operationId);
      if (o.method === 'patch') assert.deepEqual(o.consumes, ['application/json-patch+json', 'application/merge-patch+json', 'application/apply-patch+yaml']);
      else assert.deepEqual(o.consumes, ['application/json', 'application/yaml']);
    }
  });
  it('tags every operation, scale included, with the custom resource kind', () => {
    for (const o of ops) assert.deepEqual(o.gvk, { group: 'stable.example.com', version: 'v1', kind: 'CronTab' }, o.operationId);
    const scale = byPath.get('/apis/stable.example.com/v1/namespaces/{namespace}/crontabs/{name}/scale')!;
    assert.ok(scale.operations.every((o) => o.responses[0].schema === 'io.k8s.api.autoscaling.v1.Scale'));
  });
  it('offers fieldValidation on create, replace and patch (kubectl validates server-side when it sees it)', () => {
    for (const o of ops.filter((o) => ['post', 'put', 'patch'].includes(o.method))) {
      assert.ok(o.parameters.some((p) => p.name === 'fieldValidation'), o.operationId);
    }
  });
  it('answers delete and deletecollection with a Status, the delete body optional', () => {
    const del = ops.find((o) => o.action === 'delete')!;
    assert.deepEqual(del.responses.map((r) => [r.code, r.schema]), [
      ['200', 'io.k8s.apimachinery.pkg.apis.meta.v1.Status'],
      ['202', 'io.k8s.apimachinery.pkg.apis.meta.v1.Status'],
      ['401', undefined],
    ]);
    assert.equal(del.bodyRequired, false);
    const dc = ops.find((o) => o.action === 'deletecollection')!;
    assert.equal(dc.body, undefined);
    assert.equal(dc.responses[0].schema, 'io.k8s.apimachinery.pkg.apis.meta.v1.Status');
  });
  it('lays out a cluster-scoped resource without namespaces or the all-namespaces path', () => {
    const cluster = customResourcePaths('stable.example.com', 'v1', { ...crontabs, namespaced: false, subresources: [] }, lookup);
    assert.deepEqual(cluster.map((p) => p.path), ['/apis/stable.example.com/v1/crontabs', '/apis/stable.example.com/v1/crontabs/{name}']);
    assert.equal(cluster[0].operations[0].operationId, 'listStableExampleComV1CronTab');
  });
  it('publishes nothing for a version without definitions', () => {
    assert.deepEqual(customResourcePaths('stable.example.com', 'v2', crontabs, lookup), []);
  });
});

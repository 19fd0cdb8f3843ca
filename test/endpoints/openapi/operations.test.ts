/** The paths and operations of a resource: names, actions, GVK extensions and fieldValidation. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { definitionIndex, groupCamel, groupVersionTag, resourcePaths } from '../../../runtime/endpoints/openapi/operations.js';
import type { DiscoveryResource } from '../../../runtime/endpoints/discovery/source.js';
import { autoscalingSource } from './fixtures.js';

const { openapi } = autoscalingSource();
const lookup = definitionIndex(openapi.definitions());
const hpa = openapi.groupVersions().find((gv) => gv.version === 'v2')!.resources[0];

describe('names', () => {
  const rows: [string, { group: string; camel: string; tag: string }][] = [
    ['core', { group: '', camel: 'Core', tag: 'core_v1' }],
    ['apps', { group: 'apps', camel: 'Apps', tag: 'apps_v1' }],
    ['rbac', { group: 'rbac.authorization.k8s.io', camel: 'RbacAuthorization', tag: 'rbacAuthorization_v1' }],
    ['crd group', { group: 'stable.example.com', camel: 'StableExampleCom', tag: 'stableExampleCom_v1' }],
  ];
  for (const [name, { group, camel, tag }] of rows) {
    it(name, () => {
      assert.equal(groupCamel(group), camel);
      assert.equal(groupVersionTag(group, 'v1'), tag);
    });
  }
});

describe('resourcePaths', () => {
  const paths = resourcePaths('autoscaling', 'v2', hpa, lookup);
  const byPath = new Map(paths.map((p) => [p.path, p]));

  it('lays out collection, object, status and all-namespaces paths', () => {
    assert.deepEqual([...byPath.keys()], [
      '/apis/autoscaling/v2/namespaces/{namespace}/horizontalpodautoscalers',
      '/apis/autoscaling/v2/namespaces/{namespace}/horizontalpodautoscalers/{name}',
      '/apis/autoscaling/v2/namespaces/{namespace}/horizontalpodautoscalers/{name}/status',
      '/apis/autoscaling/v2/horizontalpodautoscalers',
    ]);
  });
  it('names operations as upstream does', () => {
    const ids = paths.flatMap((p) => p.operations.map((o) => o.operationId));
    assert.deepEqual(ids, [
      'listAutoscalingV2NamespacedHorizontalPodAutoscaler',
      'createAutoscalingV2NamespacedHorizontalPodAutoscaler',
      'deleteAutoscalingV2CollectionNamespacedHorizontalPodAutoscaler',
      'readAutoscalingV2NamespacedHorizontalPodAutoscaler',
      'replaceAutoscalingV2NamespacedHorizontalPodAutoscaler',
      'patchAutoscalingV2NamespacedHorizontalPodAutoscaler',
      'deleteAutoscalingV2NamespacedHorizontalPodAutoscaler',
      'readAutoscalingV2NamespacedHorizontalPodAutoscalerStatus',
      'replaceAutoscalingV2NamespacedHorizontalPodAutoscalerStatus',
      'patchAutoscalingV2NamespacedHorizontalPodAutoscalerStatus',
      'listAutoscalingV2HorizontalPodAutoscalerForAllNamespaces',
    ]);
  });
  it('PATCH carries fieldValidation and the GVK', () => {
    const patch = byPath.get('/apis/autoscaling/v2/namespaces/{namespace}/horizontalpodautoscalers/{name}')!.operations.find((o) => o.method === 'patch')!;
    assert.ok(patch.parameters.some((p) => p.name === 'fieldValidation' && p.in === 'query'));
    assert.deepEqual(patch.gvk, { group: 'autoscaling', version: 'v2', kind: 'HorizontalPodAutoscaler' });
    assert.equal(patch.action, 'patch');
    assert.ok(patch.consumes.includes('application/apply-patch+yaml'));
  });
  it('cluster-scoped resources have no namespace segment; scale points at autoscaling/v1 Scale', () => {
    const widget: DiscoveryResource = { ...hpa, namespaced: false, subresources: [{ name: 'scale', kind: 'Scale', group: 'autoscaling', version: 'v1', verbs: ['get', 'patch', 'update'] }] };
    const cluster = resourcePaths('autoscaling', 'v2', widget, lookup);
    assert.deepEqual(cluster.map((p) => p.path), [
      '/apis/autoscaling/v2/horizontalpodautoscalers',
      '/apis/autoscaling/v2/horizontalpodautoscalers/{name}',
      '/apis/autoscaling/v2/horizontalpodautoscalers/{name}/scale',
    ]);
    const scale = cluster[2].operations[0];
    assert.equal(scale.operationId, 'readAutoscalingV2HorizontalPodAutoscalerScale');
    assert.deepEqual(scale.gvk, { group: 'autoscaling', version: 'v1', kind: 'Scale' });
    assert.equal(scale.responses[0].schema, 'io.k8s.api.autoscaling.v1.Scale');
  });
  it('leaves out a resource without a schema', () => {
    assert.deepEqual(resourcePaths('example.com', 'v1', { ...hpa, kind: 'Widget' }, lookup), []);
  });
});

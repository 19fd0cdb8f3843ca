/**
 * The generated OpenAPI v2 definitions of the real `api-definitions/` against upstream's
 * swagger.json: every definition both have must agree on the facts compareDefinitions checks.
 * A difference fails the test unless ALLOWED lists it with the reason.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { buildDefinitions } from '../../../generators/openapi/index.js';
import { readApiModel } from '../../../generators/reader/index.js';
import {
  applyAllowList,
  compareDefinitions,
  formatDifferences,
  type AllowedDifference,
  type JsonSchema,
} from './upstream-diff.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const SWAGGER = '/work/shared/reference/kubernetes/swagger.json';

/** Expected differences, each with its reason. An entry that matches nothing fails the test too. */
const ALLOWED: AllowedDifference[] = [
  // Upstream added this field after the reference swagger.json was published: the HEAD
  // fixture sets it and autoscaling/v2's generated.proto numbers it 6.
  {
    path: 'io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerCondition/properties/observedGeneration',
    why: 'newer upstream',
  },
  // Upstream registers Status as an unversioned kind of the core group (metav1.Unversioned,
  // `v1`); the model gives a meta/v1 kind its package's group, meta.k8s.io.
  {
    path: 'io.k8s.apimachinery.pkg.apis.meta.v1.Status/x-kubernetes-group-version-kind',
    why: 'unversioned kind',
  },
  // Upstream's scheme registers these in every group version (AddToGroupVersion) or as
  // unversioned core kinds, so its document tags them; they have no `metadata`, so the model
  // does not count them as kinds and the generator does not tag them.
  ...['APIGroup', 'APIGroupList', 'APIResourceList', 'APIVersions', 'DeleteOptions', 'WatchEvent'].map(
    (name) => ({
      path: `io.k8s.apimachinery.pkg.apis.meta.v1.${name}/x-kubernetes-group-version-kind`,
      why: 'registered without being a kind',
    }),
  ),
];

describe('generated definitions against upstream swagger.json', () => {
  it('agree on every definition both have', async () => {
    const model = await readApiModel(ROOT);
    const upstream = (
      JSON.parse(readFileSync(SWAGGER, 'utf8')) as { definitions: Record<string, JsonSchema> }
    ).definitions;
    const generated = buildDefinitions(model) as Record<string, JsonSchema>;
    const { compared, differences } = compareDefinitions(generated, upstream);
    assert.ok(compared.length > 0, 'no generated definition exists upstream: nothing was compared');
    const { unexpected, unused } = applyAllowList(differences, ALLOWED);
    assert.deepEqual(unused, [], 'allow-list entries that match no difference any more: remove them');
    assert.equal(
      unexpected.length,
      0,
      `${unexpected.length} differences in ${compared.length} definitions:\n${formatDifferences(unexpected)}`,
    );
  });
});

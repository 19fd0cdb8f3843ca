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
  // Newer upstream too: fields that HEAD's generated.proto numbers and the HEAD fixtures set,
  // added to the built-in groups by `kapi import --proto` beside what swagger.json has.
  ...[
    'io.k8s.api.authentication.v1.TokenRequestSpec/properties/attestations',
    'io.k8s.api.core.v1.ClusterTrustBundleProjection/properties/user',
    'io.k8s.api.core.v1.ConfigMapVolumeSource/properties/defaultUser',
    'io.k8s.api.core.v1.DownwardAPIVolumeFile/properties/user',
    'io.k8s.api.core.v1.DownwardAPIVolumeSource/properties/defaultUser',
    'io.k8s.api.core.v1.EmptyDirVolumeSource/properties/mode',
    'io.k8s.api.core.v1.GRPCAction/properties/mode',
    'io.k8s.api.core.v1.HTTPGetAction/properties/protocol',
    'io.k8s.api.core.v1.KeyToPath/properties/user',
    'io.k8s.api.core.v1.NodeAllocatableResourceClaimStatus/properties/mapping',
    'io.k8s.api.core.v1.NodeAllocatableResourceClaimStatus/properties/overhead',
    'io.k8s.api.core.v1.NodeSpec/properties/podPreemptionPolicy',
    'io.k8s.api.core.v1.PersistentVolumeClaimStatus/properties/healthStatus',
    'io.k8s.api.core.v1.PodCertificateProjection/properties/user',
    'io.k8s.api.core.v1.PodSpec/properties/evictionResponders',
    'io.k8s.api.core.v1.PodStatus/properties/volumeHealth',
    'io.k8s.api.core.v1.ProjectedVolumeSource/properties/defaultUser',
    'io.k8s.api.core.v1.SecretVolumeSource/properties/defaultUser',
    'io.k8s.api.core.v1.ServiceAccountTokenProjection/properties/user',
    'io.k8s.api.core.v1.VolumeMount/properties/bindMountOptions',
    'io.k8s.api.storage.v1.CSINode/properties/status',
  ].map((path) => ({ path, why: 'newer upstream' })),
  // HEAD replaced this alpha field with mapping and overhead: generated.proto has no number for
  // it and the HEAD fixture does not set it.
  ...['required', 'properties/resources'].map((rest) => ({
    path: `io.k8s.api.core.v1.NodeAllocatableResourceClaimStatus/${rest}`,
    why: 'removed upstream',
  })),
  // The reference swagger.json lost every property named `description` when descriptions were
  // removed from it; these three exist upstream (PriorityClass's is in generated.proto).
  ...[
    'io.k8s.api.scheduling.v1.PriorityClass',
    'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceColumnDefinition',
    'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps',
  ].map((name) => ({ path: `${name}/properties/description`, why: 'stripped from the reference' })),
  // JSON, JSONSchemaPropsOrBool, JSONSchemaPropsOrArray and JSONSchemaPropsOrStringArray have
  // their own JSON form in Go (a value, a bool or schema, a schema or list); api-definitions types
  // them as JSON, which OpenAPI writes inline instead of as a reference to an empty definition.
  ...[
    'additionalItems/$ref',
    'additionalProperties/$ref',
    'default/$ref',
    'dependencies/additionalProperties/$ref',
    'enum/items/$ref',
    'example/$ref',
    'items/$ref',
  ].map((rest) => ({
    path: `io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps/properties/${rest}`,
    why: 'custom JSON form',
  })),
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

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apiVersion, packageTargets, validatorName } from '../../../generators/openapi/targets.js';
import { sampleModel } from './sample-model.js';

describe('packageTargets', () => {
  it('selects the versioned packages in model order, never the internal one', () => {
    assert.deepEqual(
      packageTargets(sampleModel).map((target) => [target.pkg.id, target.groupVersion]),
      [
        ['meta/v1', 'meta.k8s.io/v1'],
        ['widgets/v1', 'widgets.example.com/v1'],
        ['widgets/v1beta1', 'widgets.example.com/v1beta1'],
      ],
    );
  });
});

describe('names', () => {
  const rows: [string, string, string][] = [
    ['apiVersion of a named group', apiVersion('apps', 'v1'), 'apps/v1'],
    ['apiVersion of the core group', apiVersion('', 'v1'), 'v1'],
    ['validator of a kind', validatorName('HorizontalPodAutoscaler'), 'validateHorizontalPodAutoscaler'],
  ];
  for (const [name, got, want] of rows) it(name, () => assert.equal(got, want));
});

/** The kube-aware order of versions inside a group. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareKubeAwareVersions } from '../../../runtime/apiservers/aggregator/versions.js';

describe('compareKubeAwareVersions', () => {
  it('sorts as upstream’s CompareKubeAwareVersionStrings example does', () => {
    const shuffled = ['foo10', 'v1alpha1', 'v11alpha2', 'v3beta1', 'v1', 'v12alpha1', 'v10beta3', 'v2', 'foo1', 'v10', 'v11beta2'];
    assert.deepEqual([...shuffled].sort(compareKubeAwareVersions), ['v10', 'v2', 'v1', 'v11beta2', 'v10beta3', 'v3beta1', 'v12alpha1', 'v11alpha2', 'v1alpha1', 'foo1', 'foo10']);
  });
  it('treats equal versions as equal', () => {
    assert.equal(compareKubeAwareVersions('v1beta1', 'v1beta1'), 0);
  });
});

/**
 * Strategic merge patches on built-in kinds through their generated metadata: what kubectl
 * apply and kubectl patch send for pods and deployments.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { patchMetaByKind as appsV1 } from '../../../generated/apps/v1/patch.generated.js';
import { patchMetaByKind as coreV1 } from '../../../generated/core/v1/patch.generated.js';
import { applyStrategicMergePatch } from '../../../runtime/machinery/patch/strategic.js';

describe('strategic merge patch through generated metadata', () => {
  it("kubectl apply's new image for a Pod keeps other containers in place", () => {
    const pod = {
      metadata: { name: 'web', labels: { app: 'web' } },
      spec: {
        containers: [
          { name: 'c', image: 'nginx:1' },
          { name: 'sidecar', image: 'proxy:1' },
        ],
      },
    };
    const patch = {
      metadata: { annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}' } },
      spec: { '$setElementOrder/containers': [{ name: 'c' }], containers: [{ image: 'nginx:2', name: 'c' }] },
    };
    assert.deepEqual(applyStrategicMergePatch(pod, patch, coreV1['Pod']!), {
      metadata: {
        name: 'web',
        labels: { app: 'web' },
        annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}' },
      },
      spec: {
        containers: [
          { name: 'c', image: 'nginx:2' },
          { name: 'sidecar', image: 'proxy:1' },
        ],
      },
    });
  });

  it('a Deployment switched to Recreate loses rollingUpdate, and env merges by name', () => {
    const deployment = {
      spec: {
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
        template: { spec: { containers: [{ name: 'c', env: [{ name: 'A', value: '1' }] }] } },
      },
    };
    const patch = {
      spec: {
        strategy: { $retainKeys: ['type'], rollingUpdate: null, type: 'Recreate' },
        template: {
          spec: {
            '$setElementOrder/containers': [{ name: 'c' }],
            containers: [
              { '$setElementOrder/env': [{ name: 'A' }, { name: 'B' }], env: [{ name: 'B', value: '2' }], name: 'c' },
            ],
          },
        },
      },
    };
    assert.deepEqual(applyStrategicMergePatch(deployment, patch, appsV1['Deployment']!), {
      spec: {
        strategy: { type: 'Recreate' },
        template: {
          spec: {
            containers: [
              {
                name: 'c',
                env: [
                  { name: 'A', value: '1' },
                  { name: 'B', value: '2' },
                ],
              },
            ],
          },
        },
      },
    });
  });

  it('tolerations have no patch strategy upstream, so kubectl patch replaces them', () => {
    const pod = { spec: { tolerations: [{ key: 'a', operator: 'Exists' }] } };
    const patch = { spec: { tolerations: [{ key: 'b', operator: 'Exists' }] } };
    assert.deepEqual(applyStrategicMergePatch(pod, patch, coreV1['Pod']!), patch);
  });
});

/**
 * PodDisruptionBudget, StorageClass, Lease and PriorityClass validation over internal objects:
 * one named row per case, upstream's exact messages.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type * as coordination from '../../api-definitions/coordination/types.js';
import { validateLease } from '../../api-definitions/coordination/validation.js';
import type * as policy from '../../api-definitions/policy/types.js';
import { validatePodDisruptionBudget } from '../../api-definitions/policy/validation.js';
import type * as scheduling from '../../api-definitions/scheduling/types.js';
import { validatePriorityClass, validatePriorityClassUpdate } from '../../api-definitions/scheduling/validation.js';
import type * as storage from '../../api-definitions/storage/types.js';
import { validateStorageClass, validateStorageClassUpdate } from '../../api-definitions/storage/validation.js';
import { errorStrings } from '../../runtime/machinery/validation/index.js';

const meta = { name: 'x', namespace: 'default', resourceVersion: '1' };
const clusterMeta = { name: 'x', resourceVersion: '1' };

describe('validatePodDisruptionBudget', () => {
  const pdb = (spec: policy.PodDisruptionBudgetSpec): policy.PodDisruptionBudget => ({ metadata: meta, spec });
  const rows: [string, policy.PodDisruptionBudget, string[]][] = [
    ['valid', pdb({ minAvailable: 1, selector: { matchLabels: { app: 'web' } } }), []],
    ['both bounds', pdb({ minAvailable: 1, maxUnavailable: 1 }), ['spec: Invalid value: policy.PodDisruptionBudgetSpec{MinAvailable:1, MaxUnavailable:1}: minAvailable and maxUnavailable cannot be both set']],
    ['negative', pdb({ minAvailable: -1 }), ['spec.minAvailable: Invalid value: -1: must be greater than or equal to 0']],
    ['over 100%', pdb({ maxUnavailable: '120%' }), ['spec.maxUnavailable: Invalid value: 120%: must not be greater than 100%']],
    ['unknown eviction policy', pdb({ unhealthyPodEvictionPolicy: 'Never' }), ['spec.unhealthyPodEvictionPolicy: Unsupported value: "Never": supported values: "AlwaysAllow", "IfHealthyBudget"']],
  ];
  for (const [name, obj, want] of rows) it(name, () => assert.deepEqual(errorStrings(validatePodDisruptionBudget(obj)), want));
});

describe('validateStorageClass', () => {
  const sc = (extra: Partial<storage.StorageClass>): storage.StorageClass => ({ metadata: clusterMeta, provisioner: 'example.com/ssd', reclaimPolicy: 'Delete', volumeBindingMode: 'Immediate', ...extra });
  const rows: [string, storage.StorageClass, string[]][] = [
    ['valid', sc({}), []],
    ['no provisioner', sc({ provisioner: '' }), ['provisioner: Required value']],
    ['unknown reclaim policy', sc({ reclaimPolicy: 'Recycle' }), ['reclaimPolicy: Unsupported value: "Recycle": supported values: "Delete", "Retain"']],
    ['unknown binding mode', sc({ volumeBindingMode: 'Later' }), ['volumeBindingMode: Unsupported value: "Later": supported values: "Immediate", "WaitForFirstConsumer"']],
  ];
  for (const [name, obj, want] of rows) it(name, () => assert.deepEqual(errorStrings(validateStorageClass(obj)), want));
  it('provisioner, parameters and reclaim policy never change', () =>
    assert.deepEqual(errorStrings(validateStorageClassUpdate(sc({ provisioner: 'example.com/hdd', parameters: { a: 'b' }, reclaimPolicy: 'Retain' }), sc({}))), [
      'parameters: Forbidden: updates to parameters are forbidden.',
      'provisioner: Forbidden: updates to provisioner are forbidden.',
      'reclaimPolicy: Forbidden: updates to reclaimPolicy are forbidden.',
    ]));
});

describe('validateLease', () => {
  const lease = (spec: coordination.LeaseSpec): coordination.Lease => ({ metadata: meta, spec });
  const rows: [string, coordination.Lease, string[]][] = [
    ['valid', lease({ holderIdentity: 'a', leaseDurationSeconds: 15 }), []],
    ['zero duration', lease({ leaseDurationSeconds: 0 }), ['spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0']],
    ['negative transitions', lease({ leaseTransitions: -1 }), ['spec.leaseTransitions: Invalid value: -1: must be greater than or equal to 0']],
    ['preferred holder without strategy', lease({ preferredHolder: 'b' }), ['spec.preferredHolder: Forbidden: may only be specified if `strategy` is defined']],
  ];
  for (const [name, obj, want] of rows) it(name, () => assert.deepEqual(errorStrings(validateLease(obj)), want));
});

describe('validatePriorityClass', () => {
  const pc = (name: string, value: number, extra: Partial<scheduling.PriorityClass> = {}): scheduling.PriorityClass => ({ metadata: { ...clusterMeta, name }, value, preemptionPolicy: 'PreemptLowerPriority', ...extra });
  const rows: [string, scheduling.PriorityClass, string[]][] = [
    ['valid', pc('high', 1000), []],
    ['the built-in system class', pc('system-node-critical', 2000001000), []],
    [
      'an unknown system class',
      pc('system-mine', 10),
      ["metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: system-mine is not a known system priority class"],
    ],
    ['too high for a user', pc('huge', 1000000001), ['value: Forbidden: maximum allowed value of a user defined priority is 1000000000']],
    ['unknown preemption policy', pc('p', 1, { preemptionPolicy: 'Sometimes' }), ['preemptionPolicy: Unsupported value: "Sometimes": supported values: "PreemptLowerPriority", "Never"']],
  ];
  for (const [name, obj, want] of rows) it(name, () => assert.deepEqual(errorStrings(validatePriorityClass(obj)), want));
  it('value and preemption policy never change', () =>
    assert.deepEqual(errorStrings(validatePriorityClassUpdate(pc('high', 2000, { preemptionPolicy: 'Never' }), pc('high', 1000))), [
      'value: Forbidden: may not be changed in an update.',
      'preemptionPolicy: Invalid value: "Never": field is immutable',
    ]));
});

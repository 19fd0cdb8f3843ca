/** Which APIServices autoregistration wants for what the tiers below serve. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { desiredAPIServices } from '../../../runtime/apiservers/aggregator/autoregister.js';
import { apiServiceName, builtinPriority } from '../../../runtime/apiservers/aggregator/priorities.js';
import { StaticDiscoverySource } from '../../../runtime/endpoints/discovery/source.js';

const version = (name: string) => ({ version: name, resources: [] });

describe('desiredAPIServices', () => {
  const local = new StaticDiscoverySource([
    { name: '', versions: [version('v1')] },
    { name: 'autoscaling', versions: [version('v2'), version('v1')] },
    { name: 'apiregistration.k8s.io', versions: [version('v1')] },
    { name: 'stable.example.com', versions: [version('v1'), version('v1beta1')] },
  ]);
  const builtin = new Set(['', 'autoscaling', 'apiregistration.k8s.io']);
  const desired = desiredAPIServices(local, (group) => builtin.has(group));

  it('names them <version>.<group>, v1. for the core group', () => {
    assert.equal(apiServiceName('', 'v1'), 'v1.');
    assert.deepEqual([...desired.keys()].sort(), ['v1.', 'v1.autoscaling', 'v1.stable.example.com', 'v1beta1.stable.example.com', 'v2.autoscaling']);
  });
  it('gives built-ins kube-apiserver’s priorities, registered on start', () => {
    assert.deepEqual(desired.get('v1.'), { name: 'v1.', group: '', version: 'v1', groupPriorityMinimum: 18000, versionPriority: 1, mode: 'onstart' });
    assert.deepEqual(desired.get('v2.autoscaling'), { name: 'v2.autoscaling', group: 'autoscaling', version: 'v2', groupPriorityMinimum: 17500, versionPriority: 30, mode: 'onstart' });
  });
  it('registers no built-in group-version the priority table does not know, as upstream skips them', () => {
    assert.equal(builtinPriority('apiregistration.k8s.io', 'v1'), undefined);
    assert.equal(desired.has('v1.apiregistration.k8s.io'), false);
  });
  it('gives custom resource group-versions the CRD priorities, managed always', () => {
    assert.deepEqual(desired.get('v1beta1.stable.example.com'), {
      name: 'v1beta1.stable.example.com',
      group: 'stable.example.com',
      version: 'v1beta1',
      groupPriorityMinimum: 1000,
      versionPriority: 100,
      mode: 'true',
    });
  });
});

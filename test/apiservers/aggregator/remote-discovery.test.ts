/** Discovery of aggregated group-versions: APIResourceList parsing, priorities and freshness. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { APIService } from '../../../runtime/apiservers/aggregator/apiservice.js';
import { parseAPIResourceList, RemoteDiscovery } from '../../../runtime/apiservers/aggregator/remote-discovery.js';

function remote(group: string, version: string, groupPriorityMinimum: number, versionPriority: number): APIService {
  return { metadata: { name: `${version}.${group}` }, spec: { group, version, groupPriorityMinimum, versionPriority, service: { namespace: 'ns', name: 'svc', port: 443 } } };
}

function cacheOf(services: APIService[]): { list(): APIService[]; generation: number } {
  return { list: () => services, generation: 1 };
}

describe('parseAPIResourceList', () => {
  it('folds subresources into their parents and keeps the listed fields', () => {
    const parsed = parseAPIResourceList({
      kind: 'APIResourceList',
      apiVersion: 'v1',
      groupVersion: 'wardle.example.com/v1alpha1',
      resources: [
        { name: 'flunders', singularName: 'flunder', namespaced: true, kind: 'Flunder', verbs: ['get', 'list'], shortNames: ['fl'], categories: ['all'], storageVersionHash: 'abc=' },
        { name: 'flunders/status', singularName: '', namespaced: true, kind: 'Flunder', verbs: ['get', 'update'] },
        { name: 'flunders/scale', singularName: '', namespaced: true, group: 'autoscaling', version: 'v1', kind: 'Scale', verbs: ['get'] },
      ],
    });
    assert.deepEqual(parsed, [
      {
        name: 'flunders',
        singularName: 'flunder',
        kind: 'Flunder',
        namespaced: true,
        verbs: ['get', 'list'],
        shortNames: ['fl'],
        categories: ['all'],
        subresources: [
          { name: 'status', kind: 'Flunder', verbs: ['get', 'update'] },
          { name: 'scale', kind: 'Scale', verbs: ['get'], group: 'autoscaling', version: 'v1' },
        ],
        storageVersionHash: 'abc=',
      },
    ]);
  });
  it('refuses what is not an APIResourceList', () => {
    assert.equal(parseAPIResourceList({ kind: 'Status' }), undefined);
    assert.equal(parseAPIResourceList('text'), undefined);
    assert.equal(parseAPIResourceList(null), undefined);
  });
});

describe('RemoteDiscovery', () => {
  it('orders groups by their highest groupPriorityMinimum and versions by versionPriority, then kube-aware names', () => {
    const discovery = new RemoteDiscovery(
      cacheOf([remote('low.example.com', 'v1', 100, 10), remote('high.example.com', 'v1beta1', 3000, 10), remote('high.example.com', 'v1', 200, 10), remote('high.example.com', 'v2alpha1', 200, 50)]),
    );
    const groups = discovery.groups();
    assert.deepEqual(
      groups.map((g) => [g.name, g.priority, g.versions.map((v) => v.version)]),
      [
        ['high.example.com', 3000, ['v2alpha1', 'v1', 'v1beta1']],
        ['low.example.com', 100, ['v1']],
      ],
    );
  });
  it('leaves local APIServices to the tiers below', () => {
    const local: APIService = { metadata: { name: 'v1.apps' }, spec: { group: 'apps', version: 'v1', groupPriorityMinimum: 17800, versionPriority: 15 } };
    assert.deepEqual(new RemoteDiscovery(cacheOf([local])).groups(), []);
  });
  it('is Stale until read, Current once read, and Stale again with the last resources when the server stops answering', () => {
    const services = [remote('wardle.example.com', 'v1alpha1', 2000, 200)];
    const cache = { list: () => services, generation: 1 };
    const discovery = new RemoteDiscovery(cache);
    assert.deepEqual(discovery.groups()[0]!.versions[0], { version: 'v1alpha1', resources: [], freshness: 'Stale' });
    const resources = parseAPIResourceList({ kind: 'APIResourceList', resources: [{ name: 'flunders', singularName: 'flunder', namespaced: true, kind: 'Flunder', verbs: ['get'] }] })!;
    assert.equal(discovery.update('v1alpha1.wardle.example.com', resources), true);
    assert.equal(discovery.update('v1alpha1.wardle.example.com', resources), false, 'the same document changes nothing');
    assert.equal(discovery.groups()[0]!.versions[0]!.freshness, 'Current');
    discovery.markStale('v1alpha1.wardle.example.com');
    const stale = discovery.groups()[0]!.versions[0]!;
    assert.equal(stale.freshness, 'Stale');
    assert.deepEqual(stale.resources.map((r) => r.name), ['flunders']);
  });
});

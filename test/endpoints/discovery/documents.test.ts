/** Discovery documents built from the generated register data, and the storageVersionHash. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { installAll } from '../../../generated/install.generated.js';
import { apiGroup, apiGroupDiscoveryList, apiGroupList, apiResourceList, apiVersions } from '../../../runtime/endpoints/discovery/documents.js';
import {
  schemeDiscoverySource,
  sortGroups,
  StaticDiscoverySource,
  storageVersionHash,
  unionDiscoverySource,
  type DiscoveryGroup,
} from '../../../runtime/endpoints/discovery/source.js';
import { Scheme } from '../../../runtime/machinery/scheme.js';

const scheme = new Scheme();
installAll(scheme);
const source = schemeDiscoverySource(scheme);
const autoscaling = source.groups().find((g) => g.name === 'autoscaling')!;

const core: DiscoveryGroup = {
  name: '',
  versions: [
    {
      version: 'v1',
      resources: [
        {
          name: 'pods',
          singularName: 'pod',
          kind: 'Pod',
          namespaced: true,
          verbs: ['get', 'list'],
          shortNames: ['po'],
          categories: ['all'],
          subresources: [{ name: 'status', kind: 'Pod', verbs: ['get', 'patch', 'update'] }],
          storageVersionHash: storageVersionHash('', 'v1', 'Pod'),
        },
      ],
    },
  ],
};
const apps: DiscoveryGroup = {
  name: 'apps',
  versions: [
    {
      version: 'v1',
      resources: [
        {
          name: 'deployments',
          singularName: 'deployment',
          kind: 'Deployment',
          namespaced: true,
          verbs: ['get'],
          shortNames: ['deploy'],
          categories: [],
          subresources: [{ name: 'scale', kind: 'Scale', group: 'autoscaling', version: 'v1', verbs: ['get', 'patch', 'update'] }],
        },
      ],
    },
  ],
};

describe('storageVersionHash', () => {
  it('matches upstream for pods and deployments', () => {
    assert.equal(storageVersionHash('', 'v1', 'Pod'), 'xPOwRZ+Yhw8=');
    assert.equal(storageVersionHash('apps', 'v1', 'Deployment'), '8aSe+NMegvE=');
  });
});

describe('scheme source', () => {
  it('lists autoscaling with versions by priority and leaves meta.k8s.io out', () => {
    assert.deepEqual(autoscaling.versions.map((v) => v.version), ['v2', 'v1', 'v2beta2', 'v2beta1']);
    assert.equal(source.groups().some((g) => g.name === 'meta.k8s.io'), false);
    const hpa = autoscaling.versions[1].resources[0];
    assert.equal(hpa.name, 'horizontalpodautoscalers');
    assert.equal(hpa.storageVersionHash, storageVersionHash('autoscaling', 'v2', 'HorizontalPodAutoscaler'));
    assert.deepEqual(hpa.subresources.map((s) => s.name), ['status']);
  });
  it('merges tiers and orders groups by upstream priority', () => {
    const union = unionDiscoverySource([
      new StaticDiscoverySource([{ name: 'example.com', versions: [] }, apps]),
      new StaticDiscoverySource([autoscaling, { ...apps, versions: [] }]),
      new StaticDiscoverySource([core]),
    ]);
    assert.deepEqual(sortGroups(union.groups()).map((g) => g.name), ['', 'apps', 'autoscaling', 'example.com']);
    assert.equal(union.groups().find((g) => g.name === 'apps')?.versions.length, 1);
  });
});

describe('legacy documents', () => {
  it('APIVersions', () => {
    assert.deepEqual(apiVersions(core, '10.0.0.1:6443'), {
      kind: 'APIVersions',
      versions: ['v1'],
      serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '10.0.0.1:6443' }],
    });
  });
  it('APIGroupList with preferred versions', () => {
    assert.deepEqual(apiGroupList([core, autoscaling]), {
      kind: 'APIGroupList',
      apiVersion: 'v1',
      groups: [
        {
          name: 'autoscaling',
          versions: [
            { groupVersion: 'autoscaling/v2', version: 'v2' },
            { groupVersion: 'autoscaling/v1', version: 'v1' },
            { groupVersion: 'autoscaling/v2beta2', version: 'v2beta2' },
            { groupVersion: 'autoscaling/v2beta1', version: 'v2beta1' },
          ],
          preferredVersion: { groupVersion: 'autoscaling/v2', version: 'v2' },
        },
      ],
    });
    assert.equal(apiGroup(autoscaling)['kind'], 'APIGroup');
  });
  it('APIResourceList with subresources', () => {
    assert.equal(
      JSON.stringify(apiResourceList('', core.versions[0])),
      '{"kind":"APIResourceList","apiVersion":"v1","groupVersion":"v1","resources":[' +
        '{"name":"pods","singularName":"pod","namespaced":true,"kind":"Pod","verbs":["get","list"],"shortNames":["po"],"categories":["all"],"storageVersionHash":"xPOwRZ+Yhw8="},' +
        '{"name":"pods/status","singularName":"","namespaced":true,"kind":"Pod","verbs":["get","patch","update"]}]}',
    );
    const scale = (apiResourceList('apps', apps.versions[0])['resources'] as Record<string, unknown>[])[1];
    assert.deepEqual(scale, { name: 'deployments/scale', singularName: '', namespaced: true, group: 'autoscaling', version: 'v1', kind: 'Scale', verbs: ['get', 'patch', 'update'] });
  });
});

describe('aggregated documents', () => {
  it('the /api document has one item without a name', () => {
    const doc = apiGroupDiscoveryList([core], 'v2');
    assert.equal(doc['apiVersion'], 'apidiscovery.k8s.io/v2');
    assert.deepEqual(doc['items'], [
      {
        metadata: { creationTimestamp: null },
        versions: [
          {
            version: 'v1',
            resources: [
              {
                resource: 'pods',
                responseKind: { group: '', version: 'v1', kind: 'Pod' },
                scope: 'Namespaced',
                singularResource: 'pod',
                verbs: ['get', 'list'],
                shortNames: ['po'],
                categories: ['all'],
                subresources: [{ subresource: 'status', responseKind: { group: '', version: 'v1', kind: 'Pod' }, verbs: ['get', 'patch', 'update'] }],
              },
            ],
            freshness: 'Current',
          },
        ],
      },
    ]);
  });
  it('named groups carry metadata.name and the scale subresource kind', () => {
    const doc = apiGroupDiscoveryList([apps], 'v2beta1');
    assert.equal(doc['apiVersion'], 'apidiscovery.k8s.io/v2beta1');
    const item = (doc['items'] as Record<string, any>[])[0]; // eslint-disable-line @typescript-eslint/no-explicit-any
    assert.deepEqual(item['metadata'], { name: 'apps', creationTimestamp: null });
    assert.deepEqual(item['versions'][0].resources[0].subresources[0].responseKind, { group: 'autoscaling', version: 'v1', kind: 'Scale' });
  });
});

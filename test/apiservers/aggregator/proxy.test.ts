/** Which paths the proxy takes: everything under a remote APIService's group-version, nothing else. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { APIService } from '../../../runtime/apiservers/aggregator/apiservice.js';
import { remoteAPIServiceFor } from '../../../runtime/apiservers/aggregator/proxy.js';

const remote: APIService = {
  metadata: { name: 'v1alpha1.wardle.example.com' },
  spec: { group: 'wardle.example.com', version: 'v1alpha1', groupPriorityMinimum: 2000, versionPriority: 200, service: { namespace: 'wardle', name: 'api', port: 443 } },
};
const local: APIService = { metadata: { name: 'v1.apps' }, spec: { group: 'apps', version: 'v1', groupPriorityMinimum: 17800, versionPriority: 15 } };
const byGroupVersion = new Map([
  ['wardle.example.com/v1alpha1', remote],
  ['apps/v1', local],
]);
const cache = { forGroupVersion: (group: string, version: string) => byGroupVersion.get(`${group}/${version}`) };

describe('remoteAPIServiceFor', () => {
  const cases: [string, APIService | undefined][] = [
    ['/apis/wardle.example.com/v1alpha1', remote],
    ['/apis/wardle.example.com/v1alpha1/', remote],
    ['/apis/wardle.example.com/v1alpha1/namespaces/default/flunders', remote],
    ['/apis/wardle.example.com/v1alpha1/namespaces/default/flunders/a/status', remote],
    ['/apis/wardle.example.com', undefined],
    ['/apis/wardle.example.com/v1beta1/flunders', undefined],
    ['/apis/apps/v1/deployments', undefined],
    ['/api/v1/namespaces', undefined],
    ['/apis', undefined],
    ['/openapi/v2', undefined],
  ];
  for (const [path, want] of cases) {
    it(`${want ? 'proxies' : 'leaves'} ${path}`, () => assert.equal(remoteAPIServiceFor(cache, path), want));
  }
});

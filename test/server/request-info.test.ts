/** RequestInfo parsing over the paths and verbs kubectl and the client libraries use. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isLongRunning, isMutating, parseRequestInfo, type RequestInfo } from '../../runtime/server/request-info.js';

type Want = Partial<RequestInfo>;
const rows: [string, { method: string; url: string; want: Want }][] = [
  ['namespaced list', { method: 'GET', url: '/api/v1/namespaces/default/pods', want: { isResourceRequest: true, verb: 'list', apiGroup: '', apiVersion: 'v1', namespace: 'default', resource: 'pods', name: '' } }],
  ['namespaced get', { method: 'GET', url: '/api/v1/namespaces/default/pods/web', want: { verb: 'get', resource: 'pods', name: 'web', namespace: 'default' } }],
  ['subresource', { method: 'PUT', url: '/api/v1/namespaces/default/pods/web/status', want: { verb: 'update', resource: 'pods', name: 'web', subresource: 'status' } }],
  ['group resource', { method: 'PATCH', url: '/apis/apps/v1/namespaces/ns/deployments/d', want: { verb: 'patch', apiPrefix: 'apis', apiGroup: 'apps', apiVersion: 'v1', resource: 'deployments', name: 'd' } }],
  ['cluster-scoped', { method: 'GET', url: '/api/v1/nodes/n1', want: { verb: 'get', namespace: '', resource: 'nodes', name: 'n1' } }],
  ['all namespaces', { method: 'GET', url: '/apis/apps/v1/deployments', want: { verb: 'list', namespace: '', resource: 'deployments' } }],
  ['namespace object', { method: 'GET', url: '/api/v1/namespaces/kube-system', want: { verb: 'get', namespace: 'kube-system', resource: 'namespaces', name: 'kube-system' } }],
  ['namespace finalize', { method: 'PUT', url: '/api/v1/namespaces/ns/finalize', want: { verb: 'update', resource: 'namespaces', name: 'ns', subresource: 'finalize' } }],
  ['watch=true', { method: 'GET', url: '/api/v1/namespaces/default/pods?watch=true', want: { verb: 'watch' } }],
  ['watch=True (Python)', { method: 'GET', url: '/api/v1/pods?watch=True', want: { verb: 'watch' } }],
  ['watch=1', { method: 'GET', url: '/api/v1/pods?watch=1', want: { verb: 'watch' } }],
  ['watch=t', { method: 'GET', url: '/api/v1/pods?watch=t', want: { verb: 'watch' } }],
  ['watch=TRUE', { method: 'GET', url: '/api/v1/pods?watch=TRUE', want: { verb: 'watch' } }],
  ['watch=false', { method: 'GET', url: '/api/v1/pods?watch=false', want: { verb: 'list' } }],
  ['watch=0', { method: 'GET', url: '/api/v1/pods?watch=0', want: { verb: 'list' } }],
  ['legacy watch path', { method: 'GET', url: '/api/v1/watch/namespaces/default/pods', want: { verb: 'watch', resource: 'pods', namespace: 'default' } }],
  ['field selector name', { method: 'GET', url: '/api/v1/namespaces/default/pods?fieldSelector=metadata.name%3Dseed-a&watch=true', want: { verb: 'watch', name: 'seed-a' } }],
  ['create', { method: 'POST', url: '/api/v1/namespaces/default/pods', want: { verb: 'create', resource: 'pods' } }],
  ['delete', { method: 'DELETE', url: '/api/v1/namespaces/default/pods/web', want: { verb: 'delete', name: 'web' } }],
  ['deletecollection', { method: 'DELETE', url: '/api/v1/namespaces/default/pods', want: { verb: 'deletecollection' } }],
  ['proxy', { method: 'GET', url: '/api/v1/proxy/namespaces/default/pods/web/a/b', want: { verb: 'proxy', resource: 'pods', name: 'web', subresource: '' } }],
  ['non-resource healthz', { method: 'GET', url: '/healthz', want: { isResourceRequest: false, verb: 'get', path: '/healthz' } }],
  ['discovery /api', { method: 'GET', url: '/api', want: { isResourceRequest: false } }],
  ['discovery /api/v1', { method: 'GET', url: '/api/v1', want: { isResourceRequest: false } }],
  ['discovery /apis/apps', { method: 'GET', url: '/apis/apps', want: { isResourceRequest: false } }],
  ['discovery /apis/apps/v1', { method: 'GET', url: '/apis/apps/v1', want: { isResourceRequest: false } }],
  ['non-resource post', { method: 'POST', url: '/foo', want: { isResourceRequest: false, verb: 'post' } }],
];

describe('parseRequestInfo', () => {
  for (const [name, { method, url, want }] of rows) {
    it(name, () => {
      const u = new URL(url, 'http://x');
      const info = parseRequestInfo(method, u.pathname, u.searchParams);
      for (const [key, value] of Object.entries(want)) assert.deepEqual(info[key as keyof RequestInfo], value, key);
    });
  }
});

describe('request classes', () => {
  const info = (method: string, url: string): RequestInfo => {
    const u = new URL(url, 'http://x');
    return parseRequestInfo(method, u.pathname, u.searchParams);
  };
  it('watch, exec and log are long-running', () => {
    assert.ok(isLongRunning(info('GET', '/api/v1/pods?watch=1')));
    assert.ok(isLongRunning(info('POST', '/api/v1/namespaces/d/pods/p/exec')));
    assert.ok(isLongRunning(info('GET', '/api/v1/namespaces/d/pods/p/log')));
    assert.ok(!isLongRunning(info('GET', '/api/v1/pods')));
    assert.ok(!isLongRunning(info('GET', '/healthz')));
  });
  it('mutating verbs', () => {
    assert.ok(isMutating(info('POST', '/api/v1/namespaces/d/pods')));
    assert.ok(isMutating(info('POST', '/foo')));
    assert.ok(!isMutating(info('GET', '/api/v1/pods?watch=1')));
    assert.ok(!isMutating(info('GET', '/healthz')));
  });
});

/** The identity headers the proxy writes and the caller headers it refuses to forward. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeExtraKey, forwardsRequestHeader, forwardsResponseHeader, identityHeaders } from '../../../runtime/apiservers/aggregator/front-proxy.js';

describe('front-proxy identity headers', () => {
  const cases: [string, { given: string; want: string }][] = [
    ['a plain key stays', { given: 'scopes', want: 'scopes' }],
    ['a slash is escaped', { given: 'example.com/scope', want: 'example.com%2Fscope' }],
    ['a percent is escaped so decoding is exact', { given: 'a%b', want: 'a%25b' }],
    ['non-ASCII is escaped byte by byte', { given: 'ключ', want: '%D0%BA%D0%BB%D1%8E%D1%87' }],
    ['a space is escaped', { given: 'a b', want: 'a%20b' }],
  ];
  for (const [name, { given, want }] of cases) it(`escapes extra keys: ${name}`, () => assert.equal(escapeExtraKey(given), want));

  it('writes one X-Remote-User, one X-Remote-Group per group and one X-Remote-Extra per value', () => {
    const headers = identityHeaders({ name: 'alice', groups: ['devs', 'system:authenticated'], extra: { 'example.com/scope': ['read', 'write'], empty: [] } });
    assert.deepEqual(headers, { 'X-Remote-User': 'alice', 'X-Remote-Group': ['devs', 'system:authenticated'], 'X-Remote-Extra-example.com%2Fscope': ['read', 'write'] });
  });

  it('writes X-Remote-Uid when the user has a UID', () => {
    assert.deepEqual(identityHeaders({ name: 'system:serviceaccount:ns:sa', uid: 'abc-123', groups: [] }), { 'X-Remote-User': 'system:serviceaccount:ns:sa', 'X-Remote-Uid': 'abc-123' });
  });

  it('writes no group header for a user without groups', () => {
    assert.deepEqual(identityHeaders({ name: 'bob', groups: [] }), { 'X-Remote-User': 'bob' });
  });

  const request: [string, boolean][] = [
    ['Accept', true],
    ['Content-Type', true],
    ['User-Agent', true],
    ['Authorization', false],
    ['Impersonate-User', false],
    ['impersonate-extra-scopes', false],
    ['X-Remote-User', false],
    ['x-remote-group', false],
    ['X-Remote-Uid', false],
    ['X-Remote-Extra-Scopes', false],
    ['Connection', false],
    ['Transfer-Encoding', false],
    ['Upgrade', false],
    ['Host', false],
  ];
  for (const [name, want] of request) it(`${want ? 'forwards' : 'drops'} the caller’s ${name}`, () => assert.equal(forwardsRequestHeader(name), want));

  it('passes response headers back except hop-by-hop ones', () => {
    assert.equal(forwardsResponseHeader('Content-Type'), true);
    assert.equal(forwardsResponseHeader('Audit-Id'), true);
    assert.equal(forwardsResponseHeader('transfer-encoding'), false);
    assert.equal(forwardsResponseHeader('Connection'), false);
  });
});

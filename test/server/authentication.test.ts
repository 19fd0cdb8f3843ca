/** Token file parsing, bearer extraction and the authenticator contract. */
import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { describe, it } from 'node:test';
import { anonymousAuthenticator } from '../../runtime/server/authentication/anonymous.js';
import { bearerToken, parseCsvLine, parseTokenFile, tokenAuthenticator } from '../../runtime/server/authentication/token-file.js';
import { AuthenticationError } from '../../runtime/server/authentication/types.js';
import { authenticate } from '../../runtime/server/filters/authentication.js';
import { authorizersForModes } from '../../runtime/server/authorization/modes.js';

const request = (authorization?: string): IncomingMessage => ({ headers: authorization ? { authorization } : {}, socket: {} }) as unknown as IncomingMessage;

describe('token file', () => {
  it('parses token,user,uid,"groups"', () => {
    const tokens = parseTokenFile('# comment\nabc,alice,u1,"system:masters,devs"\n\ndef,bob,u2\nabc,dup,u3\n');
    assert.deepEqual(tokens.get('abc'), { name: 'alice', uid: 'u1', groups: ['system:masters', 'devs'] });
    assert.deepEqual(tokens.get('def'), { name: 'bob', uid: 'u2', groups: [] });
  });
  it('rejects short lines', () => assert.throws(() => parseTokenFile('abc,alice\n'), /line 1/));
  it('splits CSV with quotes', () => assert.deepEqual(parseCsvLine('a,"b,c","d""e"'), ['a', 'b,c', 'd"e']));
  it('reads bearer tokens', () => {
    assert.equal(bearerToken('Bearer xyz'), 'xyz');
    assert.equal(bearerToken('bearer  xyz '), 'xyz');
    assert.equal(bearerToken('Basic abc'), undefined);
  });
});

describe('authenticator union', () => {
  const auth = [tokenAuthenticator(new Map([['t', { name: 'alice', groups: ['devs'] }]])), anonymousAuthenticator()];
  it('adds system:authenticated', async () => {
    assert.deepEqual((await authenticate(auth, request('Bearer t')))?.groups, ['devs', 'system:authenticated']);
  });
  it('falls back to anonymous without a credential', async () => {
    assert.deepEqual(await authenticate(auth, request()), { name: 'system:anonymous', groups: ['system:unauthenticated'] });
  });
  it('fails on a bad credential even with anonymous', async () => {
    await assert.rejects(async () => authenticate(auth, request('Bearer wrong')), AuthenticationError);
  });
});

describe('authorization modes', () => {
  it('builds the modes in order', () => {
    assert.deepEqual(authorizersForModes(['AlwaysAllow']).map((a) => a.name), ['AlwaysAllow']);
    assert.deepEqual(authorizersForModes(['AlwaysDeny']).map((a) => a.name), ['privileged-groups', 'AlwaysDeny']);
    assert.throws(() => authorizersForModes(['RBAC']), /authorization mode "RBAC" is not available/);
  });
});

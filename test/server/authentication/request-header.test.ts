/**
 * The front-proxy authenticator over real TLS: a server that requests client certificates, and
 * clients presenting certificates of the request-header CA, of another CA, through an
 * intermediate, expired, for servers only, or none at all.
 */
import assert from 'node:assert/strict';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { requestHeaderAuthenticator, type RequestHeaderOptions } from '../../../runtime/server/authentication/request-header.js';
import type { UserInfo } from '../../../runtime/server/authentication/types.js';
import { createAuthority, type Issued } from '../../examples/support/certs.js';

const frontProxyCA = createAuthority('front-proxy-ca');
const clusterCA = createAuthority('cluster-ca');
const servingCA = createAuthority('serving-ca');
const serving = servingCA.issue({ commonName: 'server', usage: 'server', ips: ['127.0.0.1'] });
const proxyClient = frontProxyCA.issue({ commonName: 'front-proxy-client' });

interface Answer {
  readonly user: UserInfo | null;
  /** The identity headers still on the request after authentication. */
  readonly left: string[];
}

/** A TLS server answering with what the authenticator made of each request. */
async function startServer(options: Omit<RequestHeaderOptions, 'clientCA'>): Promise<{ port: number; close(): Promise<void> }> {
  const authenticator = requestHeaderAuthenticator({ clientCA: frontProxyCA.cert, ...options });
  const server = https.createServer(
    { cert: serving.cert, key: serving.key, ca: [frontProxyCA.cert, clusterCA.cert], requestCert: true, rejectUnauthorized: false },
    (req, res) => {
      const user = authenticator.authenticate(req) as UserInfo | null;
      const left = Object.keys(req.headers).filter((h) => h.startsWith('x-remote-'));
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ user, left } satisfies Answer));
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function ask(port: number, client: Issued | undefined, headers: Record<string, string | string[]>, agent?: https.Agent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      { host: '127.0.0.1', port, path: '/', ca: servingCA.cert, ...(client ? { cert: client.cert, key: client.key } : {}), headers, agent: agent ?? false, timeout: 5000 },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve(JSON.parse(body) as Answer));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end();
  });
}

const identity = {
  'X-Remote-User': 'jane',
  'X-Remote-Group': ['dev', 'system:authenticated'],
  'X-Remote-Extra-Scopes': ['read', 'write'],
  'X-Remote-Extra-Acme.com%2Fproject': 'Apollo',
};

describe('request-header authenticator', () => {
  let open: { port: number; close(): Promise<void> };
  let restricted: { port: number; close(): Promise<void> };
  before(async () => {
    open = await startServer({});
    restricted = await startServer({ allowedNames: ['front-proxy-client', 'aggregator'] });
  });
  after(async () => {
    await open.close();
    await restricted.close();
  });

  it('takes the user, each group header line and the decoded extras from a front-proxy certificate, then drops the headers', async () => {
    const answer = await ask(restricted.port, proxyClient, identity);
    assert.deepEqual(answer.user, {
      name: 'jane',
      groups: ['dev', 'system:authenticated'],
      extra: { scopes: ['read', 'write'], 'acme.com/project': ['Apollo'] },
    });
    assert.deepEqual(answer.left, []);
  });

  const untrusted: [string, { client: () => Issued | undefined; port: () => number }][] = [
    ['no client certificate', { client: () => undefined, port: () => open.port }],
    ['a certificate of another CA with the allowed name', { client: () => clusterCA.issue({ commonName: 'front-proxy-client' }), port: () => restricted.port }],
    ['a front-proxy CA certificate whose name is not allowed', { client: () => frontProxyCA.issue({ commonName: 'someone-else' }), port: () => restricted.port }],
    ['an expired front-proxy certificate', { client: () => frontProxyCA.issue({ commonName: 'front-proxy-client', notBefore: new Date(Date.now() - 7200_000), notAfter: new Date(Date.now() - 3600_000) }), port: () => open.port }],
    ['a front-proxy CA certificate for servers only', { client: () => frontProxyCA.issue({ commonName: 'front-proxy-client', usage: 'server' }), port: () => open.port }],
  ];
  for (const [name, { client, port }] of untrusted) {
    it(`ignores the headers of ${name}`, async () => {
      const answer = await ask(port(), client(), identity);
      assert.equal(answer.user, null);
      assert.ok(answer.left.includes('x-remote-user'), 'headers it did not believe are left alone');
    });
  }

  it('accepts any name the CA signed when no names are set, and a certificate without extended key usage', async () => {
    const answer = await ask(open.port, frontProxyCA.issue({ commonName: 'anything', usage: 'none' }), { 'X-Remote-User': 'bob' });
    assert.deepEqual(answer.user, { name: 'bob', groups: [] });
  });

  it('follows an intermediate the client sends to the request-header CA', async () => {
    const intermediate = frontProxyCA.intermediate('front-proxy-intermediate');
    const leaf = intermediate.issue({ commonName: 'aggregator' });
    const answer = await ask(restricted.port, { cert: leaf.cert + intermediate.cert, key: leaf.key }, { 'X-Remote-User': 'carol' });
    assert.deepEqual(answer.user, { name: 'carol', groups: [] });
  });

  it('reads each request’s own identity on a kept-alive connection whose certificate was checked once', async () => {
    const agent = new https.Agent({ keepAlive: true, maxSockets: 1, ca: servingCA.cert, cert: proxyClient.cert, key: proxyClient.key });
    try {
      const first = await ask(restricted.port, proxyClient, { 'X-Remote-User': 'first', 'X-Remote-Group': 'a' }, agent);
      const second = await ask(restricted.port, proxyClient, { 'X-Remote-User': 'second' }, agent);
      assert.deepEqual([first.user, second.user], [
        { name: 'first', groups: ['a'] },
        { name: 'second', groups: [] },
      ]);
    } finally {
      agent.destroy();
    }
  });

  it('is not the authenticator of a trusted request without a user name', async () => {
    const answer = await ask(open.port, proxyClient, { 'X-Remote-User': '', 'X-Remote-Group': 'dev' });
    assert.equal(answer.user, null);
  });

  it('reads the first non-empty of several username headers and custom prefixes', async () => {
    const custom = await startServer({ usernameHeaders: ['X-User', 'X-Remote-User'], groupHeaders: ['X-Groups'], extraHeaderPrefixes: ['X-Extra-'] });
    try {
      const answer = await ask(custom.port, proxyClient, { 'X-User': '', 'X-Remote-User': 'dave', 'X-Groups': 'ops', 'X-Extra-Team': 'red' });
      assert.deepEqual(answer.user, { name: 'dave', groups: ['ops'], extra: { team: ['red'] } });
    } finally {
      await custom.close();
    }
  });

  it('refuses a CA file without certificates and empty header names', () => {
    assert.throws(() => requestHeaderAuthenticator({ clientCA: 'not a certificate' }), /no PEM certificate/);
    assert.throws(() => requestHeaderAuthenticator({ clientCA: frontProxyCA.cert, usernameHeaders: [' '] }), /empty username header/);
  });
});

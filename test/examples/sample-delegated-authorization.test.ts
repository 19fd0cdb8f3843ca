/**
 * The sample server's delegated authorizer against a core API server's SubjectAccessReview
 * endpoint on loopback TLS (reached through a kubeconfig with inline certificates): what it
 * asks, how answers map to decisions, that answers are kept, and that a failing core server is
 * an error rather than an allow.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { delegatedAuthorizer } from '../../examples/sample-apiserver/delegated-authorization.js';
import { readKubeconfig } from '../../examples/sample-apiserver/kubeconfig.js';
import type { AuthorizationAttributes } from '../../runtime/server/authorization/types.js';
import { createAuthority } from './support/certs.js';

const ca = createAuthority('core-ca');
const serving = ca.issue({ commonName: 'core', usage: 'server', ips: ['127.0.0.1'] });
const admin = ca.issue({ commonName: 'kubernetes-admin', organizations: ['system:masters'] });

interface Seen {
  readonly clientCN: string | undefined;
  readonly path: string;
  readonly spec: Record<string, unknown>;
}

const resource = (user: string, groups: string[] = ['system:authenticated']): AuthorizationAttributes => ({
  user: { name: user, groups, extra: { scopes: ['a'] } },
  verb: 'list',
  resourceRequest: true,
  path: '/apis/wardle.example.com/v1alpha1/namespaces/default/flunders',
  apiGroup: 'wardle.example.com',
  apiVersion: 'v1alpha1',
  namespace: 'default',
  resource: 'flunders',
  subresource: '',
  name: '',
});

describe('delegated authorization (SubjectAccessReview)', () => {
  const seen: Seen[] = [];
  let server: https.Server;
  let dir: string;
  let authorizer: ReturnType<typeof delegatedAuthorizer>;

  before(async () => {
    server = https.createServer({ cert: serving.cert, key: serving.key, ca: ca.cert, requestCert: true, rejectUnauthorized: true }, (req, res) => {
      let text = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (text += chunk));
      req.on('end', () => {
        const review = JSON.parse(text) as { spec: Record<string, unknown> };
        const cn = (req.socket as import('node:tls').TLSSocket).getPeerCertificate().subject?.CN;
        seen.push({ clientCN: Array.isArray(cn) ? cn[0] : cn, path: req.url ?? '', spec: review.spec });
        const user = review.spec['user'];
        if (user === 'broken') {
          res.writeHead(500, { 'Content-Type': 'application/json' }).end('{"kind":"Status","code":500}');
          return;
        }
        const status = user === 'bob' ? { allowed: false, denied: true, reason: 'bob is not welcome' } : user === 'erin' ? { allowed: false } : { allowed: true, reason: 'fine' };
        res.writeHead(201, { 'Content-Type': 'application/json' }).end(JSON.stringify({ ...review, status }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    dir = mkdtempSync(path.join(os.tmpdir(), 'sample-sar-'));
    const kubeconfig = path.join(dir, 'core.kubeconfig');
    const b64 = (pem: string): string => Buffer.from(pem).toString('base64');
    writeFileSync(
      kubeconfig,
      [
        'apiVersion: v1',
        'kind: Config',
        `clusters: [{ name: core, cluster: { server: "https://127.0.0.1:${(server.address() as AddressInfo).port}", certificate-authority-data: ${b64(ca.cert)} } }]`,
        `users: [{ name: admin, user: { client-certificate-data: ${b64(admin.cert)}, client-key-data: ${b64(admin.key)} } }]`,
        'contexts: [{ name: admin@core, context: { cluster: core, user: admin } }]',
        'current-context: admin@core',
      ].join('\n'),
    );
    authorizer = delegatedAuthorizer(readKubeconfig(kubeconfig), { cacheTTLMs: 60_000 });
  });
  after(async () => {
    authorizer.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('asks with the user and resource attributes, as the kubeconfig user, and allows what the review allows', async () => {
    assert.deepEqual(await authorizer.authorize(resource('alice')), { decision: 'Allow', reason: 'fine' });
    assert.deepEqual(seen.at(-1), {
      clientCN: 'kubernetes-admin',
      path: '/apis/authorization.k8s.io/v1/subjectaccessreviews',
      spec: {
        user: 'alice',
        groups: ['system:authenticated'],
        extra: { scopes: ['a'] },
        resourceAttributes: { namespace: 'default', verb: 'list', group: 'wardle.example.com', version: 'v1alpha1', resource: 'flunders', subresource: '', name: '' },
      },
    });
  });

  it('keeps an answer instead of asking again', async () => {
    const count = seen.length;
    await authorizer.authorize(resource('alice'));
    assert.equal(seen.length, count);
  });

  it('denies what the review denies, with its reason, and has no opinion when it neither allows nor denies', async () => {
    assert.deepEqual(await authorizer.authorize(resource('bob')), { decision: 'Deny', reason: 'bob is not welcome' });
    assert.deepEqual(await authorizer.authorize(resource('erin')), { decision: 'NoOpinion', reason: '' });
  });

  it('asks about a path for a non-resource request', async () => {
    await authorizer.authorize({ ...resource('dave'), resourceRequest: false, verb: 'get', path: '/apis' });
    assert.deepEqual(seen.at(-1)!.spec['nonResourceAttributes'], { path: '/apis', verb: 'get' });
  });

  it('allows system:masters and the health paths without asking', async () => {
    const count = seen.length;
    assert.equal((await authorizer.authorize(resource('root', ['system:masters']))).decision, 'Allow');
    assert.equal((await authorizer.authorize({ ...resource('anyone', ['system:unauthenticated']), resourceRequest: false, verb: 'get', path: '/readyz' })).decision, 'Allow');
    assert.equal(seen.length, count);
  });

  it('fails, rather than allows, when the core server fails', async () => {
    await assert.rejects(async () => authorizer.authorize(resource('broken')), /SubjectAccessReview: 500/);
  });

  it('refuses a kubeconfig that is not https', () => {
    const file = path.join(dir, 'plain.kubeconfig');
    writeFileSync(file, 'clusters: [{ name: c, cluster: { server: "http://127.0.0.1:1" } }]\nusers: [{ name: u, user: {} }]\ncontexts: [{ name: x, context: { cluster: c, user: u } }]\ncurrent-context: x\n');
    assert.throws(() => readKubeconfig(file), /is not https/);
  });
});

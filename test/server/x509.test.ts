/** TLS serving with client certificates checked against the client CA. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ensurePki } from '../../runtime/cmd/pki.js';
import { x509Authenticator } from '../../runtime/server/authentication/x509.js';
import { startServer, testConfig, type Running } from './helpers.js';

function request(port: number, options: https.RequestOptions): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = https.get({ host: '127.0.0.1', port, path: '/whoami', ...options }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
  });
}

describe('x509 client certificates', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kapi-x509-'));
  const pki = ensurePki(path.join(dir, 'ours'));
  const foreign = ensurePki(path.join(dir, 'theirs'));
  const read = (f: string): Buffer => readFileSync(f);
  let running: Running;
  let port: number;
  before(async () => {
    const server = testConfig((c) => {
      c.anonymousAuth = false;
      c.authenticators = [x509Authenticator()];
      c.secureServing = { bindAddress: '127.0.0.1', port: 0, cert: read(pki.serving.cert), key: read(pki.serving.key), clientCA: read(pki.ca.cert) };
    })
      .complete()
      .new('tls');
    server.handle('/whoami', (ctx) => {
      ctx.body = `${ctx.state.user?.name} ${ctx.state.user?.groups.join(',')}`;
    });
    running = await startServer(server);
    port = Number(new URL(running.url).port);
  });
  after(async () => {
    await running.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('maps CN to the user and O to groups', async () => {
    const res = await request(port, { ca: read(pki.ca.cert), cert: read(pki.admin.cert), key: read(pki.admin.key) });
    assert.deepEqual(res, { status: 200, body: 'kubernetes-admin system:masters,system:authenticated' });
  });
  it('401 for a certificate from another CA', async () => {
    const res = await request(port, { ca: read(pki.ca.cert), cert: read(foreign.admin.cert), key: read(foreign.admin.key) });
    assert.equal(res.status, 401);
  });
  it('401 without a certificate when anonymous is off', async () => {
    assert.equal((await request(port, { ca: read(pki.ca.cert) })).status, 401);
  });
  it('keeps each kept-alive connection’s own verdict across its requests', async () => {
    const admin = new https.Agent({ keepAlive: true, maxSockets: 1, ca: read(pki.ca.cert), cert: read(pki.admin.cert), key: read(pki.admin.key) });
    const stranger = new https.Agent({ keepAlive: true, maxSockets: 1, ca: read(pki.ca.cert), cert: read(foreign.admin.cert), key: read(foreign.admin.key) });
    try {
      for (let i = 0; i < 3; i++) {
        assert.deepEqual(await request(port, { agent: admin }), { status: 200, body: 'kubernetes-admin system:masters,system:authenticated' });
        assert.equal((await request(port, { agent: stranger })).status, 401);
      }
    } finally {
      admin.destroy();
      stranger.destroy();
    }
  });
});

/** First-start certificates and the admin kubeconfig. */
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { parse } from 'yaml';
import { ensurePki, localServerURL, writeAdminKubeconfig } from '../../runtime/cmd/pki.js';

describe('ensurePki', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kapi-pki-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const pki = ensurePki(dir, ['10.1.2.3', '0.0.0.0']);
  const ca = new X509Certificate(readFileSync(pki.ca.cert));
  const serving = new X509Certificate(readFileSync(pki.serving.cert));
  const admin = new X509Certificate(readFileSync(pki.admin.cert));

  it('creates a CA that signed the others', () => {
    assert.ok(ca.ca);
    assert.ok(serving.verify(ca.publicKey));
    assert.ok(admin.verify(ca.publicKey));
    assert.ok(serving.checkIssued(ca));
  });
  it('serves 127.0.0.1, ::1, localhost and the bind address', () => {
    const san = serving.subjectAltName ?? '';
    for (const want of ['DNS:localhost', 'DNS:kubernetes.default.svc', 'IP Address:127.0.0.1', 'IP Address:0:0:0:0:0:0:0:1', 'IP Address:10.1.2.3']) {
      assert.ok(san.includes(want), `${want} in ${san}`);
    }
    assert.ok(!san.includes('0.0.0.0'));
    assert.ok(serving.checkHost('localhost'));
    assert.ok(serving.checkIP('127.0.0.1'));
  });
  it('makes an admin client certificate in system:masters', () => {
    assert.match(admin.subject, /CN=kubernetes-admin/);
    assert.match(admin.subject, /O=system:masters/);
    assert.ok(admin.keyUsage?.includes('1.3.6.1.5.5.7.3.2'));
  });
  it('keeps keys private and reuses what exists', () => {
    assert.equal(statSync(pki.ca.key).mode & 0o777, 0o600);
    const again = ensurePki(dir);
    assert.equal(new X509Certificate(readFileSync(again.serving.cert)).serialNumber, serving.serialNumber);
  });
  it('writes a kubeconfig that needs nothing else', () => {
    const file = writeAdminKubeconfig(dir, pki, localServerURL('0.0.0.0', 6443));
    const config = parse(readFileSync(file, 'utf8'));
    assert.equal(config['current-context'], 'kubernetes-admin@kapi');
    assert.equal(config.clusters[0].cluster.server, 'https://127.0.0.1:6443');
    assert.equal(Buffer.from(config.clusters[0].cluster['certificate-authority-data'], 'base64').toString(), readFileSync(pki.ca.cert, 'utf8'));
    assert.ok(config.users[0].user['client-key-data']);
    assert.equal(localServerURL('::1', 1), 'https://[::1]:1');
  });
});

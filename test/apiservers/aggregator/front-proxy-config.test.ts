/** The front-proxy certificates generated under the data dir, and the flags that replace them. */
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { Command } from 'commander';
import { frontProxyConfig } from '../../../runtime/cmd/aggregator-tier.js';
import { addServeFlags, completeServeOptions, serveOptionsFrom, validateServeOptions } from '../../../runtime/cmd/options.js';
import { ensurePki } from '../../../runtime/cmd/pki.js';

function options(args: string[]) {
  const command = addServeFlags(new Command()).exitOverride();
  command.parse(args, { from: 'user' });
  return serveOptionsFrom(command.opts());
}

describe('front proxy configuration', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kapi-front-proxy-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const pki = ensurePki(dir);

  it('generates a front-proxy CA of its own and a client certificate it signed, CN front-proxy-client', () => {
    const ca = new X509Certificate(readFileSync(pki.frontProxyCA.cert));
    const client = new X509Certificate(readFileSync(pki.frontProxyClient.cert));
    const clusterCA = new X509Certificate(readFileSync(pki.ca.cert));
    assert.ok(ca.ca);
    assert.match(client.subject, /CN=front-proxy-client/);
    assert.ok(client.verify(ca.publicKey));
    assert.ok(!client.verify(clusterCA.publicKey), 'the cluster CA must not have signed the front proxy');
    assert.ok(client.keyUsage?.includes('1.3.6.1.5.5.7.3.2'), 'client auth usage');
  });

  it('defaults to the generated files and kubeadm header names', () => {
    const config = frontProxyConfig(completeServeOptions(options([`--data-dir=${dir}`])), pki);
    assert.equal(config.requestHeaderCA, readFileSync(pki.frontProxyCA.cert, 'utf8'));
    assert.deepEqual(config.clientCert, readFileSync(pki.frontProxyClient.cert));
    assert.deepEqual(config.allowedNames, ['front-proxy-client']);
    assert.deepEqual(config.usernameHeaders, ['X-Remote-User']);
    assert.deepEqual(config.uidHeaders, ['X-Remote-Uid']);
    assert.deepEqual(config.groupHeaders, ['X-Remote-Group']);
    assert.deepEqual(config.extraHeadersPrefixes, ['X-Remote-Extra-']);
  });

  it('takes kube-apiserver’s flags when given', () => {
    const given = options([
      `--data-dir=${dir}`,
      `--proxy-client-cert-file=${pki.admin.cert}`,
      `--proxy-client-key-file=${pki.admin.key}`,
      `--requestheader-client-ca-file=${pki.ca.cert}`,
      '--requestheader-allowed-names=aggregator,other',
      '--requestheader-username-headers=X-Auth-User',
      '--requestheader-uid-headers=X-Auth-Uid',
      '--requestheader-group-headers=X-Auth-Group',
      '--requestheader-extra-headers-prefix=X-Auth-Extra-',
      '--enable-aggregator-routing=true',
    ]);
    assert.deepEqual(validateServeOptions(given), []);
    const config = frontProxyConfig(completeServeOptions(given), pki);
    assert.deepEqual(config.clientCert, readFileSync(pki.admin.cert));
    assert.equal(config.requestHeaderCA, readFileSync(pki.ca.cert, 'utf8'));
    assert.deepEqual(config.allowedNames, ['aggregator', 'other']);
    assert.deepEqual(config.usernameHeaders, ['X-Auth-User']);
    assert.deepEqual(config.uidHeaders, ['X-Auth-Uid']);
    assert.deepEqual(config.groupHeaders, ['X-Auth-Group']);
    assert.deepEqual(config.extraHeadersPrefixes, ['X-Auth-Extra-']);
  });

  it('allows any name the given request-header CA signed when no names are listed', () => {
    const config = frontProxyConfig(completeServeOptions(options([`--data-dir=${dir}`, `--requestheader-client-ca-file=${pki.frontProxyCA.cert}`])), pki);
    assert.deepEqual(config.allowedNames, []);
  });

  it('refuses a proxy client certificate without its key', () => {
    assert.deepEqual(validateServeOptions(options([`--proxy-client-cert-file=${pki.admin.cert}`])), ['--proxy-client-cert-file and --proxy-client-key-file must be given together']);
  });
});

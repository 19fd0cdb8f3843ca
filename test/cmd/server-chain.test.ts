/**
 * The chain `kapi serve` builds: kube-aggregator → kube-apiserver → apiextensions-apiserver →
 * 404, each tier serving its groups, the head serving discovery, health and the lower tiers'
 * post-start hooks.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import https from 'node:https';
import { after, before, describe, it } from 'node:test';
import { Command } from 'commander';
import { kubeTierInstaller } from '../../runtime/cmd/kube-tier.js';
import { addServeFlags, completeServeOptions, serveOptionsFrom } from '../../runtime/cmd/options.js';
import { createServerChain, tierOf, type ServerChain } from '../../runtime/cmd/server.js';
import type { GenericAPIServer, PreparedGenericAPIServer } from '../../runtime/server/server.js';
import { tempDir } from '../storage/support/temp-dir.js';

function options(dataDir: string) {
  const command = addServeFlags(new Command('serve').exitOverride());
  command.parse(['--data-dir', dataDir, '--secure-port', '0', '-v', '0'], { from: 'user' });
  return completeServeOptions(serveOptionsFrom(command.opts()));
}

function parseJSON(text: string): Record<string, unknown> {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return {};
  }
}

describe('tierOf', () => {
  it('puts CRDs in the extensions tier, APIServices in the aggregator, the rest in kube', () => {
    const tiers = { aggregator: 'aggregator', kube: 'kube', extensions: 'extensions' };
    assert.equal(tierOf('apiextensions.k8s.io', tiers), 'extensions');
    assert.equal(tierOf('apiregistration.k8s.io', tiers), 'aggregator');
    assert.equal(tierOf('', tiers), 'kube');
    assert.equal(tierOf('apps', tiers), 'kube');
  });
});

describe('the server chain of kapi serve', () => {
  const dir = tempDir('server-chain');
  let chain: ServerChain;
  let prepared: PreparedGenericAPIServer;
  let get: (path: string) => Promise<{ status: number; json: Record<string, unknown>; text: string }>;

  before(async () => {
    const completed = options(dir.dir);
    chain = await createServerChain(completed, { restInstaller: kubeTierInstaller() });
    prepared = chain.server.prepareRun();
    const address = await prepared.start({ host: '127.0.0.1', port: 0 });
    const pki = chain.pki!;
    const tls = { ca: readFileSync(pki.ca.cert), cert: readFileSync(pki.admin.cert), key: readFileSync(pki.admin.key) };
    get = (path) =>
      new Promise((resolve, reject) => {
        const req = https.get(`https://127.0.0.1:${address.port}${path}`, { ...tls, timeout: 10_000, headers: { Accept: 'application/json' } }, (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, json: parseJSON(text), text }));
        });
        req.on('error', reject);
        req.on('timeout', () => req.destroy(new Error(`GET ${path} timed out`)));
      });
  });

  after(async () => {
    await prepared.shutdown();
    await chain.close();
    dir.remove();
  });

  it('is three GenericAPIServers, aggregator first', () => {
    const head = chain.server;
    const kube = head.delegate as GenericAPIServer;
    const extensions = kube.delegate as GenericAPIServer;
    assert.deepEqual([head.name, kube.name, extensions.name, extensions.delegate], ['kube-aggregator', 'kube-apiserver', 'apiextensions-apiserver', undefined]);
  });

  it('serves each tier’s group and discovery over all of them', async () => {
    for (const path of ['/apis/apiregistration.k8s.io/v1/apiservices', '/apis/apps/v1/deployments', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions']) {
      const res = await get(path);
      assert.equal(res.status, 200, `${path}: ${res.text}`);
      assert.match(String(res.json['kind']), /List$/);
    }
    const groups = ((await get('/apis')).json['groups'] as { name: string }[]).map((g) => g.name);
    for (const name of ['apiregistration.k8s.io', 'apps', 'apiextensions.k8s.io']) assert.ok(groups.includes(name), name);
  });

  it('answers what no tier serves with a NotFound Status', async () => {
    const res = await get('/apis/widgets.example.com/v1/widgets');
    assert.equal(res.status, 404);
    assert.deepEqual([res.json['kind'], res.json['reason'], res.json['code']], ['Status', 'NotFound', 404]);
  });

  it('runs the kube tier’s post-start hooks from the head and reports them in /readyz', async () => {
    const deadline = Date.now() + 20_000;
    let res = await get('/readyz?verbose');
    while (res.status !== 200 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      res = await get('/readyz?verbose');
    }
    assert.equal(res.status, 200, res.text);
    assert.match(res.text, /\[\+\]poststarthook\/start-kapi-garbage-collector ok/);
  });
});

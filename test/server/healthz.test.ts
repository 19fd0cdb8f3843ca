/** /healthz, /livez and /readyz: upstream's output, excludes, single checks and post-start hooks. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { get, startServer, testConfig, type Running } from './helpers.js';

describe('health endpoints', () => {
  let running: Running;
  let etcdHealthy = true;
  let releaseHook: () => void = () => {};
  before(async () => {
    const server = testConfig((c) => {
      c.storageHealthCheck = () => {
        if (!etcdHealthy) throw new Error('etcd unreachable');
      };
    })
      .complete()
      .new('kapi');
    server.addPostStartHook('start-controllers', () => new Promise<void>((resolve) => (releaseHook = resolve)));
    running = await startServer(server);
  });
  after(() => running.stop());

  it('readyz fails until post-start hooks finish', async () => {
    const res = await get(`${running.url}/readyz`);
    assert.equal(res.status, 500);
    assert.equal(res.headers.get('content-type'), 'text/plain; charset=utf-8');
    assert.equal(
      res.text,
      '[+]ping ok\n[+]log ok\n[+]etcd ok\n[-]poststarthook/start-controllers failed: reason withheld\n[+]shutdown ok\nreadyz check failed\n',
    );
    releaseHook();
    await new Promise((r) => setTimeout(r, 20));
    assert.equal((await get(`${running.url}/readyz`)).text, 'ok');
  });
  it('verbose output', async () => {
    assert.equal(
      (await get(`${running.url}/readyz?verbose`)).text,
      '[+]ping ok\n[+]log ok\n[+]etcd ok\n[+]poststarthook/start-controllers ok\n[+]shutdown ok\nreadyz check passed\n',
    );
    assert.equal(
      (await get(`${running.url}/healthz?verbose`)).text,
      '[+]ping ok\n[+]log ok\n[+]etcd ok\n[+]poststarthook/start-controllers ok\nhealthz check passed\n',
    );
    assert.equal((await get(`${running.url}/livez?verbose=1`)).text.endsWith('livez check passed\n'), true);
  });
  it('excludes checks and warns about unknown ones', async () => {
    etcdHealthy = false;
    try {
      assert.equal((await get(`${running.url}/livez`)).status, 500);
      const res = await get(`${running.url}/livez?exclude=etcd&exclude=nope&verbose`);
      assert.equal(res.status, 200);
      assert.equal(
        res.text,
        '[+]ping ok\n[+]log ok\n[+]etcd excluded: ok\n[+]poststarthook/start-controllers ok\nwarn: some health checks cannot be excluded: no matches for "nope"\nlivez check passed\n',
      );
      const single = await get(`${running.url}/healthz/etcd`);
      assert.equal(single.status, 500);
      assert.equal(single.text, 'internal server error: etcd unreachable\n');
    } finally {
      etcdHealthy = true;
    }
  });
  it('serves a single check', async () => {
    assert.equal((await get(`${running.url}/healthz/ping`)).text, 'ok');
    assert.equal((await get(`${running.url}/readyz/poststarthook/start-controllers`)).text, 'ok');
    assert.equal((await get(`${running.url}/healthz/nope`)).status, 404);
  });
});

describe('graceful shutdown', () => {
  it('fails readyz first, lets requests finish, ends watches cleanly', async () => {
    const server = testConfig((c) => {
      c.shutdownDelayMs = 300;
      c.shutdownTimeoutMs = 3000;
    })
      .complete()
      .new('kapi');
    let watchEndedBySignal = false;
    server.handlePrefix('/api/v1', async (ctx) => {
      if (ctx.state.requestInfo.verb === 'watch') {
        ctx.respond = false;
        ctx.res.writeHead(200, { 'Content-Type': 'application/json' });
        ctx.res.write('{"type":"ADDED","object":{}}\n');
        ctx.state.shutdown.addEventListener('abort', () => {
          watchEndedBySignal = true;
          ctx.res.end();
        });
        return;
      }
      await new Promise((r) => setTimeout(r, 500));
      ctx.body = 'finished';
    });
    const running = await startServer(server);
    const watch = await fetch(`${running.url}/api/v1/pods?watch=true`);
    const reader = watch.body!.getReader();
    await reader.read();
    const slow = fetch(`${running.url}/api/v1/pods`).then((r) => r.text());
    await new Promise((r) => setTimeout(r, 50));
    const stopping = running.stop();
    const readyz = await get(`${running.url}/readyz?verbose`);
    assert.equal(readyz.status, 500);
    assert.match(readyz.text, /\[-\]shutdown failed: reason withheld\n/);
    assert.equal(await slow, 'finished');
    let done = false;
    while (!done) done = (await reader.read()).done;
    await stopping;
    assert.ok(watchEndedBySignal);
    await assert.rejects(fetch(`${running.url}/healthz`));
  });
});

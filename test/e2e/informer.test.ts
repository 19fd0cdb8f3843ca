/**
 * End to end: an informer of @kubernetes/client-node 1.4 against `kapi serve` on each backend:
 * list then watch with ADDED, MODIFIED and DELETED; a relist after the watch ends in an ERROR
 * event with a 410 Status (a watch from a resourceVersion the server's small watch cache window,
 * `--watch-cache-sizes=podtemplates#4`, no longer holds) and after an HTTP 410 on the watch
 * request (from a relay in front of the server); `timeoutSeconds` ending a stream; and
 * `watch` given with Go's boolean spellings (`True`, `1`) as the Python client sends it.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import * as k8s from '@kubernetes/client-node';
import { backends, startKapi, type Backend, type Kapi } from './support/kapi.js';

const WINDOW = 4;

function template(name: string, image = 'nginx:1'): k8s.V1PodTemplate {
  return { metadata: { name }, template: { spec: { containers: [{ name: 'c', image }] } } };
}

/** Polls `predicate` every 50 ms for at most `ms`. */
async function eventually(what: string, predicate: () => boolean, ms = 10_000): Promise<void> {
  const started = Date.now();
  while (!predicate()) {
    if (Date.now() - started > ms) assert.fail(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * An HTTPS relay in front of `kapi`: it answers the first request `goneFor` picks with an HTTP
 * 410 Expired Status and passes everything else through as the admin user. kapi itself, like
 * kube-apiserver, reports an expired watch as an ERROR event in a 200 stream; the relay stands
 * for a proxy or aggregated server that answers 410 before streaming.
 */
async function startRelay(kapi: Kapi, goneFor: (req: http.IncomingMessage) => boolean): Promise<{ url: string; gone: () => number; close: () => Promise<void> }> {
  const pki = (name: string): Buffer => readFileSync(path.join(kapi.dataDir, 'pki', name));
  let gone = 0;
  const server = https.createServer({ cert: pki('apiserver.crt'), key: pki('apiserver.key') }, (req, res) => {
    if (gone === 0 && goneFor(req)) {
      gone++;
      res.writeHead(410, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'too old resource version', reason: 'Expired', code: 410 }));
      return;
    }
    const upstream = https.request(`${kapi.url}${req.url ?? '/'}`, { method: req.method, headers: { ...req.headers, host: new URL(kapi.url).host }, ...kapi.tls }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    gone: () => gone,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function informerSuite(backend: Backend): void {
  describe(`client-node informer on ${backend}`, () => {
    let kapi: Kapi;
    let kc: k8s.KubeConfig;
    let core: k8s.CoreV1Api;
    before(async () => {
      kapi = await startKapi({ backend, flags: [`--watch-cache-sizes=podtemplates#${WINDOW}`] });
      kc = new k8s.KubeConfig();
      kc.loadFromFile(kapi.kubeconfig);
      core = kc.makeApiClient(k8s.CoreV1Api);
      for (const namespace of ['informer-a', 'informer-b']) await core.createNamespace({ body: { metadata: { name: namespace } } });
    });
    after(async () => {
      assert.equal(await kapi.stop(), 0, kapi.log());
    });

    it('lists, then sees ADDED, MODIFIED and DELETED through its watch', async () => {
      const namespace = 'informer-a';
      await core.createNamespacedPodTemplate({ namespace, body: template('before') });
      const informer = k8s.makeInformer(kc, `/api/v1/namespaces/${namespace}/podtemplates`, () => core.listNamespacedPodTemplate({ namespace }));
      const seen: string[] = [];
      const errors: unknown[] = [];
      informer.on('add', (o) => seen.push(`add ${o.metadata?.name}`));
      informer.on('update', (o) => seen.push(`update ${o.metadata?.name} ${o.template?.spec?.containers[0].image}`));
      informer.on('delete', (o) => seen.push(`delete ${o.metadata?.name}`));
      informer.on('error', (e) => errors.push(e));
      await informer.start();
      try {
        await eventually('the listed object', () => seen.includes('add before'));
        await core.createNamespacedPodTemplate({ namespace, body: template('live') });
        await eventually('ADDED', () => seen.includes('add live'));
        await core.replaceNamespacedPodTemplate({ name: 'live', namespace, body: { ...(await core.readNamespacedPodTemplate({ name: 'live', namespace })), template: template('live', 'nginx:2').template } });
        await eventually('MODIFIED', () => seen.includes('update live nginx:2'));
        await core.deleteNamespacedPodTemplate({ name: 'live', namespace });
        await eventually('DELETED', () => seen.includes('delete live'));
        assert.deepEqual(
          informer.list(namespace).map((o) => o.metadata?.name),
          ['before'],
        );
        assert.deepEqual(errors, []);
      } finally {
        await informer.stop();
      }
    });

    it('relists after its watch ends with an ERROR event carrying a 410 Status', async () => {
      const namespace = 'informer-b';
      let lists = 0;
      // The first list is answered as of before more than a window of changes: the informer's
      // watch then starts from a resourceVersion the watch cache has dropped.
      const listFn = async (): Promise<k8s.V1PodTemplateList> => {
        const list = await core.listNamespacedPodTemplate({ namespace });
        lists++;
        if (lists === 1) {
          for (let i = 0; i < WINDOW + 2; i++) await core.createNamespacedPodTemplate({ namespace, body: template(`churn-${i}`) });
        }
        return list;
      };
      const expired: string[] = [];
      const watchPath = `/api/v1/namespaces/${namespace}/podtemplates`;
      // The same ERROR event, seen by a plain client-node Watch from the stale resourceVersion.
      const stale = (await core.listNamespacedPodTemplate({ namespace })).metadata?.resourceVersion ?? '';
      const informer = k8s.makeInformer(kc, watchPath, listFn);
      const errors: unknown[] = [];
      informer.on('error', (e) => errors.push(e));
      await informer.start();
      try {
        await eventually('the relist', () => lists === 2 && informer.list(namespace).length === WINDOW + 2);
        assert.deepEqual(errors, []);
        let ended = false;
        await new k8s.Watch(kc).watch(
          watchPath,
          { resourceVersion: stale },
          (type, object: { code?: number; reason?: string }) => expired.push(`${type} ${object.code} ${object.reason}`),
          () => (ended = true),
        );
        await eventually('the ERROR event and the end of the stream', () => ended);
        assert.deepEqual(expired, ['ERROR 410 Expired']);
      } finally {
        await informer.stop();
      }
    });

    it('relists after an HTTP 410 on its watch request (answered by a relay in front of the server)', async () => {
      const relay = await startRelay(kapi, (req) => req.url?.includes('watch=true') === true);
      try {
        const relayed = new k8s.KubeConfig();
        relayed.loadFromFile(kapi.kubeconfig);
        relayed.clusters[0] = { ...relayed.clusters[0], server: relay.url };
        const relayedCore = relayed.makeApiClient(k8s.CoreV1Api);
        const namespace = 'informer-b';
        let lists = 0;
        const informer = k8s.makeInformer(relayed, `/api/v1/namespaces/${namespace}/podtemplates`, () => {
          lists++;
          return relayedCore.listNamespacedPodTemplate({ namespace });
        });
        const added: string[] = [];
        const errors: unknown[] = [];
        informer.on('add', (o) => added.push(o.metadata?.name ?? ''));
        informer.on('error', (e) => errors.push(e));
        await informer.start();
        try {
          await eventually('the relist after the 410', () => lists === 2 && relay.gone() === 1);
          await core.createNamespacedPodTemplate({ namespace, body: template('after-gone') });
          await eventually('an event through the next watch', () => added.includes('after-gone'));
          assert.deepEqual(errors, []);
        } finally {
          await informer.stop();
        }
      } finally {
        await relay.close();
      }
    });

    it('timeoutSeconds ends the watch stream normally', async () => {
      let done: unknown = 'pending';
      const started = Date.now();
      await new k8s.Watch(kc).watch('/api/v1/namespaces/informer-a/podtemplates', { timeoutSeconds: 1 }, () => undefined, (err) => (done = err));
      await eventually('the end of the stream', () => done !== 'pending', 10_000);
      assert.equal(done, null);
      const elapsed = Date.now() - started;
      assert.ok(elapsed >= 900 && elapsed < 5000, `the stream ended after ${elapsed} ms`);
    });

    it('watch=True and watch=1 watch; watch=0 and watch=false list', async () => {
      for (const value of ['True', '1', 'true', 't']) {
        const response = await kapi.request(`/api/v1/namespaces/informer-a/podtemplates?watch=${value}&timeoutSeconds=1`);
        assert.equal(response.status, 200);
        const events = response.body.trim().split('\n').map((line) => JSON.parse(line) as { type: string; object: { metadata: { name: string } } });
        assert.deepEqual(events.map((e) => `${e.type} ${e.object.metadata.name}`), ['ADDED before'], `watch=${value}`);
      }
      for (const value of ['0', 'false', 'False']) {
        const response = await kapi.request(`/api/v1/namespaces/informer-a/podtemplates?watch=${value}`);
        assert.equal((response.json as { kind: string }).kind, 'PodTemplateList', `watch=${value}`);
      }
    });
  });
}

for (const backend of backends()) informerSuite(backend);

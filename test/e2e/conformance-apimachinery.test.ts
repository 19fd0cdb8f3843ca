/**
 * End to end: behaviours the upstream api-machinery [Conformance] tests check (reference
 * conformance-apiserver.md: chunking 71–72, watch 78–82, Table 73, discovery 40–41 and 44,
 * version 83, namespaces 54–58), over HTTPS against `kapi serve` on each backend, one server per
 * backend with a one-second compaction interval so that continue tokens expire in seconds.
 */
import assert from 'node:assert/strict';
import https from 'node:https';
import { after, before, describe, it } from 'node:test';
import { backends, startKapi, type Backend, type HttpRequest, type Kapi } from './support/kapi.js';

interface Meta {
  name: string;
  namespace?: string;
  resourceVersion: string;
  labels?: Record<string, string>;
}
interface Obj {
  kind?: string;
  metadata: Meta;
  [field: string]: unknown;
}
interface List {
  metadata: { resourceVersion: string; continue?: string; remainingItemCount?: number };
  items: Obj[];
}
interface WatchEvent {
  type: string;
  object: Obj;
}

/** A watch stream over HTTPS, its events collected as they arrive. */
function openWatch(kapi: Kapi, path: string): { events: WatchEvent[]; close(): void; ready: Promise<void> } {
  const events: WatchEvent[] = [];
  let buffered = '';
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const req = https.get(`${kapi.url}${path}`, { ...kapi.tls, headers: { Accept: 'application/json' } }, (res) => {
    markReady();
    res.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      let newline: number;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        events.push(JSON.parse(buffered.slice(0, newline)) as WatchEvent);
        buffered = buffered.slice(newline + 1);
      }
    });
    res.on('error', () => undefined);
  });
  req.on('error', () => undefined);
  return { events, ready, close: () => req.destroy() };
}

async function eventually(what: string, predicate: () => boolean, ms = 10_000): Promise<void> {
  const started = Date.now();
  while (!predicate()) {
    if (Date.now() - started > ms) assert.fail(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function conformance(backend: Backend): void {
  describe(`api-machinery conformance behaviours on ${backend}`, () => {
    let kapi: Kapi;
    const call = async (path: string, init?: HttpRequest): Promise<{ status: number; json: unknown; body: string }> => kapi.request(path, init);
    const send = async (method: string, path: string, body: unknown, contentType = 'application/json'): Promise<Obj> => {
      const response = await call(path, { method, contentType, body: JSON.stringify(body) });
      assert.ok(response.status >= 200 && response.status < 300, `${method} ${path}: ${response.status} ${response.body}`);
      return response.json as Obj;
    };
    const namespace = async (name: string): Promise<void> => {
      await send('POST', '/api/v1/namespaces', { metadata: { name } });
    };

    before(async () => {
      kapi = await startKapi({ backend, flags: ['--etcd-compaction-interval=1s'] });
    });
    after(async () => {
      assert.equal(await kapi.stop(), 0, kapi.log());
    });

    describe('chunking', () => {
      const NS = 'chunking';
      const TEMPLATES = `/api/v1/namespaces/${NS}/podtemplates`;
      before(async () => {
        await namespace(NS);
        const names = Array.from({ length: 400 }, (_, i) => `template-${String(i).padStart(4, '0')}`);
        // Eight at a time, bounded by the 400 names.
        for (let i = 0; i < names.length; i += 8) {
          await Promise.all(names.slice(i, i + 8).map((name) => send('POST', TEMPLATES, { metadata: { name }, template: { spec: { containers: [{ name: 'c', image: 'nginx' }] } } })));
        }
      });

      it('limit=17 pages: each within the limit, one resourceVersion, remainingItemCount, names in order', async () => {
        for (let pass = 0; pass < 3; pass++) {
          const seen: string[] = [];
          let token = '';
          let firstRV = '';
          for (let page = 0; page < 30; page++) {
            const list = (await call(`${TEMPLATES}?limit=17${token ? `&continue=${encodeURIComponent(token)}` : ''}`)).json as List;
            assert.ok(list.items.length <= 17);
            if (page === 0) firstRV = list.metadata.resourceVersion;
            assert.equal(list.metadata.resourceVersion, firstRV);
            seen.push(...list.items.map((i) => i.metadata.name));
            if (!list.metadata.continue) {
              assert.equal(list.metadata.remainingItemCount, undefined);
              break;
            }
            assert.equal(list.metadata.remainingItemCount, 400 - seen.length);
            token = list.metadata.continue;
          }
          assert.equal(seen.length, 400);
          assert.deepEqual(seen, [...seen].sort());
        }
        const all = (await call(`${TEMPLATES}?limit=401`)).json as List;
        assert.equal(all.items.length, 400);
        assert.equal(all.metadata.continue, undefined);
      });

      it('an expired continue token is 410 Expired with an inconsistent continue token that goes on', async () => {
        const first = (await call(`${TEMPLATES}?limit=40`)).json as List;
        assert.equal(first.items.length, 40);
        const token = first.metadata.continue!;
        // Writes elsewhere move the revision on; compaction every second then passes the token's
        // (SQLite, like kine, keeps the last 1,000 revisions, so it takes more writes there).
        let expired: { status: number; json: unknown; body: string } | undefined;
        for (let i = 0; i < 60 && !expired; i++) {
          for (let j = 0; j < 48; j += 8) {
            await Promise.all(Array.from({ length: 8 }, (_, k) => send('POST', `/api/v1/namespaces/${NS}/configmaps`, { metadata: { name: `churn-${i}-${j + k}` } })));
          }
          await new Promise((r) => setTimeout(r, 300));
          const response = await call(`${TEMPLATES}?limit=40&continue=${encodeURIComponent(token)}`);
          if (response.status === 410) expired = response;
          else assert.equal(response.status, 200, response.body);
        }
        assert.ok(expired, 'the continue token never expired');
        const status = expired.json as { reason: string; code: number; message: string; metadata: { continue?: string } };
        assert.equal(status.reason, 'Expired');
        assert.equal(status.code, 410);
        assert.match(status.message, /inconsistent list/);
        const next = (await call(`${TEMPLATES}?limit=40&continue=${encodeURIComponent(status.metadata.continue!)}`)).json as List;
        assert.equal(next.items.length, 40);
        assert.notEqual(next.metadata.resourceVersion, first.metadata.resourceVersion);
        const names = [...first.items, ...next.items].map((i) => i.metadata.name);
        assert.deepEqual(names, Array.from({ length: 80 }, (_, i) => `template-${String(i).padStart(4, '0')}`));
        let rest = next;
        const seen = [...names];
        for (let page = 0; page < 20 && rest.metadata.continue; page++) {
          rest = (await call(`${TEMPLATES}?limit=40&continue=${encodeURIComponent(rest.metadata.continue)}`)).json as List;
          assert.equal(rest.metadata.resourceVersion, next.metadata.resourceVersion);
          seen.push(...rest.items.map((i) => i.metadata.name));
        }
        assert.equal(seen.length, 400);
      });
    });

    describe('watch', () => {
      const NS = 'watchers';
      const CMS = `/api/v1/namespaces/${NS}/configmaps`;
      before(async () => {
        await namespace(NS);
      });

      it('from a past resourceVersion, and again from the last one observed: only later events, in order', async () => {
        const created = await send('POST', CMS, { metadata: { name: 'rv', labels: { watch: 'rv' } }, data: { n: '0' } });
        const first = await send('PATCH', `${CMS}/rv`, { data: { n: '1' } }, 'application/merge-patch+json');
        await send('PATCH', `${CMS}/rv`, { data: { n: '2' } }, 'application/merge-patch+json');
        const watch = openWatch(kapi, `${CMS}?watch=true&labelSelector=watch%3Drv&resourceVersion=${first.metadata.resourceVersion}`);
        try {
          await eventually('the MODIFIED event after the given resourceVersion', () => watch.events.length >= 1);
          assert.deepEqual(
            watch.events.map((e) => `${e.type} ${String((e.object['data'] as Record<string, string>)['n'])}`),
            ['MODIFIED 2'],
          );
        } finally {
          watch.close();
        }
        const last = watch.events[watch.events.length - 1].object.metadata.resourceVersion;
        await send('PATCH', `${CMS}/rv`, { data: { n: '3' } }, 'application/merge-patch+json');
        await call(`${CMS}/rv`, { method: 'DELETE' });
        const again = openWatch(kapi, `${CMS}?watch=true&labelSelector=watch%3Drv&resourceVersion=${last}`);
        try {
          await eventually('the later events', () => again.events.length >= 2);
          assert.deepEqual(
            again.events.map((e) => e.type),
            ['MODIFIED', 'DELETED'],
          );
          assert.ok(Number(again.events[0].object.metadata.resourceVersion) > Number(created.metadata.resourceVersion));
        } finally {
          again.close();
        }
      });

      it('label-selected watchers see exactly their objects; leaving the selector is DELETED, returning ADDED', async () => {
        const a = openWatch(kapi, `${CMS}?watch=true&labelSelector=mark%3Da`);
        const ab = openWatch(kapi, `${CMS}?watch=true&labelSelector=mark%20in%20(a,b)`);
        try {
          await Promise.all([a.ready, ab.ready]);
          await send('POST', CMS, { metadata: { name: 'sel-a', labels: { mark: 'a' } } });
          await send('POST', CMS, { metadata: { name: 'sel-b', labels: { mark: 'b' } } });
          await send('PATCH', `${CMS}/sel-a`, { metadata: { labels: { mark: 'c' } } }, 'application/merge-patch+json');
          await send('PATCH', `${CMS}/sel-a`, { data: { outside: 'yes' } }, 'application/merge-patch+json');
          await send('PATCH', `${CMS}/sel-a`, { metadata: { labels: { mark: 'a' } } }, 'application/merge-patch+json');
          await call(`${CMS}/sel-b`, { method: 'DELETE' });
          const summary = (events: WatchEvent[]): string[] => events.map((e) => `${e.type} ${e.object.metadata.name}`);
          await eventually('the A watcher', () => a.events.length >= 3);
          await eventually('the A-or-B watcher', () => ab.events.length >= 5);
          await new Promise((r) => setTimeout(r, 300));
          assert.deepEqual(summary(a.events), ['ADDED sel-a', 'DELETED sel-a', 'ADDED sel-a']);
          assert.deepEqual(summary(ab.events), ['ADDED sel-a', 'ADDED sel-b', 'DELETED sel-a', 'ADDED sel-a', 'DELETED sel-b']);
        } finally {
          a.close();
          ab.close();
        }
      });

      it('concurrent watches from the same resourceVersion deliver the same sequence', async () => {
        const start = ((await call(CMS)).json as List).metadata.resourceVersion;
        const watches = [0, 1, 2].map(() => openWatch(kapi, `${CMS}?watch=true&resourceVersion=${start}&labelSelector=order`));
        try {
          await Promise.all(watches.map((w) => w.ready));
          for (let i = 0; i < 10; i++) await send('POST', CMS, { metadata: { name: `order-${i}`, labels: { order: 'yes' } } });
          for (const w of watches) await eventually('ten events', () => w.events.length >= 10);
          const sequences = watches.map((w) => w.events.map((e) => e.object.metadata.resourceVersion).join(','));
          assert.equal(new Set(sequences).size, 1, sequences.join('\n'));
        } finally {
          for (const w of watches) w.close();
        }
      });
    });

    it('Table: 406 for a SelfSubjectAccessReview asked for as a Table', async () => {
      const response = await call('/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', {
        method: 'POST',
        contentType: 'application/json',
        headers: { Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' },
        body: JSON.stringify({ apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', spec: { resourceAttributes: { verb: 'get', resource: 'pods' } } }),
      });
      assert.equal(response.status, 406, response.body);
      assert.equal((response.json as { reason: string }).reason, 'NotAcceptable');
    });

    it('discovery: every group-version lists its resource; preferred versions; raw aggregated v2', async () => {
      const gvrs: [string, string][] = [
        ['/api/v1', 'namespaces'],
        ['/apis/admissionregistration.k8s.io/v1', 'validatingwebhookconfigurations'],
        ['/apis/apiextensions.k8s.io/v1', 'customresourcedefinitions'],
        ['/apis/apiregistration.k8s.io/v1', 'apiservices'],
        ['/apis/apps/v1', 'deployments'],
        ['/apis/authentication.k8s.io/v1', 'tokenreviews'],
        ['/apis/authorization.k8s.io/v1', 'selfsubjectaccessreviews'],
        ['/apis/autoscaling/v1', 'horizontalpodautoscalers'],
        ['/apis/autoscaling/v2', 'horizontalpodautoscalers'],
        ['/apis/batch/v1', 'jobs'],
        ['/apis/certificates.k8s.io/v1', 'certificatesigningrequests'],
        ['/apis/coordination.k8s.io/v1', 'leases'],
        ['/apis/discovery.k8s.io/v1', 'endpointslices'],
        ['/apis/events.k8s.io/v1', 'events'],
        ['/apis/networking.k8s.io/v1', 'ingresses'],
        ['/apis/node.k8s.io/v1', 'runtimeclasses'],
        ['/apis/policy/v1', 'poddisruptionbudgets'],
        ['/apis/scheduling.k8s.io/v1', 'priorityclasses'],
        ['/apis/storage.k8s.io/v1', 'csinodes'],
      ];
      for (const [path, resource] of gvrs) {
        const list = (await call(path)).json as { groupVersion: string; resources: { name: string }[] };
        assert.equal(list.groupVersion, path.replace(/^\/apis?\//, ''), path);
        assert.ok(list.resources.some((r) => r.name === resource), `${resource} missing from ${path}`);
      }
      const groups = ((await call('/apis/')).json as { groups: { name: string }[] }).groups;
      assert.ok(groups.length > 0);
      for (const { name } of groups) {
        const group = (await call(`/apis/${name}/`)).json as { versions: { groupVersion: string }[]; preferredVersion: { groupVersion: string } };
        assert.ok(group.versions.length > 0, name);
        assert.ok(group.versions.some((v) => v.groupVersion === group.preferredVersion.groupVersion), name);
      }
      const accept = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';
      const core = (await call('/api', { headers: { Accept: accept } })).json as { apiVersion: string; items: { versions: { version: string; resources: { resource: string }[] }[] }[] };
      assert.equal(core.apiVersion, 'apidiscovery.k8s.io/v2');
      assert.ok(core.items[0].versions[0].resources.some((r) => r.resource === 'namespaces'));
      const apis = (await call('/apis', { headers: { Accept: accept } })).json as { items: { metadata: { name: string }; versions: { version: string; resources: { resource: string }[] }[] }[] };
      for (const [path, resource] of gvrs.slice(1)) {
        const [, , group, version] = path.split('/');
        const found = apis.items.find((g) => g.metadata.name === group)?.versions.find((v) => v.version === version)?.resources.some((r) => r.resource === resource);
        assert.ok(found, `${group}/${version} ${resource} missing from aggregated discovery`);
      }
    });

    it('version: major and minor are integers', async () => {
      const version = (await call('/version')).json as { major: string; minor: string };
      assert.match(version.major, /^\d+$/);
      assert.match(version.minor, /^\d+$/);
    });

    describe('namespaces', () => {
      it('finalize subresource, update, status patch and update, strategic merge patch', async () => {
        const name = 'ns-lifecycle';
        await namespace(name);
        const base = `/api/v1/namespaces/${name}`;
        const current = (await call(base)).json as Obj;
        const spec = current['spec'] as { finalizers: string[] };
        const finalized = await send('PUT', `${base}/finalize`, { ...current, spec: { finalizers: [...spec.finalizers, 'e2e.example.com/fakeFinalizer'] } });
        assert.ok((finalized['spec'] as { finalizers: string[] }).finalizers.includes('e2e.example.com/fakeFinalizer'));
        const removed = await send('PUT', `${base}/finalize`, { ...finalized, spec: { finalizers: spec.finalizers } });
        assert.deepEqual((removed['spec'] as { finalizers: string[] }).finalizers, spec.finalizers);

        const fresh = (await call(base)).json as Obj;
        const updated = await send('PUT', base, { ...fresh, metadata: { ...fresh.metadata, labels: { ...fresh.metadata.labels, [name]: 'updated' } } });
        assert.equal(updated.metadata.labels?.[name], 'updated');

        const status = (await call(`${base}/status`)).json as { status: { phase: string } };
        assert.equal(status.status.phase, 'Active');
        const patched = await send(
          'PATCH',
          `${base}/status`,
          { metadata: { annotations: { e2e: 'patched' } }, status: { conditions: [{ type: 'StatusPatch', status: 'True', reason: 'E2E', message: 'Patched by an e2e test' }] } },
          'application/merge-patch+json',
        );
        assert.equal(patched.metadata.name, name);
        const afterPatch = (await call(base)).json as { metadata: { annotations?: Record<string, string> }; status: { conditions?: { type: string }[] } };
        assert.equal(afterPatch.metadata.annotations?.['e2e'], 'patched');
        const withCondition = { ...afterPatch, status: { ...afterPatch.status, conditions: [...(afterPatch.status.conditions ?? []), { type: 'StatusUpdate', status: 'True', reason: 'E2E', message: 'Updated by an e2e test' }] } };
        const statusUpdated = await send('PUT', `${base}/status`, withCondition);
        assert.deepEqual(((statusUpdated['status'] as { conditions: { type: string }[] }).conditions).map((c) => c.type), ['StatusPatch', 'StatusUpdate']);

        const smp = await send('PATCH', base, { metadata: { labels: { 'testLabel': 'testValue' } } }, 'application/strategic-merge-patch+json');
        assert.equal(smp.metadata.labels?.['testLabel'], 'testValue');
        assert.equal(((await call(base)).json as Obj).metadata.labels?.['testLabel'], 'testValue');
      });

      it('deleting a namespace removes its services; a namespace of the same name starts empty', async () => {
        const name = 'ns-services';
        await namespace(name);
        await send('POST', `/api/v1/namespaces/${name}/services`, { metadata: { name: 'test-service' }, spec: { ports: [{ port: 80, targetPort: 80 }], selector: { foo: 'bar' } } });
        await call(`/api/v1/namespaces/${name}`, { method: 'DELETE' });
        const started = Date.now();
        while ((await call(`/api/v1/namespaces/${name}`)).status !== 404) {
          assert.ok(Date.now() - started < 60_000, 'the namespace was not removed within 60 s');
          await new Promise((r) => setTimeout(r, 250));
        }
        await namespace(name);
        const services = (await call(`/api/v1/namespaces/${name}/services`)).json as List;
        assert.deepEqual(services.items, []);
      });
    });
  });
}

for (const backend of backends()) conformance(backend);

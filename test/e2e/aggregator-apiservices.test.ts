/**
 * End to end: APIService objects through `kapi serve` on SQLite and etcd — the built-in
 * group-versions registered as local APIServices (`Available=True`, reason `Local`, automanaged
 * `onstart`, kube-apiserver's priorities), CRD group-versions registered and removed with their
 * CRD, validation as kube-aggregator's, and the APIService lifecycle of the upstream aggregator
 * conformance test: status read, update and patch, a versionPriority patch, labels, replace,
 * delete, and deletecollection by label.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { backends, startKapi, type Kapi } from './support/kapi.js';

const APISERVICES = '/apis/apiregistration.k8s.io/v1/apiservices';
const AUTOMANAGED = 'kube-aggregator.kubernetes.io/automanaged';

interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
}

interface APIService {
  metadata: { name: string; labels?: Record<string, string>; resourceVersion?: string };
  spec: { group?: string; version?: string; groupPriorityMinimum: number; versionPriority: number; service?: unknown };
  status?: { conditions?: Condition[] };
}

async function until<T>(what: string, ms: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function localAPIService(name: string, group: string, version: string, labels: Record<string, string> = {}): APIService {
  return { metadata: { name, labels }, spec: { group, version, groupPriorityMinimum: 2000, versionPriority: 200 } };
}

for (const backend of backends()) {
  describe(`APIServices (${backend})`, () => {
    let kapi: Kapi;
    const json = async (path: string, method = 'GET', body?: unknown, contentType = 'application/json') => {
      const response = await kapi.request(path, { method, ...(body === undefined ? {} : { body: JSON.stringify(body), contentType }) });
      return response;
    };
    const get = async (name: string): Promise<APIService | undefined> => {
      const response = await json(`${APISERVICES}/${name}`);
      return response.status === 200 ? (response.json as APIService) : undefined;
    };
    const available = (service: APIService | undefined): Condition | undefined => service?.status?.conditions?.find((c) => c.type === 'Available');

    before(async () => {
      kapi = await startKapi({ backend });
    });
    after(async () => {
      const code = await kapi.stop();
      assert.equal(code, 0, `the server did not stop cleanly:\n${kapi.log()}`);
    });

    it('registers every built-in group-version as a local APIService, Available with reason Local', async () => {
      const list = (await json(APISERVICES)).json as { items: APIService[] };
      const byName = new Map(list.items.map((s) => [s.metadata.name, s]));
      for (const name of ['v1.', 'v1.apps', 'v2.autoscaling', 'v1.apiextensions.k8s.io', 'v1.rbac.authorization.k8s.io']) assert.ok(byName.has(name), `${name} registered`);
      const core = byName.get('v1.')!;
      assert.deepEqual(core.spec, { group: '', version: 'v1', groupPriorityMinimum: 18000, versionPriority: 1 });
      assert.equal(core.metadata.labels?.[AUTOMANAGED], 'onstart');
      assert.deepEqual(byName.get('v2.autoscaling')!.spec, { group: 'autoscaling', version: 'v2', groupPriorityMinimum: 17500, versionPriority: 30 });
      const apps = await until('v1.apps Available', 10_000, async () => {
        const service = await get('v1.apps');
        return available(service)?.status === 'True' ? service : undefined;
      });
      const condition = available(apps)!;
      assert.deepEqual({ status: condition.status, reason: condition.reason, message: condition.message }, { status: 'True', reason: 'Local', message: 'Local APIServices are always available' });
      assert.ok(condition.lastTransitionTime);
    });

    it('publishes kube-system/extension-apiserver-authentication for aggregated servers', async () => {
      const response = await json('/api/v1/namespaces/kube-system/configmaps/extension-apiserver-authentication');
      assert.equal(response.status, 200, response.body);
      const data = (response.json as { data: Record<string, string> }).data;
      const pem = (name: string): string => readFileSync(path.join(kapi.dataDir, 'pki', name), 'utf8');
      assert.deepEqual(Object.keys(data).sort(), [
        'client-ca-file',
        'requestheader-allowed-names',
        'requestheader-client-ca-file',
        'requestheader-extra-headers-prefix',
        'requestheader-group-headers',
        'requestheader-uid-headers',
        'requestheader-username-headers',
      ]);
      assert.equal(data['client-ca-file'], pem('ca.crt'));
      assert.equal(data['requestheader-client-ca-file'], pem('front-proxy-ca.crt'));
      assert.equal(data['requestheader-allowed-names'], '["front-proxy-client"]');
      assert.equal(data['requestheader-username-headers'], '["X-Remote-User"]');
      assert.equal(data['requestheader-group-headers'], '["X-Remote-Group"]');
      assert.equal(data['requestheader-uid-headers'], '["X-Remote-Uid"]');
      assert.equal(data['requestheader-extra-headers-prefix'], '["X-Remote-Extra-"]');
    });

    it('registers a CRD’s group-version and removes it with the CRD', async () => {
      const crd = {
        apiVersion: 'apiextensions.k8s.io/v1',
        kind: 'CustomResourceDefinition',
        metadata: { name: 'widgets.stable.example.com' },
        spec: {
          group: 'stable.example.com',
          scope: 'Namespaced',
          names: { plural: 'widgets', singular: 'widget', kind: 'Widget', listKind: 'WidgetList' },
          versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } } }],
        },
      };
      const created = await json('/apis/apiextensions.k8s.io/v1/customresourcedefinitions', 'POST', crd);
      assert.equal(created.status, 201, created.body);
      const registered = await until('v1.stable.example.com registered', 20_000, () => get('v1.stable.example.com'));
      assert.deepEqual(registered.spec, { group: 'stable.example.com', version: 'v1', groupPriorityMinimum: 1000, versionPriority: 100 });
      assert.equal(registered.metadata.labels?.[AUTOMANAGED], 'true');
      await until('v1.stable.example.com Local', 10_000, async () => (available(await get('v1.stable.example.com'))?.reason === 'Local' ? true : undefined));
      const deleted = await json('/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.stable.example.com', 'DELETE');
      assert.ok(deleted.status === 200 || deleted.status === 202, deleted.body);
      await until('v1.stable.example.com removed', 30_000, async () => ((await get('v1.stable.example.com')) === undefined ? true : undefined));
    });

    it('refuses APIServices kube-aggregator refuses, naming the field', async () => {
      const wrongName = await json(APISERVICES, 'POST', localAPIService('v1.wrong.example.com', 'other.example.com', 'v1'));
      assert.equal(wrongName.status, 422);
      assert.match((wrongName.json as { message: string }).message, /metadata\.name: Invalid value: "v1\.wrong\.example\.com": must be `spec\.version\+"\."\+spec\.group`: "v1\.other\.example\.com"/);
      const badPriority = await json(APISERVICES, 'POST', { metadata: { name: 'v1.p.example.com' }, spec: { group: 'p.example.com', version: 'v1', groupPriorityMinimum: 30000, versionPriority: 0 } });
      assert.equal(badPriority.status, 422);
      const message = (badPriority.json as { message: string }).message;
      assert.match(message, /spec\.groupPriorityMinimum: Invalid value: 30000: must be positive and less than 20000/);
      assert.match(message, /spec\.versionPriority: Invalid value: 0: must be positive and less than 1000/);
      const localWithCA = await json(APISERVICES, 'POST', { ...localAPIService('v1.ca.example.com', 'ca.example.com', 'v1'), spec: { group: 'ca.example.com', version: 'v1', groupPriorityMinimum: 1, versionPriority: 1, caBundle: Buffer.from('x').toString('base64') } });
      assert.equal(localWithCA.status, 422);
      assert.match((localWithCA.json as { message: string }).message, /spec\.caBundle: Invalid value: "1 bytes": local APIServices may not have a caBundle/);
      const noService = await json(APISERVICES, 'POST', { metadata: { name: 'v1.svc.example.com' }, spec: { group: 'svc.example.com', version: 'v1', groupPriorityMinimum: 1, versionPriority: 1, service: { port: 443 } } });
      assert.equal(noService.status, 422);
      assert.match((noService.json as { message: string }).message, /spec\.service\.namespace: Required value/);
    });

    it('goes through the APIService lifecycle of the aggregator conformance test', async () => {
      const name = 'v1alpha1.lifecycle.example.com';
      assert.equal((await json(APISERVICES, 'POST', localAPIService(name, 'lifecycle.example.com', 'v1alpha1', { 'e2e-apiservice': 'created' }))).status, 201);
      await until('Available', 10_000, async () => (available(await get(name))?.status === 'True' ? true : undefined));

      const status = await json(`${APISERVICES}/${name}/status`);
      assert.equal(status.status, 200);
      assert.equal(available(status.json as APIService)?.reason, 'Local');

      const patched = await json(`${APISERVICES}/${name}`, 'PATCH', { spec: { versionPriority: 400 } }, 'application/merge-patch+json');
      assert.equal(patched.status, 200, patched.body);
      assert.equal((patched.json as APIService).spec.versionPriority, 400);

      const list = (await json(APISERVICES)).json as { items: APIService[] };
      assert.ok(list.items.some((s) => s.metadata.name === name && s.spec.versionPriority === 400));

      const labelled = await json(`${APISERVICES}/${name}`, 'PATCH', { metadata: { labels: { 'e2e-apiservice': 'patched' } } }, 'application/merge-patch+json');
      assert.equal((labelled.json as APIService).metadata.labels?.['e2e-apiservice'], 'patched');

      // update /status adding a condition: Available stays
      const current = (await json(`${APISERVICES}/${name}/status`)).json as APIService;
      const withUpdated = { ...current, status: { conditions: [...(current.status?.conditions ?? []), { type: 'StatusUpdated', status: 'True', reason: 'E2E', message: 'Set from an e2e test' }] } };
      const updated = await json(`${APISERVICES}/${name}/status`, 'PUT', withUpdated);
      assert.equal(updated.status, 200, updated.body);
      const afterUpdate = (updated.json as APIService).status?.conditions?.map((c) => `${c.type}=${c.status}`);
      assert.deepEqual(afterUpdate, ['Available=True', 'StatusUpdated=True']);
      // the controller leaves a condition that is not its own alone
      await new Promise((r) => setTimeout(r, 1500));
      assert.deepEqual(((await get(name))!.status?.conditions ?? []).map((c) => c.type), ['Available', 'StatusUpdated']);

      const replaced = await json(`${APISERVICES}/${name}`, 'PUT', { ...(await get(name))!, metadata: { ...(await get(name))!.metadata, labels: { 'e2e-apiservice': 'patched', replaced: 'yes' } } });
      assert.equal(replaced.status, 200, replaced.body);
      assert.equal((replaced.json as APIService).metadata.labels?.['replaced'], 'yes');

      const other = 'v1.other-lifecycle.example.com';
      assert.equal((await json(APISERVICES, 'POST', localAPIService(other, 'other-lifecycle.example.com', 'v1'))).status, 201);
      assert.equal((await json(`${APISERVICES}/${other}`, 'DELETE')).status, 200);
      assert.equal(await get(other), undefined);

      const statusPatched = await json(
        `${APISERVICES}/${name}/status`,
        'PATCH',
        { status: { conditions: [{ type: 'Available', status: 'True', reason: 'Local', message: 'Local APIServices are always available' }, { type: 'StatusPatched', status: 'True', reason: 'E2E', message: 'Set by a patch' }] } },
        'application/merge-patch+json',
      );
      assert.equal(statusPatched.status, 200, statusPatched.body);
      assert.ok((statusPatched.json as APIService).status?.conditions?.some((c) => c.type === 'StatusPatched'));

      const collection = await json(`${APISERVICES}?labelSelector=e2e-apiservice%3Dpatched`, 'DELETE');
      assert.equal(collection.status, 200, collection.body);
      const remaining = (await json(`${APISERVICES}?labelSelector=e2e-apiservice%3Dpatched`)).json as { items: APIService[] };
      assert.equal(remaining.items.length, 0);
      // the built-in ones were not touched by the label selector
      assert.ok(await get('v1.apps'));
    });

    it('corrects a built-in APIService only at start, so a later edit of it stays, as upstream’s onstart registration', async () => {
      const patched = await json(`${APISERVICES}/v1.batch`, 'PATCH', { spec: { versionPriority: 7 } }, 'application/merge-patch+json');
      assert.equal(patched.status, 200, patched.body);
      await new Promise((r) => setTimeout(r, 2500));
      const service = await get('v1.batch');
      assert.equal(service?.spec.versionPriority, 7);
      assert.equal(service?.metadata.labels?.[AUTOMANAGED], 'onstart');
    });

    if (backend === 'sqlite') {
      // a restart keeps the data dir; the SQLite store is the one backend a restart reopens as is
      it('corrects the edited built-in APIService at the next start, and leaves the user’s own alone', async () => {
        assert.equal((await json(APISERVICES, 'POST', localAPIService('v1.mine.example.com', 'mine.example.com', 'v1'))).status, 201);
        await kapi.kill();
        kapi = await startKapi({ backend, dataDir: kapi.dataDir });
        const batch = await until('v1.batch corrected', 30_000, async () => {
          const service = await get('v1.batch');
          return service?.spec.versionPriority === 15 ? service : undefined;
        });
        assert.equal(batch.metadata.labels?.[AUTOMANAGED], 'onstart');
        const mine = await get('v1.mine.example.com');
        assert.deepEqual(mine?.spec, { group: 'mine.example.com', version: 'v1', groupPriorityMinimum: 2000, versionPriority: 200 });
      });
    }
  });
}

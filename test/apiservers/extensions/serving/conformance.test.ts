/**
 * The CRD behaviours of upstream's conformance suite (conformance-apiserver.md items 25–30, 43
 * and 45), driven over HTTP against `kapi serve` on SQLite and on etcd: watching custom objects,
 * creating and deleting CRDs, the CRD status subresource, listing and deleting CRDs by label,
 * defaulting for requests and from storage, and CRDs in legacy and aggregated discovery.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { backends, startKapi, type Kapi } from '../../../e2e/support/kapi.js';
import { CRDS, establish, eventually, jsonBody, widgetCRD, type Obj } from './support.js';

const AGGREGATED_V2 = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';
const AGGREGATED_V2BETA1 = 'application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList';

const random = (): string => Math.random().toString(36).slice(2, 8);

/** A minimal CRD of one version with `schema`, in its own group. */
function simpleCRD(group: string, plural: string, schema: Obj, scope: 'Namespaced' | 'Cluster' = 'Cluster', labels?: Record<string, string>): Obj {
  const kind = plural[0]!.toUpperCase() + plural.slice(1, -1);
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${plural}.${group}`, ...(labels ? { labels } : {}) },
    spec: {
      group,
      scope,
      names: { plural, singular: plural.slice(0, -1), kind, listKind: `${kind}List` },
      versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: schema } }],
    },
  };
}

const openSchema: Obj = { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };

for (const backend of backends()) {
  describe(`CRD conformance behaviours (${backend})`, () => {
    let kapi: Kapi;
    const call = (path: string, init?: Parameters<Kapi['request']>[1]) => kapi.request(path, init);
    const createCRD = async (crd: Obj): Promise<string> => {
      const res = await call(CRDS, { method: 'POST', ...jsonBody(crd) });
      assert.equal(res.status, 201, res.body);
      const name = (crd['metadata'] as Obj)['name'] as string;
      await establish(call, name);
      return name;
    };
    before(async () => {
      kapi = await startKapi({ backend });
    });
    after(async () => {
      await kapi?.stop();
    });

    it('25: a watch on custom objects sees ADDED, MODIFIED and DELETED', async () => {
      const group = `watch-${random()}.example.com`;
      await createCRD(simpleCRD(group, 'noxus', openSchema));
      const base = `/apis/${group}/v1/noxus`;
      await eventually(async () => (await call(base)).status === 200, 'the resource served');
      const rv = (((await call(base)).json as Obj)['metadata'] as Obj)['resourceVersion'] as string;
      const watching = call(`${base}?watch=1&resourceVersion=${rv}&timeoutSeconds=3`, { timeoutMs: 10_000 });
      await new Promise((resolve) => setTimeout(resolve, 300));
      const noxu = (name: string, content: Obj = {}): Obj => ({ apiVersion: `${group}/v1`, kind: 'Noxu', metadata: { name }, content });
      assert.equal((await call(base, { method: 'POST', ...jsonBody(noxu('name1')) })).status, 201);
      assert.equal((await call(base, { method: 'POST', ...jsonBody(noxu('name2')) })).status, 201);
      assert.equal((await call(`${base}/name1`, { method: 'PATCH', ...jsonBody({ content: { key: 'value' } }, 'application/merge-patch+json') })).status, 200);
      assert.equal((await call(`${base}/name1`, { method: 'DELETE' })).status, 200);
      assert.equal((await call(`${base}/name2`, { method: 'DELETE' })).status, 200);
      const events = (await watching).body
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Obj)
        .map((e) => `${e['type']} ${((e['object'] as Obj)['metadata'] as Obj)['name']}`);
      assert.deepEqual(events, ['ADDED name1', 'ADDED name2', 'MODIFIED name1', 'DELETED name1', 'DELETED name2']);
    });

    it('26: creating and deleting a CRD works', async () => {
      const group = `simple-${random()}.example.com`;
      const name = await createCRD(simpleCRD(group, 'foos', openSchema, 'Namespaced'));
      await eventually(async () => (await call(`/apis/${group}/v1/namespaces/default/foos`)).status === 200, 'served');
      assert.equal((await call(`${CRDS}/${name}`, { method: 'DELETE' })).status, 200);
      await eventually(async () => (await call(`${CRDS}/${name}`)).status === 404, 'the CRD gone', 30_000);
      await eventually(async () => (await call(`/apis/${group}/v1/namespaces/default/foos`)).status === 404, 'the API gone');
    });

    it('27: the CRD status subresource can be read, updated and patched', async () => {
      const group = `status-${random()}.example.com`;
      const name = await createCRD(simpleCRD(group, 'bars', openSchema));
      const got = await call(`${CRDS}/${name}/status`);
      assert.equal(got.status, 200, got.body);
      const crd = got.json as Obj;
      const updated: Obj = { type: 'StatusUpdated', status: 'True', reason: 'E2E', message: 'Set from an e2e test' };
      (crd['status'] as Obj)['conditions'] = [...(((crd['status'] as Obj)['conditions'] as Obj[]) ?? []), updated];
      const put = await call(`${CRDS}/${name}/status`, { method: 'PUT', ...jsonBody(crd) });
      assert.equal(put.status, 200, put.body);
      assert.ok((((put.json as Obj)['status'] as Obj)['conditions'] as Obj[]).some((c) => c['type'] === 'StatusUpdated'));
      const patched: Obj = { type: 'StatusPatched', status: 'True', reason: 'E2E', message: 'patched' };
      const patch = await call(`${CRDS}/${name}/status`, { method: 'PATCH', ...jsonBody({ status: { conditions: [patched] } }, 'application/merge-patch+json') });
      assert.equal(patch.status, 200, patch.body);
      assert.ok((((patch.json as Obj)['status'] as Obj)['conditions'] as Obj[]).some((c) => c['type'] === 'StatusPatched'));
      const later = (await call(`${CRDS}/${name}`)).json as Obj;
      assert.ok((((later['status'] as Obj)['conditions'] as Obj[]) ?? []).length > 0);
    });

    it('28: CRDs are listed and deleted by label selector', async () => {
      const label = `e2e-list-test-${random()}`;
      const names: string[] = [];
      for (let i = 0; i < 10; i++) {
        const crd = simpleCRD(`list-${random()}.example.com`, `items${i}s`, openSchema, 'Cluster', { e2e: label });
        const res = await call(CRDS, { method: 'POST', ...jsonBody(crd) });
        assert.equal(res.status, 201, res.body);
        names.push((crd['metadata'] as Obj)['name'] as string);
      }
      const other = simpleCRD(`other-${random()}.example.com`, 'others', openSchema);
      assert.equal((await call(CRDS, { method: 'POST', ...jsonBody(other) })).status, 201);
      const listed = (await call(`${CRDS}?labelSelector=e2e%3D${label}`)).json as Obj;
      assert.deepEqual(((listed['items'] as Obj[]).map((c) => (c['metadata'] as Obj)['name']) as string[]).sort(), [...names].sort());
      const deleted = await call(`${CRDS}?labelSelector=e2e%3D${label}`, { method: 'DELETE' });
      assert.equal(deleted.status, 200, deleted.body);
      await eventually(async () => (((await call(`${CRDS}?labelSelector=e2e%3D${label}`)).json as Obj)['items'] as Obj[]).length === 0, 'the labelled CRDs gone', 30_000);
      assert.equal((await call(`${CRDS}/${(other['metadata'] as Obj)['name'] as string}`)).status, 200, 'an unlabelled CRD stays');
    });

    it('29: defaulting works for requests and from storage', async () => {
      const group = `default-${random()}.example.com`;
      const schema = (defaults: Obj): Obj => ({
        type: 'object',
        properties: { spec: { type: 'object', properties: { a: { type: 'string', ...(defaults['a'] ? { default: defaults['a'] } : {}) }, b: { type: 'string', ...(defaults['b'] ? { default: defaults['b'] } : {}) } } } },
      });
      const name = await createCRD(simpleCRD(group, 'defs', schema({ a: 'A' })));
      const base = `/apis/${group}/v1/defs`;
      await eventually(async () => (await call(base)).status === 200, 'served');
      const created = await call(base, { method: 'POST', ...jsonBody({ apiVersion: `${group}/v1`, kind: 'Def', metadata: { name: 'foo' }, spec: {} }) });
      assert.equal(created.status, 201, created.body);
      assert.deepEqual((created.json as Obj)['spec'], { a: 'A' }, 'defaulted in the request');

      const crd = (await call(`${CRDS}/${name}`)).json as Obj;
      (((crd['spec'] as Obj)['versions'] as Obj[])[0]!['schema'] as Obj)['openAPIV3Schema'] = schema({ b: 'B' });
      assert.equal((await call(`${CRDS}/${name}`, { method: 'PUT', ...jsonBody(crd) })).status, 200);
      await eventually(async () => ((((await call(`${base}/foo`)).json as Obj)['spec'] as Obj)['b']) === 'B', 'b defaulted from storage');
      assert.deepEqual(((await call(`${base}/foo`)).json as Obj)['spec'], { a: 'A', b: 'B' }, 'the persisted a stays');
      const list = (await call(base)).json as Obj;
      assert.deepEqual(((list['items'] as Obj[])[0]!)['spec'], { a: 'A', b: 'B' }, 'lists are defaulted too');
    });

    it('30: discovery lists customresourcedefinitions in apiextensions.k8s.io/v1', async () => {
      const groups = ((await call('/apis')).json as Obj)['groups'] as Obj[];
      const apiextensions = groups.find((g) => g['name'] === 'apiextensions.k8s.io');
      assert.ok(apiextensions, 'the group is in /apis');
      assert.ok((apiextensions['versions'] as Obj[]).some((v) => v['groupVersion'] === 'apiextensions.k8s.io/v1'));
      const group = (await call('/apis/apiextensions.k8s.io')).json as Obj;
      assert.equal((group['preferredVersion'] as Obj)['groupVersion'], 'apiextensions.k8s.io/v1');
      const resources = ((await call('/apis/apiextensions.k8s.io/v1')).json as Obj)['resources'] as Obj[];
      assert.ok(resources.some((r) => r['name'] === 'customresourcedefinitions'));
    });

    for (const [item, accept] of [
      ['43', AGGREGATED_V2],
      ['45', AGGREGATED_V2BETA1],
    ] as const) {
      it(`${item}: a new CRD appears in aggregated discovery (${accept.includes('v2beta1') ? 'v2beta1' : 'v2'})`, async () => {
        const group = `agg-${random()}.example.com`;
        await createCRD(widgetCRD({ group, plural: 'gadgets', kind: 'Gadget' }));
        await eventually(async () => {
          const res = await call('/apis', { headers: { Accept: accept } });
          const items = ((res.json as Obj)['items'] as Obj[] | undefined) ?? [];
          return items.some((i) => (i['metadata'] as Obj)['name'] === group);
        }, 'the group in aggregated discovery');
        const res = await call('/apis', { headers: { Accept: accept } });
        assert.match(String(res.headers['content-type']), new RegExp(`g=apidiscovery.k8s.io;v=${accept.includes('v2beta1') ? 'v2beta1' : 'v2'};as=APIGroupDiscoveryList`));
        const entry = ((res.json as Obj)['items'] as Obj[]).find((i) => (i['metadata'] as Obj)['name'] === group)!;
        const v1 = (entry['versions'] as Obj[])[0]!;
        assert.equal(v1['version'], 'v1');
        const resource = (v1['resources'] as Obj[]).find((r) => r['resource'] === 'gadgets')!;
        assert.equal(resource['scope'], 'Namespaced');
        assert.deepEqual(resource['responseKind'], { group, version: 'v1', kind: 'Gadget' });
        assert.deepEqual(resource['categories'], ['all', 'gizmos']);
        assert.deepEqual(
          ((resource['subresources'] as Obj[]) ?? []).map((s) => s['subresource']).sort(),
          ['scale', 'status'],
        );
      });
    }
  });
}

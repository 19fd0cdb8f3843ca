/**
 * Custom resources over HTTP on `kapi serve`, on SQLite and on etcd: a CRD's resources appear
 * once it is established and go with it; bodies are pruned, defaulted and validated by the
 * version's schema (CEL rules included); status and scale subresources; Table output from the
 * printer columns; both versions served from one stored copy; watch; discovery; namespace and
 * CRD deletion.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { backends, startKapi, type Kapi } from '../../../e2e/support/kapi.js';
import { CRDS, establish, eventually, GROUP, jsonBody, widgetCRD, type Obj } from './support.js';

const TABLE = 'application/json;as=Table;v=v1;g=meta.k8s.io';
const WIDGETS = `/apis/${GROUP}/v1/namespaces/default/widgets`;

const widget = (name: string, spec: Obj = {}, extra: Obj = {}): Obj => ({ apiVersion: `${GROUP}/v1`, kind: 'Widget', metadata: { name }, spec, ...extra });

for (const backend of backends()) {
  describe(`custom resources over HTTP (${backend})`, () => {
    let kapi: Kapi;
    const call = (path: string, init?: Parameters<Kapi['request']>[1]) => kapi.request(path, init);
    before(async () => {
      kapi = await startKapi({ backend });
      const created = await call(CRDS, { method: 'POST', ...jsonBody(widgetCRD()) });
      assert.equal(created.status, 201, created.body);
    });
    after(async () => {
      await kapi?.stop();
    });

    it('serves nothing until the CRD is established, then its resources', async () => {
      const before = await call(WIDGETS);
      if (before.status === 404) assert.equal((before.json as Obj)['reason'], 'NotFound');
      await establish(call, `widgets.${GROUP}`);
      await eventually(async () => (await call(WIDGETS)).status === 200, 'the widgets list');
      const list = (await call(WIDGETS)).json as Obj;
      assert.equal(list['kind'], 'WidgetList');
      assert.equal(list['apiVersion'], `${GROUP}/v1`);
      assert.deepEqual(list['items'], []);
    });

    it('creates with defaults and generation 1, drops status and unknown fields', async () => {
      const res = await call(WIDGETS, { method: 'POST', ...jsonBody(widget('w1', { size: 'L', foo: 1 }, { status: { replicas: 9 } })) });
      assert.equal(res.status, 201, res.body);
      const body = res.json as Obj;
      assert.deepEqual(body['spec'], { replicas: 1, color: 'blue', size: 'L' });
      assert.equal(body['status'], undefined);
      assert.equal((body['metadata'] as Obj)['generation'], 1);
      assert.match(String(res.headers['warning'] ?? ''), /unknown field \\"spec.foo\\"/);
    });

    it('refuses unknown fields under fieldValidation=Strict, naming them', async () => {
      const res = await call(`${WIDGETS}?fieldValidation=Strict`, { method: 'POST', ...jsonBody(widget('w-strict', { foo: 1 }, { metadata: { name: 'w-strict', bogus: true } })) });
      assert.equal(res.status, 400, res.body);
      assert.match((res.json as Obj)['message'] as string, /strict decoding error: unknown field "metadata.bogus", unknown field "spec.foo"|unknown field "spec.foo"/);
    });

    it('rejects values the schema refuses with 422 naming the field', async () => {
      const wrongType = await call(WIDGETS, { method: 'POST', ...jsonBody(widget('w-bad', { replicas: 'three' })) });
      assert.equal(wrongType.status, 422, wrongType.body);
      const status = wrongType.json as Obj;
      assert.equal(status['reason'], 'Invalid');
      assert.match(status['message'] as string, /spec\.replicas: Invalid value: "string": spec\.replicas in body must be of type integer/);
      const causes = ((status['details'] as Obj)['causes'] as Obj[]).map((c) => c['field']);
      assert.ok(causes.includes('spec.replicas'), JSON.stringify(causes));

      const enumValue = await call(WIDGETS, { method: 'POST', ...jsonBody(widget('w-bad', { color: 'mauve' })) });
      assert.equal(enumValue.status, 422, enumValue.body);
      assert.match((enumValue.json as Obj)['message'] as string, /spec\.color: Unsupported value: "mauve"/);

      const rule = await call(WIDGETS, { method: 'POST', ...jsonBody(widget('w-bad', { replicas: 11 })) });
      assert.equal(rule.status, 422, rule.body);
      assert.match((rule.json as Obj)['message'] as string, /spec: Invalid value: "object": replicas must be at most 10/);

      const kind = await call(WIDGETS, { method: 'POST', ...jsonBody({ ...widget('w-bad'), kind: 'Gadget' }) });
      assert.equal(kind.status, 400, kind.body);
    });

    it('serves the other version from the same stored object', async () => {
      const res = await call(`/apis/${GROUP}/v1beta1/namespaces/default/widgets/w1`);
      assert.equal(res.status, 200, res.body);
      const body = res.json as Obj;
      assert.equal(body['apiVersion'], `${GROUP}/v1beta1`);
      assert.equal((body['spec'] as Obj)['size'], 'L');
      const created = await call(`/apis/${GROUP}/v1beta1/namespaces/default/widgets`, { method: 'POST', ...jsonBody({ ...widget('w-beta'), apiVersion: `${GROUP}/v1beta1` }) });
      assert.equal(created.status, 201, created.body);
      assert.equal((created.json as Obj)['apiVersion'], `${GROUP}/v1beta1`);
      const v1 = await call(`${WIDGETS}/w-beta`);
      assert.equal((v1.json as Obj)['apiVersion'], `${GROUP}/v1`);
      const list = (await call(`/apis/${GROUP}/v1beta1/widgets`)).json as Obj;
      assert.equal(list['apiVersion'], `${GROUP}/v1beta1`);
      assert.deepEqual(
        (list['items'] as Obj[]).map((i) => `${(i['metadata'] as Obj)['name']} ${i['kind']} ${i['apiVersion']}`),
        [`w-beta Widget ${GROUP}/v1beta1`, `w1 Widget ${GROUP}/v1beta1`],
        'items carry kind and apiVersion, as unstructured lists do',
      );
    });

    it('keeps status on updates of the resource, and spec on updates of /status', async () => {
      const current = (await call(`${WIDGETS}/w1`)).json as Obj;
      const withStatus = { ...current, status: { replicas: 3, phase: 'Ready' } };
      const statusPut = await call(`${WIDGETS}/w1/status`, { method: 'PUT', ...jsonBody({ ...withStatus, spec: { replicas: 5 }, metadata: { ...(current['metadata'] as Obj), labels: { a: 'b' } } }) });
      assert.equal(statusPut.status, 200, statusPut.body);
      const afterStatus = statusPut.json as Obj;
      assert.deepEqual(afterStatus['status'], { replicas: 3, phase: 'Ready' });
      assert.equal((afterStatus['spec'] as Obj)['replicas'], 1, 'spec is not changed through /status');
      assert.equal((afterStatus['metadata'] as Obj)['labels'], undefined, 'metadata is not changed through /status');
      assert.equal((afterStatus['metadata'] as Obj)['generation'], 1);

      const mainPut = await call(`${WIDGETS}/w1`, { method: 'PUT', ...jsonBody({ ...afterStatus, spec: { ...(afterStatus['spec'] as Obj), replicas: 2 }, status: { replicas: 0 } }) });
      assert.equal(mainPut.status, 200, mainPut.body);
      const afterMain = mainPut.json as Obj;
      assert.deepEqual(afterMain['status'], { replicas: 3, phase: 'Ready' });
      assert.equal((afterMain['metadata'] as Obj)['generation'], 2, 'a spec change bumps the generation');

      const labelOnly = await call(`${WIDGETS}/w1`, { method: 'PATCH', ...jsonBody({ metadata: { labels: { tier: 'gold' } } }, 'application/merge-patch+json') });
      assert.equal(labelOnly.status, 200, labelOnly.body);
      assert.equal(((labelOnly.json as Obj)['metadata'] as Obj)['generation'], 2, 'a metadata change does not');

      const unconditional = { ...afterMain, metadata: { ...(afterMain['metadata'] as Obj) } };
      delete (unconditional['metadata'] as Obj)['resourceVersion'];
      const noRV = await call(`${WIDGETS}/w1`, { method: 'PUT', ...jsonBody(unconditional) });
      assert.equal(noRV.status, 422, noRV.body);
      assert.match((noRV.json as Obj)['message'] as string, /metadata\.resourceVersion: Invalid value: (0x0|0): must be specified for an update/);
    });

    it('answers strategic merge patch with 415, JSON and merge patch as usual', async () => {
      const strategic = await call(`${WIDGETS}/w1`, { method: 'PATCH', ...jsonBody({ spec: { size: 'S' } }, 'application/strategic-merge-patch+json') });
      assert.equal(strategic.status, 415, strategic.body);
      assert.equal((strategic.json as Obj)['reason'], 'UnsupportedMediaType');
      const json = await call(`${WIDGETS}/w1`, { method: 'PATCH', ...jsonBody([{ op: 'replace', path: '/spec/size', value: 'S' }], 'application/json-patch+json') });
      assert.equal(json.status, 200, json.body);
      assert.equal(((json.json as Obj)['spec'] as Obj)['size'], 'S');
      const invalid = await call(`${WIDGETS}/w1`, { method: 'PATCH', ...jsonBody({ spec: { replicas: -1 } }, 'application/merge-patch+json') });
      assert.equal(invalid.status, 422, invalid.body);
      assert.match((invalid.json as Obj)['message'] as string, /spec\.replicas: Invalid value: -1: spec\.replicas in body should be greater than or equal to 0/);
    });

    it('serves the scale subresource as an autoscaling/v1 Scale', async () => {
      const scale = await call(`${WIDGETS}/w1/scale`);
      assert.equal(scale.status, 200, scale.body);
      const body = scale.json as Obj;
      assert.equal(body['kind'], 'Scale');
      assert.equal(body['apiVersion'], 'autoscaling/v1');
      assert.deepEqual(body['spec'], { replicas: 2 });
      assert.equal((body['status'] as Obj)['replicas'], 3);
      const put = await call(`${WIDGETS}/w1/scale`, { method: 'PUT', ...jsonBody({ ...body, spec: { replicas: 4 } }) });
      assert.equal(put.status, 200, put.body);
      assert.equal((((await call(`${WIDGETS}/w1`)).json as Obj)['spec'] as Obj)['replicas'], 4);
    });

    it('selects by metadata fields and by the version\'s selectable fields', async () => {
      assert.equal((await call(WIDGETS, { method: 'POST', ...jsonBody(widget('w-red', { color: 'red' })) })).status, 201);
      const names = async (query: string): Promise<string[]> => {
        const res = await call(`${WIDGETS}?fieldSelector=${encodeURIComponent(query)}`);
        assert.equal(res.status, 200, res.body);
        return ((res.json as Obj)['items'] as Obj[]).map((i) => (i['metadata'] as Obj)['name'] as string);
      };
      assert.deepEqual(await names('spec.color=red'), ['w-red']);
      assert.deepEqual(await names('metadata.name=w-red'), ['w-red']);
      assert.ok(!(await names('spec.color!=red')).includes('w-red'));
      const bad = await call(`${WIDGETS}?fieldSelector=spec.size%3DL`);
      assert.equal(bad.status, 400, bad.body);
      assert.match((bad.json as Obj)['message'] as string, /field label not supported: spec\.size/);
      assert.equal((await call(`${WIDGETS}/w-red`, { method: 'DELETE' })).status, 200);
    });

    it('deletes at once whatever the propagation policy (no garbage collector finalizer is left behind)', async () => {
      for (const policy of ['Orphan', 'Foreground', 'Background']) {
        assert.equal((await call(WIDGETS, { method: 'POST', ...jsonBody(widget(`w-${policy.toLowerCase()}`)) })).status, 201);
        const res = await call(`${WIDGETS}/w-${policy.toLowerCase()}`, { method: 'DELETE', ...jsonBody({ kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: policy }) });
        assert.equal(res.status, 200, res.body);
        assert.equal((await call(`${WIDGETS}/w-${policy.toLowerCase()}`)).status, 404, `${policy}: the object is gone`);
      }
    });

    it('lists in pages and deletes a collection by label', async () => {
      for (const n of [1, 2, 3]) {
        const body = widget(`w-batch-${n}`, {}, { metadata: { name: `w-batch-${n}`, labels: { batch: 'yes' } } });
        assert.equal((await call(WIDGETS, { method: 'POST', ...jsonBody(body) })).status, 201);
      }
      const page = (await call(`${WIDGETS}?labelSelector=batch%3Dyes&limit=2`)).json as Obj;
      assert.equal((page['items'] as Obj[]).length, 2);
      const token = (page['metadata'] as Obj)['continue'] as string;
      assert.ok(token, 'a continue token');
      const rest = (await call(`${WIDGETS}?labelSelector=batch%3Dyes&limit=2&continue=${encodeURIComponent(token)}`)).json as Obj;
      assert.deepEqual(
        (rest['items'] as Obj[]).map((i) => (i['metadata'] as Obj)['name']),
        ['w-batch-3'],
      );
      const deleted = await call(`${WIDGETS}?labelSelector=batch%3Dyes`, { method: 'DELETE' });
      assert.equal(deleted.status, 200, deleted.body);
      assert.equal((deleted.json as Obj)['kind'], 'WidgetList');
      assert.deepEqual(((await call(`${WIDGETS}?labelSelector=batch%3Dyes`)).json as Obj)['items'], []);
      assert.equal((await call(`${WIDGETS}/w1`)).status, 200, 'unlabelled objects stay');
    });

    it('warns about finalizers without a path', async () => {
      const body = widget('w-fin', {}, { metadata: { name: 'w-fin', finalizers: ['cleanup.example.com', 'example.com/ok'] } });
      const res = await call(WIDGETS, { method: 'POST', ...jsonBody(body) });
      assert.equal(res.status, 201, res.body);
      assert.equal(
        res.headers['warning'],
        '299 - "metadata.finalizers: \\"cleanup.example.com\\": prefer a domain-qualified finalizer name including a path (/) to avoid accidental conflicts with other finalizer writers"',
      );
      const patched = await call(`${WIDGETS}/w-fin`, { method: 'PATCH', ...jsonBody({ metadata: { finalizers: null } }, 'application/merge-patch+json') });
      assert.equal(patched.headers['warning'], undefined, 'removing finalizers warns about nothing');
      assert.equal((await call(`${WIDGETS}/w-fin`, { method: 'DELETE' })).status, 200);
    });

    it('prints the printer columns in Table output', async () => {
      const res = await call(WIDGETS, { headers: { Accept: TABLE } });
      assert.equal(res.status, 200, res.body);
      const table = res.json as Obj;
      assert.equal(table['kind'], 'Table');
      assert.deepEqual(
        (table['columnDefinitions'] as Obj[]).map((c) => [c['name'], c['type']]),
        [
          ['Name', 'string'],
          ['Replicas', 'integer'],
          ['Color', 'string'],
          ['Age', 'date'],
        ],
      );
      const row = (table['rows'] as Obj[]).find((r) => (r['cells'] as unknown[])[0] === 'w1')!;
      assert.deepEqual((row['cells'] as unknown[]).slice(0, 3), ['w1', 4, 'blue']);
      assert.match(String((row['cells'] as unknown[])[3]), /^\d+s$/);
    });

    it('watches custom resources: ADDED, MODIFIED, DELETED', async () => {
      const list = (await call(WIDGETS)).json as Obj;
      const rv = (list['metadata'] as Obj)['resourceVersion'] as string;
      const watching = call(`${WIDGETS}?watch=1&resourceVersion=${rv}&timeoutSeconds=3`, { timeoutMs: 10_000 });
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal((await call(WIDGETS, { method: 'POST', ...jsonBody(widget('w-watch')) })).status, 201);
      assert.equal((await call(`${WIDGETS}/w-watch`, { method: 'PATCH', ...jsonBody({ spec: { size: 'M' } }, 'application/merge-patch+json') })).status, 200);
      assert.equal((await call(`${WIDGETS}/w-watch`, { method: 'DELETE' })).status, 200);
      const events = (await watching).body
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Obj);
      assert.deepEqual(
        events.map((e) => `${e['type']} ${((e['object'] as Obj)['metadata'] as Obj)['name']} ${(e['object'] as Obj)['apiVersion']}`),
        [`ADDED w-watch ${GROUP}/v1`, `MODIFIED w-watch ${GROUP}/v1`, `DELETED w-watch ${GROUP}/v1`],
      );
    });

    it('lists the CRD in discovery: versions by priority, names, subresources', async () => {
      const group = (await call(`/apis/${GROUP}`)).json as Obj;
      assert.deepEqual(
        (group['versions'] as Obj[]).map((v) => v['version']),
        ['v1', 'v1beta1'],
      );
      assert.equal((group['preferredVersion'] as Obj)['version'], 'v1');
      const resources = ((await call(`/apis/${GROUP}/v1`)).json as Obj)['resources'] as Obj[];
      const byName = new Map(resources.map((r) => [r['name'], r]));
      assert.deepEqual([...byName.keys()].sort(), ['widgets', 'widgets/scale', 'widgets/status']);
      const widgets = byName.get('widgets')!;
      assert.equal(widgets['kind'], 'Widget');
      assert.equal(widgets['namespaced'], true);
      assert.deepEqual(widgets['shortNames'], ['wix']);
      assert.deepEqual(widgets['categories'], ['all', 'gizmos']);
      assert.deepEqual(widgets['verbs'], ['delete', 'deletecollection', 'get', 'list', 'patch', 'create', 'update', 'watch']);
      assert.equal(typeof widgets['storageVersionHash'], 'string');
      assert.equal((byName.get('widgets/scale')!)['group'], 'autoscaling');
      const aggregated = await call('/apis', { headers: { Accept: 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList' } });
      assert.equal(aggregated.status, 200, aggregated.body);
      const items = (aggregated.json as Obj)['items'] as Obj[];
      const entry = items.find((i) => (i['metadata'] as Obj)['name'] === GROUP);
      assert.ok(entry, 'the CRD group is in aggregated discovery');
      assert.deepEqual(
        (entry['versions'] as Obj[]).map((v) => v['version']),
        ['v1', 'v1beta1'],
      );
    });

    it('speaks JSON and YAML, not protobuf', async () => {
      const yaml = `apiVersion: ${GROUP}/v1\nkind: Widget\nmetadata:\n  name: w-yaml\nspec:\n  size: M\n`;
      const created = await call(WIDGETS, { method: 'POST', body: yaml, contentType: 'application/yaml' });
      assert.equal(created.status, 201, created.body);
      const asYaml = await call(`${WIDGETS}/w-yaml`, { headers: { Accept: 'application/yaml' } });
      assert.match(asYaml.body, /^apiVersion: stable\.example\.com\/v1$/m);
      const proto = await call(WIDGETS, { method: 'POST', body: Buffer.from([0x6b, 0x38, 0x73, 0x00]), contentType: 'application/vnd.kubernetes.protobuf' });
      assert.equal(proto.status, 415, proto.body);
      // kubectl asks for protobuf first and falls back to JSON
      const read = await call(`${WIDGETS}/w-yaml`, { headers: { Accept: 'application/vnd.kubernetes.protobuf, application/json' } });
      assert.equal(read.status, 200, read.body);
      assert.match(String(read.headers['content-type']), /^application\/json/);
    });

    it('warns about requests to a deprecated version', async () => {
      const patch = [{ op: 'add', path: '/spec/versions/1/deprecated', value: true }];
      assert.equal((await call(`${CRDS}/widgets.${GROUP}`, { method: 'PATCH', ...jsonBody(patch, 'application/json-patch+json') })).status, 200);
      await eventually(async () => String((await call(`/apis/${GROUP}/v1beta1/namespaces/default/widgets/w1`)).headers['warning'] ?? '').includes('is deprecated'), 'the warning');
      const res = await call(`/apis/${GROUP}/v1beta1/namespaces/default/widgets/w1`);
      assert.equal(res.headers['warning'], `299 - "${GROUP}/v1beta1 Widget is deprecated"`);
      assert.equal((await call(`${WIDGETS}/w1`)).headers['warning'], undefined, 'v1 is not deprecated');
    });

    it('defaults stored objects on read when the schema gains a default', async () => {
      const crd = (await call(`${CRDS}/widgets.${GROUP}`)).json as Obj;
      const versions = (crd['spec'] as Obj)['versions'] as Obj[];
      for (const v of versions) {
        const props = ((((v['schema'] as Obj)['openAPIV3Schema'] as Obj)['properties'] as Obj)['spec'] as Obj)['properties'] as Obj;
        props['size'] = { type: 'string', default: 'XL' };
      }
      const put = await call(`${CRDS}/widgets.${GROUP}`, { method: 'PUT', ...jsonBody(crd) });
      assert.equal(put.status, 200, put.body);
      // w-beta was stored without a size; w1 has one of its own
      await eventually(async () => ((((await call(`${WIDGETS}/w-beta`)).json as Obj)['spec'] as Obj)['size']) === 'XL', 'the new default on read');
      assert.equal(((((await call(`${WIDGETS}/w1`)).json as Obj)['spec'] as Obj)['size']), 'S');
    });

    it('empties a deleted namespace of custom resources before the namespace goes', async () => {
      assert.equal((await call('/api/v1/namespaces', { method: 'POST', ...jsonBody({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'doomed' } }) })).status, 201);
      const inDoomed = `/apis/${GROUP}/v1/namespaces/doomed/widgets`;
      assert.equal((await call(inDoomed, { method: 'POST', ...jsonBody(widget('w-doomed')) })).status, 201);
      assert.equal((await call('/api/v1/namespaces/doomed', { method: 'DELETE' })).status, 200);
      await eventually(async () => (await call(`${inDoomed}/w-doomed`)).status === 404, 'the custom resource deleted', 20_000);
      await eventually(async () => (await call('/api/v1/namespaces/doomed')).status === 404, 'the namespace gone', 20_000);
    });

    it('deletes the instances first, refusing creates meanwhile, then takes the API away', async () => {
      const held = await call(WIDGETS, { method: 'POST', ...jsonBody(widget('w-held', {}, { metadata: { name: 'w-held', finalizers: ['example.com/hold'] } })) });
      assert.equal(held.status, 201, held.body);
      const deleted = await call(`${CRDS}/widgets.${GROUP}`, { method: 'DELETE' });
      assert.equal(deleted.status, 200, deleted.body);

      await eventually(async () => (await call(WIDGETS, { method: 'POST', ...jsonBody(widget('w-late')) })).status === 405, 'creates refused');
      const refused = await call(WIDGETS, { method: 'POST', ...jsonBody(widget('w-late')) });
      assert.equal((refused.json as Obj)['reason'], 'MethodNotAllowed');
      assert.equal((refused.json as Obj)['message'], 'create not allowed while custom resource definition is terminating');
      await eventually(async () => (await call(`${WIDGETS}/w1`)).status === 404, 'the other instances deleted');
      const marked = (await call(`${WIDGETS}/w-held`)).json as Obj;
      assert.ok((marked['metadata'] as Obj)['deletionTimestamp'], 'the held instance is marked deleting');
      const resources = ((await call(`/apis/${GROUP}/v1`)).json as Obj)['resources'] as Obj[];
      assert.deepEqual(resources.find((r) => r['name'] === 'widgets')?.['verbs'], ['delete', 'deletecollection', 'get', 'list', 'watch']);

      const release = await call(`${WIDGETS}/w-held`, { method: 'PATCH', ...jsonBody({ metadata: { finalizers: null } }, 'application/merge-patch+json') });
      assert.equal(release.status, 200, release.body);
      await eventually(async () => (await call(`${CRDS}/widgets.${GROUP}`)).status === 404, 'the CRD gone', 30_000);
      await eventually(async () => (await call(WIDGETS)).status === 404, 'the API gone');
      const res = await call(WIDGETS);
      assert.equal((res.json as Obj)['reason'], 'NotFound');
      await eventually(async () => (await call(`/apis/${GROUP}`)).status === 404, 'the group gone from discovery');
    });
  });
}

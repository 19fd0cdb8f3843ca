/** POST and PUT over HTTP: decoding, field validation, conflicts, names and namespaces, dry run, admission. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { newChain } from '../../../runtime/admission/interfaces.js';
import { newForbidden } from '../../../runtime/machinery/errors.js';
import { encodeEnvelope } from '../../../runtime/machinery/protobuf/envelope.js';
import { hpaBody, request, startHarness, widgetBody, WIDGETS, type Harness } from './support.js';

type Obj = Record<string, unknown>;
const HPAS = '/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers';

describe('POST and PUT', () => {
  let h: Harness;
  const admitted: string[] = [];
  before(async () => {
    h = await startHarness({
      admission: newChain([
        {
          name: 'Recorder',
          handles: () => true,
          admit: (a) => {
            admitted.push(`admit ${a.operation} ${a.resource.resource} ${a.name}`);
            if (a.object && a.name === 'mutated') (a.object['metadata'] as Obj)['labels'] = { admitted: 'yes' };
          },
          validate: (a) => {
            admitted.push(`validate ${a.operation} ${a.resource.resource} ${a.name}`);
            if (a.name === 'denied') throw newForbidden({ group: a.resource.group, resource: a.resource.resource }, a.name, 'not today');
          },
        },
      ]),
    });
  });
  after(() => h.stop());

  it('creates with 201 and the stored object', async () => {
    const res = await request(`${h.url}${HPAS}`, 'POST', hpaBody('c1'));
    assert.equal(res.status, 201, res.text);
    const body = res.json();
    assert.equal(body['kind'], 'HorizontalPodAutoscaler');
    assert.match(String((body['metadata'] as Obj)['uid']), /-/);
    assert.equal((body['spec'] as Obj)['minReplicas'], 1);
  });

  it('answers a duplicate with AlreadyExists', async () => {
    const res = await request(`${h.url}${HPAS}`, 'POST', hpaBody('c1'));
    assert.equal(res.status, 409);
    assert.equal(res.json()['reason'], 'AlreadyExists');
    assert.equal(res.json()['message'], 'horizontalpodautoscalers.autoscaling "c1" already exists');
  });

  it('refuses unknown fields with fieldValidation=Strict in upstream words', async () => {
    const res = await request(`${h.url}${HPAS}?fieldValidation=Strict`, 'POST', hpaBody('strict', 'v2', { spec: { foo: 1 } }));
    assert.equal(res.status, 400);
    assert.equal(res.json()['message'], 'HorizontalPodAutoscaler in version "v2" cannot be handled as a HorizontalPodAutoscaler: strict decoding error: unknown field "spec.foo"');
  });

  it('warns about unknown and duplicate fields by default', async () => {
    const text = JSON.stringify(hpaBody('warned', 'v2', { spec: { foo: 1 } })).replace('"maxReplicas":3', '"maxReplicas":3,"maxReplicas":4');
    const res = await request(`${h.url}${HPAS}`, 'POST', text);
    assert.equal(res.status, 201, res.text);
    assert.equal(res.headers.get('warning'), '299 - "unknown field \\"spec.foo\\"", 299 - "duplicate field \\"spec.maxReplicas\\""');
  });

  it('ignores unknown fields with fieldValidation=Ignore', async () => {
    const res = await request(`${h.url}${HPAS}?fieldValidation=Ignore`, 'POST', hpaBody('ignored', 'v2', { spec: { foo: 1 } }));
    assert.equal(res.status, 201);
    assert.equal(res.headers.get('warning'), null);
  });

  it('validates the option values', async () => {
    const res = await request(`${h.url}${HPAS}?fieldValidation=Loose&dryRun=Some`, 'POST', hpaBody('opts'));
    assert.equal(res.status, 422);
    assert.equal(
      res.json()['message'],
      'CreateOptions.meta.k8s.io "" is invalid: [dryRun: Unsupported value: []string{"Some"}: supported values: "All", fieldValidation: Unsupported value: "Loose": supported values: "", "Ignore", "Strict", "Warn"]',
    );
  });

  it('refuses a body of another version', async () => {
    const res = await request(`${h.url}${HPAS}`, 'POST', hpaBody('wrongv', 'v1'));
    assert.equal(res.status, 400);
    assert.equal(res.json()['message'], 'the API version in the data (autoscaling/v1) does not match the expected API version (autoscaling/v2)');
  });

  it('reports missing required fields as Invalid and wrong types as BadRequest', async () => {
    const missing = await request(`${h.url}${HPAS}`, 'POST', { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'm' }, spec: { maxReplicas: 2 } });
    assert.equal(missing.status, 422);
    assert.match(String(missing.json()['message']), /HorizontalPodAutoscaler.autoscaling "m" is invalid: spec.scaleTargetRef: Required value/);
    const wrong = await request(`${h.url}${HPAS}`, 'POST', hpaBody('t', 'v2', { spec: { maxReplicas: 'three' } }));
    assert.equal(wrong.status, 400);
    assert.match(String(wrong.json()['message']), /^HorizontalPodAutoscaler in version "v2" cannot be handled as a HorizontalPodAutoscaler: spec.maxReplicas: must be integer/);
  });

  it('decodes protobuf bodies', async () => {
    const h2 = await request(`${h.url}${HPAS}/c1`, 'GET');
    const codec = h.fixture.scheme.protobufCodec({ group: 'autoscaling', version: 'v2', kind: 'HorizontalPodAutoscaler' })!;
    const object = { ...hpaBody('from-proto') };
    const bytes = encodeEnvelope('autoscaling/v2', 'HorizontalPodAutoscaler', codec.encode(object));
    const res = await fetch(`${h.url}${HPAS}`, { method: 'POST', body: Buffer.from(bytes), headers: { 'Content-Type': 'application/vnd.kubernetes.protobuf', Accept: 'application/json' } });
    assert.equal(res.status, 201, await res.clone().text());
    assert.equal(((await res.json()) as Obj)['kind'], 'HorizontalPodAutoscaler');
    assert.equal(h2.status, 200);
  });

  it('answers unsupported content types with 415', async () => {
    const res = await request(`${h.url}${HPAS}`, 'POST', 'x', { 'Content-Type': 'text/plain' });
    assert.equal(res.status, 415);
    assert.equal(res.json()['reason'], 'UnsupportedMediaType');
  });

  it('writes nothing on dryRun=All', async () => {
    const res = await request(`${h.url}${WIDGETS}/namespaces/default/widgets?dryRun=All`, 'POST', widgetBody('dry'));
    assert.equal(res.status, 201);
    assert.equal((await request(`${h.url}${WIDGETS}/namespaces/default/widgets/dry`, 'GET')).status, 404);
  });

  it('runs mutating admission, then validation, then validating admission', async () => {
    admitted.length = 0;
    const res = await request(`${h.url}${WIDGETS}/namespaces/default/widgets`, 'POST', widgetBody('mutated'));
    assert.deepEqual(((res.json()['metadata'] as Obj)['labels'] as Obj)['admitted'], 'yes');
    assert.deepEqual(admitted, ['admit CREATE widgets mutated', 'validate CREATE widgets mutated']);
    const denied = await request(`${h.url}${WIDGETS}/namespaces/default/widgets`, 'POST', widgetBody('denied'));
    assert.equal(denied.status, 403);
    assert.equal(denied.json()['message'], 'widgets.example.kapi.dev "denied" is forbidden: not today');
  });

  it('updates with PUT, answering 409 on a stale resourceVersion', async () => {
    const created = (await request(`${h.url}${WIDGETS}/namespaces/default/widgets`, 'POST', widgetBody('u1'))).json();
    const rv = (created['metadata'] as Obj)['resourceVersion'];
    const ok = await request(`${h.url}${WIDGETS}/namespaces/default/widgets/u1`, 'PUT', widgetBody('u1', { metadata: { resourceVersion: rv }, spec: { replicas: 2 } }));
    assert.equal(ok.status, 200, ok.text);
    const stale = await request(`${h.url}${WIDGETS}/namespaces/default/widgets/u1`, 'PUT', widgetBody('u1', { metadata: { resourceVersion: rv }, spec: { replicas: 3 } }));
    assert.equal(stale.status, 409);
    assert.equal(
      stale.json()['message'],
      'Operation cannot be fulfilled on widgets.example.kapi.dev "u1": the object has been modified; please apply your changes to the latest version and try again',
    );
  });

  it('refuses a PUT whose body names another object or namespace', async () => {
    const name = await request(`${h.url}${WIDGETS}/namespaces/default/widgets/u1`, 'PUT', widgetBody('other'));
    assert.equal(name.status, 400);
    assert.equal(name.json()['message'], 'the name of the object (other) does not match the name on the URL (u1)');
    const ns = await request(`${h.url}${WIDGETS}/namespaces/default/widgets/u1`, 'PUT', widgetBody('u1', { metadata: { namespace: 'x' } }));
    assert.equal(ns.json()['message'], 'the namespace of the object (x) does not match the namespace on the request (default)');
  });

  it('updates status through the status subresource only', async () => {
    const current = (await request(`${h.url}${WIDGETS}/namespaces/default/widgets/u1`, 'GET')).json();
    const res = await request(`${h.url}${WIDGETS}/namespaces/default/widgets/u1/status`, 'PUT', { ...current, spec: { replicas: 9 }, status: { replicas: 2 } });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.json()['status'], { replicas: 2 });
    assert.equal((res.json()['spec'] as Obj)['replicas'], 2);
  });
});

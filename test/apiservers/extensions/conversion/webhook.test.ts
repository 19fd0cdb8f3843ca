/**
 * conversion.strategy Webhook against a real HTTPS conversion webhook on loopback: what the
 * ConversionReview carries, what is not sent, the metadata the server keeps, and every answer
 * that is refused, with upstream's `conversion webhook for <gvk> failed: …` messages.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CustomResourceDefinition } from '../../../../api-definitions/apiextensions/v1/types.js';
import { ConversionError, converterFor, type AsyncCustomResourceConverter } from '../../../../runtime/apiservers/extensions/conversion/converter.js';
import { WebhookClient } from '../../../../runtime/apiservers/webhook/client.js';
import { endpointServiceResolver } from '../../../../runtime/apiservers/webhook/endpoint-resolver.js';
import type { KObject } from '../../../../runtime/registry/meta.js';
import { createTestCA, type TestCA } from '../../webhook/support/test-ca.js';
import { startWebhookServer, type RunningWebhook } from '../../webhook/support/webhook-server.js';
import { conversionReviewHandler, convertHostPort } from './support.js';

type Obj = Record<string, unknown>;

function crontabCRD(clientConfig: Obj, reviewVersions: string[] = ['v1']): CustomResourceDefinition {
  const schema = { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } };
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'crontabs.stable.example.com' },
    spec: {
      group: 'stable.example.com',
      names: { plural: 'crontabs', singular: 'crontab', kind: 'CronTab', listKind: 'CronTabList' },
      scope: 'Namespaced',
      versions: [
        { name: 'v1', served: true, storage: true, schema },
        { name: 'v2', served: true, storage: false, schema },
      ],
      conversion: { strategy: 'Webhook', webhook: { clientConfig, conversionReviewVersions: reviewVersions } },
    },
  } as unknown as CustomResourceDefinition;
}

const v1 = (name: string, hostPort = 'localhost:7070', extra: Obj = {}): Obj => ({
  apiVersion: 'stable.example.com/v1',
  kind: 'CronTab',
  metadata: { name, namespace: 'default', uid: `uid-${name}`, resourceVersion: '12', labels: { app: name }, ...extra },
  spec: { hostPort },
});

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ConversionError, String(error));
    return error.message;
  }
  assert.fail('the conversion succeeded');
}

describe('webhook converter', () => {
  let ca: TestCA;
  let webhook: RunningWebhook;
  let client: WebhookClient;
  let converter: AsyncCustomResourceConverter;
  const reviews = (): Obj[] => webhook.requests.map((r) => r.body as Obj);

  before(async () => {
    ca = createTestCA();
    webhook = await startWebhookServer(ca.serving(['conversion.webhooks.svc'], ['127.0.0.1']), conversionReviewHandler());
    client = new WebhookClient(
      endpointServiceResolver({
        services: {
          get: async () =>
            ({ metadata: { name: 'conversion', namespace: 'webhooks' }, spec: { type: 'ClusterIP', ports: [{ name: 'https', port: 443 }] } }) as KObject,
        },
        endpoints: {
          get: async () => ({ metadata: { name: 'conversion', namespace: 'webhooks' }, subsets: [{ addresses: [{ ip: '127.0.0.1' }], ports: [{ name: 'https', port: webhook.port }] }] }) as KObject,
        },
      }),
    );
    converter = converterFor(crontabCRD({ url: `https://127.0.0.1:${webhook.port}/convert`, caBundle: ca.caBundle }), { client, call: { timeoutMs: 500 } });
  });
  after(async () => {
    client.close();
    await webhook.close();
  });
  const reset = (handler = conversionReviewHandler()): void => {
    webhook.requests.length = 0;
    webhook.handle(handler);
  };

  it('sends one v1 ConversionReview with a uid, the desired version and the object, and keeps the server-owned metadata', async () => {
    reset();
    const out = await converter.convert(v1('a', 'example.com:8080'), 'v2');
    assert.deepEqual(out, {
      apiVersion: 'stable.example.com/v2',
      kind: 'CronTab',
      metadata: { name: 'a', namespace: 'default', uid: 'uid-a', resourceVersion: '12', labels: { app: 'a' } },
      spec: { host: 'example.com', port: '8080' },
    });
    const [review] = reviews();
    assert.equal(review?.['apiVersion'], 'apiextensions.k8s.io/v1');
    assert.equal(review?.['kind'], 'ConversionReview');
    const request = review?.['request'] as Obj;
    assert.match(String(request['uid']), /^[0-9a-f-]{36}$/);
    assert.equal(request['desiredAPIVersion'], 'stable.example.com/v2');
    assert.deepEqual(request['objects'], [v1('a', 'example.com:8080')]);
    assert.equal(webhook.requests[0]?.path, '/convert?timeout=500ms');
  });

  it('does not ask for an object already at the desired version', async () => {
    reset();
    const same = v1('b');
    assert.equal(await converter.convert(same, 'v1'), same);
    assert.equal(webhook.requests.length, 0);
  });

  it('sends a whole list in one review, only the items not yet at the desired version, and keeps the order', async () => {
    reset();
    const list = {
      apiVersion: 'stable.example.com/v1',
      kind: 'CronTabList',
      metadata: { resourceVersion: '40' },
      items: [v1('one', 'h1:1'), { ...convertHostPort(v1('two', 'h2:2'), 'stable.example.com/v2') }, v1('three', 'h3:3')],
    };
    const out = await converter.convert(list, 'v2');
    assert.equal(webhook.requests.length, 1);
    const objects = (reviews()[0]?.['request'] as Obj)['objects'] as Obj[];
    assert.deepEqual(
      objects.map((o) => (o['metadata'] as Obj)['name']),
      ['one', 'three'],
    );
    assert.equal(out['apiVersion'], 'stable.example.com/v2');
    assert.deepEqual(
      (out['items'] as Obj[]).map((o) => [(o['metadata'] as Obj)['name'], o['apiVersion'], (o['spec'] as Obj)['host']]),
      [
        ['one', 'stable.example.com/v2', 'h1'],
        ['two', 'stable.example.com/v2', 'h2'],
        ['three', 'stable.example.com/v2', 'h3'],
      ],
    );
    reset();
    await converter.convert({ apiVersion: 'stable.example.com/v2', kind: 'CronTabList', items: [] }, 'v2');
    assert.equal(webhook.requests.length, 0, 'an empty list asks nothing');
  });

  it('takes labels and annotations from the webhook and every other metadata field from the original', async () => {
    reset(
      conversionReviewHandler((o, desired) => {
        const out = convertHostPort(o, desired);
        out['metadata'] = { ...(o['metadata'] as Obj), labels: { app: 'changed', extra: 'yes' }, annotations: { note: 'converted' }, resourceVersion: '999', generation: 7 };
        return out;
      }),
    );
    const out = await converter.convert(v1('c'), 'v2');
    assert.deepEqual(out['metadata'], { name: 'c', namespace: 'default', uid: 'uid-c', resourceVersion: '12', labels: { app: 'changed', extra: 'yes' }, annotations: { note: 'converted' } });
  });

  it('uses the first review version of conversionReviewVersions the server speaks', async () => {
    const url = `https://127.0.0.1:${webhook.port}/convert`;
    for (const [versions, expected] of [
      [['v1beta1', 'v1'], 'apiextensions.k8s.io/v1beta1'],
      [['v9', 'v1'], 'apiextensions.k8s.io/v1'],
    ] as const) {
      reset();
      const c = converterFor(crontabCRD({ url, caBundle: ca.caBundle }, [...versions]), { client });
      const out = await c.convert(v1('d'), 'v2');
      assert.equal(out['apiVersion'], 'stable.example.com/v2');
      assert.equal(reviews()[0]?.['apiVersion'], expected);
    }
  });

  it('reaches a webhook named by a service through the resolver', async () => {
    reset();
    const c = converterFor(crontabCRD({ service: { namespace: 'webhooks', name: 'conversion', path: '/by-service', port: 443 }, caBundle: ca.caBundle }), { client });
    const out = await c.convert(v1('e', 'svc:1'), 'v2');
    assert.deepEqual(out['spec'], { host: 'svc', port: '1' });
    assert.equal(webhook.requests[0]?.path, '/by-service?timeout=30s');
  });

  const prefix = 'conversion webhook for stable.example.com/v1, Kind=CronTab';
  const badAnswers: [string, { handler: ReturnType<typeof conversionReviewHandler>; message: string | RegExp }][] = [
    ['a response for another uid', { handler: conversionReviewHandler(undefined, (r) => ({ ...r, response: { ...(r['response'] as Obj), uid: 'not-mine' } })), message: new RegExp(`^${prefix} failed: expected response\\.uid="[0-9a-f-]{36}", got "not-mine"$`) }],
    ['a failed result with a message', { handler: conversionReviewHandler(undefined, (r) => ({ ...r, response: { ...(r['response'] as Obj), result: { status: 'Failure', message: 'cannot convert hostPort' } } })), message: `${prefix} failed: cannot convert hostPort` }],
    ['a failed result without one', { handler: conversionReviewHandler(undefined, (r) => ({ ...r, response: { ...(r['response'] as Obj), result: { status: 'Failure' } } })), message: `${prefix} failed: response.result.status was 'Failure', not 'Success'` }],
    ['no response', { handler: conversionReviewHandler(undefined, (r) => ({ ...r, response: undefined })), message: `${prefix} failed: no response provided` }],
    ['a review of another kind', { handler: conversionReviewHandler(undefined, (r) => ({ ...r, kind: 'AdmissionReview' })), message: `${prefix} failed: expected webhook response of apiextensions.k8s.io/v1, Kind=ConversionReview, got apiextensions.k8s.io/v1, Kind=AdmissionReview` }],
    ['too many objects', { handler: conversionReviewHandler(undefined, (r) => { const res = r['response'] as Obj; return { ...r, response: { ...res, convertedObjects: [...(res['convertedObjects'] as Obj[]), {}] } }; }), message: `${prefix} returned 2 objects, expected 1` }],
    ['no objects', { handler: conversionReviewHandler(undefined, (r) => ({ ...r, response: { ...(r['response'] as Obj), convertedObjects: [] } })), message: `${prefix} returned 0 objects, expected 1` }],
    ['an object at the wrong version', { handler: conversionReviewHandler((o) => ({ ...o })), message: `${prefix} returned invalid object at index 0: invalid groupVersion (expected stable.example.com/v2, received stable.example.com/v1)` }],
    ['an object of another kind', { handler: conversionReviewHandler((o, d) => ({ ...convertHostPort(o, d), kind: 'Other' })), message: `${prefix} returned invalid object at index 0: invalid kind (expected CronTab, received Other)` }],
    ['a renamed object', { handler: conversionReviewHandler((o, d) => ({ ...convertHostPort(o, d), metadata: { ...(o['metadata'] as Obj), name: 'renamed' } })), message: `${prefix} returned invalid object: must have the same name: f != renamed` }],
    ['an object with another uid', { handler: conversionReviewHandler((o, d) => ({ ...convertHostPort(o, d), metadata: { ...(o['metadata'] as Obj), uid: 'x' } })), message: `${prefix} returned invalid object: must have the same UID: uid-f != x` }],
    ['an invalid label', { handler: conversionReviewHandler((o, d) => ({ ...convertHostPort(o, d), metadata: { ...(o['metadata'] as Obj), labels: { app: 'not valid!' } } })), message: /^conversion webhook for stable\.example\.com\/v1, Kind=CronTab returned invalid metadata: metadata\.labels: Invalid value: "not valid!": / }],
    ['a label that is not a string', { handler: conversionReviewHandler((o, d) => ({ ...convertHostPort(o, d), metadata: { ...(o['metadata'] as Obj), labels: { app: 3 } } })), message: `${prefix} returned invalid metadata: metadata.labels[app] must be a string, but is float64 in converted object` }],
    ['an answer that is not JSON', { handler: () => ({ body: '{"apiVersion":' }), message: new RegExp(`^${prefix} failed: Post "https://127\\.0\\.0\\.1:\\d+/convert\\?timeout=500ms": invalid JSON in the response: `) }],
    ['an error status', { handler: () => ({ status: 500, body: 'crashed' }), message: `${prefix} failed: an error on the server ("crashed") has prevented the request from succeeding` }],
    ['no answer in time', { handler: () => new Promise((resolve) => setTimeout(() => resolve({ body: {} }), 1500)), message: new RegExp(`^${prefix} failed: Post "https://127\\.0\\.0\\.1:\\d+/convert\\?timeout=500ms": context deadline exceeded$`) }],
  ];
  for (const [name, { handler, message }] of badAnswers) {
    it(`refuses ${name}`, async () => {
      reset(handler);
      const got = await refusal(converter.convert(v1('f'), 'v2'));
      if (typeof message === 'string') assert.equal(got, message);
      else assert.match(got, message);
    });
  }

  it('names the index of a bad item in a list', async () => {
    reset(conversionReviewHandler((o, d) => (((o['metadata'] as Obj)['name'] === 'y' ? { ...o } : convertHostPort(o, d)))));
    const list = { apiVersion: 'stable.example.com/v1', kind: 'CronTabList', items: [v1('x'), v1('y')] };
    assert.equal(
      await refusal(converter.convert(list, 'v2')),
      'conversion webhook for stable.example.com/v1, Kind=CronTabList returned invalid converted object at index 1: invalid groupVersion (expected stable.example.com/v2, received stable.example.com/v1)',
    );
  });

  it('refuses versions the CRD does not declare without asking', async () => {
    reset();
    assert.equal(await refusal(converter.convert(v1('g'), 'v3')), 'request to convert CR to an invalid group/version: stable.example.com/v3');
    assert.equal(await refusal(converter.convert({ ...v1('g'), apiVersion: 'stable.example.com/v0' }, 'v2')), 'request to convert CR from an invalid group/version: stable.example.com/v0');
    assert.equal(webhook.requests.length, 0);
  });

  it('answers a webhook it cannot reach with the reason', async () => {
    const c = converterFor(crontabCRD({ service: { namespace: 'webhooks', name: 'conversion', port: 8443 }, caBundle: ca.caBundle }), { client });
    assert.equal(
      await refusal(c.convert(v1('h'), 'v2')),
      'conversion webhook for stable.example.com/v1, Kind=CronTab failed: Post "https://conversion.webhooks.svc:8443/?timeout=30s": no service port 8443 found for service "conversion"',
    );
  });
});

describe('converterFor', () => {
  const base = crontabCRD({ url: 'https://127.0.0.1:1/' });
  it('converts by rewriting apiVersion for strategy None, without a webhook', async () => {
    const none = converterFor({ ...base, spec: { ...base.spec, conversion: { strategy: 'None' } } });
    assert.deepEqual(await none.convert(v1('n'), 'v2'), { ...v1('n'), apiVersion: 'stable.example.com/v2' });
  });
  it('refuses a strategy it does not know when asked to convert', async () => {
    const unknown = converterFor({ ...base, spec: { ...base.spec, conversion: { strategy: 'Magic' } } });
    assert.equal(await refusal(unknown.convert(v1('m'), 'v2')), 'unknown conversion strategy "Magic"');
  });
});

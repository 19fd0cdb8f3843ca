/**
 * End to end: bad request bodies sent over HTTPS to a running `kapi serve` (SQLite). Each gets a
 * 4xx Status naming the problem, never a 500 or a hang; the server keeps serving, and nothing of a
 * refused request is written (the list shows only what was accepted).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startKapi, type HttpRequest, type Kapi } from './support/kapi.js';

const NS = 'bad-input';
const CONFIGMAPS = `/api/v1/namespaces/${NS}/configmaps`;
const PODS = `/api/v1/namespaces/${NS}/pods`;

interface Status {
  kind: string;
  status: string;
  reason: string;
  code: number;
  message: string;
}

/** A k8s\0 envelope around `raw`, written by hand: runtime.Unknown{typeMeta{apiVersion, kind}, raw}. */
function envelope(apiVersion: string, kind: string, raw: Buffer): Buffer {
  const field = (tag: number, bytes: Buffer): Buffer => Buffer.concat([Buffer.from([tag, bytes.length]), bytes]);
  const typeMeta = Buffer.concat([field(0x0a, Buffer.from(apiVersion)), field(0x12, Buffer.from(kind))]);
  return Buffer.concat([Buffer.from('k8s\0', 'latin1'), field(0x0a, typeMeta), field(0x12, raw)]);
}

describe('bad input over HTTP', () => {
  let kapi: Kapi;
  before(async () => {
    kapi = await startKapi();
    const created = await kapi.request('/api/v1/namespaces', { method: 'POST', contentType: 'application/json', body: JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } }) });
    assert.equal(created.status, 201, created.body);
  });
  after(async () => {
    assert.equal(await kapi.stop(), 0, kapi.log());
  });

  /** Sends a request that must fail with `code` and `reason`; returns the Status message. */
  async function refused(path: string, init: HttpRequest, code: number, reason: string): Promise<string> {
    const response = await kapi.request(path, { method: 'POST', ...init });
    const status = response.json as Status;
    assert.equal(response.status, code, response.body.slice(0, 500));
    assert.equal(status.kind, 'Status');
    assert.equal(status.status, 'Failure');
    assert.equal(status.reason, reason);
    assert.equal(status.code, code);
    return status.message;
  }

  const json = (body: unknown): HttpRequest => ({ contentType: 'application/json', body: typeof body === 'string' ? body : JSON.stringify(body) });
  const configMap = (name: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, ...extra });

  it('malformed JSON, YAML and protobuf are 400 BadRequest', async () => {
    assert.match(await refused(CONFIGMAPS, json('{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x"'), 400, 'BadRequest'), /^the object provided is unrecognized \(must be of type ConfigMap\): .*JSON/);
    assert.match(await refused(CONFIGMAPS, json('[]'), 400, 'BadRequest'), /must be a JSON object/);
    assert.match(
      await refused(CONFIGMAPS, { contentType: 'application/yaml', body: 'apiVersion: v1\nkind: ConfigMap\nmetadata: [\n' }, 400, 'BadRequest'),
      /^the object provided is unrecognized \(must be of type ConfigMap\): /,
    );
    const protobuf = { contentType: 'application/vnd.kubernetes.protobuf' };
    assert.match(await refused(CONFIGMAPS, { ...protobuf, body: Buffer.from('garbage') }, 400, 'BadRequest'), /not the prefix k8s\\0/);
    assert.match(await refused(CONFIGMAPS, { ...protobuf, body: Buffer.from([0x6b, 0x38, 0x73, 0x00, 0x0a, 0x0f, 0xff]) }, 400, 'BadRequest'), /truncated/);
    // A well-formed envelope around a ConfigMap message that is cut short.
    assert.match(await refused(CONFIGMAPS, { ...protobuf, body: envelope('v1', 'ConfigMap', Buffer.from([0x0a, 0x20, 0x0a])) }, 400, 'BadRequest'), /unrecognized/);
    assert.match(await refused(CONFIGMAPS, { contentType: 'text/plain', body: 'x' }, 415, 'UnsupportedMediaType'), /unknown format/);
  });

  it('a body of the wrong kind, or naming another object or namespace than the URL, is 400', async () => {
    assert.match(await refused(CONFIGMAPS, json({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'wrong-kind' } }), 400, 'BadRequest'), /Secret/);
    assert.match(await refused(CONFIGMAPS, json({ apiVersion: 'apps/v1', kind: 'ConfigMap', metadata: { name: 'wrong-group' } }), 400, 'BadRequest'), /apps\/v1/);
    const put = await refused(`${CONFIGMAPS}/one`, { method: 'PUT', ...json(configMap('two')) }, 400, 'BadRequest');
    assert.equal(put, 'the name of the object (two) does not match the name on the URL (one)');
    const other = await refused(CONFIGMAPS, json({ ...configMap('elsewhere'), metadata: { name: 'elsewhere', namespace: 'default' } }), 400, 'BadRequest');
    assert.equal(other, 'the namespace of the provided object does not match the namespace sent on the request');
  });

  it('a body over 3 MiB is 413 RequestEntityTooLarge', async () => {
    const big = JSON.stringify(configMap('big', { data: { a: 'x'.repeat(3 * 1024 * 1024) } }));
    assert.match(await refused(CONFIGMAPS, json(big), 413, 'RequestEntityTooLarge'), /limit is 3145728/);
  });

  it('JSON nested 10,000 levels deep, in a body or a patch, is 400', async () => {
    const deep = (levels: number): string => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
    assert.match(await refused(CONFIGMAPS, json(`{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"deep"},"data":${deep(10_000)}}`), 400, 'BadRequest'), /exceeded max depth/);
    assert.match(await refused(CONFIGMAPS, json(`{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"deep"},"data":${'['.repeat(9_990)}${']'.repeat(9_990)}}`), 400, 'BadRequest'), /data/);
    const target = await kapi.request(CONFIGMAPS, { method: 'POST', ...json(configMap('patched')) });
    assert.equal(target.status, 201);
    for (const contentType of ['application/merge-patch+json', 'application/strategic-merge-patch+json']) {
      const message = await refused(`${CONFIGMAPS}/patched`, { method: 'PATCH', contentType, body: `{"metadata":{"annotations":${deep(9_990)}}}` }, 400, 'BadRequest');
      assert.match(message, /exceeded max depth|annotations/, contentType);
    }
    const yaml = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`;
    await refused(CONFIGMAPS, { contentType: 'application/yaml', body: yaml }, 400, 'BadRequest');
  });

  it('fieldValidation=Strict refuses unknown and duplicate fields; Warn warns; Ignore ignores', async () => {
    const pod = (name: string): string =>
      `{"apiVersion":"v1","kind":"Pod","metadata":{"name":"${name}"},"spec":{"foo":1,"containers":[{"name":"c","image":"nginx"}]},"metadata":{"name":"${name}"}}`;
    const strict = await refused(`${PODS}?fieldValidation=Strict`, json(pod('strict')), 400, 'BadRequest');
    assert.equal(strict, 'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.foo", duplicate field "metadata"');
    const yaml = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: strict-yaml}\ndata: {a: b}\ndata: {c: d}\n';
    assert.match(await refused(`${CONFIGMAPS}?fieldValidation=Strict`, { contentType: 'application/yaml', body: yaml }, 400, 'BadRequest'), /duplicate field "data"/);
    assert.match(await refused(`${PODS}?fieldValidation=Bogus`, json(pod('bogus')), 422, 'Invalid'), /fieldValidation: Unsupported value: "Bogus"/);

    const warned = await kapi.request(`${PODS}?fieldValidation=Warn`, { method: 'POST', ...json(pod('warned')) });
    assert.equal(warned.status, 201, warned.body);
    assert.match(String(warned.headers['warning']), /299 - "unknown field \\"spec\.foo\\""/);
    assert.match(String(warned.headers['warning']), /299 - "duplicate field \\"metadata\\""/);

    // The typed-object cases of the FieldValidation conformance tests, on a Deployment.
    const deployment = (meta: string, spec: string): string =>
      `{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"fv"${meta}},"spec":{${spec}"selector":{"matchLabels":{"a":"b"}},"template":{"metadata":{"labels":{"a":"b"}},"spec":{"containers":[{"name":"c","image":"nginx"}]}}}}`;
    const deployments = `/apis/apps/v1/namespaces/${NS}/deployments?fieldValidation=Strict&fieldManager=field_validation_mgr`;
    assert.match(
      await refused(deployments, json(deployment('', '"unknownField":"x","replicas":1,"replicas":2,')), 400, 'BadRequest'),
      /strict decoding error: unknown field "spec\.unknownField", duplicate field "spec\.replicas"$/,
    );
    assert.match(await refused(deployments, json(deployment(',"unknownMeta":"x"', '')), 400, 'BadRequest'), /strict decoding error: unknown field "metadata\.unknownMeta"$/);

    const ignored = await kapi.request(`${PODS}?fieldValidation=Ignore`, { method: 'POST', ...json(pod('ignored')) });
    assert.equal(ignored.status, 201, ignored.body);
    assert.equal(ignored.headers['warning'], undefined);
    assert.equal((ignored.json as { spec: Record<string, unknown> }).spec['foo'], undefined);
  });

  it('keeps serving, and wrote nothing of what it refused', async () => {
    const readyz = await kapi.request('/readyz');
    assert.equal(readyz.body, 'ok');
    const names = async (path: string): Promise<string[]> => ((await kapi.request(path)).json as { items: { metadata: { name: string } }[] }).items.map((i) => i.metadata.name).sort();
    assert.deepEqual(await names(PODS), ['ignored', 'warned']);
    assert.deepEqual(
      (await names(CONFIGMAPS)).filter((n) => n !== 'kube-root-ca.crt'),
      ['patched'],
    );
    const patched = await kapi.request(`${CONFIGMAPS}/patched`);
    assert.equal((patched.json as { metadata: { annotations?: unknown } }).metadata.annotations, undefined);
  });
});

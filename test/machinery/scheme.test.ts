/**
 * The scheme over the widgets test group: decode → default → hub → encode in any version, and
 * the errors bad input gets.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MEDIA_JSON, MEDIA_PROTOBUF, MEDIA_YAML, Scheme, SchemeError } from '../../runtime/machinery/scheme.js';
import { installAll } from '../generators/testdata/widgets/generated/install.generated.js';

function widgetScheme(): Scheme {
  const scheme = new Scheme();
  installAll(scheme);
  return scheme;
}

const v1Widget = {
  apiVersion: 'widgets.example.com/v1',
  kind: 'Widget',
  metadata: { name: 'w', namespace: 'default', labels: { a: 'b' } },
  spec: { size: '1Gi', color: 'Red', ports: [{ name: 'http', port: 80 }] },
};

describe('Scheme', () => {
  it('decodes a v1 object, applies v1 defaults and converts to the hub', () => {
    const { gvk, object } = widgetScheme().decode(JSON.stringify(v1Widget), MEDIA_JSON);
    assert.deepEqual(gvk, { group: 'widgets.example.com', version: 'v1', kind: 'Widget' });
    assert.deepEqual(object, {
      metadata: { name: 'w', namespace: 'default', labels: { a: 'b' } },
      spec: { replicas: 1, size: '1Gi', color: 'Red', ports: [{ name: 'http', port: 80 }] },
    });
  });

  it('encodes the hub object as v2 with kind and apiVersion first', () => {
    const scheme = widgetScheme();
    const { object } = scheme.decode(JSON.stringify(v1Widget), MEDIA_JSON);
    const encoded = scheme.encode(object, { group: 'widgets.example.com', version: 'v2', kind: 'Widget' }, MEDIA_JSON);
    assert.equal(
      encoded,
      '{"kind":"Widget","apiVersion":"widgets.example.com/v2","metadata":{"name":"w","namespace":"default","labels":{"a":"b"}},' +
        '"spec":{"replicas":1,"size":"1Gi","color":"Red","ports":[{"name":"http","port":80}]}}',
    );
  });

  it('applies v2 defaults: the +default marker and the hand-written SetDefaults_Port', () => {
    const v2 = { apiVersion: 'widgets.example.com/v2', kind: 'Widget', spec: { size: '1', ports: [{ name: 'x', port: 1 }] } };
    const { object } = widgetScheme().decode(JSON.stringify(v2), MEDIA_JSON);
    assert.deepEqual(object['spec'], { replicas: 1, size: '1', ports: [{ name: 'x', port: 1, protocol: 'TCP' }] });
  });

  it('reads YAML', () => {
    const yaml = 'apiVersion: widgets.example.com/v2\nkind: Widget\nspec:\n  size: "2"\n  replicas: 3\n';
    const { object } = widgetScheme().decode(yaml, MEDIA_YAML);
    assert.deepEqual(object['spec'], { replicas: 3, size: '2' });
  });

  it('round-trips v2 through protobuf', () => {
    const scheme = widgetScheme();
    const gvk = { group: 'widgets.example.com', version: 'v2', kind: 'Widget' };
    const hub = scheme.decode(JSON.stringify({ ...v1Widget, apiVersion: 'widgets.example.com/v2' }), MEDIA_JSON).object;
    const bytes = scheme.encode(hub, gvk, MEDIA_PROTOBUF);
    assert.ok(bytes instanceof Uint8Array);
    assert.deepEqual([...bytes.slice(0, 4)], [0x6b, 0x38, 0x73, 0x00]);
    const back = scheme.decode(bytes, MEDIA_PROTOBUF);
    assert.deepEqual(back.gvk, gvk);
    assert.deepEqual(back.object, hub);
  });

  const bad: [string, string, RegExp][] = [
    ['not JSON', '{"kind":', /body is not valid JSON/],
    ['an array', '[]', /must be a JSON object/],
    ['no apiVersion', '{"kind":"Widget"}', /'apiVersion' is missing/],
    ['no kind', '{"apiVersion":"widgets.example.com/v2"}', /'Kind' is missing/],
    ['an unknown version', '{"apiVersion":"widgets.example.com/v9","kind":"Widget"}', /no version "widgets.example.com\/v9"/],
    ['an unknown kind', '{"apiVersion":"widgets.example.com/v2","kind":"Gadget"}', /no kind "Gadget"/],
  ];
  for (const [name, body, message] of bad) {
    it(`rejects ${name} with a SchemeError`, () => {
      assert.throws(() => widgetScheme().decode(body, MEDIA_JSON), (error: unknown) => {
        assert.ok(error instanceof SchemeError);
        assert.match(error.message, message);
        return true;
      });
    });
  }

  it('uses the fallback kind from the request path when the body has none', () => {
    const fallback = { group: 'widgets.example.com', version: 'v1', kind: 'Widget' };
    const { gvk } = widgetScheme().decode('{"spec":{"size":"1"}}', MEDIA_JSON, fallback);
    assert.deepEqual(gvk, fallback);
  });
});

describe('Scheme validation on decode', () => {
  const cases: [string, unknown, string][] = [
    ['a string where an integer belongs', { spec: { size: '1', replicas: 'two' } }, 'spec.replicas: must be integer'],
    ['a missing required field', { spec: { replicas: 1 } }, 'spec.size: Required value'],
    ['a list item of the wrong type', { spec: { size: '1', ports: [{ name: 'a', port: 'x' }] } }, 'spec.ports[0].port: must be integer'],
    ['a value breaking a marker', { spec: { size: '1', ports: [{ name: 'averyveryverylongname', port: 1 }] } }, 'spec.ports[0].name: must NOT have more than 15 characters'],
  ];
  for (const [name, body, message] of cases) {
    it(`rejects ${name}, naming the field`, () => {
      const json = JSON.stringify({ apiVersion: 'widgets.example.com/v2', kind: 'Widget', ...(body as object) });
      assert.throws(() => widgetScheme().decode(json, MEDIA_JSON), (error: unknown) => {
        assert.ok(error instanceof SchemeError);
        assert.equal(error.reason, 'BadRequest');
        assert.ok(error.message.includes(message), `${error.message} does not contain ${message}`);
        return true;
      });
    });
  }

  it('accepts null for optional fields, as Go decoding does', () => {
    const json = '{"apiVersion":"widgets.example.com/v2","kind":"Widget","metadata":{"creationTimestamp":null},"spec":{"size":"1"}}';
    assert.doesNotThrow(() => widgetScheme().decode(json, MEDIA_JSON));
  });
});

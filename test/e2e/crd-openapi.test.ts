/**
 * End to end: CustomResourceDefinitions in the published OpenAPI documents, as the
 * CustomResourcePublishOpenAPI conformance tests drive them (conformance-apiserver.md items
 * 31–39) against `kapi serve`: definitions appear in /openapi/v2 (JSON and protobuf) and
 * /openapi/v3 once a CRD is Established, follow a renamed or unserved version, and disappear with
 * the CRD; kubectl 1.27 and 1.33 `explain` custom resources and, through server-side field
 * validation, refuse unknown fields, enum violations and missing required fields.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { backends, fails, kubectlVersions, ok, startKapi, type Kapi } from './support/kapi.js';

const VERSIONS = kubectlVersions();
const SKIP = VERSIONS.length === 0 && 'no kubectl.1.NN binaries on this machine';
const POLL_MS = 30_000;

type Json = Record<string, unknown>;

/** Upstream's conformance schema (schemaFoo), as YAML under `openAPIV3Schema:`. */
const FOO_SCHEMA = `
        description: Foo CRD for Testing
        type: object
        properties:
          spec:
            type: object
            description: Specification of Foo
            properties:
              bars:
                description: List of Bars and their specs.
                type: array
                items:
                  type: object
                  required:
                  - name
                  properties:
                    name:
                      description: Name of Bar.
                      type: string
                    age:
                      description: Age of Bar.
                      type: string
                    feeling:
                      description: Whether Bar is feeling great.
                      type: string
                      enum:
                      - Great
                      - Down
                    bazs:
                      description: List of Bazs.
                      items:
                        type: string
                      type: array
          status:
            description: Status of Foo
            type: object
            properties:
              bars:
                description: List of Bars and their statuses.
                type: array
                items:
                  type: object
                  properties:
                    name:
                      description: Name of Bar.
                      type: string
                    available:
                      description: Whether the Bar is installed.
                      type: boolean`;

const PRESERVE_NESTED_SCHEMA = `
        description: preserve-unknown-properties in nested field for Testing
        type: object
        properties:
          spec:
            description: Specification of Waldo
            type: object
            x-kubernetes-preserve-unknown-fields: true
            properties:
              dummy:
                description: Dummy property.
                type: object`;

/** What upstream's conformance test sets up for a CRD "without validation schema". */
const NO_SCHEMA = `
        type: object
        x-kubernetes-preserve-unknown-fields: true`;

const PRESERVE_ROOT_SCHEMA = `
        description: preserve-unknown-properties at root for Testing
        x-kubernetes-preserve-unknown-fields: true
        type: object`;

/** The Foo schema as JSON, to compare with the published definition. */
const FOO_JSON = {
  description: 'Foo CRD for Testing',
  type: 'object',
  properties: {
    spec: {
      type: 'object',
      description: 'Specification of Foo',
      properties: {
        bars: {
          description: 'List of Bars and their specs.',
          type: 'array',
          items: {
            type: 'object',
            required: ['name'],
            properties: {
              name: { description: 'Name of Bar.', type: 'string' },
              age: { description: 'Age of Bar.', type: 'string' },
              feeling: { description: 'Whether Bar is feeling great.', type: 'string', enum: ['Great', 'Down'] },
              bazs: { description: 'List of Bazs.', items: { type: 'string' }, type: 'array' },
            },
          },
        },
      },
    },
    status: {
      description: 'Status of Foo',
      type: 'object',
      properties: {
        bars: {
          description: 'List of Bars and their statuses.',
          type: 'array',
          items: {
            type: 'object',
            properties: { name: { description: 'Name of Bar.', type: 'string' }, available: { description: 'Whether the Bar is installed.', type: 'boolean' } },
          },
        },
      },
    },
  },
};

function crdManifest(group: string, kind: string, versions: readonly string[], schema: string): string {
  const plural = `${kind.toLowerCase()}s`;
  const blocks = versions
    .map(
      (v, i) => `  - name: ${v}
    served: true
    storage: ${i === 0}
    schema:
      openAPIV3Schema:${schema}`,
    )
    .join('\n');
  return `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: ${plural}.${group}
spec:
  group: ${group}
  scope: Namespaced
  names:
    plural: ${plural}
    singular: ${kind.toLowerCase()}
    kind: ${kind}
    listKind: ${kind}List
  versions:
${blocks}
`;
}

/** `com.example.<…>.<version>.<Kind>`: the group reversed, as upstream names CRD definitions. */
const definitionName = (group: string, version: string, kind: string): string => `${group.split('.').reverse().join('.')}.${version}.${kind}`;

/** The definition without what the server adds (apiVersion, kind, metadata, the GVK), as upstream's waitForDefinition compares. */
function withoutAdded(schema: Json): Json {
  const copy = structuredClone(schema);
  const props = copy['properties'] as Json | undefined;
  if (props) {
    delete props['apiVersion'];
    delete props['kind'];
    delete props['metadata'];
  }
  delete copy['x-kubernetes-group-version-kind'];
  return copy;
}

async function pollV2(kapi: Kapi, predicate: (definitions: Json) => boolean, what: string, ms = POLL_MS): Promise<Json> {
  const deadline = Date.now() + ms;
  let last: Json = {};
  while (Date.now() < deadline) {
    const res = await kapi.request('/openapi/v2');
    if (res.status === 200) {
      last = ((res.json as Json)['definitions'] as Json) ?? {};
      if (predicate(last)) return last;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  assert.fail(`${what}: not seen in /openapi/v2 within ${ms} ms; definitions: ${Object.keys(last).filter((k) => k.startsWith('com.')).join(', ')}`);
}

async function v3Document(kapi: Kapi, group: string, version: string): Promise<Json | undefined> {
  const index = await kapi.request('/openapi/v3');
  const entry = ((index.json as Json)['paths'] as Record<string, { serverRelativeURL: string }>)[`apis/${group}/${version}`];
  if (!entry) return undefined;
  const doc = await kapi.request(entry.serverRelativeURL);
  assert.equal(doc.status, 200);
  return doc.json as Json;
}

for (const backend of backends()) {
  describe(`CRDs in OpenAPI (${backend})`, { skip: SKIP, timeout: 600_000 }, () => {
    let kapi: Kapi;
    const kubectl = (...args: string[]) => kapi.kubectl(VERSIONS[0], ...args);
    const applyCRD = async (name: string, manifest: string): Promise<void> => {
      ok(await kubectl('apply', '-f', kapi.file(`${name}.yaml`, manifest)));
      ok(await kubectl('wait', '--for=condition=established', '--timeout=30s', `crd/${name}`));
    };

    before(async () => {
      kapi = await startKapi({ backend });
    });
    after(async () => {
      await kapi?.stop();
    });

    describe('publishing (items 31, 32, 37–39)', () => {
      const group = 'multi-ver.example.com';
      const crd = `foos.${group}`;

      it('publishes each served version in /openapi/v2 with the CRD schema, shortly after the CRD is Established', async () => {
        await applyCRD(crd, crdManifest(group, 'Foo', ['v2', 'v3'], FOO_SCHEMA));
        const defs = await pollV2(kapi, (d) => definitionName(group, 'v2', 'Foo') in d && definitionName(group, 'v3', 'Foo') in d, 'v2 and v3');
        for (const v of ['v2', 'v3']) {
          const def = defs[definitionName(group, v, 'Foo')] as Json;
          assert.deepEqual(withoutAdded(def), FOO_JSON);
          assert.deepEqual(def['x-kubernetes-group-version-kind'], [{ group, kind: 'Foo', version: v }]);
          const meta = (def['properties'] as Record<string, Json>)['metadata'];
          assert.equal(meta['$ref'], '#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta');
          const list = defs[definitionName(group, v, 'FooList')] as Json;
          assert.deepEqual(list['x-kubernetes-group-version-kind'], [{ group, kind: 'FooList', version: v }]);
        }
      });

      it('serves the same definitions as gnostic protobuf', async () => {
        const res = await kapi.request('/openapi/v2', { headers: { Accept: 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf' } });
        assert.equal(res.status, 200);
        assert.match(String(res.headers['content-type']), /^application\/com\.github\.proto-openapi\.spec\.v2\.v1\.0\+protobuf/);
        assert.ok(res.body.includes(definitionName(group, 'v2', 'Foo')));
        assert.ok(res.body.includes('/apis/multi-ver.example.com/v3/namespaces/{namespace}/foos/{name}'));
      });

      it('publishes /openapi/v3/apis/<group>/<version> with custom resource operations', async () => {
        const doc = await v3Document(kapi, group, 'v2');
        assert.ok(doc, 'the group-version is in the v3 index');
        const schemas = (doc['components'] as Json)['schemas'] as Json;
        assert.deepEqual(withoutAdded(schemas[definitionName(group, 'v2', 'Foo')] as Json), FOO_JSON);
        assert.ok(!(definitionName(group, 'v3', 'Foo') in schemas), 'one version per document');
        const paths = doc['paths'] as Record<string, Record<string, Json>>;
        const object = paths[`/apis/${group}/v2/namespaces/{namespace}/foos/{name}`];
        assert.ok(object, Object.keys(paths).join(', '));
        const patch = object['patch'];
        assert.deepEqual(patch['x-kubernetes-group-version-kind'], { group, kind: 'Foo', version: 'v2' });
        assert.ok((patch['parameters'] as Json[]).some((p) => p['name'] === 'fieldValidation'));
        assert.deepEqual(Object.keys((patch['requestBody'] as Json)['content'] as Json), [
          'application/json-patch+json',
          'application/merge-patch+json',
          'application/apply-patch+yaml',
        ]);
        assert.equal(patch['operationId'], 'patchMultiVerExampleComV2NamespacedFoo');
        assert.ok(paths[`/apis/${group}/v2/foos`], 'the all-namespaces list');
      });

      it('follows a renamed version: the new name appears, the old one goes, the other stays (item 32)', async () => {
        ok(await kubectl('patch', 'crd', crd, '--type=json', '-p', '[{"op":"test","path":"/spec/versions/1/name","value":"v3"},{"op":"replace","path":"/spec/versions/1/name","value":"v4"}]'));
        const defs = await pollV2(kapi, (d) => definitionName(group, 'v4', 'Foo') in d && !(definitionName(group, 'v3', 'Foo') in d), 'v4 without v3');
        assert.deepEqual(withoutAdded(defs[definitionName(group, 'v2', 'Foo')] as Json), FOO_JSON);
        assert.equal(await v3Document(kapi, group, 'v3'), undefined);
      });

      it('drops a version that stops being served (item 31)', async () => {
        ok(await kubectl('patch', 'crd', crd, '--type=json', '-p', '[{"op":"replace","path":"/spec/versions/1/served","value":false}]'));
        const defs = await pollV2(kapi, (d) => !(definitionName(group, 'v4', 'Foo') in d), 'v4 gone');
        assert.ok(definitionName(group, 'v2', 'Foo') in defs);
      });

      it('publishes several CRDs of one group-version, and of other groups (items 37, 38)', async () => {
        await applyCRD(`waldos.${group}`, crdManifest(group, 'Waldo', ['v2'], PRESERVE_ROOT_SCHEMA));
        await applyCRD('waldos.other.example.com', crdManifest('other.example.com', 'Waldo', ['v1beta1'], PRESERVE_ROOT_SCHEMA));
        const defs = await pollV2(
          kapi,
          (d) => definitionName(group, 'v2', 'Waldo') in d && definitionName('other.example.com', 'v1beta1', 'Waldo') in d && definitionName(group, 'v2', 'Foo') in d,
          'both Waldos and Foo',
        );
        // A root that keeps unknown fields is published as a bare object in v2 (item 33).
        assert.deepEqual(defs[definitionName(group, 'v2', 'Waldo')], { type: 'object', 'x-kubernetes-group-version-kind': [{ group, kind: 'Waldo', version: 'v2' }] });
        const doc = await v3Document(kapi, group, 'v2');
        const schemas = (doc!['components'] as Json)['schemas'] as Json;
        assert.ok(definitionName(group, 'v2', 'Foo') in schemas && definitionName(group, 'v2', 'Waldo') in schemas);
      });

      it('removes the definitions when the CRD is deleted', async () => {
        // The definitions go when the CRD does, after the finalizer controller's cleanup.
        ok(await kubectl('delete', 'crd', crd, '--wait=false'));
        await pollV2(kapi, (d) => !(definitionName(group, 'v2', 'Foo') in d) && !(definitionName(group, 'v2', 'FooList') in d), 'Foo gone', 2 * POLL_MS);
        const doc = await v3Document(kapi, group, 'v2');
        assert.ok(!(definitionName(group, 'v2', 'Foo') in ((doc!['components'] as Json)['schemas'] as Json)));
      });
    });

    describe('fieldValidation on custom resources over HTTP', () => {
      const group = 'fields.example.com';
      const path = `/apis/${group}/v1/namespaces/default/foos`;
      const post = (body: string, validation: string) => kapi.request(`${path}?fieldValidation=${validation}`, { method: 'POST', body, contentType: 'application/json' });
      const body = (name: string, spec: string): string => `{"apiVersion":"${group}/v1","kind":"Foo","metadata":{"name":"${name}","unknownMeta":1},"spec":${spec}}`;

      before(async () => {
        await applyCRD(`foos.${group}`, crdManifest(group, 'Foo', ['v1'], FOO_SCHEMA));
        await pollV2(kapi, (d) => definitionName(group, 'v1', 'Foo') in d, 'Foo');
      });

      it('Strict refuses unknown and duplicate fields in one strict decoding error, unknown fields first', async () => {
        // As in Go's decoder, the last of repeated keys wins: its unknown fields are the ones reported.
        const res = await post(body('strict', '{"zeta":1,"bars":[{"name":"a"}],"bars":[{"name":"b","extra":true}]}'), 'Strict');
        assert.equal(res.status, 400, res.body);
        assert.equal(
          (res.json as Json)['message'],
          'Foo in version "v1" cannot be handled as a Foo: strict decoding error: unknown field "metadata.unknownMeta", unknown field "spec.bars[0].extra", unknown field "spec.zeta", duplicate field "spec.bars"',
        );
      });

      it('Warn creates the object without the unknown fields and says which they were', async () => {
        const res = await post(body('warn', '{"zeta":1,"bars":[{"name":"a"}]}'), 'Warn');
        assert.equal(res.status, 201, res.body);
        const warnings = ([] as string[]).concat(res.headers['warning'] ?? []).join('\n');
        assert.ok(warnings.includes('299 - "unknown field \\"metadata.unknownMeta\\""'), warnings);
        assert.ok(warnings.includes('299 - "unknown field \\"spec.zeta\\""'), warnings);
        const spec = (res.json as Json)['spec'] as Json;
        assert.deepEqual(spec, { bars: [{ name: 'a' }] });
      });
    });

    for (const version of VERSIONS) {
      describe(`kubectl ${version}: explain and server-side validation (items 33–36)`, () => {
        const n = version.replace('.', '');
        const group = `explain${n}.example.com`;
        const kind = `Foo${n}`;
        const plural = `foo${n}s`;
        const ns = `crd-openapi-${n}`;
        const run = (...args: string[]) => kapi.kubectl(version, ...args);
        const cr = (name: string, spec: string): string => kapi.file(`${name}-${n}.json`, `{"kind":"${kind}","apiVersion":"${group}/v1","metadata":{"name":"${name}","namespace":"${ns}"},"spec":${spec}}`);

        before(async () => {
          ok(await run('create', 'namespace', ns));
          ok(await run('apply', '-f', kapi.file(`crd-${n}.yaml`, crdManifest(group, kind, ['v1'], FOO_SCHEMA))));
          ok(await run('wait', '--for=condition=established', '--timeout=30s', `crd/${plural}.${group}`));
          await pollV2(kapi, (d) => definitionName(group, 'v1', kind) in d, kind);
        });

        it('explains the kind, its fields and nested fields', async () => {
          assert.match(ok(await run('explain', plural)), /DESCRIPTION:[\s\S]*Foo CRD for Testing[\s\S]*FIELDS:[\s\S]*apiVersion[\s\S]*<string>[\s\S]*APIVersion defines[\s\S]*spec[\s\S]*<Object>[\s\S]*Specification of Foo/);
          assert.match(ok(await run('explain', `${plural}.metadata`)), /DESCRIPTION:[\s\S]*Standard object's metadata[\s\S]*FIELDS:[\s\S]*creationTimestamp[\s\S]*<string>/);
          assert.match(ok(await run('explain', `${plural}.spec`)), /DESCRIPTION:[\s\S]*Specification of Foo[\s\S]*FIELDS:[\s\S]*bars[\s\S]*<\[\]Object>[\s\S]*List of Bars and their specs/);
          assert.match(ok(await run('explain', `${plural}.spec.bars`)), /bars[\s\S]*<\[\]Object>[\s\S]*DESCRIPTION:[\s\S]*List of Bars and their specs[\s\S]*FIELDS:[\s\S]*bazs[\s\S]*<\[\]string>[\s\S]*List of Bazs[\s\S]*name[\s\S]*<string>[\s\S]*Name of Bar/);
        });

        it('says which field does not exist', async () => {
          assert.match(fails(await run('explain', `${plural}.spec.bars2`)), /field "bars2" does not exist/);
        });

        it('creates and applies a valid resource', async () => {
          ok(await run('create', '-f', cr('test-foo', '{"bars":[{"name":"test-bar"}]}')));
          ok(await run('delete', plural, 'test-foo', '-n', ns));
          ok(await run('apply', '-f', cr('test-foo', '{"bars":[{"name":"test-bar"}]}')));
          ok(await run('delete', plural, 'test-foo', '-n', ns));
        });

        it('refuses an unknown field under Strict validation, on create and apply', async () => {
          for (const verb of ['create', 'apply']) {
            assert.match(fails(await run(verb, '-f', cr('unknown', '{"foo":true}'))), /unknown field "spec\.foo"/, verb);
          }
        });

        it('refuses a value outside the enum', async () => {
          for (const verb of ['create', 'apply']) {
            assert.match(fails(await run(verb, '-f', cr('bad-enum', '{"bars":[{"name":"b","feeling":"NonExistentValue"}]}'))), /Unsupported value: "NonExistentValue"/, verb);
          }
        });

        it('refuses a missing required field', async () => {
          assert.match(fails(await run('create', '-f', cr('no-name', '{"bars":[{"age":"10"}]}'))), /spec\.bars\[0\]\.name: Required value/);
        });

        it('accepts any field under a root that preserves unknown fields, and explains its kind', async () => {
          const pGroup = `preserve${n}.example.com`;
          const pKind = `Open${n}`;
          ok(await run('apply', '-f', kapi.file(`open-${n}.yaml`, crdManifest(pGroup, pKind, ['v1'], PRESERVE_ROOT_SCHEMA))));
          ok(await run('wait', '--for=condition=established', '--timeout=30s', `crd/${pKind.toLowerCase()}s.${pGroup}`));
          await pollV2(kapi, (d) => definitionName(pGroup, 'v1', pKind) in d, pKind);
          const body = kapi.file(`open-cr-${n}.json`, `{"kind":"${pKind}","apiVersion":"${pGroup}/v1","metadata":{"name":"test-cr","namespace":"${ns}"},"a":{"b":[{"c":"d"}]}}`);
          ok(await run('create', '-f', body));
          ok(await run('delete', `${pKind.toLowerCase()}s`, 'test-cr', '-n', ns));
          ok(await run('apply', '-f', body));
          assert.match(ok(await run('explain', `${pKind.toLowerCase()}s`)), new RegExp(`KIND:[\\s\\S]*${pKind}`));
        });

        it('accepts unknown fields in a nested object that preserves them, and a CRD without a schema of its own (items 34, 36)', async () => {
          const cases = [
            { kind: `Nested${n}`, schema: PRESERVE_NESTED_SCHEMA, body: '"spec":{"a":null,"b":[{"c":"d"}]}', explain: /DESCRIPTION:[\s\S]*preserve-unknown-properties in nested field for Testing/ },
            { kind: `Empty${n}`, schema: NO_SCHEMA, body: '"a":{"b":[{"c":"d"}]}', explain: /DESCRIPTION:\s*<empty>/ },
          ];
          for (const c of cases) {
            const cGroup = `${c.kind.toLowerCase()}.example.com`;
            const cPlural = `${c.kind.toLowerCase()}s`;
            ok(await run('apply', '-f', kapi.file(`${c.kind}.yaml`, crdManifest(cGroup, c.kind, ['v1'], c.schema))));
            ok(await run('wait', '--for=condition=established', '--timeout=30s', `crd/${cPlural}.${cGroup}`));
            await pollV2(kapi, (d) => definitionName(cGroup, 'v1', c.kind) in d, c.kind);
            const body = kapi.file(`${c.kind}-cr.json`, `{"kind":"${c.kind}","apiVersion":"${cGroup}/v1","metadata":{"name":"test-cr","namespace":"${ns}"},${c.body}}`);
            ok(await run('create', '-f', body));
            ok(await run('delete', cPlural, 'test-cr', '-n', ns));
            ok(await run('apply', '-f', body));
            assert.match(ok(await run('explain', cPlural)), c.explain, c.kind);
          }
        });
      });
    }
  });
}

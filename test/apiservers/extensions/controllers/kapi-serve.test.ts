/**
 * The CRD controllers in `kapi serve`, on SQLite and etcd, driven by real kubectl (1.27 and
 * 1.33) and plain HTTPS: conditions appear, a conflicting CRD is NamesAccepted=False,
 * `kubectl wait --for condition=established` returns, deleting a CRD removes its instances
 * first (watchers see them go) and then the CRD, a labelled collection of CRDs is deleted, and
 * the CRD status subresource answers GET, PUT and PATCH (the upstream conformance tests
 * "listing custom resource definition objects" and "getting/updating/patching custom resource
 * definition status sub-resource").
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { backends, kubectlVersions, ok, startKapi, type Kapi } from '../../../e2e/support/kapi.js';

type Obj = Record<string, unknown>;
const CRDS = '/apis/apiextensions.k8s.io/v1/customresourcedefinitions';
const GROUP = 'ctl.example.com';
const VERSIONS = kubectlVersions();

function crdYaml(plural: string, kind: string, options: { shortNames?: string[]; labels?: Record<string, string> } = {}): string {
  const labels = options.labels ? `\n  labels:\n${Object.entries(options.labels).map(([k, v]) => `    ${k}: "${v}"`).join('\n')}` : '';
  const shortNames = options.shortNames ? `\n    shortNames: [${options.shortNames.join(', ')}]` : '';
  return `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: ${plural}.${GROUP}${labels}
spec:
  group: ${GROUP}
  scope: Namespaced
  names:
    plural: ${plural}
    singular: ${plural.slice(0, -1)}
    kind: ${kind}
    listKind: ${kind}List${shortNames}
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            properties:
              size: {type: string}
`;
}

const condition = (crd: Obj, type: string): Obj | undefined =>
  (((crd['status'] as Obj | undefined)?.['conditions'] as Obj[] | undefined) ?? []).find((c) => c['type'] === type);

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

for (const backend of backends()) {
  describe(`CRD controllers in kapi serve (${backend})`, { timeout: 240_000 }, () => {
    let kapi: Kapi;
    before(async () => {
      kapi = await startKapi({ backend });
    });
    after(async () => {
      await kapi?.stop();
    });

    const getCRD = async (name: string): Promise<Obj | undefined> => {
      const res = await kapi.request(`${CRDS}/${name}`);
      if (res.status === 404) return undefined;
      assert.equal(res.status, 200, res.body);
      return res.json as Obj;
    };

    it('reports the post-start hook in /readyz', async () => {
      const res = await kapi.request('/readyz?verbose');
      assert.match(res.body, /\[\+\]poststarthook\/start-apiextensions-controllers ok/);
    });

    for (const version of VERSIONS) {
      it(`kubectl ${version} waits for condition=established`, async () => {
        const plural = `waits${version.replace('.', '')}s`;
        ok(await kapi.kubectl(version, 'apply', '-f', kapi.file(`${plural}.yaml`, crdYaml(plural, `Wait${version.replace('.', '')}`))));
        const waited = ok(await kapi.kubectl(version, 'wait', '--for', 'condition=established', '--timeout=30s', `crd/${plural}.${GROUP}`));
        assert.match(waited, new RegExp(`customresourcedefinition.apiextensions.k8s.io/${plural}.${GROUP} condition met`));
        const crd = (await getCRD(`${plural}.${GROUP}`))!;
        assert.equal(condition(crd, 'NamesAccepted')?.['reason'], 'NoConflicts');
        assert.equal(condition(crd, 'Established')?.['reason'], 'InitialNamesAccepted');
        const reason = ok(await kapi.kubectl(version, 'get', 'crd', `${plural}.${GROUP}`, '-o', 'jsonpath={.status.acceptedNames.kind}'));
        assert.equal(reason, `Wait${version.replace('.', '')}`);
      });
    }

    it('reports a conflicting plural as NamesAccepted=False with upstream’s reason and message', async () => {
      const v = VERSIONS[VERSIONS.length - 1];
      ok(await kapi.kubectl(v, 'apply', '-f', kapi.file('owner.yaml', crdYaml('owners', 'Owner', { shortNames: ['own'] }))));
      ok(await kapi.kubectl(v, 'wait', '--for', 'condition=established', '--timeout=30s', `crd/owners.${GROUP}`));
      ok(await kapi.kubectl(v, 'apply', '-f', kapi.file('own.yaml', crdYaml('owns', 'Own'))));
      // plural "owns" is free, but ask for a clash: a CRD whose plural is the other's short name
      ok(await kapi.kubectl(v, 'apply', '-f', kapi.file('clash.yaml', crdYaml('own', 'OwnClash'))));
      const reason = await until('NamesAccepted=False', async () => {
        const crd = await getCRD(`own.${GROUP}`);
        const c = crd && condition(crd, 'NamesAccepted');
        return c?.['status'] === 'False' ? c : undefined;
      });
      assert.equal(reason['reason'], 'PluralConflict');
      assert.equal(reason['message'], '"own" is already in use');
      const waited = await kapi.kubectl(v, 'wait', '--for', 'condition=established', '--timeout=2s', `crd/own.${GROUP}`);
      assert.notEqual(waited.code, 0, 'a CRD whose plural is taken is never established');
    });

    it('deletes the instances of a CRD first, then the CRD; watchers see the instances go', async () => {
      const v = VERSIONS[VERSIONS.length - 1];
      ok(await kapi.kubectl(v, 'apply', '-f', kapi.file('apples.yaml', crdYaml('apples', 'Apple'))));
      ok(await kapi.kubectl(v, 'wait', '--for', 'condition=established', '--timeout=30s', `crd/apples.${GROUP}`));
      ok(await kapi.kubectl(v, 'create', 'namespace', 'orchard'));
      const instances = ['default/a', 'default/b', 'orchard/c'];
      for (const ref of instances) {
        const [ns, name] = ref.split('/');
        // the CRD's API may take a moment to appear in discovery: retry apply briefly
        await until(`apply ${ref}`, async () => {
          const r = await kapi.kubectl(v, 'apply', '-n', ns, '-f', kapi.file(`${name}.yaml`, `apiVersion: ${GROUP}/v1\nkind: Apple\nmetadata:\n  name: ${name}\nspec:\n  size: big\n`));
          return r.code === 0 ? true : undefined;
        });
      }
      const watch = kapi.start(v, 'get', `apples.${GROUP}`, '-A', '-w', '--output-watch-events', '--no-headers');
      try {
        await watch.until((out) => out.split('\n').filter((l) => l.startsWith('ADDED')).length === 3, 20_000);
        const del = await kapi.kubectl(v, 'delete', 'crd', `apples.${GROUP}`, '--wait=true', '--timeout=60s');
        ok(del);
        await watch.until((out) => out.split('\n').filter((l) => l.startsWith('DELETED')).length === 3, 20_000);
      } finally {
        await watch.stop();
      }
      assert.equal(await getCRD(`apples.${GROUP}`), undefined);
      const gone = await kapi.request(`/apis/${GROUP}/v1/apples`);
      assert.equal(gone.status, 404, gone.body);
    });

    it('deletes a labelled collection of CRDs and only those', async () => {
      const v = VERSIONS[0];
      const labelled: string[] = [];
      for (const [plural, kind] of [['figs', 'Fig'], ['limes', 'Lime'], ['kiwis', 'Kiwi']]) {
        ok(await kapi.kubectl(v, 'apply', '-f', kapi.file(`${plural}.yaml`, crdYaml(plural, kind, { labels: { 'e2e-list-test-uuid': 'u1' } }))));
        labelled.push(`${plural}.${GROUP}`);
      }
      ok(await kapi.kubectl(v, 'apply', '-f', kapi.file('dates.yaml', crdYaml('dates', 'Date'))));
      const list = await kapi.request(`${CRDS}?labelSelector=e2e-list-test-uuid%3Du1`);
      assert.deepEqual(((list.json as { items: Obj[] }).items.map((i) => (i['metadata'] as Obj)['name']) as string[]).sort(), [...labelled].sort());
      const res = await kapi.request(`${CRDS}?labelSelector=e2e-list-test-uuid%3Du1`, { method: 'DELETE' });
      assert.equal(res.status, 200, res.body);
      for (const name of labelled) await until(`${name} gone`, async () => ((await getCRD(name)) ? undefined : true));
      assert.ok(await getCRD(`dates.${GROUP}`), 'the unlabelled CRD stays');
    });

    it('serves GET, PUT and PATCH on customresourcedefinitions/status', async () => {
      const v = VERSIONS[0];
      ok(await kapi.kubectl(v, 'apply', '-f', kapi.file('statuses.yaml', crdYaml('statuses', 'StatusThing'))));
      ok(await kapi.kubectl(v, 'wait', '--for', 'condition=established', '--timeout=30s', `crd/statuses.${GROUP}`));
      const path = `${CRDS}/statuses.${GROUP}/status`;
      const got = await kapi.request(path);
      assert.equal(got.status, 200, got.body);
      const crd = got.json as Obj;
      assert.equal(((crd['spec'] as Obj)['names'] as Obj)['kind'], 'StatusThing', 'the status subresource answers with the whole object');
      // what the typed Go client sends for CustomResourceDefinitionCondition{Message: "updated"}
      ((crd['status'] as Obj)['conditions'] as Obj[]).push({ type: '', status: '', lastTransitionTime: null, message: 'updated' });
      const put = await kapi.request(path, { method: 'PUT', body: JSON.stringify(crd), contentType: 'application/json' });
      assert.equal(put.status, 200, put.body);
      assert.ok(((put.json as { status: { conditions: Obj[] } }).status.conditions).some((c) => c['message'] === 'updated'));
      // upstream's conformance test patches in [{"message": "patched"}]; the endpoints' required-field
      // check answers that with 422 (status.conditions[0].type: Required value), so the condition
      // here carries its type and status
      const patch = await kapi.request(path, {
        method: 'PATCH',
        body: '[{"op": "add", "path": "/status/conditions", "value": [{"type": "", "status": "", "message": "patched"}]}]',
        contentType: 'application/json-patch+json',
      });
      assert.equal(patch.status, 200, patch.body);
      assert.deepEqual(
        (patch.json as { status: { conditions: Obj[] } }).status.conditions.map((c) => c['message']),
        ['patched'],
      );
      // a later read sees the patch (the controllers restore their own conditions beside it)
      const later = (await getCRD(`statuses.${GROUP}`))!;
      assert.ok(((later['status'] as { conditions: Obj[] }).conditions).some((c) => c['message'] === 'patched'));
    });
  });
}

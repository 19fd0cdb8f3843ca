/**
 * A CRD deletion survives a restart of `kapi serve`: a custom resource held by a finalizer of
 * its own keeps the CRD Terminating; after a SIGKILL and a start on the same data, the finalizer
 * controller picks the CRD up again, and once the resource's finalizer is removed (kubectl
 * patch, through the custom resource's own REST storage) the resource and then the CRD go.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { backends, kubectlVersions, ok, startKapi, type Kapi } from '../../../e2e/support/kapi.js';

type Obj = Record<string, unknown>;
const GROUP = 'restart.example.com';
const CRD_NAME = `holds.${GROUP}`;
const CRD_YAML = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: ${CRD_NAME}
spec:
  group: ${GROUP}
  scope: Namespaced
  names: {plural: holds, singular: hold, kind: Hold, listKind: HoldList}
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        x-kubernetes-preserve-unknown-fields: true
`;

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const terminating = (crd: Obj): Obj | undefined => (((crd['status'] as Obj)['conditions'] as Obj[]) ?? []).find((c) => c['type'] === 'Terminating');

// one backend is enough for the restart path; SQLite keeps its data in the data dir
const backend = backends().includes('sqlite') ? 'sqlite' : backends()[0];
const v = kubectlVersions().at(-1)!;

describe(`a CRD deletion across a restart of kapi serve (${backend})`, { timeout: 240_000 }, () => {
  let kapi: Kapi | undefined;
  after(async () => {
    await kapi?.stop();
  });

  it('finishes after the restart once the held resource lets go', async () => {
    kapi = await startKapi({ backend });
    ok(await kapi.kubectl(v, 'apply', '-f', kapi.file('crd.yaml', CRD_YAML)));
    ok(await kapi.kubectl(v, 'wait', '--for', 'condition=established', '--timeout=30s', `crd/${CRD_NAME}`));
    const cr = kapi.file('cr.yaml', `apiVersion: ${GROUP}/v1\nkind: Hold\nmetadata:\n  name: held\n  finalizers: [example.com/hold]\n`);
    await until('the custom resource is created', async () => ((await kapi!.kubectl(v, 'apply', '-f', cr)).code === 0 ? true : undefined));

    ok(await kapi.kubectl(v, 'delete', 'crd', CRD_NAME, '--wait=false'));
    const held = await until('the held resource is marked deleting', async () => {
      const res = await kapi!.request(`/apis/${GROUP}/v1/namespaces/default/holds/held`);
      return res.status === 200 && ((res.json as Obj)['metadata'] as Obj)['deletionTimestamp'] ? (res.json as Obj) : undefined;
    });
    assert.deepEqual((held['metadata'] as Obj)['finalizers'], ['example.com/hold']);
    const crd = (await kapi.request(`/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${CRD_NAME}`)).json as Obj;
    assert.equal(terminating(crd)?.['status'], 'True');

    await kapi.kill();
    kapi = await startKapi({ backend, dataDir: kapi.dataDir });
    const again = (await kapi.request(`/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${CRD_NAME}`)).json as Obj;
    assert.deepEqual((again['metadata'] as Obj)['finalizers'], ['customresourcecleanup.apiextensions.k8s.io'], 'still waiting for its instances');

    ok(await kapi.kubectl(v, 'patch', `holds.${GROUP}`, 'held', '--type=merge', '-p', '{"metadata":{"finalizers":null}}'));
    await until('the CRD is gone', async () => {
      const res = await kapi!.request(`/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${CRD_NAME}`);
      return res.status === 404 ? true : undefined;
    }, 90_000);
    const gone = await kapi.request(`/apis/${GROUP}/v1/holds`);
    assert.equal(gone.status, 404, gone.body);
  });
});

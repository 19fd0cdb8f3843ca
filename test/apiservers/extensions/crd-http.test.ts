/**
 * CustomResourceDefinitions written over HTTP through the kube tier, which stores them today:
 * upstream's validation answers with 422 and a message naming the field, and the strategy keeps
 * status.storedVersions.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { installAll } from '../../../generated/install.generated.js';
import { createKubeAPIServer, type KubeAPIServer } from '../../../runtime/apiservers/kube/index.js';
import { Scheme } from '../../../runtime/machinery/scheme.js';
import { openSqliteStorage, type SqliteStorage } from '../../../runtime/storage/sqlite/index.js';
import { request } from '../../endpoints/handlers/support.js';
import { startServer, testConfig, type Running } from '../../server/helpers.js';
import { tempDir } from '../../storage/support/temp-dir.js';
import { validCRD } from './validation/support.js';

type Obj = Record<string, unknown>;
const CRDS = '/apis/apiextensions.k8s.io/v1/customresourcedefinitions';

describe('CustomResourceDefinitions over HTTP', () => {
  let dir: { dir: string; remove: () => void };
  let storage: SqliteStorage;
  let kube: KubeAPIServer;
  let running: Running;
  before(async () => {
    const scheme = new Scheme();
    installAll(scheme);
    dir = tempDir('crd-http');
    storage = openSqliteStorage({ path: `${dir.dir}/kapi.db`, compactIntervalMs: 0 });
    kube = await createKubeAPIServer(testConfig().complete(), { scheme, storage });
    running = await startServer(kube.server);
  });
  after(async () => {
    await running.stop();
    await kube.close();
    await storage.close();
    dir.remove();
  });

  it('creates a valid CRD with its storage version stored', async () => {
    const crd = validCRD();
    crd.status = { storedVersions: ['made-up'] };
    const created = await request(`${running.url}${CRDS}`, 'POST', crd);
    assert.equal(created.status, 201, created.text);
    const body = created.json();
    assert.deepEqual((body['status'] as Obj)['storedVersions'], ['v1']);
    assert.equal((body['metadata'] as Obj)['generation'], 1);
  });

  it('refuses a CRD whose name is not plural.group', async () => {
    const crd = validCRD();
    crd.metadata!.name = 'gadgets.example.com';
    const res = await request(`${running.url}${CRDS}`, 'POST', crd);
    assert.equal(res.status, 422, res.text);
    const status = res.json();
    assert.equal(status['reason'], 'Invalid');
    assert.equal(
      status['message'],
      'CustomResourceDefinition.apiextensions.k8s.io "gadgets.example.com" is invalid: metadata.name: Invalid value: "gadgets.example.com": must be spec.names.plural+"."+spec.group',
    );
    assert.deepEqual((status['details'] as Obj)['causes'], [
      { reason: 'FieldValueInvalid', message: 'Invalid value: "gadgets.example.com": must be spec.names.plural+"."+spec.group', field: 'metadata.name' },
    ]);
  });

  it('refuses a rule that does not compile, at create time', async () => {
    const crd = validCRD();
    crd.metadata!.name = 'things.example.com';
    crd.spec.names = { plural: 'things', singular: 'thing', kind: 'Thing', listKind: 'ThingList' };
    crd.spec.versions[0].schema!.openAPIV3Schema!.properties!['spec']['x-kubernetes-validations'] = [{ rule: 'self.replicas.nope()' }];
    const res = await request(`${running.url}${CRDS}`, 'POST', crd);
    assert.equal(res.status, 422, res.text);
    const causes = (res.json()['details'] as Obj)['causes'] as Obj[];
    assert.equal(causes[0]['field'], 'spec.validation.openAPIV3Schema.properties[spec].x-kubernetes-validations[0].rule');
    assert.match(String(causes[0]['message']), /compilation failed: ERROR: <input>:1:19: undeclared reference to 'nope'/);
  });

  it('refuses a non-structural schema with the structural error', async () => {
    const crd = validCRD();
    crd.metadata!.name = 'loose.example.com';
    crd.spec.names = { plural: 'loose', singular: 'loos', kind: 'Loose', listKind: 'LooseList' };
    crd.spec.versions[0].schema!.openAPIV3Schema!.properties!['spec'].properties!['size'] = {};
    const res = await request(`${running.url}${CRDS}`, 'POST', crd);
    assert.equal(res.status, 422, res.text);
    assert.match(
      String(res.json()['message']),
      /spec\.validation\.openAPIV3Schema\.properties\[spec\]\.properties\[size\]\.type: Required value: must not be empty for specified object fields/,
    );
  });

  it('keeps the group immutable and records a new storage version on update', async () => {
    const current = (await request(`${running.url}${CRDS}/widgets.example.com`, 'GET')).json();
    const moved = structuredClone(current) as Obj;
    const spec = moved['spec'] as { group: string; versions: Obj[] };
    spec.versions[0]['storage'] = false;
    spec.versions.push({ ...structuredClone(spec.versions[0]), name: 'v2', storage: true });
    const updated = await request(`${running.url}${CRDS}/widgets.example.com`, 'PUT', moved);
    assert.equal(updated.status, 200, updated.text);
    assert.deepEqual((updated.json()['status'] as Obj)['storedVersions'], ['v1', 'v2']);
    assert.equal((updated.json()['metadata'] as Obj)['generation'], 2);

    const regrouped = structuredClone(updated.json()) as Obj;
    (regrouped['spec'] as { group: string }).group = 'example.org';
    const refused = await request(`${running.url}${CRDS}/widgets.example.com`, 'PUT', regrouped);
    assert.equal(refused.status, 422, refused.text);
    assert.match(String(refused.json()['message']), /spec\.group: Invalid value: "example\.org": field is immutable/);
  });
});

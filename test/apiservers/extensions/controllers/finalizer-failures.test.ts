/**
 * The finalizer's failure conditions, with instance deletion that fails on purpose: a failed
 * list is `could not list instances: …`, failed deletes `could not issue all deletes: …`, both
 * InstanceDeletionFailed with the finalizer kept; once deletion works the CRD goes.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CustomResourceDefinition } from '../../../../api-definitions/apiextensions/v1/types.js';
import { InstanceDeletionError, type CustomResourceInstances } from '../../../../runtime/apiservers/extensions/controllers/instances.js';
import { request } from '../../../endpoints/handlers/support.js';
import { conditionOf, crdNamed, CRDS, getCRD, startHarness, waitFor, waitForCondition, type Harness, type Obj } from './support.js';

const GROUP = 'failing.example.com';

/** Fails as told per CRD plural until healed. */
class FailingInstances implements CustomResourceInstances {
  readonly failures = new Map<string, InstanceDeletionError>();
  async deleteAll(crd: CustomResourceDefinition): Promise<void> {
    const failure = this.failures.get(crd.spec.names.plural);
    if (failure) throw failure;
  }
  async remaining(): Promise<number> {
    return 0;
  }
}

describe('CRD finalizer failures', () => {
  let h: Harness;
  const instances = new FailingInstances();
  before(async () => {
    h = await startHarness({ instances });
  });
  after(async () => {
    await h.close();
  });

  const cases: [string, { plural: string; error: InstanceDeletionError; message: string }][] = [
    ['a list that fails', { plural: 'lists', error: new InstanceDeletionError('list', 'storage is unavailable'), message: 'could not list instances: storage is unavailable' }],
    ['deletes that fail', { plural: 'deletes', error: new InstanceDeletionError('delete', '[a: boom, b: boom]'), message: 'could not issue all deletes: [a: boom, b: boom]' }],
  ];
  for (const [name, { plural, error, message }] of cases) {
    it(`reports ${name} as InstanceDeletionFailed and finishes once deletion works`, async () => {
      const crdName = `${plural}.${GROUP}`;
      instances.failures.set(plural, error);
      const kind = plural[0].toUpperCase() + plural.slice(1, -1);
      assert.equal((await request(`${h.url}${CRDS}`, 'POST', crdNamed(GROUP, { plural, singular: plural.slice(0, -1), kind, listKind: `${kind}List` }))).status, 201);
      await waitForCondition(h.url, crdName, 'Established', 'True');
      assert.equal((await request(`${h.url}${CRDS}/${crdName}`, 'DELETE')).status, 200);
      const failed = await waitForCondition(h.url, crdName, 'Terminating', 'True', 'InstanceDeletionFailed');
      assert.equal(conditionOf(failed, 'Terminating')?.message, message);
      assert.deepEqual((failed['metadata'] as Obj)['finalizers'], ['customresourcecleanup.apiextensions.k8s.io']);
      instances.failures.delete(plural);
      await waitFor(`${crdName} gone`, async () => ((await getCRD(h.url, crdName)) ? undefined : true), 15_000);
    });
  }
});

/**
 * The garbage collector rebuilds its graph from lists when the server starts again: an owner
 * removed while no server ran leaves a dangling reference that is acted on, and a foreground
 * deletion under way before the restart finishes after it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { configMap, create, eventually, exists, metadata, ownerRef, sqliteBackend, startTier, type Backend, type Tier } from './support.js';

const CM = '/api/v1/namespaces/default/configmaps';

describe('garbage collector across a restart', () => {
  let backend: Backend;
  let tier: Tier | undefined;
  before(() => {
    backend = sqliteBackend();
  });
  after(async () => {
    await tier?.stop();
    await backend.close();
  });

  it('acts on references left dangling and deletions left pending while the server was down', async () => {
    tier = await startTier(backend);
    const owner = await create(tier, CM, configMap('rs-owner'));
    await create(tier, CM, configMap('rs-dependent', [ownerRef(owner)]));
    const fgOwner = await create(tier, CM, configMap('rs-fg-owner'));
    await create(tier, CM, configMap('rs-fg-blocking', [ownerRef(fgOwner, { blockOwnerDeletion: true })], { finalizers: ['example.com/hold'] }));
    assert.equal((await tier.send('DELETE', `${CM}/rs-fg-owner`, { propagationPolicy: 'Foreground' })).status, 200);
    await eventually('the blocking dependent is being deleted', async () => Boolean(metadata((await tier!.get(`${CM}/rs-fg-blocking`)).body)['deletionTimestamp']));
    await tier.stop();
    tier = undefined;

    // the owner disappears behind the server's back
    const storage = backend.open();
    await storage.delete('/registry/configmaps/default/rs-owner');
    await storage.close();

    tier = await startTier(backend);
    const restarted = tier;
    await eventually('the dependent of the vanished owner is deleted', async () => !(await exists(restarted, `${CM}/rs-dependent`)));
    assert.ok(await exists(restarted, `${CM}/rs-fg-owner`), 'the foreground-deleted owner still waits');
    const released = await restarted.send('PATCH', `${CM}/rs-fg-blocking`, { metadata: { finalizers: null } }, 'application/merge-patch+json');
    assert.equal(released.status, 200, JSON.stringify(released.body));
    await eventually('the foreground deletion finishes', async () => !(await exists(restarted, `${CM}/rs-fg-owner`)));
  });
});

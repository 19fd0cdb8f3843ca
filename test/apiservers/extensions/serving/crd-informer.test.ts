/**
 * CRDInformer over the real CRD Store on SQLite: the first list, then creates, updates and deletes
 * reported in order with the previous state, and generation() moving with each change.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { installAll } from '../../../../generated/install.generated.js';
import { CRDInformer, type CRDChange } from '../../../../runtime/apiservers/extensions/index.js';
import { buildKubeRegistry, type KubeRegistry } from '../../../../runtime/apiservers/kube/index.js';
import { Scheme } from '../../../../runtime/machinery/scheme.js';
import type { KObject } from '../../../../runtime/registry/meta.js';
import type { RequestContext } from '../../../../runtime/registry/rest.js';
import type { Store } from '../../../../runtime/registry/store.js';
import { openSqliteStorage, type SqliteStorage } from '../../../../runtime/storage/sqlite/index.js';
import { tempDir } from '../../../storage/support/temp-dir.js';
import { validCRD } from '../validation/support.js';

const ctx: RequestContext = { namespace: '', warn: () => {} };

async function eventually(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function crdNamed(plural: string): KObject {
  const crd = validCRD();
  crd.metadata = { name: `${plural}.example.com` };
  crd.spec.names = { plural, singular: plural.slice(0, -1), kind: plural[0]!.toUpperCase() + plural.slice(1, -1), listKind: 'List' };
  crd.spec.names.listKind = `${crd.spec.names.kind}List`;
  return crd as unknown as KObject;
}

describe('CRDInformer', () => {
  let dir: { dir: string; remove: () => void };
  let storage: SqliteStorage;
  let registry: KubeRegistry;
  let store: Store;
  before(async () => {
    dir = tempDir('crd-informer');
    storage = openSqliteStorage({ path: `${dir.dir}/kapi.db`, compactIntervalMs: 0 });
    const scheme = new Scheme();
    installAll(scheme);
    registry = await buildKubeRegistry({ scheme, storage, controllers: false });
    store = registry.stores.get('apiextensions.k8s.io/customresourcedefinitions')!;
  });
  after(async () => {
    await registry.close();
    await storage.close();
    dir.remove();
  });

  it('lists the CRDs that exist, then follows creates, updates and deletes', async () => {
    await store.create(ctx, crdNamed('widgets'));
    const informer = new CRDInformer(Promise.resolve(store));
    const changes: CRDChange[] = [];
    informer.onChange((change) => changes.push(change));
    try {
      await informer.start();
      assert.deepEqual(
        informer.list().map((c) => c.metadata?.name),
        ['widgets.example.com'],
      );
      assert.equal(changes[0]?.type, 'ADDED');
      const generation = informer.generation();

      await store.create(ctx, crdNamed('gadgets'));
      await eventually(() => informer.get('gadgets.example.com') !== undefined, 'gadgets');
      assert.ok(informer.generation() > generation);
      assert.deepEqual(
        informer.list().map((c) => c.metadata?.name),
        ['gadgets.example.com', 'widgets.example.com'],
      );

      await store.update(ctx, 'gadgets.example.com', {
        updatedObject: (existing) => ({ ...existing, metadata: { ...(existing['metadata'] as object), labels: { tier: 'gold' } } }),
      });
      await eventually(() => informer.get('gadgets.example.com')?.metadata?.labels?.['tier'] === 'gold', 'the update');
      const modified = changes.find((c) => c.type === 'MODIFIED');
      assert.equal(modified?.old?.metadata?.labels, undefined);

      await store.delete(ctx, 'gadgets.example.com', { options: {} });
      await eventually(() => informer.get('gadgets.example.com') === undefined, 'the delete');
      const deleted = changes.find((c) => c.type === 'DELETED');
      assert.equal(deleted?.crd.spec.names.plural, 'gadgets', 'a deletion carries the last state');
      assert.deepEqual(
        changes.map((c) => `${c.type} ${c.crd.metadata?.name}`),
        ['ADDED widgets.example.com', 'ADDED gadgets.example.com', 'MODIFIED gadgets.example.com', 'DELETED gadgets.example.com'],
      );
    } finally {
      await informer.close();
    }
  });

  it('closes before it has started', async () => {
    const informer = new CRDInformer(new Promise<Store>(() => {}));
    await informer.close();
    assert.deepEqual(informer.list(), []);
  });
});

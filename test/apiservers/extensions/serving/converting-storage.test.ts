/**
 * ConvertingStorage over a real watch cache on SQLite: writes land in the storage version, reads,
 * lists and watch events come back in the layer's version, objects stored in an older version
 * read fine (defaulted in their own version first), shared objects are converted once for all
 * readers, and a failing conversion ends a watch with an ERROR event.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CustomResourceDefinition } from '../../../../api-definitions/apiextensions/v1/types.js';
import type { AsyncCustomResourceConverter } from '../../../../runtime/apiservers/extensions/conversion/converter.js';
import { noneConverter } from '../../../../runtime/apiservers/extensions/conversion/none.js';
import { compileVersionSchema, type CompiledVersionSchema } from '../../../../runtime/apiservers/extensions/schema/compile.js';
import { ConvertingStorage } from '../../../../runtime/apiservers/extensions/serving/converting-storage.js';
import { Cacher } from '../../../../runtime/storage/cacher/cacher.js';
import type { StoredObject, WatchEvent } from '../../../../runtime/storage/interface.js';
import { openSqliteStorage, type SqliteStorage } from '../../../../runtime/storage/sqlite/index.js';
import { tempDir } from '../../../storage/support/temp-dir.js';

const GROUP = 'conv.example.com';
const PREFIX = `/registry/${GROUP}/things`;

const crd = {
  metadata: { name: `things.${GROUP}` },
  spec: {
    group: GROUP,
    scope: 'Namespaced',
    names: { plural: 'things', kind: 'Thing', listKind: 'ThingList' },
    versions: ['v1', 'v1beta1', 'v1alpha1'].map((name) => ({ name, served: true, storage: name === 'v1' })),
  },
} as unknown as CustomResourceDefinition;

/** A None converter that counts how many objects it converted. */
function countingConverter(): AsyncCustomResourceConverter & { objects: number; calls: number; fail: boolean } {
  const none = noneConverter(crd);
  const counter = {
    objects: 0,
    calls: 0,
    fail: false,
    async convert(obj: Record<string, unknown>, version: string) {
      if (counter.fail) throw new Error('conversion webhook is down');
      counter.calls++;
      counter.objects += Array.isArray(obj['items']) ? obj['items'].length : 1;
      return none.convert(obj, version);
    },
  };
  return counter;
}

const alphaSchema: CompiledVersionSchema = compileVersionSchema({
  type: 'object',
  properties: { spec: { type: 'object', properties: { mode: { type: 'string', default: 'alpha-default' }, size: { type: 'integer' } } } },
});

const thing = (name: string, version: string, spec: Record<string, unknown> = {}): StoredObject => ({
  apiVersion: `${GROUP}/${version}`,
  kind: 'Thing',
  metadata: { name, namespace: 'default' },
  spec,
});

describe('ConvertingStorage', () => {
  let dir: { dir: string; remove: () => void };
  let storage: SqliteStorage;
  let cacher: Cacher;
  const converter = countingConverter();
  const layer = (version: string): ConvertingStorage =>
    new ConvertingStorage({
      inner: cacher,
      group: GROUP,
      version,
      storageVersion: 'v1',
      listKind: 'ThingList',
      converter,
      schemaFor: (v) => (v === 'v1alpha1' ? alphaSchema : undefined),
    });

  before(() => {
    dir = tempDir('converting-storage');
    storage = openSqliteStorage({ path: `${dir.dir}/kapi.db`, compactIntervalMs: 0 });
    cacher = new Cacher(storage, { prefix: PREFIX });
  });
  after(async () => {
    await cacher.close();
    await storage.close();
    dir.remove();
  });

  it('writes in the storage version and reads back in its own', async () => {
    const beta = layer('v1beta1');
    const created = await beta.create(`${PREFIX}/default/a`, thing('a', 'v1beta1', { size: 1 }));
    assert.equal(created['apiVersion'], `${GROUP}/v1beta1`);
    assert.equal((await storage.get(`${PREFIX}/default/a`))['apiVersion'], `${GROUP}/v1`);
    assert.equal((await beta.get(`${PREFIX}/default/a`))['apiVersion'], `${GROUP}/v1beta1`);
    assert.equal((await layer('v1').get(`${PREFIX}/default/a`))['apiVersion'], `${GROUP}/v1`);

    const updated = await beta.guaranteedUpdate(`${PREFIX}/default/a`, (current) => {
      assert.equal(current['apiVersion'], `${GROUP}/v1beta1`, 'the update function sees its own version');
      return { ...current, spec: { size: 2 } };
    });
    assert.equal(updated['apiVersion'], `${GROUP}/v1beta1`);
    const stored = await storage.get(`${PREFIX}/default/a`);
    assert.deepEqual([stored['apiVersion'], stored['spec']], [`${GROUP}/v1`, { size: 2 }]);
  });

  it('reads objects stored in an older version, defaulted in that version first', async () => {
    // written before the storage version moved to v1
    await storage.create(`${PREFIX}/default/old`, thing('old', 'v1alpha1', { size: 5 }));
    const read = await layer('v1').get(`${PREFIX}/default/old`);
    assert.equal(read['apiVersion'], `${GROUP}/v1`);
    assert.deepEqual(read['spec'], { size: 5, mode: 'alpha-default' });
    const alpha = await layer('v1alpha1').get(`${PREFIX}/default/old`);
    assert.equal(alpha['apiVersion'], `${GROUP}/v1alpha1`);
  });

  it('converts a list in one call, and each shared object once for every reader', async () => {
    await layer('v1').create(`${PREFIX}/default/b`, thing('b', 'v1'));
    await layer('v1').create(`${PREFIX}/default/c`, thing('c', 'v1'));
    const gamma = layer('v1beta1');
    const before = { calls: converter.calls, objects: converter.objects };
    const first = await gamma.list(`${PREFIX}/default`, { resourceVersion: '0' });
    assert.deepEqual(
      first.items.map((i) => i['apiVersion']),
      first.items.map(() => `${GROUP}/v1beta1`),
    );
    assert.equal(converter.calls - before.calls, 1, 'one conversion call for the list');
    const again = await gamma.list(`${PREFIX}/default`, { resourceVersion: '0' });
    assert.equal(converter.calls - before.calls, 1, 'cached objects are not converted again');
    assert.equal(again.items[0], first.items[0], 'the same converted object is shared');
  });

  it('converts watch events, and ends the watch with an ERROR when conversion fails', async () => {
    const beta = layer('v1beta1');
    const rv = String(await storage.currentRevision());
    const watch = await beta.watch(`${PREFIX}/default`, { resourceVersion: rv, recursive: true });
    const events: WatchEvent[] = [];
    const reading = (async () => {
      for await (const event of watch) events.push(event);
    })();
    await layer('v1').create(`${PREFIX}/default/d`, thing('d', 'v1'));
    const deadline = Date.now() + 5000;
    while (events.length < 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    assert.equal(events[0]?.type, 'ADDED');
    assert.equal((events[0]!.object as StoredObject)['apiVersion'], `${GROUP}/v1beta1`);
    converter.fail = true;
    try {
      await layer('v1').create(`${PREFIX}/default/e`, thing('e', 'v1'));
      await Promise.race([reading, new Promise((r) => setTimeout(r, 5000))]);
      const last = events.at(-1)!;
      assert.equal(last.type, 'ERROR');
      assert.equal((last.object as { code: number }).code, 500);
      assert.match((last.object as { message: string }).message, /conversion webhook is down/);
    } finally {
      converter.fail = false;
      watch.stop();
    }
  });
});

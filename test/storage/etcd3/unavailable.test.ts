/**
 * When etcd goes away, the etcd3 store fails fast and typed: requests end within their deadline
 * as Unavailable or Timeout, and watches end with an ERROR event instead of hanging.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StorageError } from '../../../runtime/storage/errors.js';
import { openEtcd3Storage } from '../../../runtime/storage/etcd3/index.js';
import { findEtcd, startEtcd } from '../support/etcd.js';
import { WatchReader } from '../support/watch-reader.js';

const etcd = findEtcd();

describe('etcd3 without etcd', { skip: etcd === undefined ? 'etcd is not installed' : false }, () => {
  it('ends requests and watches with typed errors once etcd stops', { timeout: 60_000 }, async () => {
    const server = await startEtcd(etcd!);
    const storage = openEtcd3Storage({ endpoints: [server.endpoint], requestTimeoutMs: 2000, dialTimeoutMs: 1000, compactIntervalMs: 0 });
    try {
      const created = await storage.create('/registry/things/ns/a', { metadata: { name: 'a' } });
      const watch = new WatchReader(await storage.watch('/registry/things', { recursive: true, resourceVersion: created.metadata?.resourceVersion }));
      await server.stop();

      const event = await watch.event(15_000);
      assert.equal(event.type, 'ERROR');
      assert.ok([500, 503, 504].includes(Number(event.object.code)), `code ${String(event.object.code)}`);
      assert.equal(await watch.next(1000), undefined);

      const started = Date.now();
      await assert.rejects(storage.get('/registry/things/ns/a'), (error: unknown) => {
        assert.ok(error instanceof StorageError, String(error));
        assert.ok(['Unavailable', 'Timeout'].includes(error.code), error.code);
        return true;
      });
      assert.ok(Date.now() - started < 15_000, 'failed within the retry budget');
    } finally {
      await storage.close();
      await server.stop();
    }
  });
});

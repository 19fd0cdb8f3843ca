/**
 * The storage conformance suite on a real etcd 3, started for this file on loopback ports: the
 * etcd3 store itself, and the watch cache in front of it (which must work without etcd's
 * progress notifications).
 */
import { describe, it } from 'node:test';
import { Cacher } from '../../runtime/storage/cacher/cacher.js';
import { openEtcd3Storage } from '../../runtime/storage/etcd3/index.js';
import { runStorageConformance } from './conformance.js';
import { findEtcd, startEtcd } from './support/etcd.js';

const etcd = findEtcd();

if (etcd === undefined) {
  describe('storage conformance: etcd3', () => {
    it('needs the etcd binary (apt-get install etcd-server)', { skip: 'etcd is not installed' }, () => {});
  });
} else {
  runStorageConformance('etcd3', {
    async open() {
      const server = await startEtcd(etcd);
      const storage = openEtcd3Storage({ endpoints: [server.endpoint], requestTimeoutMs: 5000, compactIntervalMs: 0 });
      return {
        storage,
        compact: (revision) => storage.compact(revision),
        async close() {
          await storage.close();
          await server.stop();
        },
      };
    },
    ttl: true,
  });

  runStorageConformance('cacher over etcd3', {
    async open() {
      const server = await startEtcd(etcd);
      const backend = openEtcd3Storage({ endpoints: [server.endpoint], requestTimeoutMs: 5000, compactIntervalMs: 0 });
      const cacher = new Cacher(backend, { prefix: '/registry/example.com', bookmarkIntervalMs: 100 });
      await cacher.waitUntilReady(10_000);
      return {
        storage: cacher,
        compact: (revision) => cacher.compact(revision),
        async close() {
          await cacher.close();
          await backend.close();
          await server.stop();
        },
      };
    },
    bookmarks: true,
    ttl: true,
  });
}

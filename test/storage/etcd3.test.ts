/** The storage conformance suite on a real etcd 3, started for this file on loopback ports. */
import { describe, it } from 'node:test';
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
}

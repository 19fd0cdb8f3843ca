/** The storage conformance suite on the watch cache, in front of a SQLite store. */
import path from 'node:path';
import { Cacher } from '../../runtime/storage/cacher/cacher.js';
import { openSqliteStorage } from '../../runtime/storage/sqlite/index.js';
import { runStorageConformance } from './conformance.js';
import { tempDir } from './support/temp-dir.js';

runStorageConformance('cacher over sqlite', {
  async open() {
    const temp = tempDir('cacher');
    const backend = openSqliteStorage({ path: path.join(temp.dir, 'kapi.db') });
    const cacher = new Cacher(backend, { prefix: '/registry/example.com', bookmarkIntervalMs: 100, capacity: 256 });
    await cacher.waitUntilReady(10_000);
    return {
      storage: cacher,
      compact: (revision) => cacher.compact(revision),
      async close() {
        await cacher.close();
        await backend.close();
        temp.remove();
      },
    };
  },
  bookmarks: true,
  ttl: true,
});

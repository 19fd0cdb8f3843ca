/** The storage conformance suite on the embedded SQLite store. */
import path from 'node:path';
import { openSqliteStorage } from '../../runtime/storage/sqlite/index.js';
import { runStorageConformance } from './conformance.js';
import { tempDir } from './support/temp-dir.js';

runStorageConformance('sqlite', {
  async open() {
    const temp = tempDir('sqlite');
    const storage = openSqliteStorage({ path: path.join(temp.dir, 'kapi.db'), bookmarkIntervalMs: 100 });
    return {
      storage,
      compact: (revision) => storage.compact(revision),
      async close() {
        await storage.close();
        temp.remove();
      },
    };
  },
  bookmarks: true,
  ttl: true,
});

/**
 * A child process for the kill -9 test: writes to the SQLite store at argv[2] as fast as it can,
 * a few writes in flight at a time, printing `ack <key> <resourceVersion>` after each write is
 * acknowledged. The parent kills it with SIGKILL mid-stream.
 */
import { openSqliteStorage } from '../../../runtime/storage/sqlite/index.js';

const storage = openSqliteStorage({ path: process.argv[2] });
let next = 0;

async function writer(): Promise<never> {
  for (;;) {
    const key = `/registry/durability/default/k${next++}`;
    const created = await storage.create(key, { metadata: { name: key.slice(key.lastIndexOf('/') + 1) }, data: { n: next } });
    process.stdout.write(`ack ${key} ${created.metadata?.resourceVersion}\n`);
  }
}

// Four writers: their writes share transactions, which is the path acknowledgements must survive.
await Promise.all([writer(), writer(), writer(), writer()]);

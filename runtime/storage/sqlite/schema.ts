/**
 * The SQLite schema, kine's log layout: one insert-only table where every write is a row and the
 * row id is the store revision. A row records the key, whether the write created or deleted it,
 * the revision that created the key, the revision it replaces and the previous value (so a watch
 * can show the old object without a second read). The unique (name, prev_revision) index makes
 * the loser of two racing writes from separate processes fail instead of forking the history.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export const SCHEMA_VERSION = 1;

const DDL = [
  `CREATE TABLE IF NOT EXISTS revisions (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     name TEXT NOT NULL,
     created INTEGER NOT NULL,
     deleted INTEGER NOT NULL,
     create_revision INTEGER NOT NULL,
     prev_revision INTEGER NOT NULL,
     lease INTEGER NOT NULL,
     value TEXT,
     old_value TEXT
   )`,
  `CREATE UNIQUE INDEX IF NOT EXISTS revisions_name_prev_revision ON revisions (name, prev_revision)`,
  `CREATE INDEX IF NOT EXISTS revisions_name_id ON revisions (name, id)`,
  // Small facts about the store itself: the schema version and the compacted revision.
  `CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL)`,
];

/** Opens (creating if needed) the database with the settings durability depends on. */
export function openDatabase(file: string, busyTimeoutMs: number): Database.Database {
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file, { timeout: busyTimeoutMs });
  try {
    // WAL lets readers run beside the writer; synchronous=FULL fsyncs the WAL on every commit,
    // so a write acknowledged to a client survives a crash or kill -9 of the process.
    if (file !== ':memory:') db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.transaction(() => {
      for (const statement of DDL) db.exec(statement);
      const row = db.prepare(`SELECT value FROM meta WHERE name = 'schema_version'`).get() as { value: number } | undefined;
      if (row === undefined) db.prepare(`INSERT INTO meta (name, value) VALUES ('schema_version', ?)`).run(SCHEMA_VERSION);
      else if (row.value > SCHEMA_VERSION) throw new Error(`${file} has schema version ${row.value}; this kapi understands up to ${SCHEMA_VERSION}`);
    }).immediate();
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

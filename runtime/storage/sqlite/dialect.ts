/**
 * Every SQL statement the store runs, prepared once per connection. Reads of the state at a
 * revision pick, for each key in the range, its newest row at or below that revision and skip it
 * when that row is a deletion, walking the (name, id) index in key order so a LIMIT stops early.
 */
import type Database from 'better-sqlite3';
import type { KVEvent, KeyValue } from '../kv.js';

/** One row of the revisions table. */
export interface Row {
  id: number;
  name: string;
  created: number;
  deleted: number;
  create_revision: number;
  prev_revision: number;
  lease: number;
  value: string | null;
  old_value: string | null;
}

const COLUMNS = 'id, name, created, deleted, create_revision, prev_revision, lease, value, old_value';

/** The newest row of `r.name` at or below the revision bound to `?rev`. */
const NEWEST_AT_REVISION = `r.id = (SELECT MAX(m.id) FROM revisions m WHERE m.name = r.name AND m.id <= @rev) AND r.deleted = 0`;

export class Statements {
  readonly latest: Database.Statement<[string], Row>;
  readonly range: Database.Statement<{ start: string; end: string; rev: number; limit: number }, Row>;
  readonly count: Database.Statement<{ start: string; end: string; rev: number }, { n: number }>;
  readonly insert: Database.Statement<[string, number, number, number, number, number, string | null, string | null]>;
  readonly currentRevision: Database.Statement<[], { seq: number }>;
  readonly compactRevision: Database.Statement<[], { value: number }>;
  readonly setCompactRevision: Database.Statement<[number]>;
  readonly after: Database.Statement<[number, number], Row>;
  readonly afterInRange: Database.Statement<{ from: number; to: number; start: string; end: string; limit: number }, Row>;
  readonly afterForKey: Database.Statement<{ from: number; to: number; name: string; limit: number }, Row>;
  readonly compactBatch: Database.Statement<[number, number, number, number]>;
  readonly leased: Database.Statement<[], { name: string; id: number; lease: number }>;

  constructor(db: Database.Database) {
    this.latest = db.prepare(`SELECT ${COLUMNS} FROM revisions WHERE name = ? ORDER BY id DESC LIMIT 1`);
    this.range = db.prepare(
      `SELECT ${COLUMNS} FROM revisions r WHERE r.name >= @start AND r.name < @end AND ${NEWEST_AT_REVISION} ORDER BY r.name LIMIT @limit`,
    );
    this.count = db.prepare(`SELECT COUNT(*) AS n FROM revisions r WHERE r.name >= @start AND r.name < @end AND ${NEWEST_AT_REVISION}`);
    this.insert = db.prepare(
      `INSERT INTO revisions (name, created, deleted, create_revision, prev_revision, lease, value, old_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.currentRevision = db.prepare(`SELECT seq FROM sqlite_sequence WHERE name = 'revisions'`);
    this.compactRevision = db.prepare(`SELECT value FROM meta WHERE name = 'compact_revision'`);
    this.setCompactRevision = db.prepare(`INSERT OR REPLACE INTO meta (name, value) VALUES ('compact_revision', ?)`);
    this.after = db.prepare(`SELECT ${COLUMNS} FROM revisions WHERE id > ? ORDER BY id LIMIT ?`);
    this.afterInRange = db.prepare(
      `SELECT ${COLUMNS} FROM revisions WHERE id > @from AND id <= @to AND name >= @start AND name < @end ORDER BY id LIMIT @limit`,
    );
    this.afterForKey = db.prepare(`SELECT ${COLUMNS} FROM revisions WHERE name = @name AND id > @from AND id <= @to ORDER BY id LIMIT @limit`);
    // Compacting (lo, hi]: drop every row a row in the batch replaced, and the batch's deletions.
    this.compactBatch = db.prepare(
      `DELETE FROM revisions WHERE id IN (
         SELECT prev_revision FROM revisions WHERE id > ? AND id <= ? AND prev_revision != 0
         UNION
         SELECT id FROM revisions WHERE id > ? AND id <= ? AND deleted != 0)`,
    );
    this.leased = db.prepare(
      `SELECT r.name AS name, r.id AS id, r.lease AS lease FROM revisions r
       WHERE r.lease > 0 AND r.deleted = 0 AND r.id = (SELECT MAX(m.id) FROM revisions m WHERE m.name = r.name)`,
    );
  }
}

export function rowToKeyValue(row: Row): KeyValue {
  return {
    key: row.name,
    value: row.value ?? '',
    modRevision: row.id,
    createRevision: row.create_revision || row.id,
    lease: row.lease,
  };
}

/** The watch event a row records. */
export function rowToEvent(row: Row): KVEvent {
  const createRevision = row.create_revision || row.id;
  const previous: KeyValue | undefined =
    row.created !== 0
      ? undefined
      : { key: row.name, value: row.old_value ?? '', modRevision: row.prev_revision, createRevision, lease: 0 };
  if (row.deleted !== 0) {
    return { type: 'delete', kv: { key: row.name, value: '', modRevision: row.id, createRevision, lease: 0 }, prevKv: previous };
  }
  return { type: 'put', kv: rowToKeyValue(row), prevKv: previous };
}

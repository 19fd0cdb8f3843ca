/**
 * The embedded SQLite store, kapi's zero-setup default: the revisions table (schema.ts) behind
 * the log layer (log.ts), a polling watch (watch.ts), compaction (compaction.ts) and TTL leases
 * (leases.ts), composed into the KV contract that KVStorage turns into Storage.
 *
 *   const storage = openSqliteStorage({ path: '.kapi/kapi.db' });
 */
import type { KV, KVWatch, KVWatchSink } from '../kv.js';
import { KVStorage } from '../store.js';
import { Compactor } from './compaction.js';
import { Leases } from './leases.js';
import { SqliteLog, mapSqliteError } from './log.js';
import { completeSqliteOptions } from './options.js';
import type { CompletedSqliteOptions, SqliteOptions } from './options.js';
import { openDatabase } from './schema.js';
import { Poller } from './watch.js';

export type { SqliteOptions } from './options.js';

/** The KV contract on one SQLite database. */
export class SqliteKV implements KV {
  readonly log: SqliteLog;
  private readonly poller: Poller;
  private readonly compactor: Compactor;
  private readonly leases: Leases;
  private closed = false;

  constructor(readonly options: CompletedSqliteOptions) {
    const db = openDatabase(options.path, options.busyTimeoutMs);
    try {
      this.log = new SqliteLog(db);
      this.poller = new Poller(this.log, options.pollIntervalMs);
      this.compactor = new Compactor(this.log, this.poller, options);
      this.leases = new Leases(this.log);
      this.log.onCommit((writes) => {
        this.poller.wake();
        this.leases.observe(writes);
      });
      this.leases.load();
      this.compactor.start();
    } catch (error) {
      db.close();
      throw mapSqliteError(error);
    }
  }

  get: KV['get'] = (key) => this.log.get(key);
  range: KV['range'] = (start, end, options) => this.log.range(start, end, options);
  count: KV['count'] = (start, end) => this.log.count(start, end);
  put: KV['put'] = (key, value, expected, ttl) => this.log.put(key, value, expected, ttl);
  delete: KV['delete'] = (key, expected) => this.log.delete(key, expected);
  currentRevision: KV['currentRevision'] = () => this.log.currentRevision();

  watch(start: string, end: string | undefined, fromRevision: number, sink: KVWatchSink): KVWatch {
    return this.poller.subscribe(start, end, fromRevision, sink);
  }

  async compact(revision: number): Promise<void> {
    try {
      await this.compactor.compact(revision);
    } catch (error) {
      throw mapSqliteError(error);
    }
  }

  /** One background compaction step, as the timer runs it. */
  compactTick(): Promise<void> {
    return this.compactor.tick();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.compactor.close();
    this.leases.close();
    this.poller.close();
    this.log.close();
    this.log.db.close();
  }
}

/** A Storage on SQLite. */
export class SqliteStorage extends KVStorage {
  constructor(override readonly kv: SqliteKV) {
    super(kv, kv.options);
  }
}

export function openSqliteStorage(options: SqliteOptions): SqliteStorage {
  return new SqliteStorage(new SqliteKV(completeSqliteOptions(options)));
}

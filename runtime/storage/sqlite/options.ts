/**
 * Options of the embedded SQLite store, completed with their defaults before the store is built.
 */
import type { KVStorageOptions } from '../store.js';

export interface SqliteOptions extends KVStorageOptions {
  /** The database file; created with its folder missing. `:memory:` keeps nothing on disk. */
  path: string;
  /** How often watches look for rows written by other processes, in ms. Default 100. Local writes wake them at once. */
  pollIntervalMs?: number;
  /** How often background compaction runs, in ms; 0 disables it. Default 5 minutes. */
  compactIntervalMs?: number;
  /** Revisions background compaction keeps behind the latest. Default 1000. */
  compactRetainRevisions?: number;
  /** Revisions compacted per transaction. Default 1000. */
  compactBatchSize?: number;
  /** Transactions one background compaction tick may run. Default 10. */
  compactMaxBatchesPerTick?: number;
  /** How long a write waits for another process's write lock, in ms. Default 5000. */
  busyTimeoutMs?: number;
}

export type CompletedSqliteOptions = Required<SqliteOptions>;

export function completeSqliteOptions(options: SqliteOptions): CompletedSqliteOptions {
  const positive = (name: string, value: number, allowZero = false): number => {
    if (!Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) throw new Error(`sqlite option ${name} must be a positive number, got ${value}`);
    return value;
  };
  return {
    path: options.path,
    pollIntervalMs: positive('pollIntervalMs', options.pollIntervalMs ?? 100),
    compactIntervalMs: positive('compactIntervalMs', options.compactIntervalMs ?? 5 * 60_000, true),
    compactRetainRevisions: positive('compactRetainRevisions', options.compactRetainRevisions ?? 1000, true),
    compactBatchSize: positive('compactBatchSize', options.compactBatchSize ?? 1000),
    compactMaxBatchesPerTick: positive('compactMaxBatchesPerTick', options.compactMaxBatchesPerTick ?? 10),
    busyTimeoutMs: positive('busyTimeoutMs', options.busyTimeoutMs ?? 5000, true),
    bookmarkIntervalMs: positive('bookmarkIntervalMs', options.bookmarkIntervalMs ?? 60_000),
    listPageSize: positive('listPageSize', options.listPageSize ?? 1000),
    watchCapacity: positive('watchCapacity', options.watchCapacity ?? 100_000),
  };
}

/**
 * The log layer: the KV reads and writes on the revisions table. Writes are compare-and-swap on
 * a key's newest row and only ever insert. Writes issued in the same turn of the event loop are
 * committed together in one transaction (one fsync for the group, each write still checked on
 * its own), and a write's promise settles only after its transaction is on disk.
 */
import type Database from 'better-sqlite3';
import { InternalError, StorageError, TimeoutError, UnavailableError } from '../errors.js';
import { CompactedError, FutureRevisionError } from '../kv.js';
import type { KeyValue, RangeOptions, RangeResult, TxnResult } from '../kv.js';
import { Statements, rowToKeyValue } from './dialect.js';
import type { Row } from './dialect.js';

/** A write that reached the disk: what watches and lease tracking hear about. */
export interface CommittedWrite {
  readonly key: string;
  readonly revision: number;
  readonly deleted: boolean;
  /** Seconds the key lives, 0 for none. */
  readonly ttl: number;
}

/** Rows read per query by a range without a limit. */
const RANGE_CHUNK = 1000;

type WriteOp =
  | { readonly kind: 'put'; readonly key: string; readonly value: string; readonly expected: number; readonly ttl: number }
  | { readonly kind: 'delete'; readonly key: string; readonly expected: number };

interface PendingWrite {
  readonly op: WriteOp;
  readonly resolve: (result: TxnResult) => void;
  readonly reject: (error: Error) => void;
}

/** Turns a driver error into a storage error. */
export function mapSqliteError(error: unknown): Error {
  if (error instanceof StorageError || error instanceof CompactedError || error instanceof FutureRevisionError) return error;
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return new TimeoutError(`sqlite: database is busy: ${message}`);
  if (error instanceof TypeError && /database connection is not open/.test(message)) return new UnavailableError('sqlite: the store is closed');
  return new InternalError(`sqlite: ${message}`);
}

export class SqliteLog {
  readonly statements: Statements;
  private readonly readTransaction: Database.Transaction<(read: () => unknown) => unknown>;
  private readonly writeTransaction: Database.Transaction<(batch: PendingWrite[], outcomes: (TxnResult | Error)[], committed: CommittedWrite[]) => void>;
  private pending: PendingWrite[] = [];
  private flushScheduled = false;
  private readonly commitListeners: ((writes: readonly CommittedWrite[]) => void)[] = [];
  private closed = false;

  constructor(readonly db: Database.Database) {
    this.statements = new Statements(db);
    this.readTransaction = db.transaction((read: () => unknown) => read());
    this.writeTransaction = db.transaction((batch: PendingWrite[], outcomes: (TxnResult | Error)[], committed: CommittedWrite[]) => {
      for (const pending of batch) {
        try {
          outcomes.push(this.apply(pending.op, committed));
        } catch (error) {
          // A failed statement rolls back alone; the rest of the group still commits.
          if ((error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE') outcomes.push(this.conflict(pending.op.key));
          else outcomes.push(mapSqliteError(error));
        }
      }
    });
  }

  /** Runs `read` in one read transaction: every statement in it sees the same snapshot. */
  read<T>(read: () => T): T {
    if (this.closed) throw new UnavailableError('sqlite: the store is closed');
    try {
      return this.readTransaction.deferred(read) as T;
    } catch (error) {
      throw mapSqliteError(error);
    }
  }

  /** Hears about every committed group of writes, after it is durable. */
  onCommit(listener: (writes: readonly CommittedWrite[]) => void): void {
    this.commitListeners.push(listener);
  }

  currentRevisionSync(): number {
    return this.statements.currentRevision.get()?.seq ?? 0;
  }

  compactRevisionSync(): number {
    return this.statements.compactRevision.get()?.value ?? 0;
  }

  async get(key: string): Promise<{ kv: KeyValue | undefined; revision: number }> {
    return this.read(() => {
      const latest = this.statements.latest.get(key);
      return { kv: latest && latest.deleted === 0 ? rowToKeyValue(latest) : undefined, revision: this.currentRevisionSync() };
    });
  }

  async range(start: string, end: string, options: RangeOptions = {}): Promise<RangeResult> {
    const limit = options.limit ?? 0;
    if (limit === 0) return this.rangeAll(start, end, options.revision ?? 0);
    return this.read(() => {
      const { current, rev } = this.pin(options.revision ?? 0);
      const rows = this.statements.range.all({ start, end, rev, limit: limit + 1 });
      const more = rows.length > limit;
      if (more) rows.pop();
      const count = more && options.count ? this.statements.count.get({ start, end, rev })!.n : rows.length;
      return { kvs: rows.map(rowToKeyValue), more, count, revision: current };
    });
  }

  /**
   * A whole range at one revision, read in chunks with the event loop free between them, so a
   * large list never holds the process for its whole length.
   */
  private async rangeAll(start: string, end: string, requested: number): Promise<RangeResult> {
    const kvs: KeyValue[] = [];
    let from = start;
    let pinned: { current: number; rev: number } | undefined;
    for (;;) {
      const rows = this.read(() => {
        if (pinned === undefined) pinned = this.pin(requested);
        else this.pin(pinned.rev);
        return this.statements.range.all({ start: from, end, rev: pinned.rev, limit: RANGE_CHUNK });
      });
      for (const row of rows) kvs.push(rowToKeyValue(row));
      if (rows.length < RANGE_CHUNK) break;
      from = `${rows[rows.length - 1].name}\0`;
      await new Promise((resolve) => setImmediate(resolve));
    }
    return { kvs, more: false, count: kvs.length, revision: pinned!.current };
  }

  /** The revision a read inside a read transaction serves: `requested`, or the latest for 0. */
  private pin(requested: number): { current: number; rev: number } {
    const current = this.currentRevisionSync();
    if (requested > 0) {
      const compacted = this.compactRevisionSync();
      if (requested < compacted) throw new CompactedError(requested, compacted);
      if (requested > current) throw new FutureRevisionError(requested, current);
    }
    return { current, rev: requested || current };
  }

  async count(start: string, end: string): Promise<number> {
    return this.read(() => this.statements.count.get({ start, end, rev: this.currentRevisionSync() })!.n);
  }

  async currentRevision(): Promise<number> {
    return this.read(() => this.currentRevisionSync());
  }

  put(key: string, value: string, expected: number, ttl: number): Promise<TxnResult> {
    return this.enqueue({ kind: 'put', key, value, expected, ttl });
  }

  delete(key: string, expected: number): Promise<TxnResult> {
    return this.enqueue({ kind: 'delete', key, expected });
  }

  /** Commits queued writes now rather than at the end of this turn. */
  flush(): void {
    this.flushScheduled = false;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    const outcomes: (TxnResult | Error)[] = [];
    const committed: CommittedWrite[] = [];
    try {
      if (this.closed) throw new UnavailableError('sqlite: the store is closed');
      this.writeTransaction.immediate(batch, outcomes, committed);
    } catch (error) {
      const mapped = mapSqliteError(error);
      for (const pending of batch) pending.reject(mapped);
      return;
    }
    batch.forEach((pending, i) => {
      const outcome = outcomes[i];
      if (outcome instanceof Error) pending.reject(outcome);
      else pending.resolve(outcome);
    });
    if (committed.length > 0) for (const listener of this.commitListeners) listener(committed);
  }

  /** Commits what is queued and refuses further work. */
  close(): void {
    this.flush();
    this.closed = true;
  }

  private enqueue(op: WriteOp): Promise<TxnResult> {
    if (this.closed) return Promise.reject(new UnavailableError('sqlite: the store is closed'));
    return new Promise((resolve, reject) => {
      this.pending.push({ op, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private conflict(key: string): TxnResult {
    const latest = this.statements.latest.get(key);
    return { succeeded: false, current: latest && latest.deleted === 0 ? rowToKeyValue(latest) : undefined, revision: this.currentRevisionSync() };
  }

  /** One compare-and-swap write inside the group's transaction. */
  private apply(op: WriteOp, committed: CommittedWrite[]): TxnResult {
    const latest: Row | undefined = this.statements.latest.get(op.key);
    const live = latest && latest.deleted === 0 ? latest : undefined;
    if ((live?.id ?? 0) !== op.expected || (op.kind === 'delete' && !live)) {
      return { succeeded: false, current: live && rowToKeyValue(live), revision: this.currentRevisionSync() };
    }
    let info: Database.RunResult;
    if (op.kind === 'put') {
      info = live
        ? this.statements.insert.run(op.key, 0, 0, live.create_revision || live.id, live.id, op.ttl, op.value, live.value)
        : this.statements.insert.run(op.key, 1, 0, 0, latest?.id ?? 0, op.ttl, op.value, null);
    } else {
      const row = live as Row;
      info = this.statements.insert.run(op.key, 0, 1, row.create_revision || row.id, row.id, 0, null, row.value);
    }
    const revision = Number(info.lastInsertRowid);
    committed.push({ key: op.key, revision, deleted: op.kind === 'delete', ttl: op.kind === 'put' ? op.ttl : 0 });
    return { succeeded: true, revision };
  }
}

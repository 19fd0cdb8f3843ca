/**
 * Watches on SQLite, kine-style: one poller per store reads rows past the last revision it has
 * seen and fans each change out to the watches whose range holds its key, so a change is read and
 * decoded once however many watch it. Local writes wake the poller at once; the interval only
 * matters for rows other processes write. A watch that starts in the past first catches up from
 * the table in bounded batches, then joins the live fan-out.
 */
import { CompactedError } from '../kv.js';
import type { KVEvent, KVWatch, KVWatchSink } from '../kv.js';
import { rowToEvent } from './dialect.js';
import type { Row } from './dialect.js';
import type { SqliteLog } from './log.js';

/** Rows read per query, by the poller and by a catching-up watch. */
const BATCH = 1000;

interface Subscription {
  readonly start: string;
  /** Exclusive end of the key range; undefined to watch `start` alone. */
  readonly end: string | undefined;
  readonly sink: KVWatchSink;
  /** The last revision delivered (or known to hold nothing for this range). */
  cursor: number;
  live: boolean;
  cancelled: boolean;
}

function inRange(sub: Subscription, key: string): boolean {
  return sub.end === undefined ? key === sub.start : key >= sub.start && key < sub.end;
}

export class Poller {
  private readonly subscriptions = new Set<Subscription>();
  /** Every row up to here has been delivered to the live watches; -1 before the first watch. */
  private lastSeen = -1;
  private timer: NodeJS.Timeout | undefined;
  private wakeScheduled = false;
  private closed = false;

  constructor(
    private readonly log: SqliteLog,
    private readonly intervalMs: number,
  ) {}

  subscribe(start: string, end: string | undefined, fromRevision: number, sink: KVWatchSink): KVWatch {
    const sub: Subscription = { start, end, sink, cursor: Math.max(0, fromRevision - 1), live: false, cancelled: false };
    const cancel = (): void => {
      sub.cancelled = true;
      this.subscriptions.delete(sub);
      if (this.subscriptions.size === 0) this.idle();
    };
    if (this.closed) {
      sub.sink.error(new Error('sqlite: the store is closed'));
      return { cancel };
    }
    try {
      const compacted = this.log.read(() => {
        if (this.lastSeen < 0) this.lastSeen = this.log.currentRevisionSync();
        return this.log.compactRevisionSync();
      });
      if (sub.cursor < compacted) {
        sink.error(new CompactedError(fromRevision, compacted));
        return { cancel };
      }
    } catch (error) {
      sink.error(error as Error);
      return { cancel };
    }
    this.subscriptions.add(sub);
    this.startTimer();
    if (sub.cursor >= this.lastSeen) sub.live = true;
    else void this.catchUp(sub);
    return { cancel };
  }

  /** Polls soon: called after local writes commit. */
  wake(): void {
    if (this.wakeScheduled || this.subscriptions.size === 0) return;
    this.wakeScheduled = true;
    setImmediate(() => {
      this.wakeScheduled = false;
      this.poll();
    });
  }

  /** Delivers every committed row to the live watches before returning (used before compaction). */
  drain(): void {
    while (this.poll()) {
      /* keep reading until a batch comes back short */
    }
  }

  close(): void {
    this.closed = true;
    this.stopTimer();
    this.subscriptions.clear();
  }

  /** Reads one batch of new rows and fans it out; returns true when more rows may be waiting. */
  private poll(): boolean {
    if (this.closed || this.subscriptions.size === 0 || this.lastSeen < 0) return false;
    let rows: Row[];
    let compacted: number;
    try {
      ({ rows, compacted } = this.log.read(() => ({ rows: this.log.statements.after.all(this.lastSeen, BATCH), compacted: this.log.compactRevisionSync() })));
    } catch (error) {
      this.failAll(error as Error);
      return false;
    }
    if (compacted > this.lastSeen) {
      // Another process compacted rows this poller had not read yet: live watches may have
      // missed changes, so they end with 410 and their clients start again.
      for (const sub of [...this.subscriptions]) {
        if (sub.live) {
          this.subscriptions.delete(sub);
          sub.sink.error(new CompactedError(this.lastSeen + 1, compacted));
        }
      }
      this.lastSeen = compacted;
      rows = rows.filter((row) => row.id > compacted);
    }
    if (rows.length > 0) {
      const events = rows.map(rowToEvent);
      const last = rows[rows.length - 1].id;
      for (const sub of this.subscriptions) {
        if (!sub.live || sub.cancelled) continue;
        this.deliver(sub, rows, events);
        sub.cursor = last;
      }
      this.lastSeen = last;
    }
    const more = rows.length === BATCH;
    if (!more) {
      for (const sub of this.subscriptions) {
        if (sub.live && !sub.cancelled) sub.sink.progress?.(this.lastSeen);
      }
    } else {
      this.wake();
    }
    return more;
  }

  /** Reads a watch's missed rows from the table in batches until it reaches the poller. */
  private async catchUp(sub: Subscription): Promise<void> {
    while (!sub.cancelled && !this.closed) {
      const to = this.lastSeen;
      if (sub.cursor >= to) {
        sub.live = true;
        return;
      }
      let rows: Row[];
      try {
        rows = this.log.read(() => {
          const compacted = this.log.compactRevisionSync();
          if (sub.cursor < compacted) throw new CompactedError(sub.cursor + 1, compacted);
          return sub.end === undefined
            ? this.log.statements.afterForKey.all({ from: sub.cursor, to, name: sub.start, limit: BATCH })
            : this.log.statements.afterInRange.all({ from: sub.cursor, to, start: sub.start, end: sub.end, limit: BATCH });
        });
      } catch (error) {
        this.subscriptions.delete(sub);
        sub.sink.error(error as Error);
        return;
      }
      if (rows.length > 0) sub.sink.events(rows.map(rowToEvent));
      sub.cursor = rows.length === BATCH ? rows[rows.length - 1].id : to;
      // Let other work run between batches.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private deliver(sub: Subscription, rows: readonly Row[], events: readonly KVEvent[]): void {
    let batch: KVEvent[] | undefined;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      if (row.id <= sub.cursor || !inRange(sub, row.name)) continue;
      (batch ??= []).push(events[i]);
    }
    if (batch) sub.sink.events(batch);
  }

  private failAll(error: Error): void {
    for (const sub of [...this.subscriptions]) {
      this.subscriptions.delete(sub);
      sub.sink.error(error);
    }
    this.idle();
  }

  private startTimer(): void {
    if (this.timer || this.closed) return;
    this.timer = setInterval(() => this.poll(), this.intervalMs);
    this.timer.unref();
  }

  /** No watches left: stop polling and forget the position, so the next watch starts from now. */
  private idle(): void {
    this.stopTimer();
    this.lastSeen = -1;
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}

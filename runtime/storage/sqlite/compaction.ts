/**
 * Compaction: forgets history that no read or watch may still ask for. Compacting to revision C
 * deletes every row replaced by a row at or below C and every deletion at or below C, so the
 * state at C and every later revision stays readable while older revisions answer 410. Work goes
 * in batches of revisions, each its own short transaction recording how far it got, so a large
 * backlog never holds the write lock (or the event loop) for long. A background tick keeps a
 * window of recent revisions, as kine does.
 */
import type { CompletedSqliteOptions } from './options.js';
import type { SqliteLog } from './log.js';
import type { Poller } from './watch.js';

export class Compactor {
  private timer: NodeJS.Timeout | undefined;
  /** Serializes compactions: the background tick and explicit calls never overlap. */
  private running: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly log: SqliteLog,
    private readonly poller: Poller,
    private readonly options: Pick<CompletedSqliteOptions, 'compactIntervalMs' | 'compactRetainRevisions' | 'compactBatchSize' | 'compactMaxBatchesPerTick'>,
  ) {}

  start(): void {
    if (this.options.compactIntervalMs === 0 || this.timer) return;
    this.timer = setInterval(() => {
      void this.tick().catch(() => {
        /* the next tick tries again */
      });
    }, this.options.compactIntervalMs);
    this.timer.unref();
  }

  /** One background step: compact toward (latest - window), at most a bounded number of batches. */
  tick(): Promise<void> {
    return this.serialize(async () => {
      const target = this.log.read(() => this.log.currentRevisionSync()) - this.options.compactRetainRevisions;
      await this.compactTo(target, this.options.compactMaxBatchesPerTick);
    });
  }

  /** Compacts everything up to `revision` (capped at the latest revision). */
  compact(revision: number): Promise<void> {
    return this.serialize(() => this.compactTo(revision, Infinity));
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private serialize(work: () => Promise<void>): Promise<void> {
    const next = this.running.then(work, work);
    this.running = next.catch(() => {});
    return next;
  }

  private async compactTo(revision: number, maxBatches: number): Promise<void> {
    const { statements } = this.log;
    for (let batches = 0; batches < maxBatches && !this.closed; batches++) {
      // Live watches must see every row before it can disappear.
      this.log.flush();
      this.poller.drain();
      const done = this.log.db
        .transaction(() => {
          const target = Math.min(revision, this.log.currentRevisionSync());
          const from = this.log.compactRevisionSync();
          if (target <= from) return true;
          const to = Math.min(target, from + this.options.compactBatchSize);
          statements.compactBatch.run(from, to, from, to);
          statements.setCompactRevision.run(to);
          return to >= target;
        })
        .immediate();
      if (done) return;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}

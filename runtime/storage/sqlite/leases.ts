/**
 * Keys written with a TTL (Events, mostly) expire: each is deleted once its lease runs out,
 * unless it has been written again since. As in kine, the clock starts at the write, or at start
 * up for keys found in the table, so a restart extends the leases it finds.
 */
import type { CommittedWrite, SqliteLog } from './log.js';

const SWEEP_MS = 500;

export class Leases {
  /** key → the revision that carries the lease and when it runs out. */
  private readonly expiries = new Map<string, { revision: number; at: number }>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly log: SqliteLog) {}

  /** Picks up the leases already in the table. */
  load(): void {
    const now = Date.now();
    for (const row of this.log.read(() => this.log.statements.leased.all())) {
      this.expiries.set(row.name, { revision: row.id, at: now + row.lease * 1000 });
    }
    this.schedule();
  }

  /** Tracks committed writes: a write with a TTL starts a lease, any other write ends one. */
  observe(writes: readonly CommittedWrite[]): void {
    const now = Date.now();
    for (const write of writes) {
      if (write.ttl > 0) this.expiries.set(write.key, { revision: write.revision, at: now + write.ttl * 1000 });
      else this.expiries.delete(write.key);
    }
    this.schedule();
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.expiries.clear();
  }

  private schedule(): void {
    if (this.expiries.size === 0) {
      if (this.timer) clearInterval(this.timer);
      this.timer = undefined;
    } else if (!this.timer) {
      this.timer = setInterval(() => this.sweep(), SWEEP_MS);
      this.timer.unref();
    }
  }

  private sweep(): void {
    const now = Date.now();
    for (const [key, { revision, at }] of this.expiries) {
      if (at > now) continue;
      this.expiries.delete(key);
      // Deletes only if nothing rewrote the key since; a lost race just means it was renewed.
      this.log.delete(key, revision).catch(() => {});
    }
    this.schedule();
  }
}

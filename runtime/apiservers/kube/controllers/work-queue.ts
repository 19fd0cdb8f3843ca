/**
 * A deduplicating work queue (client-go's workqueue with a rate limiter, reduced to what the
 * in-process controllers need): a key added while it waits is queued once; a key added while it
 * is being processed runs again afterwards; a failed key is retried with exponential backoff a
 * bounded number of times, then dropped until the next event adds it again.
 */

export interface WorkQueueOptions {
  /** Keys processed at the same time. Default 2. */
  readonly workers?: number;
  /** Retries of a failing key before it is dropped. Default 12. */
  readonly maxRetries?: number;
  /** Delay before the first retry, doubled on each further one. Default 50 ms. */
  readonly baseDelayMs?: number;
  /** Longest delay between retries. Default 5 s. */
  readonly maxDelayMs?: number;
  /** Told about a key dropped after its last retry. */
  readonly onDrop?: (key: string, error: unknown) => void;
}

export class WorkQueue {
  private readonly pending = new Set<string>();
  private readonly active = new Set<string>();
  private readonly dirty = new Set<string>();
  private readonly failures = new Map<string, number>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly idleWaiters: (() => void)[] = [];
  private readonly workers: number;
  private readonly maxRetries: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private started = false;
  private closed = false;

  constructor(
    private readonly process: (key: string) => Promise<void>,
    private readonly options: WorkQueueOptions = {},
  ) {
    this.workers = options.workers ?? 2;
    this.maxRetries = options.maxRetries ?? 12;
    this.baseDelayMs = options.baseDelayMs ?? 50;
    this.maxDelayMs = options.maxDelayMs ?? 5000;
  }

  /** Keys waiting or being processed. */
  get length(): number {
    return this.pending.size + this.active.size;
  }

  add(key: string): void {
    if (this.closed) return;
    if (this.active.has(key)) {
      this.dirty.add(key);
      return;
    }
    this.pending.add(key);
    this.pump();
  }

  /** Starts processing; keys added before wait until then (the initial lists are complete). */
  start(): void {
    this.started = true;
    this.pump();
  }

  /** Stops taking keys and waits for the ones being processed. */
  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.pending.clear();
    if (this.active.size > 0) await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }

  private pump(): void {
    if (!this.started || this.closed) return;
    while (this.active.size < this.workers && this.pending.size > 0) {
      const [key] = this.pending;
      this.pending.delete(key);
      this.active.add(key);
      void this.run(key);
    }
  }

  private async run(key: string): Promise<void> {
    try {
      await this.process(key);
      this.failures.delete(key);
    } catch (error) {
      this.retry(key, error);
    } finally {
      this.active.delete(key);
      if (this.dirty.delete(key) && !this.closed) this.pending.add(key);
      if (this.active.size === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
      this.pump();
    }
  }

  private retry(key: string, error: unknown): void {
    const count = (this.failures.get(key) ?? 0) + 1;
    if (count > this.maxRetries || this.closed) {
      this.failures.delete(key);
      this.options.onDrop?.(key, error);
      return;
    }
    this.failures.set(key, count);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.add(key);
    }, Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (count - 1)));
    timer.unref();
    this.timers.add(timer);
  }
}

/**
 * The Watch every backend hands out: a queue of events the producer pushes into and one consumer
 * iterates. Pushing never blocks the producer; a consumer that falls more than `capacity`
 * events behind is cut off (the watch just ends, as apiserver closes a watcher too slow to keep
 * up) so one stalled client cannot hold unbounded memory.
 */
import type { Watch, WatchErrorStatus, WatchEvent } from './interface.js';

export const DEFAULT_WATCH_CAPACITY = 100_000;

export class WatchChannel implements Watch {
  private queue: WatchEvent[] = [];
  private head = 0;
  private waiter: ((result: IteratorResult<WatchEvent>) => void) | undefined;
  private ended = false;
  private resolveDone!: () => void;
  readonly done: Promise<void>;

  constructor(
    /** Called once when the watch ends, whoever ends it: release the producer's side here. */
    private readonly onEnd: () => void = () => {},
    private readonly capacity = DEFAULT_WATCH_CAPACITY,
  ) {
    this.done = new Promise((resolve) => (this.resolveDone = resolve));
  }

  get isEnded(): boolean {
    return this.ended;
  }

  /** Queues an event; ignored once the watch has ended. */
  push(event: WatchEvent): void {
    if (this.ended) return;
    const waiter = this.waiter;
    if (waiter) {
      this.waiter = undefined;
      waiter({ value: event, done: false });
      return;
    }
    if (this.queue.length - this.head >= this.capacity) {
      this.end();
      return;
    }
    this.queue.push(event);
  }

  /** Queues a final ERROR event and ends the watch. */
  fail(status: WatchErrorStatus): void {
    if (this.ended) return;
    this.push({ type: 'ERROR', object: status });
    this.end();
  }

  /** Ends the watch; events already queued are still delivered. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.({ value: undefined, done: true });
    this.resolveDone();
    this.onEnd();
  }

  stop(): void {
    this.queue = [];
    this.head = 0;
    this.end();
  }

  next(): Promise<IteratorResult<WatchEvent>> {
    if (this.head < this.queue.length) {
      const value = this.queue[this.head++];
      if (this.head > 1024 && this.head * 2 > this.queue.length) {
        this.queue = this.queue.slice(this.head);
        this.head = 0;
      }
      return Promise.resolve({ value, done: false });
    }
    if (this.ended) return Promise.resolve({ value: undefined, done: true });
    if (this.waiter) return Promise.reject(new Error('a watch has a single consumer'));
    return new Promise((resolve) => (this.waiter = resolve));
  }

  [Symbol.asyncIterator](): AsyncIterator<WatchEvent> {
    return {
      next: () => this.next(),
      return: () => {
        this.stop();
        return Promise.resolve({ value: undefined, done: true });
      },
    };
  }
}

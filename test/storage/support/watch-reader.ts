/** Reads a storage Watch with a deadline on every step, so a missing event fails a test instead of hanging it. */
import assert from 'node:assert/strict';
import type { Watch, WatchEvent } from '../../../runtime/storage/interface.js';

const TIMEOUT = Symbol('timeout');

function deadline(ms: number): { promise: Promise<typeof TIMEOUT>; cancel: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<typeof TIMEOUT>((resolve) => (timer = setTimeout(() => resolve(TIMEOUT), ms)));
  return { promise, cancel: () => clearTimeout(timer) };
}

export class WatchReader {
  private readonly iterator: AsyncIterator<WatchEvent>;
  private pending: Promise<IteratorResult<WatchEvent>> | undefined;

  constructor(readonly watch: Watch) {
    this.iterator = watch[Symbol.asyncIterator]();
  }

  /** The next event, or undefined when the watch ended; fails after `ms`. */
  async next(ms = 5000): Promise<WatchEvent | undefined> {
    this.pending ??= this.iterator.next();
    const timer = deadline(ms);
    const result = await Promise.race([this.pending, timer.promise]);
    timer.cancel();
    if (result === TIMEOUT) assert.fail(`no watch event within ${ms} ms`);
    this.pending = undefined;
    return result.done ? undefined : result.value;
  }

  /** The next event, which must exist. */
  async event(ms = 5000): Promise<WatchEvent> {
    const event = await this.next(ms);
    assert.ok(event, 'the watch ended early');
    return event;
  }

  /** The next `n` events, skipping bookmarks. */
  async events(n: number, ms = 5000): Promise<WatchEvent[]> {
    const out: WatchEvent[] = [];
    while (out.length < n) {
      const event = await this.event(ms);
      if (event.type !== 'BOOKMARK') out.push(event);
    }
    return out;
  }

  /** Fails if an event other than a bookmark arrives within `ms`. */
  async expectQuiet(ms = 300): Promise<void> {
    const until = Date.now() + ms;
    for (;;) {
      const left = until - Date.now();
      if (left <= 0) return;
      this.pending ??= this.iterator.next();
      const timer = deadline(left);
      const result = await Promise.race([this.pending, timer.promise]);
      timer.cancel();
      if (result === TIMEOUT) return;
      this.pending = undefined;
      if (result.done) return;
      if (result.value.type !== 'BOOKMARK') assert.fail(`unexpected ${result.value.type} event: ${JSON.stringify(result.value.object)}`);
    }
  }

  stop(): void {
    this.watch.stop();
  }
}

/** Polls `check` until it returns true, failing after `ms`. */
export async function eventually(check: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`${what} did not happen within ${ms} ms`);
}

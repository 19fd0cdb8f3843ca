/**
 * Keeps a WatchCache in step with the underlying Storage through one watch: it asks for the
 * current state followed by changes (sendInitialEvents), fills the cache when the initial events
 * end, then applies every change. When that watch fails (its revision compacted, the backend
 * gone) the cache stops serving and starts over after a growing delay, as apiserver's reflector
 * re-lists.
 */
import { INITIAL_EVENTS_END_ANNOTATION } from '../interface.js';
import type { Storage, StoredObject, Watch } from '../interface.js';
import { parseResourceVersion } from '../objects.js';
import type { WatchCache } from './watch-cache.js';

const MAX_RETRY_DELAY_MS = 30_000;

export interface ReflectorHooks {
  /** The cache holds a complete state and may serve. */
  onReady(): void;
  /** The cache lost its source: stop serving from it and end the watches it feeds. */
  onReset(): void;
}

export class Reflector {
  private stopped = false;
  private watch: Watch | undefined;
  private sleepTimer: NodeJS.Timeout | undefined;
  private wakeSleep: (() => void) | undefined;
  private loop: Promise<void> | undefined;
  /** Why the last attempt ended, for diagnostics. */
  lastError: string | undefined;

  constructor(
    private readonly storage: Storage,
    private readonly prefix: string,
    private readonly cache: WatchCache,
    private readonly hooks: ReflectorHooks,
    private readonly retryDelayMs: number,
  ) {}

  start(): void {
    this.loop ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.watch?.stop();
    if (this.sleepTimer) clearTimeout(this.sleepTimer);
    this.wakeSleep?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    let delay = this.retryDelayMs;
    while (!this.stopped) {
      const synced = await this.syncOnce();
      this.hooks.onReset();
      if (this.stopped) return;
      if (synced) delay = this.retryDelayMs;
      await this.sleep(delay);
      delay = Math.min(delay * 2, MAX_RETRY_DELAY_MS);
    }
  }

  /** One list-and-watch cycle; returns whether the cache got ready during it. */
  private async syncOnce(): Promise<boolean> {
    let ready = false;
    let ended = 'the source watch ended';
    try {
      this.watch = await this.storage.watch(this.prefix, { recursive: true, resourceVersion: '0', sendInitialEvents: true, allowBookmarks: true });
      if (this.stopped) return false;
      const initial: { key: string; object: StoredObject }[] = [];
      for await (const event of this.watch) {
        if (event.type === 'ERROR') {
          ended = `${event.object.code} ${event.object.reason}: ${event.object.message}`;
          break;
        }
        if (event.type === 'BOOKMARK') {
          const revision = parseResourceVersion(event.object.metadata?.resourceVersion);
          const annotations = event.object.metadata?.annotations as Record<string, string> | undefined;
          if (!ready && annotations?.[INITIAL_EVENTS_END_ANNOTATION] === 'true') {
            this.cache.replace(initial, revision);
            initial.length = 0;
            ready = true;
            this.hooks.onReady();
          } else if (ready) {
            this.cache.advance(revision);
          }
          continue;
        }
        if (!ready) initial.push({ key: event.key, object: event.object });
        else this.cache.apply(event.type, event.key, event.object);
      }
    } catch (error) {
      ended = error instanceof Error ? error.message : String(error);
    } finally {
      this.lastError = ended;
      this.watch?.stop();
      this.watch = undefined;
    }
    return ready;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.wakeSleep = resolve;
      this.sleepTimer = setTimeout(resolve, ms);
      this.sleepTimer.unref();
    });
  }
}

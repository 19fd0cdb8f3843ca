/**
 * The Cacher: a Storage in front of another Storage for one resource prefix, as apiserver's
 * cacher. Writes and consistent reads go to the underlying store; reads that accept a cached
 * answer (resourceVersion "0", or a minimum the cache has reached) and every watch are served
 * from the watch cache, so N watchers cost one watch on the backend. A watch may start anywhere
 * in the cache's window of recent events; older revisions get 410.
 *
 * The cache never waits on the backend to prove it is fresh (etcd 3.4's progress notifications
 * cannot be trusted): a read whose minimum resourceVersion the cache has not reached is passed
 * through to the underlying store instead.
 */
import { InvalidArgumentError, NotFoundError, errorStatus } from '../errors.js';
import { INITIAL_EVENTS_END_ANNOTATION } from '../interface.js';
import type {
  Compactable,
  DeleteOptions,
  GetOptions,
  ListOptions,
  ListResult,
  Storage,
  StoredObject,
  UpdateFunc,
  UpdateOptions,
  Watch,
  WatchOptions,
} from '../interface.js';
import { prefixEnd } from '../kv.js';
import { parseResourceVersion, validateKey } from '../objects.js';
import { WatchChannel } from '../watch-channel.js';
import { CacheWatcher } from './cache-watcher.js';
import { completeCacherOptions } from './options.js';
import type { CacherOptions, CompletedCacherOptions } from './options.js';
import { Reflector } from './reflector.js';
import { WatchCache } from './watch-cache.js';
import type { CacheEvent } from './watch-cache.js';

export type { CacherOptions } from './options.js';

function isCompactable(storage: Storage): storage is Storage & Compactable {
  return typeof (storage as Partial<Compactable>).compact === 'function';
}

export class Cacher implements Storage, Compactable {
  readonly options: CompletedCacherOptions;
  private readonly cache: WatchCache;
  private readonly reflector: Reflector;
  private readonly watchers = new Set<CacheWatcher>();
  private bookmarkTimer: NodeJS.Timeout | undefined;
  private isReady = false;
  private readyWaiters: (() => void)[] = [];
  private closed = false;

  constructor(
    /** The store behind the cache; the Cacher does not close it. */
    readonly storage: Storage,
    options: CacherOptions,
  ) {
    this.options = completeCacherOptions(options);
    this.cache = new WatchCache(this.options.capacity, (event) => this.dispatch(event));
    this.reflector = new Reflector(
      storage,
      this.options.prefix,
      this.cache,
      {
        onReady: () => {
          this.isReady = true;
          for (const resolve of this.readyWaiters.splice(0)) resolve();
        },
        onReset: () => {
          this.isReady = false;
          // Watchers were fed from the lost source; they end and their clients watch again.
          for (const watcher of [...this.watchers]) watcher.channel.end();
        },
      },
      this.options.retryDelayMs,
    );
    this.reflector.start();
    const tick = Math.max(10, Math.min(1000, this.options.bookmarkIntervalMs / 4));
    this.bookmarkTimer = setInterval(() => this.sendBookmarks(), tick);
    this.bookmarkTimer.unref();
  }

  /** Whether the cache holds a complete state and serves reads. */
  get ready(): boolean {
    return this.isReady;
  }

  /** Resolves once the cache is ready, or rejects after `timeoutMs`. */
  waitUntilReady(timeoutMs = 10_000): Promise<void> {
    if (this.isReady) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.readyWaiters = this.readyWaiters.filter((waiter) => waiter !== done);
        reject(new Error(`watch cache for ${this.options.prefix} not ready after ${timeoutMs} ms: ${this.reflector.lastError ?? 'no answer yet'}`));
      }, timeoutMs);
      const done = (): void => {
        clearTimeout(timer);
        resolve();
      };
      this.readyWaiters.push(done);
    });
  }

  /** The revision the cache reflects. */
  get cachedRevision(): number {
    return this.cache.revision;
  }

  create(key: string, object: StoredObject, ttl?: number): Promise<StoredObject> {
    this.checkKey(key);
    return this.storage.create(key, object, ttl);
  }

  get(key: string, options: GetOptions & { ignoreNotFound: true }): Promise<StoredObject | undefined>;
  get(key: string, options?: GetOptions): Promise<StoredObject>;
  async get(key: string, options: GetOptions = {}): Promise<StoredObject | undefined> {
    this.checkKey(key);
    const minimum = options.resourceVersion ? parseResourceVersion(options.resourceVersion) : undefined;
    // A consistent read, or one the cache cannot answer yet, goes to the store.
    if (minimum === undefined || !this.isReady || minimum > this.cache.revision) return this.storage.get(key, options);
    const object = this.cache.get(key);
    if (object === undefined && !options.ignoreNotFound) throw new NotFoundError(key);
    return object;
  }

  async list(prefix: string, options: ListOptions = {}): Promise<ListResult> {
    this.checkKey(prefix);
    const resourceVersion = options.resourceVersion ?? '';
    const delegate =
      resourceVersion === '' ||
      !this.isReady ||
      (options.continue !== undefined && options.continue !== '') ||
      (options.limit !== undefined && options.limit > 0 && resourceVersion !== '0') ||
      (options.resourceVersionMatch !== undefined && options.resourceVersionMatch !== 'NotOlderThan') ||
      parseResourceVersion(resourceVersion) > this.cache.revision;
    if (delegate) return this.storage.list(prefix, options);
    const start = prefix.endsWith('/') ? prefix : `${prefix}/`;
    return { items: this.cache.values(start, prefixEnd(start), options.predicate), resourceVersion: String(this.cache.revision) };
  }

  guaranteedUpdate(key: string, tryUpdate: UpdateFunc, options: UpdateOptions = {}): Promise<StoredObject> {
    this.checkKey(key);
    const cachedExisting = options.cachedExisting ?? (this.isReady ? this.cache.get(key) : undefined);
    return this.storage.guaranteedUpdate(key, tryUpdate, cachedExisting ? { ...options, cachedExisting } : options);
  }

  delete(key: string, options: DeleteOptions = {}): Promise<StoredObject> {
    this.checkKey(key);
    const cachedExisting = options.cachedExisting ?? (this.isReady ? this.cache.get(key) : undefined);
    return this.storage.delete(key, cachedExisting ? { ...options, cachedExisting } : options);
  }

  async watch(key: string, options: WatchOptions = {}): Promise<Watch> {
    this.checkKey(key);
    if (this.closed) throw new InvalidArgumentError('the watch cache is closed');
    if (!this.isReady) return this.storage.watch(key, options);
    const revision = parseResourceVersion(options.resourceVersion);
    const recursive = options.recursive ?? false;
    const start = recursive ? (key.endsWith('/') ? key : `${key}/`) : key;
    const end = recursive ? prefixEnd(start) : undefined;
    const predicate = options.predicate;

    let watcher: CacheWatcher | undefined;
    const channel: WatchChannel = new WatchChannel(() => {
      if (watcher) this.watchers.delete(watcher);
    }, this.options.watchCapacity);

    // Everything below runs without yielding, so no event slips between the past and the live feed.
    if (revision === 0) {
      const current = this.cache.revision;
      if (options.sendInitialEvents !== false) {
        for (const [objectKey, object] of this.cache.entries(start, end)) {
          if (!predicate || predicate(object)) channel.push({ type: 'ADDED', object, key: objectKey });
        }
        if (options.sendInitialEvents && options.allowBookmarks) {
          channel.push({
            type: 'BOOKMARK',
            object: { metadata: { resourceVersion: String(current), annotations: { [INITIAL_EVENTS_END_ANNOTATION]: 'true' } } },
          });
        }
      }
      watcher = new CacheWatcher(channel, start, end, predicate, options.allowBookmarks ?? false, current);
    } else {
      const past = this.cache.eventsSince(revision);
      if (past === undefined) {
        channel.fail(errorStatus(410, 'Expired', `too old resource version: ${revision} (${this.cache.windowStart})`));
        return channel;
      }
      watcher = new CacheWatcher(channel, start, end, predicate, options.allowBookmarks ?? false, revision);
      for (const event of past) watcher.deliver(event);
    }
    this.watchers.add(watcher);
    return channel;
  }

  count(prefix: string): Promise<number> {
    this.checkKey(prefix);
    return this.storage.count(prefix);
  }

  currentRevision(): Promise<number> {
    return this.storage.currentRevision();
  }

  /** Compacts the underlying store (when it can be) and forgets cached events up to `revision`. */
  async compact(revision: number): Promise<void> {
    if (isCompactable(this.storage)) await this.storage.compact(revision);
    this.cache.trim(revision);
  }

  /** Stops the cache and ends its watches; the underlying store stays open. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.bookmarkTimer) clearInterval(this.bookmarkTimer);
    this.bookmarkTimer = undefined;
    await this.reflector.stop();
    for (const watcher of [...this.watchers]) watcher.channel.end();
    for (const resolve of this.readyWaiters.splice(0)) resolve();
  }

  private dispatch(event: CacheEvent): void {
    for (const watcher of this.watchers) watcher.deliver(event);
  }

  private sendBookmarks(): void {
    if (!this.isReady) return;
    const now = Date.now();
    for (const watcher of this.watchers) {
      if (watcher.allowBookmarks && now - watcher.lastBookmarkAt >= this.options.bookmarkIntervalMs) watcher.bookmark(this.cache.revision, now);
    }
  }

  private checkKey(key: string): void {
    validateKey(key);
    const prefix = this.options.prefix;
    if (!key.startsWith(prefix) && key !== prefix.slice(0, -1)) {
      throw new InvalidArgumentError(`key ${key} is outside the watch cache for ${prefix}`, key);
    }
  }
}


/**
 * KVStorage: the Storage semantics of apiserver's etcd3 store, written once over the KV contract
 * so that SQLite and etcd behave alike: resourceVersion handling, compare-and-swap retry loops,
 * preconditions, paged lists at one revision, continue tokens and watch event translation.
 */
import { decodeContinue, encodeContinue } from './continue.js';
import {
  AlreadyExistsError,
  ExpiredError,
  InvalidArgumentError,
  InvalidObjectError,
  MESSAGE_CONTINUE_INCONSISTENT,
  MESSAGE_LIST_EXPIRED,
  MESSAGE_WATCH_EXPIRED,
  NotFoundError,
  TooLargeResourceVersionError,
  errorStatus,
  statusForError,
} from './errors.js';
import { INITIAL_EVENTS_END_ANNOTATION } from './interface.js';
import type {
  Compactable,
  DeleteOptions,
  GetOptions,
  ListOptions,
  ListResult,
  Predicate,
  ResponseMeta,
  Storage,
  StoredObject,
  UpdateFunc,
  UpdateOptions,
  Watch,
  WatchEvent,
  WatchOptions,
} from './interface.js';
import { CompactedError, FutureRevisionError, prefixEnd } from './kv.js';
import type { KV, KVEvent, KeyValue, RangeResult } from './kv.js';
import {
  checkPreconditions,
  decodeFromStorage,
  encodeForStorage,
  parseResourceVersion,
  resourceVersionOf,
  validateKey,
} from './objects.js';
import { DEFAULT_WATCH_CAPACITY, WatchChannel } from './watch-channel.js';

export interface KVStorageOptions {
  /** Least time between two BOOKMARK events on one watch, where the backend can send them. Default 60 s. */
  bookmarkIntervalMs?: number;
  /** Keys read per backend request by a watch's initial state. Default 1000. */
  listPageSize?: number;
  /** Events a watch may fall behind by before it is cut off. Default 100 000. */
  watchCapacity?: number;
}

/** The largest page a filtered list grows to, as apiserver's maxLimit. */
const MAX_PAGE = 10_000;

/** What a read-modify-write loop knows about the object it works on. */
interface ObjectState {
  /** A private copy the update function may mutate; `{}` when the key is absent. */
  object: StoredObject;
  /** The stored JSON, or '' when absent. */
  data: string;
  /** The mod revision, or 0 when absent. */
  revision: number;
}

function withTrailingSlash(prefix: string): string {
  return prefix.endsWith('/') ? prefix : `${prefix}/`;
}

function validateMinimum(resourceVersion: string | undefined, current: number): void {
  const minimum = parseResourceVersion(resourceVersion);
  if (minimum > current) throw new TooLargeResourceVersionError(minimum, current);
}

export class KVStorage implements Storage, Compactable {
  private readonly watches = new Set<WatchChannel>();
  private readonly bookmarkIntervalMs: number;
  private readonly listPageSize: number;
  private readonly watchCapacity: number;
  /** Decoded watch objects per backend event: a backend that fans one event out decodes it once. */
  private readonly decoded = new WeakMap<KVEvent, StoredObject>();
  private readonly decodedPrev = new WeakMap<KVEvent, StoredObject>();
  private closed = false;

  constructor(
    readonly kv: KV,
    options: KVStorageOptions = {},
  ) {
    this.bookmarkIntervalMs = options.bookmarkIntervalMs ?? 60_000;
    this.listPageSize = options.listPageSize ?? 1000;
    this.watchCapacity = options.watchCapacity ?? DEFAULT_WATCH_CAPACITY;
  }

  async create(key: string, object: StoredObject, ttl = 0): Promise<StoredObject> {
    validateKey(key);
    if (resourceVersionOf(object) !== undefined) {
      throw new InvalidObjectError('resourceVersion should not be set on objects to be created', key);
    }
    const data = encodeForStorage(key, object);
    const result = await this.kv.put(key, data, 0, ttl);
    if (!result.succeeded) throw new AlreadyExistsError(key);
    return decodeFromStorage(key, data, result.revision);
  }

  get(key: string, options: GetOptions & { ignoreNotFound: true }): Promise<StoredObject | undefined>;
  get(key: string, options?: GetOptions): Promise<StoredObject>;
  async get(key: string, options: GetOptions = {}): Promise<StoredObject | undefined> {
    validateKey(key);
    const { kv, revision } = await this.kv.get(key);
    validateMinimum(options.resourceVersion, revision);
    if (!kv) {
      if (options.ignoreNotFound) return undefined;
      throw new NotFoundError(key);
    }
    return decodeFromStorage(key, kv.value, kv.modRevision);
  }

  async list(prefix: string, options: ListOptions = {}): Promise<ListResult> {
    validateKey(prefix);
    const keyPrefix = withTrailingSlash(prefix);
    const end = prefixEnd(keyPrefix);
    const limit = options.limit !== undefined && options.limit > 0 ? Math.floor(options.limit) : 0;
    const paging = limit > 0;
    const predicate = options.predicate;

    let startKey = keyPrefix;
    let withRevision = 0;
    const continuing = options.continue !== undefined && options.continue !== '';
    if (continuing) {
      if (options.resourceVersion && options.resourceVersion !== '0') {
        throw new InvalidArgumentError('specifying resource version is not allowed when using continue');
      }
      const position = decodeContinue(options.continue as string, keyPrefix);
      startKey = position.key;
      if (position.revision > 0) withRevision = position.revision;
    } else if (options.resourceVersion !== undefined && options.resourceVersion !== '') {
      const fromRevision = parseResourceVersion(options.resourceVersion);
      switch (options.resourceVersionMatch) {
        case 'NotOlderThan':
          break;
        case 'Exact':
          withRevision = fromRevision;
          break;
        case undefined:
          // The legacy rule: a resourceVersion with a limit is an exact read.
          if (paging && fromRevision > 0) withRevision = fromRevision;
          break;
        default:
          throw new InvalidArgumentError(`unknown ResourceVersionMatch value: ${String(options.resourceVersionMatch)}`);
      }
    }

    const items: StoredObject[] = [];
    // Without a limit, one read: the backend streams the range at one revision anyway.
    let pageLimit = paging ? limit : 0;
    let lastKey = '';
    let hasMore = false;
    let response: RangeResult;
    for (;;) {
      try {
        response = await this.kv.range(startKey, end, { limit: pageLimit, revision: withRevision, count: paging && !predicate });
      } catch (error) {
        if (error instanceof CompactedError) {
          if (continuing) throw new ExpiredError(MESSAGE_CONTINUE_INCONSISTENT, encodeContinue(startKey, keyPrefix, -1));
          throw new ExpiredError(MESSAGE_LIST_EXPIRED);
        }
        if (error instanceof FutureRevisionError) throw new TooLargeResourceVersionError(error.requested, error.current);
        throw error;
      }
      validateMinimum(continuing ? undefined : options.resourceVersion, response.revision);
      // Later pages must read the same snapshot as the first.
      if (withRevision === 0) withRevision = response.revision;
      hasMore = response.more;
      for (const kv of response.kvs) {
        if (paging && items.length >= limit) {
          hasMore = true;
          break;
        }
        lastKey = kv.key;
        const object = decodeFromStorage(kv.key, kv.value, kv.modRevision);
        if (!predicate || predicate(object)) items.push(object);
      }
      if (!hasMore || (paging && items.length >= limit)) break;
      if (response.kvs.length === 0) throw new InvalidObjectError('the backend reported more keys but returned none');
      if (paging) pageLimit = Math.min(pageLimit * 2, MAX_PAGE);
      startKey = `${lastKey}\0`;
    }

    const result: ListResult = { items, resourceVersion: String(withRevision) };
    if (hasMore && paging) {
      result.continue = encodeContinue(`${lastKey}\0`, keyPrefix, withRevision);
      if (!predicate) result.remainingItemCount = Math.max(0, response.count - limit);
    }
    return result;
  }

  async guaranteedUpdate(key: string, tryUpdate: UpdateFunc, options: UpdateOptions = {}): Promise<StoredObject> {
    validateKey(key);
    const ignoreNotFound = options.ignoreNotFound ?? false;
    let state: ObjectState;
    let stateIsCurrent: boolean;
    if (options.cachedExisting) {
      state = this.stateFromObject(key, options.cachedExisting);
      stateIsCurrent = false;
    } else {
      state = await this.currentState(key, ignoreNotFound);
      stateIsCurrent = true;
    }
    for (;;) {
      try {
        checkPreconditions(key, options.preconditions, state.object);
      } catch (error) {
        if (stateIsCurrent) throw error;
        state = await this.currentState(key, ignoreNotFound);
        stateIsCurrent = true;
        continue;
      }

      const meta: ResponseMeta = { resourceVersion: state.revision };
      let updated: StoredObject;
      try {
        updated = await tryUpdate(state.object, meta);
      } catch (error) {
        if (stateIsCurrent) throw error;
        state = await this.currentState(key, ignoreNotFound);
        stateIsCurrent = true;
        continue;
      }
      const data = encodeForStorage(key, updated);
      if (state.revision !== 0 && data === state.data) {
        // Nothing changed. Answer from fresh state only: a cached copy may hide a newer write.
        if (!stateIsCurrent) {
          state = await this.currentState(key, ignoreNotFound);
          stateIsCurrent = true;
          continue;
        }
        return decodeFromStorage(key, state.data, state.revision);
      }

      const result = await this.kv.put(key, data, state.revision, meta.ttl ?? 0);
      if (result.succeeded) return decodeFromStorage(key, data, result.revision);
      state = this.stateFromKV(key, result.current, ignoreNotFound);
      stateIsCurrent = true;
    }
  }

  async delete(key: string, options: DeleteOptions = {}): Promise<StoredObject> {
    validateKey(key);
    let state: ObjectState;
    let stateIsCurrent: boolean;
    if (options.cachedExisting) {
      state = this.stateFromObject(key, options.cachedExisting);
      stateIsCurrent = false;
    } else {
      state = await this.currentState(key, false);
      stateIsCurrent = true;
    }
    for (;;) {
      try {
        checkPreconditions(key, options.preconditions, state.object);
        if (options.validateDeletion) await options.validateDeletion(state.object);
      } catch (error) {
        if (stateIsCurrent) throw error;
        state = await this.currentState(key, false);
        stateIsCurrent = true;
        continue;
      }
      const result = await this.kv.delete(key, state.revision);
      if (result.succeeded) return decodeFromStorage(key, state.data, result.revision);
      state = this.stateFromKV(key, result.current, false);
      stateIsCurrent = true;
    }
  }

  async count(prefix: string): Promise<number> {
    validateKey(prefix);
    const keyPrefix = withTrailingSlash(prefix);
    return this.kv.count(keyPrefix, prefixEnd(keyPrefix));
  }

  currentRevision(): Promise<number> {
    return this.kv.currentRevision();
  }

  compact(revision: number): Promise<void> {
    return this.kv.compact(revision);
  }

  async watch(key: string, options: WatchOptions = {}): Promise<Watch> {
    validateKey(key);
    if (this.closed) throw new InvalidArgumentError('the store is closed');
    const revision = parseResourceVersion(options.resourceVersion);
    const recursive = options.recursive ?? false;
    const start = recursive ? withTrailingSlash(key) : key;
    const end = recursive ? prefixEnd(start) : undefined;
    const predicate = options.predicate;

    let cancelBackend: (() => void) | undefined;
    const channel: WatchChannel = new WatchChannel(() => {
      cancelBackend?.();
      this.watches.delete(channel);
    }, this.watchCapacity);
    this.watches.add(channel);

    const begin = async (): Promise<void> => {
      let from = revision + 1;
      if (revision === 0 && options.sendInitialEvents === false) {
        from = (await this.kv.currentRevision()) + 1;
      } else if (revision === 0) {
        const initialRevision = await this.sendInitialState(channel, start, end, predicate);
        from = initialRevision + 1;
        if (options.sendInitialEvents && options.allowBookmarks) {
          channel.push({
            type: 'BOOKMARK',
            object: { metadata: { resourceVersion: String(initialRevision), annotations: { [INITIAL_EVENTS_END_ANNOTATION]: 'true' } } },
          });
        }
      }
      if (channel.isEnded) return;
      let lastBookmark = Date.now();
      const watch = this.kv.watch(start, end, from, {
        events: (events) => {
          for (const event of events) {
            const translated = this.translate(event, predicate);
            if (translated) channel.push(translated);
          }
        },
        progress: options.allowBookmarks
          ? (progressRevision) => {
              const now = Date.now();
              if (now - lastBookmark < this.bookmarkIntervalMs) return;
              lastBookmark = now;
              channel.push({ type: 'BOOKMARK', object: { metadata: { resourceVersion: String(progressRevision) } } });
            }
          : undefined,
        error: (error) => {
          if (error instanceof CompactedError) channel.fail(errorStatus(410, 'Expired', MESSAGE_WATCH_EXPIRED));
          else channel.fail(statusForError(error));
        },
      });
      if (channel.isEnded) watch.cancel();
      else cancelBackend = () => watch.cancel();
    };
    begin().catch((error: unknown) => {
      if (error instanceof CompactedError) channel.fail(errorStatus(410, 'Expired', MESSAGE_WATCH_EXPIRED));
      else channel.fail(statusForError(error));
    });
    return channel;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const channel of [...this.watches]) channel.end();
    await this.kv.close();
  }

  /** ADDED events for the current state; returns the revision they were read at. */
  private async sendInitialState(channel: WatchChannel, start: string, end: string | undefined, predicate: Predicate | undefined): Promise<number> {
    if (end === undefined) {
      const { kv, revision } = await this.kv.get(start);
      if (kv) {
        const object = decodeFromStorage(kv.key, kv.value, kv.modRevision);
        if (!predicate || predicate(object)) channel.push({ type: 'ADDED', object, key: kv.key });
      }
      return revision;
    }
    let from = start;
    let atRevision = 0;
    for (;;) {
      const page = await this.kv.range(from, end, { limit: this.listPageSize, revision: atRevision });
      if (atRevision === 0) atRevision = page.revision;
      if (channel.isEnded) return atRevision;
      for (const kv of page.kvs) {
        const object = decodeFromStorage(kv.key, kv.value, kv.modRevision);
        if (!predicate || predicate(object)) channel.push({ type: 'ADDED', object, key: kv.key });
      }
      if (!page.more || page.kvs.length === 0) return atRevision;
      from = `${page.kvs[page.kvs.length - 1].key}\0`;
    }
  }

  /** Turns one backend change into the event a watcher with `predicate` sees, if any. */
  private translate(event: KVEvent, predicate: Predicate | undefined): WatchEvent | undefined {
    const key = event.kv.key;
    const object = this.objectOf(event);
    if (event.type === 'delete') return !predicate || predicate(object) ? { type: 'DELETED', object, key } : undefined;
    const created = event.prevKv === undefined || event.kv.createRevision === event.kv.modRevision;
    if (created) return !predicate || predicate(object) ? { type: 'ADDED', object, key } : undefined;
    if (!predicate) return { type: 'MODIFIED', object, key };
    const passes = predicate(object);
    const previous = this.previousOf(event);
    const passed = predicate(previous);
    if (passes && passed) return { type: 'MODIFIED', object, key };
    if (passes) return { type: 'ADDED', object, key };
    if (passed) return { type: 'DELETED', object: previous, key };
    return undefined;
  }

  /** The event's object: the new state, or for a delete the last state; either at the event's revision. */
  private objectOf(event: KVEvent): StoredObject {
    let object = this.decoded.get(event);
    if (object === undefined) {
      const revision = event.kv.modRevision;
      if (event.type === 'put') object = decodeFromStorage(event.kv.key, event.kv.value, revision);
      else if (event.prevKv) object = decodeFromStorage(event.kv.key, event.prevKv.value, revision);
      else object = { metadata: { resourceVersion: String(revision) } };
      this.decoded.set(event, object);
    }
    return object;
  }

  /** The state before a put, at the put's revision (what a watcher whose filter it left sees deleted). */
  private previousOf(event: KVEvent): StoredObject {
    let object = this.decodedPrev.get(event);
    if (object === undefined) {
      object = event.prevKv ? decodeFromStorage(event.kv.key, event.prevKv.value, event.kv.modRevision) : {};
      this.decodedPrev.set(event, object);
    }
    return object;
  }

  private async currentState(key: string, ignoreNotFound: boolean): Promise<ObjectState> {
    const { kv } = await this.kv.get(key);
    return this.stateFromKV(key, kv, ignoreNotFound);
  }

  private stateFromKV(key: string, kv: KeyValue | undefined, ignoreNotFound: boolean): ObjectState {
    if (!kv) {
      if (!ignoreNotFound) throw new NotFoundError(key);
      return { object: {}, data: '', revision: 0 };
    }
    return { object: decodeFromStorage(key, kv.value, kv.modRevision), data: kv.value, revision: kv.modRevision };
  }

  private stateFromObject(key: string, cached: StoredObject): ObjectState {
    const revision = parseResourceVersion(resourceVersionOf(cached));
    const data = encodeForStorage(key, cached);
    return { object: decodeFromStorage(key, data, revision), data, revision };
  }
}

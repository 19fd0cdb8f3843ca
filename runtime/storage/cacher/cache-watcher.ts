/**
 * One client watch on the cache: the events of its key range that pass its predicate, each
 * shared object handed over as it is. An object leaving the predicate arrives as DELETED in its
 * previous state at the event's revision; that copy is made once per event, not per watcher.
 */
import type { Predicate, StoredObject, WatchEvent } from '../interface.js';
import { setResourceVersion } from '../objects.js';
import type { WatchChannel } from '../watch-channel.js';
import type { CacheEvent } from './watch-cache.js';

const previousAtRevision = new WeakMap<CacheEvent, StoredObject>();

function previousOf(event: CacheEvent): StoredObject {
  let object = previousAtRevision.get(event);
  if (object === undefined) {
    object = structuredClone(event.prevObject ?? {});
    setResourceVersion(object, event.revision);
    previousAtRevision.set(event, object);
  }
  return object;
}

export class CacheWatcher {
  /** The last revision delivered (or covered by a bookmark). */
  cursor: number;
  lastBookmarkAt = Date.now();

  constructor(
    readonly channel: WatchChannel,
    private readonly start: string,
    /** Exclusive end of the key range; undefined for `start` alone. */
    private readonly end: string | undefined,
    private readonly predicate: Predicate | undefined,
    readonly allowBookmarks: boolean,
    cursor: number,
  ) {
    this.cursor = cursor;
  }

  covers(key: string): boolean {
    return this.end === undefined ? key === this.start : key >= this.start && key < this.end;
  }

  deliver(event: CacheEvent): void {
    if (event.revision <= this.cursor) return;
    this.cursor = event.revision;
    if (!this.covers(event.key)) return;
    const translated = this.translate(event);
    if (translated) this.channel.push(translated);
  }

  bookmark(revision: number, now: number): void {
    this.lastBookmarkAt = now;
    if (revision > this.cursor) this.cursor = revision;
    this.channel.push({ type: 'BOOKMARK', object: { metadata: { resourceVersion: String(this.cursor) } } });
  }

  private translate(event: CacheEvent): WatchEvent | undefined {
    const { key, object, predicate } = { key: event.key, object: event.object, predicate: this.predicate };
    if (!predicate) return { type: event.type, object, key };
    if (event.type !== 'MODIFIED') return predicate(object) ? { type: event.type, object, key } : undefined;
    const passes = predicate(object);
    const passed = event.prevObject !== undefined && predicate(event.prevObject);
    if (passes && passed) return { type: 'MODIFIED', object, key };
    if (passes) return { type: 'ADDED', object, key };
    if (passed) return { type: 'DELETED', object: previousOf(event), key };
    return undefined;
  }
}

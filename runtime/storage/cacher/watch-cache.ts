/**
 * The watch cache proper: every object under one resource prefix as of `revision`, and a ring of
 * the most recent events so watches can start a little in the past. Objects and events are
 * shared with every reader and watcher and never copied: nothing may change them.
 */
import type { StoredObject } from '../interface.js';
import { parseResourceVersion } from '../objects.js';
import { Ring } from './ring.js';

export interface CacheEvent {
  readonly type: 'ADDED' | 'MODIFIED' | 'DELETED';
  readonly key: string;
  /** The new state; for DELETED the last state, at the deletion revision. */
  readonly object: StoredObject;
  /** The state before the event, if the key existed. */
  readonly prevObject: StoredObject | undefined;
  readonly revision: number;
}

export class WatchCache {
  private readonly objects = new Map<string, StoredObject>();
  /** Keys in order, rebuilt on demand after a key is added or removed. */
  private sortedKeys: string[] | undefined;
  private readonly ring: Ring<CacheEvent>;
  /** Every change up to this revision is reflected in the objects. */
  revision = 0;
  /** Every event above this revision is in the ring: watches may start here or later. */
  windowStart = 0;

  constructor(
    capacity: number,
    /** Hears every event as it is applied. */
    private readonly onEvent: (event: CacheEvent) => void,
  ) {
    this.ring = new Ring(capacity);
  }

  get size(): number {
    return this.objects.size;
  }

  /** Replaces the whole content with a fresh listing read at `revision`, forgetting all events. */
  replace(items: readonly { key: string; object: StoredObject }[], revision: number): void {
    this.objects.clear();
    for (const { key, object } of items) this.objects.set(key, object);
    this.sortedKeys = undefined;
    this.ring.clear();
    this.revision = revision;
    this.windowStart = revision;
  }

  /** Applies one change from the source. Returns the event, or undefined for a stale one. */
  apply(type: CacheEvent['type'], key: string, object: StoredObject): CacheEvent | undefined {
    const revision = parseResourceVersion(object.metadata?.resourceVersion);
    if (revision <= this.revision) return undefined;
    const prevObject = this.objects.get(key);
    let eventType = type;
    if (type === 'DELETED') {
      if (prevObject !== undefined) {
        this.objects.delete(key);
        this.sortedKeys = undefined;
      }
    } else {
      if (prevObject === undefined) this.sortedKeys = undefined;
      this.objects.set(key, object);
      eventType = prevObject === undefined ? 'ADDED' : 'MODIFIED';
    }
    const event: CacheEvent = { type: eventType, key, object, prevObject, revision };
    this.revision = revision;
    if (revision > this.windowStart) {
      const dropped = this.ring.push(event);
      if (dropped) this.windowStart = dropped.revision;
    }
    this.onEvent(event);
    return event;
  }

  /** The source promises nothing changed under the prefix up to `revision`. */
  advance(revision: number): void {
    if (revision > this.revision) this.revision = revision;
  }

  /** Forgets events up to `revision`: watches from before it get 410. */
  trim(revision: number): void {
    if (revision <= this.windowStart) return;
    this.ring.dropWhile((event) => event.revision <= revision);
    this.windowStart = revision;
  }

  get(key: string): StoredObject | undefined {
    return this.objects.get(key);
  }

  /** The objects with keys in [start, end), in key order; `end` undefined for `start` alone. */
  *entries(start: string, end: string | undefined): Generator<[string, StoredObject]> {
    if (end === undefined) {
      const object = this.objects.get(start);
      if (object) yield [start, object];
      return;
    }
    const keys = (this.sortedKeys ??= [...this.objects.keys()].sort());
    let low = 0;
    let high = keys.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (keys[mid] < start) low = mid + 1;
      else high = mid;
    }
    for (let i = low; i < keys.length && keys[i] < end; i++) {
      const object = this.objects.get(keys[i]);
      if (object) yield [keys[i], object];
    }
  }

  /**
   * The objects with keys in [start, end) that pass `predicate`, in key order: what a LIST served
   * from the cache reads, as one array and without the per-item tuples of `entries`.
   */
  values(start: string, end: string, predicate?: (object: StoredObject) => boolean): StoredObject[] {
    const keys = (this.sortedKeys ??= [...this.objects.keys()].sort());
    let low = 0;
    let high = keys.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (keys[mid] < start) low = mid + 1;
      else high = mid;
    }
    const out: StoredObject[] = [];
    for (let i = low; i < keys.length && keys[i] < end; i++) {
      const object = this.objects.get(keys[i]);
      if (object !== undefined && (predicate === undefined || predicate(object))) out.push(object);
    }
    return out;
  }

  /** Events after `revision`, or undefined when some have left the window. */
  eventsSince(revision: number): CacheEvent[] | undefined {
    if (revision < this.windowStart) return undefined;
    return this.ring.since(revision);
  }
}

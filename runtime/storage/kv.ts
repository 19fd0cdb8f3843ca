/**
 * The small etcd-shaped key-value contract a backend implements: ranges at a revision,
 * compare-and-swap writes on a key's mod revision, watches from a revision and compaction.
 * `KVStorage` (store.ts) builds the full Storage semantics on top of it once, for every backend,
 * much as kine presents SQL as etcd and apiserver's etcd3 store sits on top.
 */

/** One key's state at some revision. */
export interface KeyValue {
  readonly key: string;
  /** The stored bytes as text (JSON). Empty for the `kv` of a delete event. */
  readonly value: string;
  /** The revision of the write that produced this state (or of the delete, for delete events). */
  readonly modRevision: number;
  /** The revision that created the key. */
  readonly createRevision: number;
  /** Seconds the key lives after its last write, or 0. */
  readonly lease: number;
}

export interface RangeOptions {
  /** At most this many keys; 0 for all. */
  limit?: number;
  /** Read the state at this revision; 0 or absent for the latest. */
  revision?: number;
  /** Also count the keys in the range (costly on some backends). */
  count?: boolean;
}

export interface RangeResult {
  readonly kvs: KeyValue[];
  /** More keys exist in the range beyond the limit. */
  readonly more: boolean;
  /** Keys in the whole range at the revision, when asked for. */
  readonly count: number;
  /** The revision the range was read at. */
  readonly revision: number;
}

/** The answer to a compare-and-swap write. */
export type TxnResult =
  | { readonly succeeded: true; readonly revision: number }
  | { readonly succeeded: false; readonly current: KeyValue | undefined; readonly revision: number };

/** One change seen by a watch. */
export interface KVEvent {
  readonly type: 'put' | 'delete';
  /** The new state (a delete has the key, an empty value and the delete's revision). */
  readonly kv: KeyValue;
  /** The state before the change, if there was one. */
  readonly prevKv: KeyValue | undefined;
}

/** Where a backend delivers a watch's changes, in revision order. */
export interface KVWatchSink {
  events(events: readonly KVEvent[]): void;
  /**
   * Every change up to `revision` in the watched range has been delivered. Backends that cannot
   * know this (etcd without progress notifications) never call it.
   */
  progress?(revision: number): void;
  /** The watch ended; CompactedError when its start revision is gone. Called at most once. */
  error(error: Error): void;
}

export interface KVWatch {
  cancel(): void;
}

/** Thrown (or passed to a watch sink) when a revision's history has been compacted. */
export class CompactedError extends Error {
  constructor(
    readonly requested: number,
    readonly compacted: number,
  ) {
    super(`required revision ${requested} has been compacted (compacted up to ${compacted})`);
    this.name = 'CompactedError';
  }
}

/** Thrown when a read asks for a revision the store has not reached. */
export class FutureRevisionError extends Error {
  constructor(
    readonly requested: number,
    readonly current: number,
  ) {
    super(`required revision ${requested} is a future revision (current ${current})`);
    this.name = 'FutureRevisionError';
  }
}

export interface KV {
  /** The latest state of one key, and the store revision read at. */
  get(key: string): Promise<{ kv: KeyValue | undefined; revision: number }>;
  /** Keys in [start, end) in key order. Throws CompactedError or FutureRevisionError. */
  range(start: string, end: string, options?: RangeOptions): Promise<RangeResult>;
  /** Counts keys in [start, end) at the latest revision. */
  count(start: string, end: string): Promise<number>;
  /**
   * Writes `value` if the key's mod revision is `expectedRevision` (0: the key must be absent);
   * otherwise reports the key's current state. `ttl` seconds (0: none) attaches an expiry.
   */
  put(key: string, value: string, expectedRevision: number, ttl: number): Promise<TxnResult>;
  /** Deletes the key if its mod revision is `expectedRevision`, else reports its current state. */
  delete(key: string, expectedRevision: number): Promise<TxnResult>;
  /**
   * Delivers every change in [start, end) (or to `start` alone when `end` is undefined) from
   * revision `fromRevision` on. A compacted `fromRevision` ends the watch with CompactedError.
   */
  watch(start: string, end: string | undefined, fromRevision: number, sink: KVWatchSink): KVWatch;
  currentRevision(): Promise<number>;
  /** Drops history up to `revision`; compacting an already compacted revision does nothing. */
  compact(revision: number): Promise<void>;
  close(): Promise<void>;
}

/** The end of the range of keys that start with `prefix`, as etcd's GetPrefixRangeEnd. */
export function prefixEnd(prefix: string): string {
  // Keys are compared as UTF-8 bytes by etcd and as strings by SQLite's BINARY collation; both
  // agree for the ASCII keys Kubernetes uses. Bump the last character below U+FFFF.
  for (let i = prefix.length - 1; i >= 0; i--) {
    const code = prefix.charCodeAt(i);
    if (code < 0xffff) return prefix.slice(0, i) + String.fromCharCode(code + 1);
  }
  return '\0';
}

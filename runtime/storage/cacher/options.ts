/**
 * Options of a watch cache, completed with their defaults before it is built.
 */
export interface CacherOptions {
  /** The resource prefix cached, e.g. `/registry/pods`; every key served must lie under it. */
  prefix: string;
  /** Recent events kept for watches that start in the past. Default 1024. */
  capacity?: number;
  /** Least time between two BOOKMARK events on one watch. Default 60 s (apiserver sends about one a minute). */
  bookmarkIntervalMs?: number;
  /** Wait before re-establishing the cache after its source watch broke; doubles to 30 s. Default 100 ms. */
  retryDelayMs?: number;
  /** Events a watch may fall behind by before it is cut off. Default 100 000. */
  watchCapacity?: number;
}

export type CompletedCacherOptions = Required<CacherOptions>;

export function completeCacherOptions(options: CacherOptions): CompletedCacherOptions {
  const prefix = options.prefix.endsWith('/') ? options.prefix : `${options.prefix}/`;
  if (!prefix.startsWith('/')) throw new Error(`cacher: prefix ${options.prefix} must start with /`);
  const capacity = options.capacity ?? 1024;
  if (!Number.isInteger(capacity) || capacity < 1) throw new Error(`cacher: capacity must be a positive integer, got ${capacity}`);
  return {
    prefix,
    capacity,
    bookmarkIntervalMs: options.bookmarkIntervalMs ?? 60_000,
    retryDelayMs: options.retryDelayMs ?? 100,
    watchCapacity: options.watchCapacity ?? 100_000,
  };
}

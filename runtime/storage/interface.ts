/**
 * The storage contract the registry layer programs against: objects by key, with revisions,
 * compare-and-swap updates, paged lists and watches. etcd3, SQLite and the watch cache all
 * implement it, and one conformance suite (test/storage/conformance.ts) holds them to it.
 *
 * Objects are plain JSON objects in the storage version. The store owns
 * `metadata.resourceVersion`: it is never written to the backend, and every object a read, a
 * write or a watch event hands back carries the store revision it was read at (or written at),
 * as a decimal string.
 *
 * Keys are `/registry/<group>/<resource>/<namespace>/<name>`; the core group has no group
 * segment (`/registry/pods/default/web-0`), cluster-scoped resources no namespace segment.
 *
 * Objects handed out by writes and by reads that go to the backend are the caller's own.
 * Objects served from the watch cache (reads with resourceVersion "0" or a minimum it has
 * reached) and every watch event's object are shared: treat them as read-only.
 */

/** The `metadata` fields the storage layer reads or sets; the rest passes through untouched. */
export interface StoredMeta {
  name?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  [field: string]: unknown;
}

/** A stored object: the storage version's JSON. */
export interface StoredObject {
  metadata?: StoredMeta;
  [field: string]: unknown;
}

/** Decides whether an object belongs in a list or a watch (label and field selectors). */
export type Predicate = (object: StoredObject) => boolean;

/** Conditions a guaranteedUpdate or delete checks against the current object first. */
export interface Preconditions {
  /** The object's `metadata.uid` must equal this. */
  uid?: string;
  /** The object's `metadata.resourceVersion` must equal this. */
  resourceVersion?: string;
}

export interface GetOptions {
  /** Return `undefined` instead of throwing NotFoundError when the key is absent. */
  ignoreNotFound?: boolean;
  /**
   * A minimum resourceVersion: "" or "0" reads the latest state; "N" reads the latest state and
   * fails with TooLargeResourceVersionError if the store has not reached N yet.
   */
  resourceVersion?: string;
}

/** How `resourceVersion` in a list is interpreted, as in metav1.ResourceVersionMatch. */
export type ResourceVersionMatch = 'NotOlderThan' | 'Exact';

export interface ListOptions {
  /**
   * "" lists the latest state. With match NotOlderThan (or no match and no limit), "N" lists the
   * latest state if the store has reached N (else TooLargeResourceVersionError). With match
   * Exact (or no match and a limit, the legacy rule) "N" lists the state at revision N, and
   * fails with ExpiredError once N has been compacted. "0" means "any": the latest here, a
   * possibly stale answer from the watch cache.
   */
  resourceVersion?: string;
  resourceVersionMatch?: ResourceVersionMatch;
  /** At most this many items; 0 or absent for all. */
  limit?: number;
  /**
   * A token from a previous page. The next page is read at the same revision as the first, so
   * the pages form one consistent list; once that revision is compacted the list fails with
   * ExpiredError whose `continue` holds a token that goes on at the latest revision.
   */
  continue?: string;
  /** Only items this accepts are returned; they still count as read for pagination. */
  predicate?: Predicate;
}

export interface ListResult {
  /** Matching objects in key order, each with its own resourceVersion. */
  items: StoredObject[];
  /** The revision the list was read at. */
  resourceVersion: string;
  /** Present when more items remain: pass it as `continue` to read the next page. */
  continue?: string;
  /** How many items remain after this page, when there is no predicate to make it a guess. */
  remainingItemCount?: number;
}

/** What guaranteedUpdate tells the update function about the object it is handed. */
export interface ResponseMeta {
  /** The revision the object was read at. */
  readonly resourceVersion: number;
  /**
   * Seconds until the key expires, or undefined. The update function may set it: the new value
   * is attached to the written object; left unset, the written object does not expire.
   */
  ttl?: number;
}

/**
 * Computes the new object from the current one. It may mutate and return `current` (the store
 * hands it a private copy) and may run more than once when a write races another. Throwing aborts
 * the update with that error, unless the object came from a cache, in which case the store first
 * retries once with fresh state.
 */
export type UpdateFunc = (current: StoredObject, meta: ResponseMeta) => StoredObject | Promise<StoredObject>;

export interface UpdateOptions {
  preconditions?: Preconditions;
  /** When the key is absent, hand the update function an empty object and create the result. */
  ignoreNotFound?: boolean;
  /**
   * The caller's recent copy (from the watch cache), tried first to save a read; a stale copy
   * costs one failed compare-and-swap and a retry with fresh state. The store does not mutate it.
   */
  cachedExisting?: StoredObject;
}

export interface DeleteOptions {
  preconditions?: Preconditions;
  /** Called with the current object before it is deleted; throwing aborts the delete. */
  validateDeletion?: (current: StoredObject) => void | Promise<void>;
  /** As in UpdateOptions. */
  cachedExisting?: StoredObject;
}

export interface WatchOptions {
  /**
   * "" or "0": first an ADDED event for every current object, then every change after that.
   * "N": every change after revision N; an ERROR event with code 410 if N has been compacted
   * (or has left the watch cache's window).
   */
  resourceVersion?: string;
  /** Watch every key under the prefix (a `/` is appended) rather than one key. */
  recursive?: boolean;
  predicate?: Predicate;
  /**
   * Also send BOOKMARK events: an object whose only field is `metadata` with a
   * `resourceVersion`, promising that every change up to that revision has been sent. Backends
   * that cannot promise it (etcd without progress notifications) send none on their own.
   */
  allowBookmarks?: boolean;
  /**
   * For resourceVersion "" or "0", as in the WatchList protocol. Unset: ADDED events for the
   * current state, then changes. true: the same, and once the current state has been sent a
   * BOOKMARK (when allowBookmarks) annotated `k8s.io/initial-events-end: "true"` at the revision
   * it was read at. false: no current state, only changes from now on.
   */
  sendInitialEvents?: boolean;
}

/** The annotation on the BOOKMARK that ends the initial events of a watch. */
export const INITIAL_EVENTS_END_ANNOTATION = 'k8s.io/initial-events-end';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

/** The object of an ERROR event, shaped like a meta/v1 Status. */
export interface WatchErrorStatus {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure';
  message: string;
  reason: string;
  code: number;
}

/**
 * One change. The object is shared between every watcher that receives the event and must be
 * treated as read-only; copy it before changing it. A DELETED event carries the last state of the
 * object with the revision of the deletion. With a predicate, an object that stops matching
 * arrives as DELETED and one that starts matching as ADDED, as in apiserver.
 */
export type WatchEvent =
  | {
      readonly type: 'ADDED' | 'MODIFIED' | 'DELETED';
      readonly object: StoredObject;
      /** The storage key of the object. */
      readonly key: string;
    }
  | { readonly type: 'BOOKMARK'; readonly object: StoredObject }
  | { readonly type: 'ERROR'; readonly object: WatchErrorStatus };

/**
 * A running watch: iterate it for events. It ends after an ERROR event, when the store closes,
 * or when `stop()` is called; breaking out of a `for await` loop stops it too.
 */
export interface Watch extends AsyncIterable<WatchEvent> {
  /** Stops delivering events and releases the watch; safe to call more than once. */
  stop(): void;
  /** Resolves when the watch has ended for any reason. */
  readonly done: Promise<void>;
}

export interface Storage {
  /**
   * Stores a new object; returns it with its resourceVersion. Throws AlreadyExistsError when the
   * key exists, and InvalidObjectError when the object already carries a resourceVersion. With
   * `ttl` (seconds) the key is deleted once it expires.
   */
  create(key: string, object: StoredObject, ttl?: number): Promise<StoredObject>;

  /** The object at `key`; NotFoundError when absent (or `undefined` with ignoreNotFound). */
  get(key: string, options: GetOptions & { ignoreNotFound: true }): Promise<StoredObject | undefined>;
  get(key: string, options?: GetOptions): Promise<StoredObject>;

  /** The objects under `prefix` (a `/` is appended when missing), in key order. */
  list(prefix: string, options?: ListOptions): Promise<ListResult>;

  /**
   * Reads the object, checks the preconditions, computes the new object with `tryUpdate` and
   * writes it only if the object has not changed since it was read (compare-and-swap on the
   * revision); if it has, the whole sequence runs again with the fresh object. A result equal to
   * the current object writes nothing and returns the current object. Throws NotFoundError
   * (unless ignoreNotFound) and ConflictError when a precondition does not hold.
   */
  guaranteedUpdate(key: string, tryUpdate: UpdateFunc, options?: UpdateOptions): Promise<StoredObject>;

  /**
   * Deletes the object if the preconditions hold and `validateDeletion` accepts it, retrying on
   * concurrent changes like guaranteedUpdate. Returns the last state of the object with the
   * revision of the deletion. Throws NotFoundError when absent.
   */
  delete(key: string, options?: DeleteOptions): Promise<StoredObject>;

  /** Starts a watch on `key`, or on every key under it when `recursive`. */
  watch(key: string, options?: WatchOptions): Promise<Watch>;

  /** How many objects are under `prefix` (a `/` is appended when missing). */
  count(prefix: string): Promise<number>;

  /** The store's latest revision. */
  currentRevision(): Promise<number>;

  /** Stops background work, ends every watch and releases the backend. */
  close(): Promise<void>;
}

/** Backends whose history can be compacted on request (both real backends; tests use it). */
export interface Compactable {
  /** Forgets history up to `revision`: reads and watches from older revisions then get 410. */
  compact(revision: number): Promise<void>;
}

/**
 * The capability interfaces REST handlers program against (apiserver's `registry/rest`): a
 * resource or subresource implements the verbs it serves, and handlers never see the Store or
 * the storage behind it. Objects crossing these interfaces are hub (internal) objects.
 */
import type { GroupVersionKind } from '../machinery/scheme-types.js';
import type { Status } from '../machinery/errors.js';
import type { KObject } from './meta.js';
import type { FieldSelector, LabelSelector } from './selection.js';
import type { TableConvertor } from './table.js';
import type { DeleteOptions, StrategyContext } from './strategy.js';

/** What a registry call knows about its request. */
export interface RequestContext extends StrategyContext {
  /** Aborted when the client goes away or the request times out. */
  readonly signal?: AbortSignal;
}

/** Validating admission as the store calls it, after the strategy validated (rest.ValidateObjectFunc). */
export type ValidateObjectFunc = (object: KObject) => Promise<void> | void;
/** The same for updates (rest.ValidateObjectUpdateFunc). */
export type ValidateObjectUpdateFunc = (object: KObject, old: KObject) => Promise<void> | void;

export interface GetOptions {
  /** "" or "0": the latest; "N": at least N (504 if the store is behind). */
  readonly resourceVersion?: string;
}

export interface ListOptions {
  readonly labelSelector?: LabelSelector;
  readonly fieldSelector?: FieldSelector;
  readonly resourceVersion?: string;
  readonly resourceVersionMatch?: 'Exact' | 'NotOlderThan';
  readonly limit?: number;
  readonly continue?: string;
}

/** A list of hub objects and its list metadata. */
export interface ObjectList {
  readonly items: KObject[];
  readonly resourceVersion: string;
  readonly continue?: string;
  readonly remainingItemCount?: number;
}

export interface WatchOptions {
  readonly labelSelector?: LabelSelector;
  readonly fieldSelector?: FieldSelector;
  readonly resourceVersion?: string;
  readonly allowWatchBookmarks?: boolean;
  /**
   * The WatchList protocol: with true, the current objects as ADDED events, then a BOOKMARK
   * annotated `k8s.io/initial-events-end: "true"`; with false, changes only.
   */
  readonly sendInitialEvents?: boolean;
}

/**
 * One watch event. Objects are hub objects shared by every watcher of the same change: treat
 * them as read-only. A BOOKMARK's object carries only `metadata` (its resourceVersion and, ending initial events, an annotation); an ERROR's is a
 * failure Status.
 */
export type RegistryWatchEvent =
  | { readonly type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK'; readonly object: KObject }
  | { readonly type: 'ERROR'; readonly object: Status };

export interface RegistryWatch extends AsyncIterable<RegistryWatchEvent> {
  stop(): void;
  readonly done: Promise<void>;
}

export interface CreateOptions {
  readonly dryRun?: boolean;
  /**
   * The object named in the path when the create is on an object's subresource
   * (`pods/<name>/binding`, `pods/<name>/eviction`): rest.NamedCreater's name.
   */
  readonly name?: string;
  /** Validating admission. */
  readonly validate?: ValidateObjectFunc;
}

export interface UpdateOptions {
  readonly dryRun?: boolean;
  readonly validateCreate?: ValidateObjectFunc;
  readonly validateUpdate?: ValidateObjectUpdateFunc;
  /** Create a missing object even when the strategy does not allow it (server-side apply). */
  readonly forceAllowCreate?: boolean;
}

/** What an update writes, computed from the current object (rest.UpdatedObjectInfo). */
export interface UpdatedObjectInfo {
  /** uid and resourceVersion the stored object must have, checked by storage before each try. */
  preconditions?(): { uid?: string; resourceVersion?: string } | undefined;
  /**
   * The new object given the current one; `existing` is `{}` (and `exists` false) when the object
   * is missing and the update may create it. Runs again when a write races another.
   */
  updatedObject(existing: KObject, exists: boolean): Promise<KObject> | KObject;
}

export interface DeleteCallOptions {
  readonly options: DeleteOptions;
  /** Validating admission of the object about to be deleted. */
  readonly validate?: ValidateObjectFunc;
}

/** What a delete answers: the object (still present, or its last state) or a Success Status, and whether it is gone. */
export interface DeleteResult {
  readonly object: KObject | Status;
  readonly deleted: boolean;
}

/** The kind a resource or subresource answers with, given the group-version of the request. */
export interface ResponseKind {
  responseKind(requestGroup: string, requestVersion: string): GroupVersionKind;
}

/** Objects from get and list may be shared with other readers: treat them as read-only. */
export interface Getter {
  get(ctx: RequestContext, name: string, options: GetOptions): Promise<KObject>;
}

export interface Lister {
  list(ctx: RequestContext, options: ListOptions): Promise<ObjectList>;
}

export interface Watcher {
  watch(ctx: RequestContext, options: WatchOptions): Promise<RegistryWatch>;
}

export interface Creater {
  create(ctx: RequestContext, object: KObject, options: CreateOptions): Promise<KObject>;
}

export interface Updater {
  update(ctx: RequestContext, name: string, objInfo: UpdatedObjectInfo, options: UpdateOptions): Promise<{ object: KObject; created: boolean }>;
}

export interface GracefulDeleter {
  delete(ctx: RequestContext, name: string, options: DeleteCallOptions): Promise<DeleteResult>;
}

export interface CollectionDeleter {
  deleteCollection(ctx: RequestContext, listOptions: ListOptions, options: DeleteCallOptions): Promise<ObjectList>;
}

/** Labels and fields of an object, to validate field selectors against. */
export interface FieldLabels {
  /** Whether `label` can be used in a field selector. */
  supportsFieldLabel(label: string): boolean;
}

/**
 * A served resource or subresource: the verbs it implements, whether it is namespaced, and the
 * kind it answers with. Handlers check for each capability and answer 405 when it is missing.
 * A resource with only a `creater` is virtual (access reviews, bindings): nothing is stored, the
 * answer is computed, and it offers no Table (a Table Accept is 406, as upstream).
 */
export interface RestStorage extends ResponseKind {
  readonly namespaced: boolean;
  /** Table output; the resource's printer columns when absent. */
  readonly table?: TableConvertor;
  /** List items keep apiVersion and kind, as upstream's unstructured lists (custom resources) carry them. */
  readonly listItemsTyped?: boolean;
  readonly getter?: Getter;
  readonly lister?: Lister & FieldLabels;
  readonly watcher?: Watcher & FieldLabels;
  readonly creater?: Creater;
  readonly updater?: Updater;
  readonly deleter?: GracefulDeleter;
  readonly collectionDeleter?: CollectionDeleter & FieldLabels;
}

/**
 * The generic REST store (apiserver's genericregistry.Store): create, get, list, update,
 * delete, deletecollection and watch of one resource over a `Storage`, driven by the resource's
 * strategy.
 *
 * The store works on hub objects and keeps the storage version's JSON in storage:
 *
 *   hub object ──fromInternal(storage version)──▶ Storage ──toInternal + defaults──▶ hub object
 *
 * Keys are `/registry/<group>/<resource>/<namespace>/<name>` (no group segment for the core
 * group, no namespace segment for cluster-scoped resources).
 */
import {
  isAlreadyExists,
  isNotFound,
  newBadRequest,
  newConflict,
  newGenerateNameConflict,
  newInternalError,
  newInvalid,
  newNotFound,
  successStatus,
  fieldErrorString,
  StatusError,
  type FieldError,
  type GroupKind,
  type GroupResource,
  type Status,
} from '../machinery/errors.js';
import { deepCopyJSON } from '../machinery/generated-support.js';
import type { Scheme, WireObject } from '../machinery/scheme.js';
import type { GroupVersionKind, ResourceInfo } from '../machinery/scheme-types.js';
import { NotFoundError } from '../storage/errors.js';
import type { Predicate, Storage, StoredObject, Watch, WatchEvent } from '../storage/interface.js';
import {
  beforeDelete,
  deletionFinalizersForGarbageCollection,
  markAsDeleting,
  shouldDeleteDuringUpdate,
} from './deletion.js';
import { dryRunWrites, type Writes } from './dry-run.js';
import { interpretStorageError, resourceVersionSetOnCreate, tooLargeResourceVersion, type StorageOperation } from './errors.js';
import { fillObjectMetaSystemFields, generateName, metaOf, peekMeta, type KObject, type ObjectMeta } from './meta.js';
import type {
  CollectionDeleter,
  CreateOptions,
  Creater,
  DeleteCallOptions,
  DeleteResult,
  FieldLabels,
  GetOptions,
  Getter,
  GracefulDeleter,
  ListOptions,
  Lister,
  ObjectList,
  RegistryWatch,
  RegistryWatchEvent,
  RequestContext,
  UpdatedObjectInfo,
  UpdateOptions,
  Updater,
  WatchOptions,
  Watcher,
} from './rest.js';
import { SelectionPredicate } from './selection.js';
import type { DeleteOptions, Strategy, StrategyContext } from './strategy.js';
import { validateNamespaceName, validateObjectMeta, validateObjectMetaUpdate, validatePathSegmentName } from './validation.js';

/** upstream's OptimisticLockErrorMsg. */
export const OPTIMISTIC_LOCK_ERROR_MSG = 'the object has been modified; please apply your changes to the latest version and try again';

/** How many names a generateName create tries before giving up (maxNameGenerationCreateAttempts). */
const MAX_NAME_GENERATION_ATTEMPTS = 8;
/** How long a watch from a future resourceVersion waits for the store to reach it. */
const TOO_LARGE_RESOURCE_VERSION_WAIT_MS = 3000;
/** Page size of the lists deletecollection walks. */
const DELETE_COLLECTION_PAGE_SIZE = 10_000;

export interface StoreOptions {
  readonly scheme: Scheme;
  readonly storage: Storage;
  /** The API group the resource belongs to. */
  readonly group: string;
  readonly info: ResourceInfo;
  /** The version objects are stored in (the group's storage version). */
  readonly storageVersion: string;
  readonly strategy: Strategy;
  /** Overrides the key root `/registry/[<group>/]<resource>`. */
  readonly keyRoot?: string;
  /** Record `orphan` / `foregroundDeletion` finalizers for the garbage collector. Default true. */
  readonly enableGarbageCollection?: boolean;
  /** Seconds until a written object expires (Events); the strategy's ttlSeconds by default. */
  readonly ttlSeconds?: (object: KObject, update: boolean) => number | undefined;
}

/** The key root of a resource: `/registry/<group>/<resource>`, `/registry/<resource>` for the core group. */
export function defaultKeyRoot(group: string, resource: string): string {
  return group === '' ? `/registry/${resource}` : `/registry/${group}/${resource}`;
}

/** A StatusError listing field errors (each cause once), as errors.NewInvalid. */
export function invalid(kind: GroupKind, name: string, errs: readonly FieldError[]): StatusError {
  const seen = new Set<string>();
  const unique = errs.filter((e) => {
    const key = `${e.type}\u0000${fieldErrorString(e)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return newInvalid(kind, name, unique);
}

function isDryRun(dryRun: readonly string[] | null | undefined): boolean {
  return (dryRun ?? []).length > 0;
}

const EMPTIED_FINALIZERS = Symbol('emptied finalizers');
const DELETE_NOW = Symbol('delete now');
const ALREADY_DELETING = Symbol('already deleting');

/** EnsureObjectNamespaceMatchesRequestNamespace: fills in the request's namespace, or rejects another one. */
export function ensureNamespace(expected: string, meta: ObjectMeta): void {
  const actual = meta.namespace ?? '';
  if (actual === expected) return;
  if (actual === '') {
    meta.namespace = expected;
    return;
  }
  if (expected === '') {
    delete meta.namespace;
    return;
  }
  throw newBadRequest('the namespace of the provided object does not match the namespace sent on the request');
}

export class Store implements Getter, Lister, Watcher, Creater, Updater, GracefulDeleter, CollectionDeleter, FieldLabels {
  readonly resource: GroupResource;
  readonly kind: GroupKind;
  readonly keyRoot: string;
  readonly strategy: Strategy;
  readonly info: ResourceInfo;
  readonly storageGVK: GroupVersionKind;
  private readonly scheme: Scheme;
  private readonly storage: Storage;
  private readonly dryRun: Writes;
  private readonly gcEnabled: boolean;
  private readonly ttlSeconds?: (object: KObject, update: boolean) => number | undefined;
  /** Hub objects decoded from stored objects that are shared (watch events, filtered lists). */
  private readonly hubCache = new WeakMap<StoredObject, KObject>();

  constructor(options: StoreOptions) {
    this.scheme = options.scheme;
    this.storage = options.storage;
    this.info = options.info;
    this.strategy = options.strategy;
    this.resource = { group: options.group, resource: options.info.plural };
    this.kind = { group: options.group, kind: options.info.kind };
    this.keyRoot = options.keyRoot ?? defaultKeyRoot(options.group, options.info.plural);
    this.storageGVK = { group: options.group, version: options.storageVersion, kind: options.info.kind };
    this.dryRun = dryRunWrites(options.storage);
    this.gcEnabled = options.enableGarbageCollection ?? true;
    this.ttlSeconds = options.ttlSeconds ?? options.strategy.ttlSeconds;
  }

  get namespaced(): boolean {
    return this.strategy.namespaced;
  }

  supportsFieldLabel(label: string): boolean {
    return this.strategy.fieldLabels.has(label);
  }

  // ---- keys and conversion ------------------------------------------------------------------

  /** The key prefix of a request: the namespace's folder for namespaced requests. */
  keyRootFor(namespace: string): string {
    return this.namespaced && namespace !== '' ? `${this.keyRoot}/${namespace}` : this.keyRoot;
  }

  /** The key of one object (NamespaceKeyFunc / NoNamespaceKeyFunc). */
  keyFor(namespace: string, name: string): string {
    if (this.namespaced && namespace === '') throw newBadRequest('Namespace parameter required.');
    if (name === '') throw newBadRequest('Name parameter required.');
    const problems = validatePathSegmentName(name, false);
    if (problems.length > 0) throw newBadRequest(`Name parameter invalid: ${JSON.stringify(name)}: ${problems.join(';')}`);
    return `${this.keyRootFor(namespace)}/${name}`;
  }

  private toStorage(object: KObject): StoredObject {
    return this.scheme.fromInternal(object as WireObject, this.storageGVK) as StoredObject;
  }

  /** A fresh hub object from a stored object the caller owns (defaults are applied to it in place). */
  private toHub(stored: StoredObject): KObject {
    return this.scheme.toInternal(stored as WireObject, this.storageGVK) as KObject;
  }

  /**
   * The hub object of a stored object that may be shared (the watch cache serves reads and
   * events from shared objects): decoded from a copy, once per stored object, and itself shared
   * with every reader of that object, so read-only.
   */
  private sharedHub(stored: StoredObject): KObject {
    let hub = this.hubCache.get(stored);
    if (!hub) {
      hub = this.toHub(deepCopyJSON(stored));
      this.hubCache.set(stored, hub);
    }
    return hub;
  }

  private fail(error: unknown, name: string, operation: StorageOperation): never {
    throw interpretStorageError(error, this.resource, name, operation);
  }

  // ---- get, list, watch ---------------------------------------------------------------------

  async get(ctx: RequestContext, name: string, options: GetOptions = {}): Promise<KObject> {
    const key = this.keyFor(ctx.namespace, name);
    try {
      return this.sharedHub(await this.storage.get(key, { resourceVersion: options.resourceVersion }));
    } catch (error) {
      this.fail(error, name, 'get');
    }
  }

  /** The storage predicate of a selection: labels and metadata fields read straight from storage. */
  private predicate(selection: SelectionPredicate): Predicate | undefined {
    if (selection.empty()) return undefined;
    const metadataOnly = selection.onlyMetadataFields();
    return (stored) => {
      const meta = (stored.metadata ?? {}) as ObjectMeta;
      if (!selection.label.matches(meta.labels ?? {})) return false;
      if (selection.field.empty()) return true;
      if (metadataOnly) {
        return selection.field.matches({ 'metadata.name': meta.name ?? '', 'metadata.namespace': meta.namespace ?? '' });
      }
      return selection.field.matches(this.strategy.getAttrs(this.sharedHub(stored)).fields);
    };
  }

  /** The namespace a request covers: its own, or the one a `metadata.namespace=` field selector pins. */
  private scopeNamespace(ctx: RequestContext, selection: SelectionPredicate): string {
    if (ctx.namespace !== '' || !this.namespaced) return ctx.namespace;
    const pinned = selection.matchesSingleNamespace();
    return pinned !== undefined && validateNamespaceName(pinned, false).length === 0 ? pinned : '';
  }

  async list(ctx: RequestContext, options: ListOptions = {}): Promise<ObjectList> {
    const selection = new SelectionPredicate(options.labelSelector, options.fieldSelector);
    const namespace = this.scopeNamespace(ctx, selection);
    const predicate = this.predicate(selection);
    try {
      const name = selection.matchesSingle();
      const latest = options.resourceVersion === undefined || options.resourceVersion === '' || options.resourceVersion === '0';
      if (name !== undefined && latest && !options.continue && (!this.namespaced || namespace !== '')) {
        let key: string | undefined;
        try {
          key = this.keyFor(namespace, name);
        } catch {
          key = undefined;
        }
        if (key !== undefined) {
          const stored = await this.storage.get(key, { ignoreNotFound: true });
          const revision = await this.storage.currentRevision();
          const items = stored && (!predicate || predicate(stored)) ? [this.sharedHub(stored)] : [];
          return { items, resourceVersion: String(revision) };
        }
      }
      const result = await this.storage.list(this.keyRootFor(namespace), {
        resourceVersion: options.resourceVersion,
        resourceVersionMatch: options.resourceVersionMatch,
        limit: options.limit,
        continue: options.continue,
        predicate,
      });
      return {
        items: result.items.map((stored) => this.sharedHub(stored)),
        resourceVersion: result.resourceVersion,
        continue: result.continue,
        remainingItemCount: result.remainingItemCount,
      };
    } catch (error) {
      this.fail(error, '', 'list');
    }
  }

  async watch(ctx: RequestContext, options: WatchOptions = {}): Promise<RegistryWatch> {
    const selection = new SelectionPredicate(options.labelSelector, options.fieldSelector);
    const namespace = this.scopeNamespace(ctx, selection);
    let key = this.keyRootFor(namespace);
    let recursive = true;
    const name = selection.matchesSingle();
    if (name !== undefined && (!this.namespaced || namespace !== '')) {
      try {
        key = this.keyFor(namespace, name);
        recursive = false;
      } catch {
        // an unusable name: watch the collection and let the predicate decide
      }
    }
    let watch: Watch;
    try {
      await this.waitForResourceVersion(options.resourceVersion);
      watch = await this.storage.watch(key, {
        resourceVersion: options.resourceVersion,
        recursive,
        predicate: this.predicate(selection),
        allowBookmarks: options.allowWatchBookmarks,
        sendInitialEvents: options.sendInitialEvents,
      });
    } catch (error) {
      this.fail(error, '', 'watch');
    }
    return this.wrapWatch(watch);
  }

  /**
   * A watch from a revision the store has not reached waits for it up to 3 s, then fails with
   * 504 Too large resource version, as apiserver's watch cache answers it.
   */
  private async waitForResourceVersion(resourceVersion: string | undefined): Promise<void> {
    if (!resourceVersion || !/^\d+$/.test(resourceVersion)) return;
    const requested = Number(resourceVersion);
    let current = await this.storage.currentRevision();
    const deadline = Date.now() + TOO_LARGE_RESOURCE_VERSION_WAIT_MS;
    while (current < requested && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      current = await this.storage.currentRevision();
    }
    if (current < requested) throw tooLargeResourceVersion(requested, current);
  }

  /**
   * The registry's view of a storage watch: stored objects become (shared) hub objects. A plain
   * iterator rather than an async generator: every event of every watcher passes here, and a
   * generator's queueing costs several promise turns per event.
   */
  private wrapWatch(watch: Watch): RegistryWatch {
    const toHub = (stored: StoredObject): KObject => this.sharedHub(stored);
    const translate = (event: WatchEvent): RegistryWatchEvent => {
      if (event.type === 'ERROR') return { type: 'ERROR', object: event.object as Status };
      if (event.type === 'BOOKMARK') return { type: 'BOOKMARK', object: { metadata: { ...event.object.metadata } } };
      return { type: event.type, object: toHub(event.object) };
    };
    return {
      stop: () => watch.stop(),
      done: watch.done,
      [Symbol.asyncIterator](): AsyncIterator<RegistryWatchEvent> {
        const events = watch[Symbol.asyncIterator]();
        return {
          next: () => events.next().then((result) => (result.done ? { done: true, value: undefined } : { done: false, value: translate(result.value) })),
          return: async () => {
            await events.return?.();
            return { done: true, value: undefined };
          },
        };
      },
    };
  }

  // ---- create -------------------------------------------------------------------------------

  /** rest.BeforeCreate: namespace, strategy preparation and validation, common metadata validation. */
  private beforeCreate(ctx: StrategyContext, object: KObject): void {
    const meta = metaOf(object);
    ensureNamespace(this.namespaced ? ctx.namespace : '', meta);
    delete meta.deletionTimestamp;
    delete meta.deletionGracePeriodSeconds;
    this.strategy.prepareForCreate(ctx, object);
    const errs = this.strategy.validate(ctx, object);
    if (errs.length > 0) throw invalid(this.kind, meta.name ?? '', errs);
    const common = validateObjectMeta(meta, this.namespaced, validatePathSegmentName);
    if (common.length > 0) throw invalid(this.kind, meta.name ?? '', common);
    for (const warning of this.strategy.warningsOnCreate(ctx, object)) ctx.warn(warning);
    this.strategy.canonicalize(object);
  }

  async create(ctx: RequestContext, object: KObject, options: CreateOptions = {}): Promise<KObject> {
    const meta = peekMeta(object);
    if (!meta.generateName || meta.name) return this.createOnce(ctx, object, options);
    let lastError: unknown;
    for (let attempt = 0; attempt < MAX_NAME_GENERATION_ATTEMPTS; attempt++) {
      try {
        return await this.createOnce(ctx, deepCopyJSON(object), options);
      } catch (error) {
        if (!isAlreadyExists(error)) throw error;
        lastError = error;
      }
    }
    throw lastError;
  }

  private async createOnce(ctx: RequestContext, object: KObject, options: CreateOptions): Promise<KObject> {
    const meta = metaOf(object);
    fillObjectMetaSystemFields(meta);
    if (meta.generateName && !meta.name) meta.name = generateName(meta.generateName);
    this.beforeCreate(ctx, object);
    await options.validate?.(deepCopyJSON(object));
    const name = meta.name ?? '';
    const key = this.keyFor(meta.namespace ?? '', name);
    if (meta.resourceVersion) throw resourceVersionSetOnCreate();
    const ttl = this.ttlSeconds?.(object, false) ?? 0;
    const writes = options.dryRun ? this.dryRun : this.storage;
    try {
      return this.toHub(await writes.create(key, this.toStorage(object), ttl));
    } catch (error) {
      throw await this.createError(error, key, object);
    }
  }

  /** InterpretCreateError, CheckGeneratedNameError, and the `object is being deleted` hint. */
  private async createError(error: unknown, key: string, object: KObject): Promise<unknown> {
    const meta = peekMeta(object);
    const name = meta.name ?? '';
    let err = interpretStorageError(error, this.resource, name, 'create');
    if (!isAlreadyExists(err)) return err;
    if (meta.generateName) err = newGenerateNameConflict(this.resource, name, 1);
    const existing = await this.storage.get(key, { ignoreNotFound: true }).catch(() => undefined);
    if (existing?.metadata && (existing.metadata as ObjectMeta).deletionTimestamp && err instanceof StatusError) {
      err.status.message = `object is being deleted: ${err.status.message ?? ''}`;
      err.message = err.status.message;
    }
    return err;
  }

  // ---- update -------------------------------------------------------------------------------

  /** rest.BeforeUpdate: namespace, system fields kept, strategy preparation and validation. */
  private beforeUpdate(ctx: StrategyContext, object: KObject, old: KObject, strategy: Strategy): void {
    const meta = metaOf(object);
    const oldMeta = peekMeta(old);
    ensureNamespace(this.namespaced ? ctx.namespace : '', meta);
    if (oldMeta.generation !== undefined) meta.generation = oldMeta.generation;
    else delete meta.generation;
    strategy.prepareForUpdate(ctx, object, old);
    if (!meta.uid) meta.uid = oldMeta.uid;
    if (oldMeta.creationTimestamp) meta.creationTimestamp = oldMeta.creationTimestamp;
    if (oldMeta.deletionTimestamp) meta.deletionTimestamp = oldMeta.deletionTimestamp;
    if (oldMeta.deletionGracePeriodSeconds !== undefined && oldMeta.deletionGracePeriodSeconds !== null && (meta.deletionGracePeriodSeconds === undefined || meta.deletionGracePeriodSeconds === null)) {
      meta.deletionGracePeriodSeconds = oldMeta.deletionGracePeriodSeconds;
    }
    const errs = [...validateObjectMeta(meta, this.namespaced, validatePathSegmentName), ...validateObjectMetaUpdate(meta, oldMeta)];
    errs.push(...strategy.validateUpdate(ctx, object, old));
    if (errs.length > 0) throw invalid(this.kind, meta.name ?? '', errs);
    for (const warning of strategy.warningsOnUpdate(ctx, object, old)) ctx.warn(warning);
    strategy.canonicalize(object);
  }

  async update(ctx: RequestContext, name: string, objInfo: UpdatedObjectInfo, options: UpdateOptions = {}): Promise<{ object: KObject; created: boolean }> {
    return this.updateWith(this.strategy, ctx, name, objInfo, options);
  }

  /**
   * A compare-and-swap update that bypasses the strategy: for REST implementations that change
   * what an update may not (a namespace's deletionTimestamp and phase on its first DELETE).
   * `mutate` gets a private copy of the current hub object and returns the new one.
   */
  async updateRaw(
    ctx: RequestContext,
    name: string,
    mutate: (current: KObject) => KObject | Promise<KObject>,
    options: { dryRun?: boolean; preconditions?: { uid?: string; resourceVersion?: string } } = {},
  ): Promise<KObject> {
    const key = this.keyFor(ctx.namespace, name);
    const writes = options.dryRun ? this.dryRun : this.storage;
    try {
      const stored = await writes.guaranteedUpdate(key, async (current) => this.toStorage(await mutate(this.toHub(current))), {
        preconditions: options.preconditions,
      });
      return this.toHub(stored);
    } catch (error) {
      this.fail(error, name, 'update');
    }
  }

  /** Update with a given strategy: the main resource's, or its status subresource's. */
  async updateWith(
    strategy: Strategy,
    ctx: RequestContext,
    name: string,
    objInfo: UpdatedObjectInfo,
    options: UpdateOptions = {},
  ): Promise<{ object: KObject; created: boolean }> {
    const key = this.keyFor(ctx.namespace, name);
    const preconditions = objInfo.preconditions?.();
    const ignoreNotFound = strategy.allowCreateOnUpdate() || options.forceAllowCreate === true;
    const writes = options.dryRun ? this.dryRun : this.storage;
    let creating = false;
    let creatingObject: KObject | undefined;
    let deleteObject: KObject | undefined;
    let stored: StoredObject;
    try {
      stored = await writes.guaranteedUpdate(
        key,
        async (current, responseMeta) => {
          const existingRV = current.metadata?.resourceVersion ?? '';
          const exists = existingRV !== '' && existingRV !== '0';
          if (!exists && !ignoreNotFound) throw newNotFound(this.resource, name);
          const existing = exists ? this.toHub(current) : {};
          const object = await objInfo.updatedObject(deepCopyJSON(existing), exists);
          const meta = metaOf(object);
          const newRV = meta.resourceVersion ?? '';
          if (!exists) {
            fillObjectMetaSystemFields(meta);
            delete meta.resourceVersion;
            creating = true;
            creatingObject = object;
            this.beforeCreate(ctx, object);
            await options.validateCreate?.(deepCopyJSON(object));
            const ttl = this.ttlSeconds?.(object, false);
            if (ttl) responseMeta.ttl = ttl;
            return this.toStorage(object);
          }
          creating = false;
          creatingObject = undefined;
          if (newRV === '' && strategy.allowUnconditionalUpdate()) {
            meta.resourceVersion = existingRV;
          } else if (newRV === '') {
            throw invalid({ group: this.resource.group, kind: this.resource.resource }, name, [
              { type: 'Invalid', field: 'metadata.resourceVersion', badValue: 0, detail: 'must be specified for an update' },
            ]);
          } else if (newRV !== existingRV) {
            throw newConflict(this.resource, name, OPTIMISTIC_LOCK_ERROR_MSG);
          }
          this.beforeUpdate(ctx, object, existing, strategy);
          await options.validateUpdate?.(deepCopyJSON(object), deepCopyJSON(existing));
          if (shouldDeleteDuringUpdate(object, existing)) {
            deleteObject = object;
            throw EMPTIED_FINALIZERS;
          }
          const ttl = this.ttlSeconds?.(object, true);
          if (ttl !== undefined) responseMeta.ttl = ttl;
          return this.toStorage(object);
        },
        { ignoreNotFound, preconditions },
      );
    } catch (error) {
      if (error === EMPTIED_FINALIZERS && deleteObject) {
        return { object: await this.deleteWithoutFinalizers(key, name, deleteObject, preconditions, options.dryRun === true), created: false };
      }
      if (creating && creatingObject) throw await this.createError(error, key, creatingObject);
      this.fail(error, name, 'update');
    }
    return { object: this.toHub(stored), created: creating };
  }

  /** The last finalizer was removed from an object being deleted: delete it now. */
  private async deleteWithoutFinalizers(
    key: string,
    name: string,
    object: KObject,
    preconditions: { uid?: string; resourceVersion?: string } | undefined,
    dryRun: boolean,
  ): Promise<KObject> {
    const writes = dryRun ? this.dryRun : this.storage;
    try {
      await writes.delete(key, { preconditions });
    } catch (error) {
      if (!(error instanceof NotFoundError)) this.fail(error, name, 'delete');
    }
    return object;
  }

  // ---- delete -------------------------------------------------------------------------------

  /** What a delete answers with: the object for stores that return it, else a Success Status. */
  private finalizeDelete(object: KObject): KObject | Status {
    if (this.strategy.returnDeletedObject) return object;
    const meta = peekMeta(object);
    return successStatus({ name: meta.name, group: this.resource.group, kind: this.resource.resource, uid: meta.uid });
  }

  async delete(ctx: RequestContext, name: string, call: DeleteCallOptions): Promise<DeleteResult> {
    const options: DeleteOptions = call.options;
    const key = this.keyFor(ctx.namespace, name);
    const dryRun = isDryRun(options.dryRun);
    const writes = dryRun ? this.dryRun : this.storage;
    let object: KObject;
    try {
      object = this.toHub(await this.storage.get(key));
    } catch (error) {
      this.fail(error, name, 'delete');
    }
    const preconditions: { uid?: string; resourceVersion?: string } = {};
    if (options.preconditions?.uid !== undefined && options.preconditions.uid !== null) preconditions.uid = options.preconditions.uid;
    if (options.preconditions?.resourceVersion !== undefined && options.preconditions.resourceVersion !== null) {
      preconditions.resourceVersion = options.preconditions.resourceVersion;
    }
    const { graceful, gracefulPending } = beforeDelete(this.strategy, ctx, object, options, this.kind);
    if (gracefulPending) return { object: this.finalizeDelete(object), deleted: false };

    const pendingFinalizers = (metaOf(object).finalizers ?? []).length > 0;
    const gc = deletionFinalizersForGarbageCollection(this.strategy, ctx, object, options, this.gcEnabled);
    let ignoreNotFound = false;
    let lastExisting: KObject | undefined;
    let out: KObject | Status | undefined;
    if (graceful || pendingFinalizers || gc.changed) {
      let lastGraceful = 0;
      let stillPending = false;
      let updated: StoredObject | undefined;
      try {
        updated = await writes.guaranteedUpdate(
          key,
          async (current) => {
            const existing = this.toHub(current);
            await call.validate?.(deepCopyJSON(existing));
            const result = beforeDelete(this.strategy, ctx, existing, options, this.kind);
            if (result.gracefulPending) throw ALREADY_DELETING;
            const finalizers = deletionFinalizersForGarbageCollection(this.strategy, ctx, existing, options, this.gcEnabled);
            if (finalizers.changed) metaOf(existing).finalizers = finalizers.finalizers;
            stillPending = (metaOf(existing).finalizers ?? []).length > 0;
            if (!result.graceful) {
              if (stillPending) {
                markAsDeleting(existing);
                return this.toStorage(existing);
              }
              throw DELETE_NOW;
            }
            lastGraceful = options.gracePeriodSeconds ?? 0;
            lastExisting = existing;
            return this.toStorage(existing);
          },
          { preconditions },
        );
      } catch (error) {
        if (error === ALREADY_DELETING) return { object: this.finalizeDelete(object), deleted: false };
        if (error !== DELETE_NOW) this.fail(error, name, 'update');
      }
      if (updated) {
        const hub = this.toHub(updated);
        out = hub;
        if (stillPending || lastGraceful > 0) return { object: hub, deleted: false };
        ignoreNotFound = true;
        if (preconditions.resourceVersion !== undefined) preconditions.resourceVersion = peekMeta(hub).resourceVersion;
      }
    }
    if (dryRun && out) return { object: out, deleted: true };
    try {
      const deleted = await writes.delete(key, {
        preconditions,
        validateDeletion: call.validate ? async (current) => call.validate?.(this.toHub(deepCopyJSON(current))) : undefined,
      });
      return { object: this.finalizeDelete(this.toHub(deleted)), deleted: true };
    } catch (error) {
      if (error instanceof NotFoundError && ignoreNotFound && lastExisting) return { object: this.finalizeDelete(lastExisting), deleted: true };
      this.fail(error, name, 'delete');
    }
  }

  async deleteCollection(ctx: RequestContext, listOptions: ListOptions, call: DeleteCallOptions): Promise<ObjectList> {
    const items: KObject[] = [];
    let options: ListOptions = { ...listOptions, limit: listOptions.limit && listOptions.limit > 0 ? listOptions.limit : DELETE_COLLECTION_PAGE_SIZE };
    const hasLimit = listOptions.limit !== undefined && listOptions.limit > 0;
    let first: ObjectList | undefined;
    for (;;) {
      if (ctx.signal?.aborted) throw newInternalError(new Error('request aborted'));
      const page = await this.list(ctx, options);
      first ??= page;
      for (const item of page.items) {
        const meta = peekMeta(item);
        const itemCtx: RequestContext = this.namespaced && ctx.namespace === '' ? { ...ctx, namespace: meta.namespace ?? '' } : ctx;
        try {
          await this.delete(itemCtx, meta.name ?? '', { options: deepCopyJSON(call.options), validate: call.validate });
        } catch (error) {
          if (!isNotFound(error)) throw error;
        }
      }
      items.push(...page.items);
      if (hasLimit) return page;
      if (!page.continue) break;
      options = { ...options, continue: page.continue, resourceVersion: undefined, resourceVersionMatch: undefined };
    }
    return { items, resourceVersion: first.resourceVersion };
  }
}

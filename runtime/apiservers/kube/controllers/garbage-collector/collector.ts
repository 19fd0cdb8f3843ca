/**
 * The garbage collector of ownerReferences (upstream's pkg/controller/garbagecollector,
 * behaviour only), over the kube tier's Stores:
 *
 *   informers (one per store) ──▶ OwnershipGraph ──▶ attemptToDelete / attemptToOrphan queues
 *                                                        │ read the objects, then
 *                                                        ▼
 *   delete dependents whose owners are all gone · drop dangling references · remove the
 *   foregroundDeletion finalizer once no blocking dependent is left · orphan dependents
 *
 * Decisions are taken on objects read from storage, never on the graph alone: the graph only
 * says whom to look at.
 */
import { isConflict, isNotFound } from '../../../../machinery/errors.js';
import { peekMeta, metaOf, type KObject, type OwnerReference } from '../../../../registry/meta.js';
import type { GracefulDeleter } from '../../../../registry/rest.js';
import type { Store } from '../../../../registry/store.js';
import type { DeleteOptions } from '../../../../registry/strategy.js';
import { FINALIZER_DELETE_DEPENDENTS, FINALIZER_ORPHAN_DEPENDENTS } from '../../../../registry/validation.js';
import { controllerContext } from '../context.js';
import { StoreInformer } from '../informer.js';
import { WorkQueue } from '../work-queue.js';
import { groupOf, OwnershipGraph, type GraphNode, type ObjectIdentity } from './graph.js';

const CONTROLLER = 'generic-garbage-collector';
/** Owners (`<namespace>/<uid>`) remembered as gone (upstream's absentOwnerCache): a uid never comes back. */
const ABSENT_OWNERS_REMEMBERED = 4096;

export interface GarbageCollectorOptions {
  /** Every store whose objects may own or depend on others. */
  readonly stores: Iterable<Store>;
  /** How objects of a store are deleted: the store itself unless its REST storage deletes differently (namespaces). */
  readonly deleterFor?: (store: Store) => GracefulDeleter;
  /** Objects processed at the same time per queue. Default 4. */
  readonly workers?: number;
}

/** Thrown inside an update to leave the object as it is. */
const UNCHANGED = Symbol('unchanged');

type Classified = { solid: OwnerReference[]; dangling: OwnerReference[]; waiting: OwnerReference[] } | undefined;

export class GarbageCollector {
  private readonly byKind = new Map<string, Store>();
  /** Recently found missing owners, oldest first, so the dependents of one deleted owner cost one lookup. */
  private readonly absentOwners = new Set<string>();
  private readonly informers: StoreInformer[] = [];
  private readonly deleteQueue: WorkQueue;
  private readonly orphanQueue: WorkQueue;
  readonly graph: OwnershipGraph;
  private started = false;
  private closed = false;

  constructor(private readonly options: GarbageCollectorOptions) {
    for (const store of options.stores) this.byKind.set(`${store.kind.group}/${store.kind.kind}`, store);
    const workers = options.workers ?? 4;
    this.deleteQueue = new WorkQueue((uid) => this.attemptToDelete(uid), { workers });
    this.orphanQueue = new WorkQueue((uid) => this.attemptToOrphan(uid), { workers });
    this.graph = new OwnershipGraph(
      { namespaced: (group, kind) => this.byKind.get(`${group}/${kind}`)?.namespaced },
      { attemptToDelete: (uid) => this.deleteQueue.add(uid), attemptToOrphan: (uid) => this.orphanQueue.add(uid) },
    );
  }

  /** Builds the graph from a list of every store, then starts watching and working. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    for (const store of this.byKind.values()) {
      const { group, kind } = store.kind;
      const informer = new StoreInformer(
        store,
        {
          added: (object) => this.graph.observe(group, kind, object),
          updated: (object) => this.graph.observe(group, kind, object),
          deleted: (object) => this.graph.forget(peekMeta(object).uid ?? ''),
        },
        { controller: CONTROLLER },
      );
      await informer.start();
      this.informers.push(informer);
      if (this.closed) {
        await informer.close();
        return;
      }
    }
    this.deleteQueue.start();
    this.orphanQueue.start();
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.informers.map((i) => i.close()));
    await Promise.all([this.deleteQueue.close(), this.orphanQueue.close()]);
  }

  /** Work still queued or running (tests and metrics). */
  get pending(): number {
    return this.deleteQueue.length + this.orphanQueue.length;
  }

  // ---- reading ------------------------------------------------------------------------------

  private storeOf(identity: { group: string; kind: string }): Store | undefined {
    return this.byKind.get(`${identity.group}/${identity.kind}`);
  }

  /** The object an identity names, if it still exists with that uid. */
  private async current(store: Store, identity: ObjectIdentity): Promise<KObject | undefined> {
    try {
      const object = await store.get(controllerContext(store.namespaced ? identity.namespace : '', CONTROLLER), identity.name);
      return peekMeta(object).uid === identity.uid ? object : undefined;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /**
   * Sorts a dependent's references into owners that exist (solid), are gone or replaced
   * (dangling), and are being deleted in the foreground (waiting); undefined when one cannot be
   * judged (a kind no store serves, or a namespaced owner of a cluster-scoped object).
   */
  private async classify(dependent: ObjectIdentity, dependentNamespaced: boolean, references: OwnerReference[]): Promise<Classified> {
    const result = { solid: [] as OwnerReference[], dangling: [] as OwnerReference[], waiting: [] as OwnerReference[] };
    for (const reference of references) {
      const store = this.byKind.get(`${groupOf(reference.apiVersion)}/${reference.kind ?? ''}`);
      if (!store || (store.namespaced && !dependentNamespaced)) return undefined;
      const identity = { group: store.kind.group, kind: store.kind.kind, namespace: store.namespaced ? dependent.namespace : '', name: reference.name ?? '', uid: reference.uid ?? '' };
      // absence is remembered per namespace: the same uid looked up elsewhere is another question
      const absentKey = `${identity.namespace}/${identity.uid}`;
      const owner = identity.name === '' || this.absentOwners.has(absentKey) ? undefined : await this.current(store, identity);
      if (!owner) {
        this.rememberAbsent(absentKey);
        result.dangling.push(reference);
      } else if (isDeletingDependents(owner)) result.waiting.push(reference);
      else result.solid.push(reference);
    }
    return result;
  }

  private rememberAbsent(key: string): void {
    this.absentOwners.delete(key);
    this.absentOwners.add(key);
    if (this.absentOwners.size > ABSENT_OWNERS_REMEMBERED) this.absentOwners.delete(this.absentOwners.values().next().value as string);
  }

  // ---- attemptToDelete ----------------------------------------------------------------------

  private async attemptToDelete(uid: string): Promise<void> {
    const node = this.graph.node(uid);
    if (!node) return;
    const store = this.storeOf(node.identity);
    if (!store) return;
    const latest = await this.current(store, node.identity);
    if (!latest) {
      // gone, or replaced by an object of the same name: its dependents are to be judged again
      this.graph.forget(uid);
      return;
    }
    if (!node.observed) return; // the owner exists; its informer will report it
    const meta = peekMeta(latest);
    const deletingDependents = isDeletingDependents(latest);
    if (meta.deletionTimestamp && !deletingDependents) return; // on its way out already
    if (deletingDependents) return this.processDeletingDependents(store, node);
    const references = (meta.ownerReferences ?? []).filter((r) => typeof r?.uid === 'string' && r.uid !== '');
    if (references.length === 0) return;
    const classified = await this.classify(node.identity, store.namespaced, references);
    if (!classified) return;
    const { solid, dangling, waiting } = classified;
    if (solid.length > 0) {
      const drop = new Set([...dangling, ...waiting].map((r) => r.uid ?? ''));
      if (drop.size > 0) await this.dropReferences(store, node.identity, drop);
      return;
    }
    if (waiting.length > 0 && node.dependents.size > 0) {
      // deleting it in the foreground makes the waiting owners wait for its dependents too; a
      // dependent that is itself deleting dependents may close a cycle, which unblocking breaks
      if (node.validDependents().some((d) => d.deletingDependents)) await this.unblockReferences(store, node.identity);
      await this.deleteObject(store, node.identity, 'Foreground');
      return;
    }
    const finalizers = meta.finalizers ?? [];
    const policy = finalizers.includes(FINALIZER_ORPHAN_DEPENDENTS) ? 'Orphan' : finalizers.includes(FINALIZER_DELETE_DEPENDENTS) ? 'Foreground' : 'Background';
    await this.deleteObject(store, node.identity, policy);
  }

  /** An owner deleted in the foreground: its blocking dependents go first, then its finalizer. */
  private async processDeletingDependents(store: Store, node: GraphNode): Promise<void> {
    const blocking = node.blockingDependents();
    if (blocking.length === 0) {
      await this.removeFinalizer(store, node.identity, FINALIZER_DELETE_DEPENDENTS);
      return;
    }
    for (const dependent of blocking) if (!dependent.beingDeleted) this.deleteQueue.add(dependent.uid);
  }

  // ---- attemptToOrphan ----------------------------------------------------------------------

  /** An owner deleted with the orphan finalizer: its dependents lose their references to it, then it loses the finalizer. */
  private async attemptToOrphan(uid: string): Promise<void> {
    const node = this.graph.node(uid);
    if (!node || !node.observed) return;
    const store = this.storeOf(node.identity);
    if (!store) return;
    const latest = await this.current(store, node.identity);
    if (!latest) return;
    const meta = peekMeta(latest);
    if (!meta.deletionTimestamp || !(meta.finalizers ?? []).includes(FINALIZER_ORPHAN_DEPENDENTS)) return;
    for (const dependent of node.validDependents()) {
      const dependentStore = this.storeOf(dependent.identity);
      if (dependentStore) await this.dropReferences(dependentStore, dependent.identity, new Set([uid]));
    }
    await this.removeFinalizer(store, node.identity, FINALIZER_ORPHAN_DEPENDENTS);
  }

  // ---- writing ------------------------------------------------------------------------------

  private async deleteObject(store: Store, identity: ObjectIdentity, propagationPolicy: 'Foreground' | 'Background' | 'Orphan'): Promise<void> {
    const deleter = this.options.deleterFor?.(store) ?? store;
    const options: DeleteOptions = { propagationPolicy, preconditions: { uid: identity.uid } };
    try {
      await deleter.delete(controllerContext(identity.namespace, CONTROLLER), identity.name, { options });
    } catch (error) {
      // already gone, or replaced by a new object of the same name (uid precondition)
      if (!isNotFound(error) && !isConflict(error)) throw error;
    }
  }

  /** A compare-and-swap change of one object of the given uid; `change` returns false to leave it. */
  private async modify(store: Store, identity: ObjectIdentity, change: (object: KObject) => boolean): Promise<void> {
    try {
      await store.update(controllerContext(identity.namespace, CONTROLLER), identity.name, {
        preconditions: () => ({ uid: identity.uid }),
        updatedObject: (existing) => {
          if (!change(existing)) throw UNCHANGED;
          return existing;
        },
      });
    } catch (error) {
      if (error === UNCHANGED || isNotFound(error)) return;
      if (isConflict(error) && !(await this.current(store, identity))) return;
      throw error;
    }
  }

  private dropReferences(store: Store, identity: ObjectIdentity, uids: ReadonlySet<string>): Promise<void> {
    return this.modify(store, identity, (object) => {
      const meta = metaOf(object);
      const references = meta.ownerReferences ?? [];
      const kept = references.filter((r) => !uids.has(r.uid ?? ''));
      if (kept.length === references.length) return false;
      if (kept.length > 0) meta.ownerReferences = kept;
      else delete meta.ownerReferences;
      return true;
    });
  }

  private unblockReferences(store: Store, identity: ObjectIdentity): Promise<void> {
    return this.modify(store, identity, (object) => {
      const references = metaOf(object).ownerReferences ?? [];
      const blocking = references.filter((r) => r.blockOwnerDeletion === true);
      for (const reference of blocking) reference.blockOwnerDeletion = false;
      return blocking.length > 0;
    });
  }

  private removeFinalizer(store: Store, identity: ObjectIdentity, finalizer: string): Promise<void> {
    return this.modify(store, identity, (object) => {
      const meta = metaOf(object);
      const finalizers = meta.finalizers ?? [];
      if (!finalizers.includes(finalizer)) return false;
      const kept = finalizers.filter((f) => f !== finalizer);
      if (kept.length > 0) meta.finalizers = kept;
      else delete meta.finalizers;
      return true;
    });
  }
}

function isDeletingDependents(object: KObject): boolean {
  const meta = peekMeta(object);
  return Boolean(meta.deletionTimestamp) && (meta.finalizers ?? []).includes(FINALIZER_DELETE_DEPENDENTS);
}

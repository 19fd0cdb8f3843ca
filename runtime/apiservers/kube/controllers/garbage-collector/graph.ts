/**
 * The garbage collector's view of ownership (upstream's GraphBuilder and uidToNode): a node per
 * object uid, linked to the owners its ownerReferences name and to the dependents naming it.
 * Owners referenced before they are seen are virtual nodes, to be checked with a lookup. The
 * graph only records and queues: every change enqueues the uids whose state it may have
 * settled, and the collector decides by reading the objects themselves.
 */
import { peekMeta, type KObject, type OwnerReference } from '../../../../registry/meta.js';
import { FINALIZER_DELETE_DEPENDENTS, FINALIZER_ORPHAN_DEPENDENTS } from '../../../../registry/validation.js';

/** Where an object lives: its group and kind, namespace ('' when cluster-scoped), name and uid. */
export interface ObjectIdentity {
  readonly group: string;
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly uid: string;
}

export class GraphNode {
  /** Seen through an informer; false for an owner known only from a reference. */
  observed: boolean;
  /** The object's ownerReferences that carry a uid. */
  owners: OwnerReference[] = [];
  readonly dependents = new Set<GraphNode>();
  /** deletionTimestamp is set. */
  beingDeleted = false;
  /** Being deleted with the foregroundDeletion finalizer: waits for its blocking dependents. */
  deletingDependents = false;

  constructor(
    public identity: ObjectIdentity,
    observed: boolean,
  ) {
    this.observed = observed;
  }

  get uid(): string {
    return this.identity.uid;
  }

  /** Dependents that can really be this owner's: a namespaced owner only has dependents in its namespace. */
  validDependents(): GraphNode[] {
    const ns = this.identity.namespace;
    return [...this.dependents].filter((d) => ns === '' || d.identity.namespace === ns);
  }

  /** Dependents whose reference to this node has blockOwnerDeletion: a foreground deletion waits for them. */
  blockingDependents(): GraphNode[] {
    return this.validDependents().filter((d) => d.owners.some((r) => r.uid === this.uid && r.blockOwnerDeletion === true));
  }
}

/** What the graph needs to know about kinds: an owner reference's group, and whether its kind is namespaced. */
export interface KindScope {
  /** true / false for a known kind, undefined for a kind no store serves. */
  namespaced(group: string, kind: string): boolean | undefined;
}

export interface GraphQueues {
  /** The object may have to be deleted, lose references, or (deleting dependents) lose its finalizer. */
  attemptToDelete(uid: string): void;
  /** The object is being deleted with the orphan finalizer. */
  attemptToOrphan(uid: string): void;
}

/** The API group of an ownerReference's apiVersion (`apps/v1` → `apps`, `v1` → ''). */
export function groupOf(apiVersion: string | undefined): string {
  const value = apiVersion ?? '';
  const slash = value.indexOf('/');
  return slash < 0 ? '' : value.slice(0, slash);
}

function referencesOf(object: KObject): OwnerReference[] {
  return (peekMeta(object).ownerReferences ?? []).filter((r) => typeof r?.uid === 'string' && r.uid !== '');
}

export class OwnershipGraph {
  private readonly nodes = new Map<string, GraphNode>();

  constructor(
    private readonly kinds: KindScope,
    private readonly queues: GraphQueues,
  ) {}

  get size(): number {
    return this.nodes.size;
  }

  node(uid: string): GraphNode | undefined {
    return this.nodes.get(uid);
  }

  /** An object was added or changed (processGraphChanges for add and update events). */
  observe(group: string, kind: string, object: KObject): void {
    const meta = peekMeta(object);
    const uid = meta.uid;
    if (!uid) return;
    const identity: ObjectIdentity = { group, kind, namespace: meta.namespace ?? '', name: meta.name ?? '', uid };
    const references = referencesOf(object);
    let node = this.nodes.get(uid);
    if (!node) {
      node = new GraphNode(identity, true);
      this.nodes.set(uid, node);
      node.owners = references;
      for (const reference of references) this.link(node, reference);
      // a dependent that appears under an owner already deleting its dependents goes too
      if (references.some((r) => this.nodes.get(r.uid ?? '')?.deletingDependents)) this.queues.attemptToDelete(uid);
    } else {
      if (!node.observed) {
        node.observed = true;
        node.identity = identity;
      }
      this.updateOwners(node, references);
    }
    const finalizers = meta.finalizers ?? [];
    const wasDeletingDependents = node.deletingDependents;
    node.beingDeleted = Boolean(meta.deletionTimestamp);
    node.deletingDependents = node.beingDeleted && finalizers.includes(FINALIZER_DELETE_DEPENDENTS);
    if (node.beingDeleted && finalizers.includes(FINALIZER_ORPHAN_DEPENDENTS)) this.queues.attemptToOrphan(uid);
    if (node.deletingDependents) {
      if (!wasDeletingDependents) for (const dependent of node.validDependents()) this.queues.attemptToDelete(dependent.uid);
      this.queues.attemptToDelete(uid);
    }
  }

  /** An object is gone (a delete event, or a lookup found it missing or replaced). */
  forget(uid: string): void {
    const node = this.nodes.get(uid);
    if (!node) return;
    this.nodes.delete(uid);
    for (const reference of node.owners) this.unlink(node, reference.uid ?? '');
    for (const dependent of node.dependents) this.queues.attemptToDelete(dependent.uid);
  }

  private updateOwners(node: GraphNode, references: OwnerReference[]): void {
    const before = new Map(node.owners.map((r) => [r.uid ?? '', r]));
    const after = new Map(references.map((r) => [r.uid ?? '', r]));
    node.owners = references;
    for (const [uid, old] of before) {
      const current = after.get(uid);
      if (!current) {
        this.unlink(node, uid);
        continue;
      }
      // a reference that stopped blocking may let a foreground deletion finish
      if (old.blockOwnerDeletion === true && current.blockOwnerDeletion !== true) {
        const owner = this.nodes.get(uid);
        if (owner?.deletingDependents) this.queues.attemptToDelete(uid);
      }
    }
    for (const [uid, reference] of after) if (!before.has(uid)) this.link(node, reference);
  }

  private link(node: GraphNode, reference: OwnerReference): void {
    const uid = reference.uid ?? '';
    let owner = this.nodes.get(uid);
    if (!owner) {
      const group = groupOf(reference.apiVersion);
      const kind = reference.kind ?? '';
      const namespaced = this.kinds.namespaced(group, kind);
      const namespace = namespaced === false ? '' : node.identity.namespace;
      owner = new GraphNode({ group, kind, namespace, name: reference.name ?? '', uid }, false);
      this.nodes.set(uid, owner);
      this.queues.attemptToDelete(uid);
    }
    owner.dependents.add(node);
  }

  private unlink(node: GraphNode, ownerUid: string): void {
    const owner = this.nodes.get(ownerUid);
    if (!owner) return;
    owner.dependents.delete(node);
    if (owner.deletingDependents) this.queues.attemptToDelete(ownerUid);
    // a virtual owner nobody references any more is forgotten
    if (!owner.observed && owner.dependents.size === 0) this.nodes.delete(ownerUid);
  }
}

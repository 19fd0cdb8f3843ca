/**
 * Keeps one named object in every active namespace, as the serviceaccounts controller keeps
 * `default` and the root CA publisher keeps `kube-root-ca.crt`: a namespace that appears (or
 * changes while Active) and the object's own changes and deletion queue the namespace; its sync
 * creates the object when missing and repairs it when it drifted. Terminating namespaces are
 * left alone.
 */
import { isAlreadyExists, isNotFound } from '../../../machinery/errors.js';
import { parseFieldSelector } from '../../../machinery/selectors/fields.js';
import { peekMeta, type KObject } from '../../../registry/meta.js';
import type { Store } from '../../../registry/store.js';
import { controllerContext } from './context.js';
import { StoreInformer } from './informer.js';
import { WorkQueue } from './work-queue.js';

export interface NamespaceObjectSpec {
  /** The controller's name (the identity its writes are made as). */
  readonly controller: string;
  /** The object's name in each namespace. */
  readonly name: string;
  /** The object to create in `namespace`. */
  desired(namespace: string): KObject;
  /** Changes a copy of the existing object back to what it must hold; false when it already does. */
  repair?(existing: KObject): boolean;
}

function isActive(namespace: KObject): boolean {
  return !peekMeta(namespace).deletionTimestamp && (namespace['status'] as { phase?: string } | undefined)?.phase === 'Active';
}

export class NamespaceObjectController {
  private readonly queue: WorkQueue;
  private readonly informers: StoreInformer[] = [];
  private closed = false;

  constructor(
    private readonly namespaces: Store,
    private readonly objects: Store,
    private readonly spec: NamespaceObjectSpec,
  ) {
    this.queue = new WorkQueue((namespace) => this.sync(namespace));
  }

  async start(): Promise<void> {
    const enqueueNamespace = (ns: KObject): void => {
      if (isActive(ns)) this.queue.add(peekMeta(ns).name ?? '');
    };
    const enqueueOwner = (object: KObject): void => {
      const namespace = peekMeta(object).namespace;
      if (namespace) this.queue.add(namespace);
    };
    const controller = this.spec.controller;
    this.informers.push(new StoreInformer(this.namespaces, { added: enqueueNamespace, updated: enqueueNamespace, deleted: () => {} }, { controller }));
    this.informers.push(
      new StoreInformer(
        this.objects,
        { added: this.spec.repair ? enqueueOwner : () => {}, updated: this.spec.repair ? enqueueOwner : () => {}, deleted: enqueueOwner },
        { controller, fieldSelector: parseFieldSelector(`metadata.name=${this.spec.name}`) },
      ),
    );
    for (const informer of this.informers) {
      if (this.closed) return;
      await informer.start();
    }
    this.queue.start();
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.informers.map((i) => i.close()));
    await this.queue.close();
  }

  /** Work still queued or running. */
  get pending(): number {
    return this.queue.length;
  }

  private async sync(namespace: string): Promise<void> {
    const controller = this.spec.controller;
    try {
      if (!isActive(await this.namespaces.get(controllerContext('', controller), namespace))) return;
    } catch (error) {
      if (isNotFound(error)) return;
      throw error;
    }
    const ctx = controllerContext(namespace, controller);
    let existing: KObject | undefined;
    try {
      existing = await this.objects.get(ctx, this.spec.name);
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    if (!existing) {
      try {
        await this.objects.create(ctx, this.spec.desired(namespace));
      } catch (error) {
        if (!isAlreadyExists(error)) throw error;
      }
      return;
    }
    const repair = this.spec.repair;
    if (!repair) return;
    const uid = peekMeta(existing).uid;
    const UNCHANGED = Symbol('unchanged');
    try {
      await this.objects.update(ctx, this.spec.name, {
        preconditions: () => ({ uid }),
        updatedObject: (current) => {
          if (!repair(current)) throw UNCHANGED;
          return current;
        },
      });
    } catch (error) {
      if (error === UNCHANGED || isNotFound(error)) return;
      throw error;
    }
  }
}

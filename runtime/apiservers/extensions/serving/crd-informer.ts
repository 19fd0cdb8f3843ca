/**
 * The CustomResourceDefinitions the extensions tier knows, kept current by a list and a watch of
 * the CRD Store (apiextensions-apiserver's shared CRD informer), on the kube tier's StoreInformer
 * (paged lists, resumed watches, relists diffed after a 410). Serving, the controllers and
 * OpenAPI all read it: `list()` and `get(name)` are synchronous, `generation()` changes whenever
 * any CRD does (a cheap cache key), and listeners hear each change with the CRD's last state.
 */
import type { CustomResourceDefinition } from '../../../../api-definitions/apiextensions/v1/types.js';
import type { KObject } from '../../../registry/meta.js';
import type { Lister, Watcher } from '../../../registry/rest.js';
import { StoreInformer } from '../../kube/controllers/informer.js';

/** What the informer reads CRDs from: the CRD Store (its list and watch). */
export type CRDSource = Lister & Watcher;

export interface CRDChange {
  readonly type: 'ADDED' | 'MODIFIED' | 'DELETED';
  /** The CRD now (for DELETED, its last state). Shared: read-only. */
  readonly crd: CustomResourceDefinition;
  /** The CRD before a MODIFIED. */
  readonly old?: CustomResourceDefinition;
}

export type CRDListener = (change: CRDChange) => void;

export interface CRDInformerOptions {
  /** First delay before a failed watch is retried (doubled per failure). Default 100 ms. */
  readonly retryDelayMs?: number;
  /** Reports a listener's failure (the informer carries on). */
  readonly onError?: (error: unknown) => void;
}

const nameOf = (crd: CustomResourceDefinition): string => crd.metadata?.name ?? '';
const asCRD = (object: KObject): CustomResourceDefinition => object as unknown as CustomResourceDefinition;
const resourceVersionOf = (crd: CustomResourceDefinition): string => crd.metadata?.resourceVersion ?? '';

export class CRDInformer {
  private readonly crds = new Map<string, CustomResourceDefinition>();
  private readonly listeners = new Set<CRDListener>();
  private changes = 0;
  private closed = false;
  private informer: StoreInformer | undefined;
  private starting: Promise<void> | undefined;

  constructor(
    private readonly source: Promise<CRDSource> | CRDSource,
    private readonly options: CRDInformerOptions = {},
  ) {}

  /** Starts listing and watching (once); resolves when the first list is in. */
  start(): Promise<void> {
    this.starting ??= (async () => {
      const store = await this.source;
      if (this.closed) return;
      const handler = {
        added: (object: KObject) => this.put(asCRD(object)),
        updated: (object: KObject) => this.put(asCRD(object)),
        deleted: (object: KObject) => this.remove(nameOf(asCRD(object))),
      };
      this.informer = new StoreInformer(store, handler, { controller: 'apiextensions-crd-informer', retryDelayMs: this.options.retryDelayMs });
      await this.informer.start();
    })();
    return this.starting;
  }

  /** Resolves once the first list is in (rejects if it could not be taken). */
  get synced(): Promise<void> {
    return this.start();
  }

  /** Every known CRD, in name order. Shared objects: read-only. */
  list(): CustomResourceDefinition[] {
    return [...this.crds.values()].sort((a, b) => (nameOf(a) < nameOf(b) ? -1 : nameOf(a) > nameOf(b) ? 1 : 0));
  }

  get(name: string): CustomResourceDefinition | undefined {
    return this.crds.get(name);
  }

  /** A number that changes whenever a CRD is added, changed or removed. */
  generation(): number {
    return this.changes;
  }

  /** Calls `listener` on every change from now on; returns the function that stops it. */
  onChange(listener: CRDListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    // a start still waiting for the Store sees `closed` and does nothing
    await this.informer?.close();
  }

  private put(crd: CustomResourceDefinition): void {
    const name = nameOf(crd);
    const old = this.crds.get(name);
    // a relist hands every object again: only real changes are reported
    if (old && resourceVersionOf(old) === resourceVersionOf(crd)) return;
    this.crds.set(name, crd);
    this.emit(old ? { type: 'MODIFIED', crd, old } : { type: 'ADDED', crd });
  }

  private remove(name: string): void {
    const old = this.crds.get(name);
    if (!old) return;
    this.crds.delete(name);
    this.emit({ type: 'DELETED', crd: old });
  }

  private emit(change: CRDChange): void {
    this.changes++;
    for (const listener of [...this.listeners]) {
      try {
        listener(change);
      } catch (error) {
        this.options.onError?.(error);
      }
    }
  }
}

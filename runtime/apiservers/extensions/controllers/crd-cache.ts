/**
 * The controllers' view of the CustomResourceDefinitions: fed by the CRD informer and by the
 * controllers' own writes (upstream's naming controller keeps a mutation cache for the same
 * reason), so a controller that has just accepted a name sees it at once, before its watch event
 * arrives. An entry only moves forward in resourceVersion, so a late event cannot bring back an
 * older state. Each new state is told to the listeners once, whether it came from the informer or
 * from a write.
 */
import type { CustomResourceDefinition } from '../../../../api-definitions/apiextensions/v1/types.js';

/** resourceVersions are decimal store revisions; a missing or odd one counts as oldest. */
function revision(crd: CustomResourceDefinition): bigint {
  const rv = crd.metadata?.resourceVersion ?? '';
  return /^[0-9]+$/.test(rv) ? BigInt(rv) : -1n;
}

export interface CRDCacheListener {
  changed(crd: CustomResourceDefinition, previous: CustomResourceDefinition | undefined): void;
  deleted(crd: CustomResourceDefinition): void;
}

export class CRDCache {
  private readonly listeners: CRDCacheListener[] = [];
  private readonly crds = new Map<string, CustomResourceDefinition>();
  /** Names deleted at a revision: a late event of an older state must not bring them back. */
  private readonly gone = new Map<string, bigint>();

  /**
   * Takes in a state of a CRD unless a newer one is known; returns the state it replaced (the
   * previous one) and whether it was taken.
   */
  observe(crd: CustomResourceDefinition): { readonly previous?: CustomResourceDefinition; readonly taken: boolean } {
    const name = crd.metadata?.name ?? '';
    const previous = this.crds.get(name);
    const rv = revision(crd);
    if (previous && revision(previous) > rv) return { previous, taken: false };
    const goneAt = this.gone.get(name);
    if (goneAt !== undefined) {
      if (goneAt >= rv) return { previous, taken: false };
      this.gone.delete(name);
    }
    this.crds.set(name, crd);
    if (previous?.metadata?.resourceVersion !== crd.metadata?.resourceVersion) for (const l of this.listeners) l.changed(crd, previous);
    return { previous, taken: true };
  }

  subscribe(listener: CRDCacheListener): void {
    this.listeners.push(listener);
  }

  /** The CRD is gone (its last state, or a tombstone with only its name). */
  forget(crd: CustomResourceDefinition): CustomResourceDefinition | undefined {
    const name = crd.metadata?.name ?? '';
    const previous = this.crds.get(name);
    this.crds.delete(name);
    const rv = revision(crd);
    if (rv >= 0n) this.gone.set(name, rv);
    // bounded: the guard only matters for events in flight, so old entries can go
    if (this.gone.size > 4096) this.gone.delete(this.gone.keys().next().value!);
    for (const l of this.listeners) l.deleted(crd);
    return previous;
  }

  get(name: string): CustomResourceDefinition | undefined {
    return this.crds.get(name);
  }

  list(): CustomResourceDefinition[] {
    return [...this.crds.values()];
  }

  /** The CRDs of a group, except `exceptName`. */
  inGroup(group: string, exceptName?: string): CustomResourceDefinition[] {
    return this.list().filter((crd) => crd.spec?.group === group && crd.metadata?.name !== exceptName);
  }
}

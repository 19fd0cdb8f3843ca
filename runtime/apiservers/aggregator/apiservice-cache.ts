/**
 * The APIServices the aggregator acts on, kept in memory from an informer over the
 * `apiservices` Store (the aggregator's APIServiceLister): the proxy looks up a request's
 * group-version here on every request, so nothing on the request path touches storage.
 */
import type { KObject } from '../../registry/meta.js';
import { peekMeta } from '../../registry/meta.js';
import type { Lister, Watcher } from '../../registry/rest.js';
import { StoreInformer } from '../kube/controllers/informer.js';
import type { APIService } from './apiservice.js';

/** Told the name of an APIService that was added, changed or removed (`current` undefined). */
export type APIServiceListener = (name: string, current: APIService | undefined, previous: APIService | undefined) => void;

export class APIServiceCache {
  private readonly byName = new Map<string, APIService>();
  private readonly byGroupVersion = new Map<string, APIService>();
  private readonly listeners: APIServiceListener[] = [];
  private readonly informer: StoreInformer;
  private generationCounter = 0;

  constructor(store: Lister & Watcher) {
    const put = (object: KObject): void => this.put(object as unknown as APIService);
    this.informer = new StoreInformer(
      store,
      { added: put, updated: put, deleted: (object) => this.remove(peekMeta(object).name ?? '') },
      { controller: 'kube-aggregator' },
    );
  }

  /** Lists every APIService, then follows changes in the background. */
  start(): Promise<void> {
    return this.informer.start();
  }

  close(): Promise<void> {
    return this.informer.close();
  }

  /** Changes with every add, update and removal (cheap to compare per request). */
  get generation(): number {
    return this.generationCounter;
  }

  onChange(listener: APIServiceListener): void {
    this.listeners.push(listener);
  }

  get(name: string): APIService | undefined {
    return this.byName.get(name);
  }

  /** The APIService serving `group/version`, if one is registered. */
  forGroupVersion(group: string, version: string): APIService | undefined {
    return this.byGroupVersion.get(`${group}/${version}`);
  }

  list(): APIService[] {
    return [...this.byName.values()];
  }

  private put(service: APIService): void {
    const name = service.metadata?.name ?? '';
    const previous = this.byName.get(name);
    if (previous) this.byGroupVersion.delete(gvKey(previous));
    this.byName.set(name, service);
    this.byGroupVersion.set(gvKey(service), service);
    this.changed(name, service, previous);
  }

  private remove(name: string): void {
    const previous = this.byName.get(name);
    if (!previous) return;
    this.byName.delete(name);
    if (this.byGroupVersion.get(gvKey(previous)) === previous) this.byGroupVersion.delete(gvKey(previous));
    this.changed(name, undefined, previous);
  }

  private changed(name: string, current: APIService | undefined, previous: APIService | undefined): void {
    this.generationCounter++;
    for (const listener of this.listeners) {
      try {
        listener(name, current, previous);
      } catch {
        // listeners only queue work
      }
    }
  }
}

function gvKey(service: APIService): string {
  return `${service.spec?.group ?? ''}/${service.spec?.version ?? ''}`;
}

/**
 * The dynamic REST endpoints of custom resources (apiextensions-apiserver's crdHandler): a
 * route matcher on the extensions server that claims `/apis/<group>/<version>/…` while some CRD
 * serves that group-version, and the handler that finds the CRD of the request's resource and
 * hands the request to that CRD's serving (built on first use, rebuilt when the CRD changes,
 * closed when it goes). A CRD is served while its names are accepted or it is Established; a
 * terminating CRD refuses creates with 405.
 */
import type { CustomResourceDefinition } from '../../../../api-definitions/apiextensions/v1/types.js';
import { goQuote, newGenericServerResponse, newMethodNotSupported } from '../../../machinery/errors.js';
import { writeStatus, type KapiContext, type RequestHandler } from '../../../server/context.js';
import { isConditionTrue } from '../naming/conditions.js';
import type { CRDChange, CRDInformer } from './crd-informer.js';
import type { Store } from '../../../registry/store.js';
import { storageVersionOf, versionOf } from './resource-info.js';
import { CRDServingInfo, servingKey, type ServingDependencies } from './serving-info.js';

export interface CustomResourceHandlerOptions extends ServingDependencies {
  readonly informer: CRDInformer;
  /** Reports a failure to close a CRD's watch cache. */
  readonly onError?: (error: unknown) => void;
  /** How long a replaced or removed CRD's serving stays open for requests already using it. Default 2 s. */
  readonly retireAfterMs?: number;
}

const nameOf = (crd: CustomResourceDefinition): string => crd.metadata?.name ?? '';

/** Whether requests for the CRD's resources are served at all (upstream: NamesAccepted or Established). */
export function isServed(crd: CustomResourceDefinition): boolean {
  return isConditionTrue(crd, 'NamesAccepted') || isConditionTrue(crd, 'Established');
}

export function isTerminating(crd: CustomResourceDefinition): boolean {
  return isConditionTrue(crd, 'Terminating');
}

/** The `Warning` text of a request to a deprecated version, or undefined. */
export function deprecationWarning(crd: CustomResourceDefinition, version: string): string | undefined {
  const v = versionOf(crd, version);
  if (!v?.deprecated) return undefined;
  return v.deprecationWarning ?? `${crd.spec.group}/${version} ${crd.spec.names.kind} is deprecated`;
}

export class CustomResourceHandler {
  private readonly infos = new Map<string, CRDServingInfo>();
  /** Servings replaced or removed, closed after a grace period (or when the handler closes). */
  private readonly retiring = new Map<CRDServingInfo, NodeJS.Timeout>();
  private readonly stopListening: () => void;
  /** `<group>/<version>` pairs some served CRD serves, recomputed when the informer's generation moves. */
  private servedGroupVersions = new Set<string>();
  private indexedGeneration = -1;
  private readonly handle: RequestHandler = (ctx) => this.serve(ctx);

  constructor(private readonly options: CustomResourceHandlerOptions) {
    this.stopListening = options.informer.onChange((change) => this.changed(change));
  }

  /** For `server.mux.handleMatcher`: this handler when the path is a served custom resource group-version's. */
  readonly matcher = (path: string): RequestHandler | undefined => {
    if (!path.startsWith('/apis/')) return undefined;
    const parts = path.split('/');
    // ['', 'apis', group, version, resource…]: the group and version documents belong to discovery
    if (parts.length < 5 || parts[4] === '') return undefined;
    return this.groupVersions().has(`${parts[2]}/${parts[3]}`) ? this.handle : undefined;
  };

  /** The serving of a CRD's current state (tests and other parts of the tier read its Stores). */
  servingFor(crd: CustomResourceDefinition): CRDServingInfo {
    const name = nameOf(crd);
    const existing = this.infos.get(name);
    if (existing && existing.key === servingKey(crd)) return existing;
    const info = new CRDServingInfo(crd, this.options);
    this.infos.set(name, info);
    if (existing) this.retire(existing);
    return info;
  }

  /**
   * One Store per served, namespaced CRD (every version's Store reaches the same objects): what a
   * terminating namespace must be emptied of.
   */
  *namespacedStores(): Iterable<Store> {
    for (const crd of this.options.informer.list()) {
      if (!isServed(crd) || crd.spec.scope !== 'Namespaced') continue;
      const stores = this.servingFor(crd).stores;
      const store = stores.get(storageVersionOf(crd) ?? '') ?? stores.values().next().value;
      if (store) yield store;
    }
  }

  async close(): Promise<void> {
    this.stopListening();
    const infos = [...this.infos.values(), ...this.retiring.keys()];
    for (const timer of this.retiring.values()) clearTimeout(timer);
    this.infos.clear();
    this.retiring.clear();
    await Promise.all(infos.map((info) => info.close()));
  }

  private groupVersions(): Set<string> {
    const generation = this.options.informer.generation();
    if (generation !== this.indexedGeneration) {
      const served = new Set<string>();
      for (const crd of this.options.informer.list()) {
        if (!isServed(crd)) continue;
        for (const v of crd.spec.versions ?? []) if (v.served) served.add(`${crd.spec.group}/${v.name}`);
      }
      this.servedGroupVersions = served;
      this.indexedGeneration = generation;
    }
    return this.servedGroupVersions;
  }

  private changed(change: CRDChange): void {
    const name = nameOf(change.crd);
    const info = this.infos.get(name);
    if (!info) return;
    if (change.type !== 'DELETED' && servingKey(change.crd) === info.key) return;
    this.infos.delete(name);
    this.retire(info);
  }

  /**
   * Closes a serving that is no longer current once requests that already hold its Stores had
   * time to finish (its watches then end, and clients watch again on the new one).
   */
  private retire(info: CRDServingInfo): void {
    const timer = setTimeout(() => {
      this.retiring.delete(info);
      info.close().catch((error: unknown) => this.options.onError?.(error));
    }, this.options.retireAfterMs ?? 2000);
    timer.unref();
    this.retiring.set(info, timer);
  }

  private async serve(ctx: KapiContext): Promise<void> {
    const request = ctx.state.requestInfo;
    const crd = request.isResourceRequest ? this.options.informer.get(`${request.resource}.${request.apiGroup}`) : undefined;
    const version = crd ? versionOf(crd, request.apiVersion) : undefined;
    if (!crd || !version?.served || !isServed(crd)) {
      writeStatus(ctx, newGenericServerResponse(404));
      return;
    }
    if (request.verb === 'create' && isTerminating(crd)) {
      const error = newMethodNotSupported({ group: request.apiGroup, resource: request.resource }, request.verb);
      error.status.message = `${request.verb} not allowed while custom resource definition is terminating`;
      writeStatus(ctx, error);
      return;
    }
    const handler = this.servingFor(crd).handler(request.apiVersion);
    if (!handler) {
      writeStatus(ctx, newGenericServerResponse(404));
      return;
    }
    const warning = deprecationWarning(crd, request.apiVersion);
    if (warning !== undefined) ctx.append('Warning', `299 - ${goQuote(warning)}`);
    await handler(ctx);
  }
}

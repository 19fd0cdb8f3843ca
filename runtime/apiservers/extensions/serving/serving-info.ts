/**
 * Everything that serves one CRD, built from one state of it (apiextensions-apiserver's
 * crdInfo): each version's schema compiled once, the CRD's Scheme, one watch cache over its keys
 * `/registry/<group>/<plural>`, and per served version a Store (over the converting storage,
 * with the version's strategy) and its REST storages — the resource, `status` and `scale` —
 * served by the same RestAPIInstaller, handlers and admission chain as the built-in groups.
 * Built again when the CRD's spec or accepted names change; closed (its watches ended) when it
 * is replaced or the CRD goes.
 */
import type { CustomResourceDefinition } from '../../../../api-definitions/apiextensions/v1/types.js';
import type { AdmissionChain } from '../../../admission/interfaces.js';
import type { EndpointHandler } from '../../../endpoints/handlers/context.js';
import type { PatchApplier } from '../../../endpoints/handlers/scope.js';
import { RestAPIInstaller } from '../../../endpoints/installer.js';
import type { Scheme } from '../../../machinery/scheme.js';
import type { RestStorage } from '../../../registry/rest.js';
import { Store } from '../../../registry/store.js';
import { newStatusStrategy, newStrategy } from '../../../registry/strategy.js';
import { resourceRest, scaleRest, statusRest } from '../../../registry/subresources.js';
import { Cacher } from '../../../storage/cacher/cacher.js';
import type { Storage } from '../../../storage/interface.js';
import type { AsyncCustomResourceConverter } from '../conversion/converter.js';
import { compileVersionSchema, type CompiledVersionSchema } from '../schema/compile.js';
import type { Schema } from '../schema/schema.js';
import { ConvertingStorage } from './converting-storage.js';
import { customResourceInfo, servedNames, storageVersionOf } from './resource-info.js';
import { CustomResourceScheme } from './scheme.js';
import { customResourceStrategyHooks } from './strategy.js';
import { customResourceTable } from './table.js';
import { customResourceFieldChecker } from './unknown-fields.js';
import { servedVersions } from './version-priority.js';

/** What every CRD's serving shares with the rest of the server. */
export interface ServingDependencies {
  /** The server's storage (the CRD's watch cache sits on it). */
  readonly storage: Storage;
  /** The server's scheme, for the kinds of other groups (autoscaling/v1 Scale). */
  readonly scheme: Scheme;
  readonly admission: AdmissionChain;
  /** JSON and merge patch; strategic merge patch is not offered for custom resources (415). */
  readonly patcher: PatchApplier;
  /** Watch cache capacity per `<plural>.<group>`, as --watch-cache-sizes; 0 serves uncached. */
  readonly watchCacheSizes?: ReadonlyMap<string, number>;
  readonly converterFor: (crd: CustomResourceDefinition) => AsyncCustomResourceConverter;
}

/** Used for a version without a schema: everything is kept. */
const PRESERVE_EVERYTHING: Schema = { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };

const keys = new WeakMap<CustomResourceDefinition, string>();

/**
 * What decides whether serving must be rebuilt: the CRD's identity, spec and accepted names.
 * Asked per request with the informer's (shared, unchanging) CRD objects, so remembered per object.
 */
export function servingKey(crd: CustomResourceDefinition): string {
  let key = keys.get(crd);
  if (key === undefined) {
    key = JSON.stringify([crd.metadata?.uid ?? '', crd.spec, crd.status?.acceptedNames ?? null]);
    keys.set(crd, key);
  }
  return key;
}

export class CRDServingInfo {
  readonly key: string;
  readonly schemas: ReadonlyMap<string, CompiledVersionSchema>;
  private readonly handlers = new Map<string, EndpointHandler>();
  private readonly cacher: Cacher | undefined;
  readonly stores: ReadonlyMap<string, Store>;

  constructor(
    readonly crd: CustomResourceDefinition,
    dependencies: ServingDependencies,
  ) {
    this.key = servingKey(crd);
    const group = crd.spec.group;
    const names = servedNames(crd);
    const schemas = new Map<string, CompiledVersionSchema>();
    for (const v of crd.spec.versions ?? []) schemas.set(v.name, compileVersionSchema(v.schema?.openAPIV3Schema ?? PRESERVE_EVERYTHING));
    this.schemas = schemas;
    const scheme = new CustomResourceScheme(crd, schemas, dependencies.scheme);
    const keyRoot = `/registry/${group}/${names.plural}`;
    const capacity = dependencies.watchCacheSizes?.get(`${names.plural}.${group}`);
    this.cacher = capacity === 0 ? undefined : new Cacher(dependencies.storage, { prefix: keyRoot, capacity });
    const shared = this.cacher ?? dependencies.storage;
    const converter = dependencies.converterFor(crd);
    const storageVersion = storageVersionOf(crd) ?? '';
    const storages = new Map<string, Map<string, RestStorage>>();
    const stores = new Map<string, Store>();

    for (const version of servedVersions(crd)) {
      const info = customResourceInfo(crd, version);
      const storage = new ConvertingStorage({
        inner: shared,
        group,
        version,
        storageVersion,
        listKind: names.listKind,
        converter,
        schemaFor: (v) => schemas.get(v),
      });
      const hooks = customResourceStrategyHooks(crd, version, schemas.get(version));
      const strategy = newStrategy(info, hooks);
      // The Store believes its version is the storage version: the converting storage beneath it
      // keeps the real one.
      // The garbage collector follows the kube tier's Stores only: an `orphan` or
      // `foregroundDeletion` finalizer on a custom resource would never be removed, so deletes
      // of custom resources do not record them (the object goes at once).
      const store = new Store({ scheme, storage, group, info, storageVersion: version, strategy, keyRoot, enableGarbageCollection: false });
      stores.set(version, store);
      const table = customResourceTable((crd.spec.versions ?? []).find((v) => v.name === version)?.additionalPrinterColumns);
      const rest = new Map<string, RestStorage>();
      rest.set(names.plural, { ...resourceRest(store, info), table, listItemsTyped: true });
      if (info.subresources.status) rest.set(`${names.plural}/status`, { ...statusRest(store, info, newStatusStrategy(strategy, hooks)), table });
      const scale = scaleRest(store, info);
      if (scale) rest.set(`${names.plural}/scale`, scale);
      storages.set(version, rest);
    }
    this.stores = stores;

    const installer = new RestAPIInstaller({
      scheme,
      storages: (gv) => (gv.group === group ? storages.get(gv.version) : undefined),
      admission: dependencies.admission,
      patcher: dependencies.patcher,
      fieldChecker: customResourceFieldChecker(group, (v) => schemas.get(v)),
    });
    for (const version of storages.keys()) {
      const handler = installer.handlerFor({ group, version }, [customResourceInfo(crd, version)]);
      if (handler) this.handlers.set(version, handler);
    }
  }

  /** The handler of a served version's requests. */
  handler(version: string): EndpointHandler | undefined {
    return this.handlers.get(version);
  }

  /** Ends the watch cache (and with it every watch on this CRD's resources). */
  async close(): Promise<void> {
    await this.cacher?.close();
  }
}

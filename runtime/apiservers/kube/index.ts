/**
 * The KubeAPIServer tier: a Store per resource of every installed built-in group (the generic
 * strategy, extended by the group's `api-definitions/<group>/strategy.ts` and
 * `validation.ts`), behind the watch cache, on one Storage (SQLite by default, etcd when
 * configured), with the admission chain the flags select, served through the REST installer.
 *
 * Two ways in:
 *
 *   // as `kapi serve` plugs it in (runtime/cmd ServerChainPlugins.restInstaller):
 *   restInstaller: (context) => kubeRestInstaller({ scheme: context.scheme, storage: context.storage,
 *                                                   admission: context.admission, metrics: context.metrics })
 *
 *   // or as a whole tier (tests, other binaries):
 *   const kube = await createKubeAPIServer(completedConfig, { scheme, storage }, delegate);
 *   kube.server.prepareRun().run(signal);
 */
import { buildAdmissionChain, type AdmissionOptions, type BuiltChain } from '../../admission/plugins.js';
import type { AdmissionChain } from '../../admission/interfaces.js';
import { OpenAPIFieldChecker } from '../../endpoints/handlers/fields.js';
import type { PatchApplier } from '../../endpoints/handlers/scope.js';
import { RestAPIInstaller } from '../../endpoints/installer.js';
import { newGenericServerResponse } from '../../machinery/errors.js';
import type { Scheme } from '../../machinery/scheme.js';
import type { GroupVersion, ResourceInfo } from '../../machinery/scheme-types.js';
import type { RestStorage } from '../../registry/rest.js';
import { Store } from '../../registry/store.js';
import { newStatusStrategy, newStrategy } from '../../registry/strategy.js';
import { resourceRest, scaleRest, statusRest } from '../../registry/subresources.js';
import type { CompletedConfig } from '../../server/config.js';
import type { KapiContext, RequestHandler } from '../../server/context.js';
import { writeStatus } from '../../server/context.js';
import type { Authenticator } from '../../server/authentication/types.js';
import type { Authorizer } from '../../server/authorization/types.js';
import type { DelegationTarget, GenericAPIServer, PostStartHook, RestInstaller } from '../../server/server.js';
import { Cacher } from '../../storage/cacher/cacher.js';
import type { Storage } from '../../storage/interface.js';
import { controllerHookNames, KubeControllers } from './controllers/index.js';
import { kindHooks, loadGroupHooks, type GroupHooks } from './hooks.js';
import { ensureSystemNamespaces, finalizeRest, NamespaceFinalizer, namespaceRest, storeNamespaceLookup } from './namespaces.js';
// the first DELETE of a CRD marks it for the finalizer that removes its custom resources
import { crdRest } from '../extensions/controllers/crd-rest.js';
import { ensureSystemPriorityClasses } from './priority-classes.js';
import { loadPatchMeta, machineryPatcher } from './patcher.js';
import { podSubresourceStorages } from './pod-subresources/index.js';
import { isReviewResource, reviewStorage, serviceAccountTokenStorages } from './reviews/index.js';
import type { ServiceAccountTokenAuthenticator } from './reviews/service-account-authenticator.js';
import { loadDefinitions } from './schemas.js';

export { SYSTEM_NAMESPACES } from './namespaces.js';

export interface KubeAPIServerOptions {
  readonly scheme: Scheme;
  /** The store every resource is kept in; the tier does not close it. */
  readonly storage: Storage;
  /** `--enable-admission-plugins` / `--disable-admission-plugins`. */
  readonly admission?: AdmissionOptions;
  /** Serve reads at resourceVersion "0" and every watch from a watch cache per resource. Default true. */
  readonly watchCache?: boolean;
  /**
   * Watch cache capacity (events kept) per resource, keyed `resource` for the core group and
   * `resource.group` otherwise, as kube-apiserver's --watch-cache-sizes; 0 serves that resource
   * without a watch cache. Resources not named keep the cacher's default.
   */
  readonly watchCacheSizes?: ReadonlyMap<string, number>;
  /** PATCH support; machinery/patch with the generated strategic merge metadata by default. */
  readonly patcher?: PatchApplier;
  /**
   * A REST storage for a resource the generic store cannot serve (reviews, bindings,
   * componentstatuses, …); undefined leaves the resource to the default rule, which serves
   * resources that can be created and read and skips the rest.
   */
  readonly customStorage?: (group: string, version: string, info: ResourceInfo) => RestStorage | undefined;
  /**
   * The server's authorizer: access reviews ask it. Without it the review resources of
   * authorization.k8s.io and authentication.k8s.io are not served.
   */
  readonly authorizer?: Authorizer;
  /** The authenticators a TokenReview asks (the server's, without the anonymous one). */
  readonly tokenAuthenticators?: readonly Authenticator[];
  /** Serve `serviceaccounts/token`, signing with this authenticator's key; binds it to the stores. */
  readonly serviceAccountTokens?: ServiceAccountTokenAuthenticator;
  /** Create the system namespaces (`default`, `kube-system`, `kube-public`, `kube-node-lease`) and PriorityClasses when missing. Default true. */
  readonly bootstrapSystemObjects?: boolean;
  /** Where hooks and schemas are read from (tests). */
  readonly hooks?: Map<string, GroupHooks>;
  /** Receives apiserver_storage_objects per resource, counted every `objectCountIntervalMs`. */
  readonly metrics?: { storageObjects(resource: string, count: number): void };
  /** How often stored objects are counted for `metrics`. Default 60 s. */
  readonly objectCountIntervalMs?: number;
  /** Run the in-process controllers (garbage collector, serviceaccounts, root CA publisher). Default true. */
  readonly controllers?: boolean;
  /** PEM of the cluster's root CA, published as `kube-root-ca.crt` in every namespace. */
  readonly rootCA?: string;
  /** Where the controllers' post-start hooks are registered when the tier is plugged into another server. */
  readonly addPostStartHook?: (name: string, hook: PostStartHook) => void;
}

/** Whether the generic store can serve a resource: it is created and read like any stored object. */
export function isStoredResource(info: ResourceInfo): boolean {
  return info.verbs.includes('create') && info.verbs.includes('get');
}

/** The version a group stores a resource in: the storage version, or the first version that has it. */
function storageVersionOf(scheme: Scheme, group: string, plural: string): string | undefined {
  const info = scheme.group(group);
  if (!info) return undefined;
  const has = (version: string): boolean => scheme.resourcesOf({ group, version }).some((r) => r.plural === plural);
  if (has(info.storageVersion)) return info.storageVersion;
  return info.versions.find(has);
}

/** Everything the tier built: stores, REST storages per group-version, admission, installer. */
export interface KubeRegistry {
  readonly stores: ReadonlyMap<string, Store>;
  readonly storages: ReadonlyMap<string, Map<string, RestStorage>>;
  readonly admission: BuiltChain;
  readonly installer: RestAPIInstaller;
  /** The in-process controllers, started by post-start hooks (undefined when disabled). */
  readonly controllers?: KubeControllers;
  /**
   * Adds Stores a terminating namespace must also be emptied of (the custom resources the
   * extensions tier serves); returns the function that removes them again.
   */
  addNamespaceContent(source: () => Iterable<Store>): () => void;
  /** Stops the controllers and the watch caches. */
  close(): Promise<void>;
}

const gvKey = (gv: GroupVersion): string => `${gv.group}/${gv.version}`;

/** Builds a Store per stored resource of every group with internal types, and their REST storages. */
export async function buildKubeRegistry(options: KubeAPIServerOptions): Promise<KubeRegistry> {
  const { scheme } = options;
  const hooks = options.hooks ?? (await loadGroupHooks());
  const cachers: Cacher[] = [];
  const stores = new Map<string, Store>();
  const storages = new Map<string, Map<string, RestStorage>>();
  const useCache = options.watchCache ?? true;
  let finalizer: NamespaceFinalizer | undefined;
  const extraContent = new Set<() => Iterable<Store>>();
  const reviews = options.authorizer ? reviewStorage({ authorizer: options.authorizer, tokenAuthenticators: options.tokenAuthenticators ?? [] }) : undefined;

  const storeFor = (group: string, info: ResourceInfo): Store | undefined => {
    const key = `${group}/${info.plural}`;
    const existing = stores.get(key);
    if (existing) return existing;
    const storageVersion = storageVersionOf(scheme, group, info.plural);
    if (!storageVersion) return undefined;
    const storageInfo = scheme.resourcesOf({ group, version: storageVersion }).find((r) => r.plural === info.plural) ?? info;
    const kind = kindHooks(group, hooks.get(group), storageInfo.kind);
    let storage = options.storage;
    const keyRoot = group === '' ? `/registry/${info.plural}` : `/registry/${group}/${info.plural}`;
    const capacity = options.watchCacheSizes?.get(group === '' ? info.plural : `${info.plural}.${group}`);
    if (useCache && capacity !== 0) {
      const cacher = new Cacher(options.storage, { prefix: keyRoot, capacity });
      cachers.push(cacher);
      storage = cacher;
    }
    const strategy = newStrategy(storageInfo, kind.hooks, kind.validation);
    const store = new Store({ scheme, storage, group, info: storageInfo, storageVersion, strategy, keyRoot });
    stores.set(key, store);
    return store;
  };

  for (const groupInfo of scheme.allGroups()) {
    if (!groupInfo.hasInternal) continue;
    for (const version of groupInfo.versions) {
      const gv = { group: groupInfo.name, version };
      const rest = new Map<string, RestStorage>();
      for (const info of scheme.resourcesOf(gv)) {
        const custom = options.customStorage?.(gv.group, version, info) ?? reviews?.(gv.group, version, info);
        if (custom) {
          rest.set(info.plural, custom);
          continue;
        }
        if (!isStoredResource(info)) continue;
        const store = storeFor(gv.group, info);
        if (!store) continue;
        if (gv.group === '' && info.plural === 'namespaces') {
          rest.set(info.plural, namespaceRest(store, resourceRest(store, info), () => finalizer));
          rest.set(`${info.plural}/finalize`, finalizeRest(store, info));
        } else if (gv.group === 'apiextensions.k8s.io' && info.plural === 'customresourcedefinitions') {
          rest.set(info.plural, crdRest(store, resourceRest(store, info)));
        } else {
          rest.set(info.plural, resourceRest(store, info));
        }
        if (info.subresources.status) {
          const kind = kindHooks(gv.group, hooks.get(gv.group), info.kind);
          rest.set(`${info.plural}/status`, statusRest(store, info, newStatusStrategy(store.strategy, kind.hooks, kind.validation)));
        }
        const scale = scaleRest(store, info);
        if (scale) rest.set(`${info.plural}/scale`, scale);
      }
      if (gv.group === '' && version === 'v1') {
        for (const [path, sub] of podSubresourceStorages((key) => stores.get(key), scheme.resourcesOf(gv))) if (!rest.has(path)) rest.set(path, sub);
        if (options.serviceAccountTokens && rest.has('serviceaccounts')) {
          for (const [path, sub] of serviceAccountTokenStorages(options.serviceAccountTokens, (key) => stores.get(key))) rest.set(path, sub);
        }
      }
      if (rest.size > 0) storages.set(gvKey(gv), rest);
    }
  }

  const namespaces = stores.get('/namespaces');
  const admission = buildAdmissionChain(options.admission ?? {}, { namespaces: namespaces ? storeNamespaceLookup(namespaces) : undefined });
  const definitions = await loadDefinitions();
  const installer = new RestAPIInstaller({
    scheme,
    storages: (gv) => storages.get(gvKey(gv)),
    admission: admission.chain,
    patcher: options.patcher ?? machineryPatcher(await loadPatchMeta()),
    fieldChecker: new OpenAPIFieldChecker(definitions),
  });
  if (namespaces) {
    const namespacesRest = storages.get('/v1')?.get('namespaces');
    const content = (): Store[] => [...[...stores.values()].filter((store) => store.namespaced), ...[...extraContent].flatMap((source) => [...source()])];
    finalizer = new NamespaceFinalizer(namespaces, content, (name) =>
      namespacesRest!.deleter!.delete({ namespace: '', warn: () => {} }, name, { options: {} }),
    );
    if (options.bootstrapSystemObjects !== false) await ensureSystemNamespaces(namespaces);
    await finalizer.resume();
  }
  const priorityClasses = stores.get('scheduling.k8s.io/priorityclasses');
  if (priorityClasses && options.bootstrapSystemObjects !== false) await ensureSystemPriorityClasses(priorityClasses);
  const namespacesDeleter = storages.get('/v1')?.get('namespaces')?.deleter;
  const controllers =
    options.controllers === false
      ? undefined
      : new KubeControllers({ stores, rootCA: options.rootCA, deleterFor: (store) => (store === namespaces && namespacesDeleter ? namespacesDeleter : store) });
  const counter = options.metrics ? startObjectCounting(options.storage, stores, options.metrics, options.objectCountIntervalMs ?? 60_000) : undefined;
  return {
    stores,
    storages,
    admission,
    installer,
    controllers,
    addNamespaceContent(source) {
      extraContent.add(source);
      return () => extraContent.delete(source);
    },
    async close() {
      if (counter) clearInterval(counter);
      await controllers?.close();
      await finalizer?.close();
      await Promise.all(cachers.map((c) => c.close()));
    },
  };
}

/** Counts each resource's stored objects now and every `intervalMs` (the store's startObservingCount). */
function startObjectCounting(
  storage: Storage,
  stores: ReadonlyMap<string, Store>,
  metrics: { storageObjects(resource: string, count: number): void },
  intervalMs: number,
): NodeJS.Timeout {
  const count = async (): Promise<void> => {
    for (const store of stores.values()) {
      const { group, resource } = store.resource;
      const name = group === '' ? resource : `${resource}.${group}`;
      try {
        metrics.storageObjects(name, await storage.count(store.keyRoot));
      } catch {
        metrics.storageObjects(name, -1);
      }
    }
  };
  void count();
  const timer = setInterval(() => void count(), intervalMs);
  timer.unref();
  return timer;
}

/**
 * The kube tier as a RestInstaller, built in the background as soon as it is constructed;
 * requests wait for it. `ready` resolves once stores, admission and the system namespaces are
 * in place.
 */
export class KubeRestInstaller implements RestInstaller {
  readonly ready: Promise<KubeRegistry>;

  constructor(private readonly options: KubeAPIServerOptions) {
    this.ready = buildKubeRegistry(options);
    this.ready.catch(() => {});
    if (options.controllers !== false && options.addPostStartHook) {
      for (const name of controllerHookNames(options)) options.addPostStartHook(name, async (context) => (await this.ready).controllers?.start(name, context.signal));
    }
  }

  handlerFor(gv: GroupVersion, resources: readonly ResourceInfo[]): RequestHandler | undefined {
    const served = (info: ResourceInfo): boolean => isStoredResource(info) || (this.options.authorizer !== undefined && isReviewResource(gv.group, info));
    if (!resources.some(served)) return undefined;
    let inner: Promise<RequestHandler | undefined> | undefined;
    return async (ctx: KapiContext) => {
      inner ??= this.ready.then((registry) => registry.installer.handlerFor(gv, resources));
      const handler = await inner;
      if (!handler) {
        writeStatus(ctx, newGenericServerResponse(404));
        return;
      }
      await handler(ctx);
    };
  }

  async close(): Promise<void> {
    await (await this.ready).close();
  }
}

/** The RestInstaller `kapi serve` plugs in (ServerChainPlugins.restInstaller). */
export function kubeRestInstaller(options: KubeAPIServerOptions): KubeRestInstaller {
  return new KubeRestInstaller(options);
}

export interface KubeAPIServer {
  readonly server: GenericAPIServer;
  readonly registry: KubeRegistry;
  readonly admission: AdmissionChain;
  /** Stops the watch caches (the storage stays open). */
  close(): Promise<void>;
}

/** A GenericAPIServer named kube-apiserver serving every built-in group's resources. */
export async function createKubeAPIServer(config: CompletedConfig, options: KubeAPIServerOptions, delegate?: DelegationTarget): Promise<KubeAPIServer> {
  // Reviews answer for the server they are part of: its authorizer and credential authenticators.
  const registry = await buildKubeRegistry({
    authorizer: config.authorizer,
    tokenAuthenticators: config.authenticators.filter((a) => a.name !== 'anonymous'),
    ...options,
  });
  const server = config.new('kube-apiserver', delegate);
  const installer: RestInstaller = { handlerFor: (gv, resources) => registry.installer.handlerFor(gv, resources) };
  for (const info of options.scheme.allGroups()) {
    const versions = info.versions.map((version) => ({ version, resources: options.scheme.resourcesOf({ group: info.name, version }) }));
    server.installAPIGroup({ name: info.name, versions }, installer);
  }
  if (registry.controllers) {
    const controllers = registry.controllers;
    for (const name of controllerHookNames(options)) server.addPostStartHook(name, (context) => controllers.start(name, context.signal));
  }
  return { server, registry, admission: registry.admission.chain, close: () => registry.close() };
}

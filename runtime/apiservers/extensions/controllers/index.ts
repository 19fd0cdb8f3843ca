/**
 * The controllers of the extensions tier, as apiextensions-apiserver runs them beside its CRD
 * handler: naming (acceptedNames, NamesAccepted), establishing (Established), API approval
 * (KubernetesAPIApprovalPolicyConformant) and the CRD finalizer (instances removed before the
 * CRD goes). One informer over the CRD Store feeds them all; each has its own work queue with
 * bounded retries, and every write goes through the CRD Store's status strategy.
 */
import type { CustomResourceDefinition } from '../../../../api-definitions/apiextensions/v1/types.js';
import type { Scheme } from '../../../machinery/scheme.js';
import type { KObject } from '../../../registry/meta.js';
import type { Store } from '../../../registry/store.js';
import type { KapiLogger } from '../../../server/logging.js';
import type { GenericAPIServer } from '../../../server/server.js';
import type { Storage } from '../../../storage/interface.js';
import { StoreInformer } from '../../kube/controllers/informer.js';
import { nowTimestamp } from '../../../registry/meta.js';
import type { BuiltinResource } from '../naming/names.js';
import { APIApprovalController } from './api-approval-controller.js';
import type { CRDController, ControllerLog } from './controller.js';
import { CRDCache } from './crd-cache.js';
import { EstablishingController, type BeforeEstablish } from './establishing-controller.js';
import { FinalizerController, type FinalizerOptions } from './finalizer-controller.js';
import { StorageInstances, type CustomResourceInstances } from './instances.js';
import { NamingController } from './naming-controller.js';
import { CRDStatusWriter } from './status-writer.js';

export { crdRest, CRDDeleter } from './crd-rest.js';
export { CLEANUP_FINALIZER } from './finalizer-controller.js';
export type { BeforeEstablish } from './establishing-controller.js';
export type { CustomResourceInstances } from './instances.js';

export interface CRDControllersOptions {
  /** The CustomResourceDefinition Store (the kube tier's `apiextensions.k8s.io/customresourcedefinitions`), or its promise. */
  readonly crds: Store | Promise<Store>;
  /** Where custom resources are stored, under `/registry/<group>/<plural>/`. */
  readonly storage: Storage;
  readonly logging?: KapiLogger;
  /** The built-in resources, whose names CRDs of the same group may not take. */
  readonly scheme?: Scheme;
  /** Waits until a CRD with accepted names is served, before it is marked Established. */
  readonly beforeEstablish?: BeforeEstablish;
  /** How instances are deleted; straight from `storage` by default. */
  readonly instances?: CustomResourceInstances;
  readonly finalizer?: FinalizerOptions;
  /** The clock for condition times (tests). */
  readonly now?: () => string;
}

export interface CRDControllers {
  /** Lists the CRDs and starts the controllers; resolves once the list is in. Stops when `signal` aborts. */
  start(signal?: AbortSignal): Promise<void>;
  /** Stops the informer and the controllers, waiting for work under way. */
  close(): Promise<void>;
}

/** The resources of the scheme's groups, as the naming controller compares names with them. */
export function builtinResources(scheme: Scheme): BuiltinResource[] {
  const seen = new Map<string, BuiltinResource>();
  for (const group of scheme.allGroups()) {
    for (const version of group.versions) {
      for (const info of scheme.resourcesOf({ group: group.name, version })) {
        const key = `${group.name}/${info.plural}`;
        if (!seen.has(key)) seen.set(key, { group: group.name, plural: info.plural, singular: info.singular, shortNames: info.shortNames, kind: info.kind });
      }
    }
  }
  return [...seen.values()];
}

const asCRD = (object: KObject): CustomResourceDefinition => object as unknown as CustomResourceDefinition;

/** The upstream post-start hook that starts these controllers. */
export const CONTROLLERS_HOOK = 'start-apiextensions-controllers';

/**
 * The controllers as a part of the extensions tier: started by its post-start hook (readyz
 * `poststarthook/start-apiextensions-controllers` passes once the CRDs are listed), closed with it.
 */
export function crdControllerHooks(options: CRDControllersOptions & { readonly server: Pick<GenericAPIServer, 'addPostStartHook'> }): { close(): Promise<void> } {
  const controllers = crdControllers(options);
  options.server.addPostStartHook(CONTROLLERS_HOOK, (context) => controllers.start(context.signal));
  return { close: () => controllers.close() };
}

export function crdControllers(options: CRDControllersOptions): CRDControllers {
  let crdStore: Store | undefined;
  let pending: Promise<Store> | undefined;
  if (options.crds instanceof Promise) pending = options.crds;
  else crdStore = options.crds;
  if (crdStore) return buildControllers(options, crdStore);
  // the kube tier builds its Stores in the background: wire everything once the CRD Store exists
  let built: Promise<CRDControllers> | undefined;
  const controllers = (): Promise<CRDControllers> => (built ??= pending!.then((store) => buildControllers(options, store)));
  let closed = false;
  return {
    async start(signal) {
      const c = await controllers();
      if (closed) return;
      await c.start(signal);
    },
    async close() {
      closed = true;
      if (built) await (await built).close();
    },
  };
}

function buildControllers(options: CRDControllersOptions, crds: Store): CRDControllers {
  const logger = options.logging?.logger;
  const verbose = options.logging?.v(2) ?? false;
  const log: ControllerLog = {
    dropped: (controller, name, error) =>
      logger?.warn({ controller, crd: name, err: error instanceof Error ? error.message : String(error) }, 'CRD controller gave up after retries; the next change retries it'),
    info: (controller, name, message) => {
      if (verbose) logger?.info({ controller, crd: name }, message);
    },
  };
  const now = options.now ?? (() => nowTimestamp());
  const builtins = options.scheme ? builtinResources(options.scheme) : [];
  const cache = new CRDCache();
  const writer = new CRDStatusWriter(crds);
  const finalizer = new FinalizerController(cache, writer, options.instances ?? new StorageInstances(options.storage), builtins, log, now, options.finalizer);
  const controllers: CRDController[] = [
    new NamingController(cache, writer, builtins, log, now),
    new EstablishingController(cache, writer, log, now, options.beforeEstablish),
    new APIApprovalController(cache, writer, log, now),
    finalizer,
  ];

  for (const controller of controllers) cache.subscribe(controller);
  const informer = new StoreInformer(
    crds,
    {
      added: (object) => cache.observe(asCRD(object)),
      updated: (object) => cache.observe(asCRD(object)),
      deleted: (object) => cache.forget(asCRD(object)),
    },
    { controller: 'apiextensions-controllers' },
  );

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      finalizer.abort();
      await informer.close();
      await Promise.all(controllers.map((c) => c.queue.close()));
    })();
    return closing;
  };
  return {
    async start(signal) {
      if (signal?.aborted) return;
      signal?.addEventListener('abort', () => void close(), { once: true });
      await informer.start();
      for (const controller of controllers) controller.queue.start();
    },
    close,
  };
}

/**
 * The controllers kapi runs in its own process, as kube-controller-manager would run them beside
 * kube-apiserver: the garbage collector, the serviceaccounts controller and the root CA
 * publisher. Each is an ordinary watch-driven client of the kube tier's Stores, started by a
 * post-start hook (so `/readyz` reports `poststarthook/<name>` until its informers have listed):
 *
 *   start-kapi-garbage-collector            ownerReferences: background, foreground, orphan
 *   start-kapi-serviceaccounts-controller   `default` ServiceAccount per namespace
 *   start-kapi-root-ca-cert-publisher       `kube-root-ca.crt` ConfigMap per namespace (with a root CA)
 */
import type { GracefulDeleter } from '../../../registry/rest.js';
import type { Store } from '../../../registry/store.js';
import { GarbageCollector } from './garbage-collector/collector.js';
import type { NamespaceObjectController } from './namespace-objects.js';
import { rootCAPublisher } from './root-ca-publisher.js';
import { serviceAccountsController } from './service-accounts.js';

export { GarbageCollector } from './garbage-collector/collector.js';
export { ROOT_CA_CONFIG_MAP, ROOT_CA_DESCRIPTION, DESCRIPTION_ANNOTATION } from './root-ca-publisher.js';
export { DEFAULT_SERVICE_ACCOUNT } from './service-accounts.js';

export interface KubeControllersOptions {
  /** The kube tier's stores, keyed `<group>/<resource>`. */
  readonly stores: ReadonlyMap<string, Store>;
  /** Deletes objects of a store the way its REST storage does (namespaces become Terminating). */
  readonly deleterFor?: (store: Store) => GracefulDeleter;
  /** PEM of the cluster's root CA; without it the root CA publisher does not run. */
  readonly rootCA?: string;
}

export const GARBAGE_COLLECTOR_HOOK = 'start-kapi-garbage-collector';
export const SERVICE_ACCOUNTS_HOOK = 'start-kapi-serviceaccounts-controller';
export const ROOT_CA_PUBLISHER_HOOK = 'start-kapi-root-ca-cert-publisher';

/** The post-start hooks the controllers need, known before the stores are built. */
export function controllerHookNames(options: { rootCA?: string }): string[] {
  return options.rootCA ? [GARBAGE_COLLECTOR_HOOK, SERVICE_ACCOUNTS_HOOK, ROOT_CA_PUBLISHER_HOOK] : [GARBAGE_COLLECTOR_HOOK, SERVICE_ACCOUNTS_HOOK];
}

interface Controller {
  start(): Promise<void>;
  close(): Promise<void>;
}

export class KubeControllers {
  readonly garbageCollector: GarbageCollector;
  readonly serviceAccounts?: NamespaceObjectController;
  readonly rootCAPublisher?: NamespaceObjectController;
  private readonly byHook = new Map<string, Controller>();
  private readonly started = new Set<Controller>();
  private closed = false;

  constructor(options: KubeControllersOptions) {
    this.garbageCollector = new GarbageCollector({ stores: options.stores.values(), deleterFor: options.deleterFor });
    this.byHook.set(GARBAGE_COLLECTOR_HOOK, this.garbageCollector);
    const namespaces = options.stores.get('/namespaces');
    const serviceAccounts = options.stores.get('/serviceaccounts');
    const configMaps = options.stores.get('/configmaps');
    if (namespaces && serviceAccounts) {
      this.serviceAccounts = serviceAccountsController(namespaces, serviceAccounts);
      this.byHook.set(SERVICE_ACCOUNTS_HOOK, this.serviceAccounts);
    }
    if (namespaces && configMaps && options.rootCA) {
      this.rootCAPublisher = rootCAPublisher(namespaces, configMaps, options.rootCA);
      this.byHook.set(ROOT_CA_PUBLISHER_HOOK, this.rootCAPublisher);
    }
  }

  /**
   * Starts the controller of a post-start hook: resolves once its informers listed. A hook
   * whose controller cannot run here (its resources are not installed) resolves at once.
   * `stop` (the hook's shutdown signal) stops them all.
   */
  async start(hook: string, stop?: AbortSignal): Promise<void> {
    // the server's shutdown stops every controller before the storage is closed
    stop?.addEventListener('abort', () => void this.close(), { once: true });
    const controller = this.byHook.get(hook);
    if (!controller || this.closed || this.started.has(controller)) return;
    this.started.add(controller);
    await controller.start();
  }

  /** Stops the controllers that were started. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.started].map((c) => c.close()));
  }
}

/**
 * The serving part of the extensions tier: once the kube tier's registry is ready (its admission
 * chain and Stores), custom resources are routed on the tier's server through a
 * CustomResourceHandler, terminating namespaces are emptied of them too, and discovery lists
 * the Established CRDs.
 */
import type { AdmissionChain } from '../../../admission/interfaces.js';
import type { DiscoverySource } from '../../../endpoints/discovery/source.js';
import type { Scheme } from '../../../machinery/scheme.js';
import type { Getter, Lister } from '../../../registry/rest.js';
import type { Store } from '../../../registry/store.js';
import type { RequestHandler } from '../../../server/context.js';
import type { Storage } from '../../../storage/interface.js';
import { machineryPatcher } from '../../kube/patcher.js';
import { serviceResolverForStores } from '../../webhook/endpoint-resolver.js';
import { converterFor } from '../conversion/converter.js';
import { CustomResourceHandler } from './crd-handler.js';
import type { CRDInformer } from './crd-informer.js';
import { customResourceDiscovery } from './discovery.js';

export interface CustomResourceServingOptions {
  readonly informer: CRDInformer;
  /** Where the tier's routes go: the extensions server's `mux.handleMatcher`. */
  readonly handleMatcher: (matcher: (path: string) => RequestHandler | undefined) => void;
  /** The kube tier's registry: its admission chain, and the Stores conversion webhooks' services resolve through. */
  readonly registry: Promise<{
    readonly admission: { readonly chain: AdmissionChain };
    readonly stores: ReadonlyMap<string, Getter & Lister>;
    /** Where terminating namespaces learn of the custom resources they hold. */
    addNamespaceContent?(source: () => Iterable<Store>): () => void;
  }>;
  readonly storage: Storage;
  readonly scheme: Scheme;
  readonly watchCacheSizes?: ReadonlyMap<string, number>;
  readonly onError?: (error: unknown) => void;
}

export interface CustomResourceServing {
  readonly discovery: DiscoverySource;
  /** The handler, once the registry is ready. */
  readonly handler: Promise<CustomResourceHandler>;
  close(): Promise<void>;
}

export function serveCustomResources(options: CustomResourceServingOptions): CustomResourceServing {
  let current: CustomResourceHandler | undefined;
  let stopNamespaceContent: (() => void) | undefined;
  const handler = options.registry.then((registry) => {
    const resolver = serviceResolverForStores(registry.stores);
    current = new CustomResourceHandler({
      informer: options.informer,
      storage: options.storage,
      scheme: options.scheme,
      admission: registry.admission.chain,
      // JSON and merge patch only: custom resources have no strategic merge metadata
      patcher: machineryPatcher(new Map()),
      watchCacheSizes: options.watchCacheSizes,
      converterFor: (crd) => converterFor(crd, { resolver }),
      onError: options.onError,
    });
    const handler = current;
    stopNamespaceContent = registry.addNamespaceContent?.(() => handler.namespacedStores());
    return current;
  });
  handler.catch(() => {});
  options.handleMatcher((path) => current?.matcher(path));
  return {
    discovery: customResourceDiscovery(options.informer),
    handler,
    async close() {
      stopNamespaceContent?.();
      await current?.close();
    },
  };
}

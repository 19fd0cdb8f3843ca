/**
 * The extensions tier as `kapi serve` plugs it into the chain (ServerChainPlugins.extensionsTier):
 * a CRD informer over the kube tier's CRD Store, and the parts that read it. Each part is one
 * line below and contributes discovery, OpenAPI schemas or something to close.
 */
import { CRDInformer, serveCustomResources } from '../apiservers/extensions/index.js';
import { CRDSchemaSource } from '../apiservers/extensions/openapi/schema-source.js';
import { crdControllerHooks } from '../apiservers/extensions/controllers/index.js';
import { KubeRestInstaller, type KubeRegistry } from '../apiservers/kube/index.js';
import type { DiscoverySource } from '../endpoints/discovery/source.js';
import type { DynamicSchemaSource } from '../endpoints/openapi/source.js';
import type { Store } from '../registry/store.js';
import type { TierContext, TierPlugin } from './server.js';

export const CRD_STORE_KEY = 'apiextensions.k8s.io/customresourcedefinitions';

/** What one part of the tier adds to it. */
interface TierPart {
  readonly discovery?: DiscoverySource;
  readonly openapi?: DynamicSchemaSource;
  close?(): Promise<void>;
}

/** The CRD Store of the kube tier's registry. */
export async function crdStoreOf(registry: Promise<KubeRegistry>): Promise<Store> {
  const store = (await registry).stores.get(CRD_STORE_KEY);
  if (!store) throw new Error(`the kube tier has no ${CRD_STORE_KEY} store`);
  return store;
}

/** ServerChainPlugins.extensionsTier: serves the custom resources of CustomResourceDefinitions. */
export function extensionsTier(): (context: TierContext) => TierPlugin {
  return (context) => {
    const log = context.logging.logger;
    if (!(context.installer instanceof KubeRestInstaller)) {
      log.warn('the extensions tier needs the kube tier’s REST installer: custom resources are not served');
      return {};
    }
    const registry = context.installer.ready;
    const informer = new CRDInformer(crdStoreOf(registry), { onError: (error) => log.warn({ err: error }, 'CRD informer') });
    informer.start().catch((error: unknown) => log.warn({ err: error }, 'CRD informer did not start'));
    context.server.addPostStartHook('start-apiextensions-informers', () => informer.start());

    const parts: TierPart[] = [];
    parts.push(crdControllerHooks({ server: context.server, crds: crdStoreOf(registry), storage: context.storage, logging: context.logging, scheme: context.scheme }));
    parts.push({ openapi: new CRDSchemaSource(informer) });
    parts.push(
      serveCustomResources({
        informer,
        handleMatcher: (matcher) => context.server.mux.handleMatcher(matcher),
        registry,
        storage: context.storage,
        scheme: context.scheme,
        watchCacheSizes: context.watchCacheSizes,
        onError: (error) => log.warn({ err: error }, 'custom resource serving'),
      }),
    );

    const discovery = parts.find((p) => p.discovery)?.discovery;
    const openapi = parts.find((p) => p.openapi)?.openapi;
    return {
      ...(discovery ? { discovery } : {}),
      ...(openapi ? { openapi } : {}),
      async close() {
        for (const part of [...parts].reverse()) await part.close?.();
        await informer.close();
      },
    };
  };
}

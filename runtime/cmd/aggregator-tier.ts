/**
 * The aggregator tier as `kapi serve` plugs it into the chain (ServerChainPlugins.aggregatorTier):
 * APIServices over the kube tier's stores, the front-proxy settings from the flags (or the
 * certificates generated under the data dir), and the service resolver over Services and
 * Endpoints (kapi has no kube-proxy, so endpoint routing is the only routing).
 */
import { readFileSync } from 'node:fs';
import { createAggregator, type AggregatorStores, type FrontProxyConfig } from '../apiservers/aggregator/index.js';
import { KubeRestInstaller, type KubeRegistry } from '../apiservers/kube/index.js';
import { SERVICE_STORE_KEYS, serviceResolverForStores } from '../apiservers/webhook/endpoint-resolver.js';
import { ServerMetrics } from '../server/metrics.js';
import type { CompletedServeOptions } from './options.js';
import { FRONT_PROXY_CLIENT_NAME, type Pki } from './pki.js';
import type { TierContext, TierPlugin } from './server.js';

export const APISERVICE_STORE_KEY = 'apiregistration.k8s.io/apiservices';
const CONFIGMAP_STORE_KEY = '/configmaps';

/**
 * The front proxy from `--proxy-client-*` and `--requestheader-*`, defaulting to the generated
 * front-proxy CA and client certificate and kubeadm's header names.
 */
export function frontProxyConfig(options: CompletedServeOptions, pki: Pki): FrontProxyConfig {
  const generated = options.proxyClientCertFile === undefined;
  const orDefault = (given: readonly string[], fallback: readonly string[]): readonly string[] => (given.length > 0 ? given : fallback);
  return {
    clientCert: readFileSync(options.proxyClientCertFile ?? pki.frontProxyClient.cert),
    clientKey: readFileSync(options.proxyClientKeyFile ?? pki.frontProxyClient.key),
    requestHeaderCA: readFileSync(options.requestheaderClientCAFile ?? pki.frontProxyCA.cert, 'utf8'),
    // the generated client certificate's name is allowed unless the flags say otherwise
    allowedNames: orDefault(options.requestheaderAllowedNames, generated && options.requestheaderClientCAFile === undefined ? [FRONT_PROXY_CLIENT_NAME] : []),
    usernameHeaders: orDefault(options.requestheaderUsernameHeaders, ['X-Remote-User']),
    uidHeaders: orDefault(options.requestheaderUidHeaders, ['X-Remote-Uid']),
    groupHeaders: orDefault(options.requestheaderGroupHeaders, ['X-Remote-Group']),
    extraHeadersPrefixes: orDefault(options.requestheaderExtraHeadersPrefix, ['X-Remote-Extra-']),
  };
}

async function aggregatorStores(registry: Promise<KubeRegistry>): Promise<AggregatorStores> {
  const { stores } = await registry;
  const apiServices = stores.get(APISERVICE_STORE_KEY);
  const configMaps = stores.get(CONFIGMAP_STORE_KEY);
  if (!apiServices || !configMaps) throw new Error(`the kube tier has no ${apiServices ? CONFIGMAP_STORE_KEY : APISERVICE_STORE_KEY} store`);
  const serviceStores = Object.values(SERVICE_STORE_KEYS)
    .map((key) => stores.get(key))
    .filter((store) => store !== undefined);
  return { apiServices, configMaps, resolver: serviceResolverForStores(stores), serviceStores };
}

/** ServerChainPlugins.aggregatorTier: APIService availability, autoregistration and the proxy to aggregated servers. */
export function aggregatorTier(): (context: TierContext) => TierPlugin {
  return (context) => {
    const log = context.logging.logger;
    if (!(context.installer instanceof KubeRestInstaller)) {
      log.warn('the aggregator tier needs the kube tier’s REST installer: APIServices are not served');
      return {};
    }
    // the groups compiled in; anything else the tiers below serve is a custom resource group
    const builtinGroups = new Set(context.scheme.allGroups().map((g) => g.name));
    const aggregator = createAggregator({
      server: context.server,
      stores: aggregatorStores(context.installer.ready),
      frontProxy: frontProxyConfig(context.options, context.pki),
      clientCA: readFileSync(context.options.clientCAFile ?? context.pki.ca.cert, 'utf8'),
      local: context.localDiscovery,
      isBuiltinGroup: (group) => builtinGroups.has(group),
      log: (message, fields) => {
        if (context.logging.v(2)) log.info(fields, message);
      },
      ...(context.metrics instanceof ServerMetrics ? { metricsRegistry: context.metrics.registry } : {}),
    });
    return { discovery: aggregator.discovery, openapi: aggregator.openapi, close: () => aggregator.close() };
  };
}

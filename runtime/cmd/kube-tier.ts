/** The kube tier's REST installer as `kapi serve` plugs it into the chain. */
import { kubeRestInstaller, type KubeAPIServerOptions } from '../apiservers/kube/index.js';
import type { RestInstaller } from '../server/server.js';
import type { RestInstallerContext } from './server.js';

/** ServerChainPlugins.restInstaller for the built-in groups, signing service account tokens when given a signer. */
export function kubeTierInstaller(serviceAccountTokens?: KubeAPIServerOptions['serviceAccountTokens']): (context: RestInstallerContext) => RestInstaller {
  return (context) =>
    kubeRestInstaller({
      scheme: context.scheme,
      storage: context.storage,
      admission: context.admission,
      metrics: context.metrics,
      watchCacheSizes: context.watchCacheSizes,
      rootCA: context.rootCA,
      addPostStartHook: context.addPostStartHook,
      authorizer: context.authorizer,
      tokenAuthenticators: context.tokenAuthenticators,
      ...(serviceAccountTokens ? { serviceAccountTokens } : {}),
    });
}

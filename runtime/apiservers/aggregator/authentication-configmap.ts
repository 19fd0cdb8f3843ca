/**
 * `kube-system/extension-apiserver-authentication`: where aggregated API servers learn how to
 * trust this server's requests (kube-apiserver's cluster authentication trust controller). It
 * carries the client CA and the front-proxy settings, lists as JSON arrays as upstream writes
 * them, and is written at start (created, or its data replaced when it differs).
 */
import { isAlreadyExists, isNotFound } from '../../machinery/errors.js';
import { jsonEqual, type KObject } from '../../registry/meta.js';
import type { Store } from '../../registry/store.js';
import { controllerContext } from '../kube/controllers/context.js';
import type { FrontProxyConfig } from './front-proxy.js';

export const AUTHENTICATION_CONFIGMAP_NAMESPACE = 'kube-system';
export const AUTHENTICATION_CONFIGMAP_NAME = 'extension-apiserver-authentication';
const CONTROLLER = 'cluster-authentication-trust-controller';

/** The ConfigMap's data for a client CA bundle (PEM) and the front-proxy settings. */
export function authenticationConfigMapData(clientCA: string, frontProxy: FrontProxyConfig): Record<string, string> {
  return {
    'client-ca-file': clientCA,
    'requestheader-allowed-names': JSON.stringify(frontProxy.allowedNames),
    'requestheader-client-ca-file': frontProxy.requestHeaderCA,
    'requestheader-extra-headers-prefix': JSON.stringify(frontProxy.extraHeadersPrefixes),
    'requestheader-group-headers': JSON.stringify(frontProxy.groupHeaders),
    'requestheader-uid-headers': JSON.stringify(frontProxy.uidHeaders),
    'requestheader-username-headers': JSON.stringify(frontProxy.usernameHeaders),
  };
}

/** Creates the ConfigMap, or puts `data` back into it; retried a few times on write races. */
export async function publishAuthenticationConfigMap(configMaps: Store, data: Record<string, string>): Promise<void> {
  const ctx = controllerContext(AUTHENTICATION_CONFIGMAP_NAMESPACE, CONTROLLER);
  for (let attempt = 0; attempt < 5; attempt++) {
    let existing: KObject | undefined;
    try {
      existing = await configMaps.get(ctx, AUTHENTICATION_CONFIGMAP_NAME);
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    if (!existing) {
      try {
        await configMaps.create(ctx, { metadata: { name: AUTHENTICATION_CONFIGMAP_NAME, namespace: AUTHENTICATION_CONFIGMAP_NAMESPACE }, data: { ...data } });
        return;
      } catch (error) {
        if (isAlreadyExists(error)) continue;
        throw error;
      }
    }
    if (jsonEqual(existing['data'] ?? {}, data)) return;
    await configMaps.updateRaw(ctx, AUTHENTICATION_CONFIGMAP_NAME, (current) => ({ ...current, data: { ...data } }));
    return;
  }
}

/**
 * The root CA publisher (upstream's rootcacertpublisher): a `kube-root-ca.crt` ConfigMap in
 * every active namespace holding the cluster's root CA under `ca.crt`, with the description
 * annotation upstream writes; recreated when deleted, and its data and annotation restored when
 * edited (other annotations and labels are left as they are).
 */
import { jsonEqual, metaOf, type KObject } from '../../../registry/meta.js';
import type { Store } from '../../../registry/store.js';
import { NamespaceObjectController } from './namespace-objects.js';

export const ROOT_CA_CONFIG_MAP = 'kube-root-ca.crt';
export const DESCRIPTION_ANNOTATION = 'kubernetes.io/description';
export const ROOT_CA_DESCRIPTION =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. ' +
  'No other usage is guaranteed across distributions of Kubernetes clusters.';

export function rootCAPublisher(namespaces: Store, configMaps: Store, rootCA: string): NamespaceObjectController {
  const data = { 'ca.crt': rootCA };
  return new NamespaceObjectController(namespaces, configMaps, {
    controller: 'root-ca-cert-publisher',
    name: ROOT_CA_CONFIG_MAP,
    desired: (namespace) => ({ metadata: { name: ROOT_CA_CONFIG_MAP, namespace, annotations: { [DESCRIPTION_ANNOTATION]: ROOT_CA_DESCRIPTION } }, data: { ...data } }),
    repair(existing: KObject) {
      const meta = metaOf(existing);
      if (jsonEqual(existing['data'] ?? {}, data) && (meta.annotations?.[DESCRIPTION_ANNOTATION] ?? '') !== '') return false;
      existing['data'] = { ...data };
      meta.annotations = { ...(meta.annotations ?? {}), [DESCRIPTION_ANNOTATION]: ROOT_CA_DESCRIPTION };
      return true;
    },
  });
}

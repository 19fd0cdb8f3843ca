/**
 * Where each group-version sorts among the others: kube-apiserver's table of the built-in
 * APIServices' `groupPriorityMinimum` and `versionPriority` (pkg/controlplane/apiserver
 * DefaultGenericAPIServicePriorities merged with cmd/kube-apiserver's own), and the fixed
 * priorities the CRD registration controller gives every custom resource group-version.
 */

export interface APIServicePriority {
  /** `spec.groupPriorityMinimum`: higher groups are listed first. */
  readonly group: number;
  /** `spec.versionPriority`: higher versions are preferred within the group. */
  readonly version: number;
}

/** Keyed `<group>/<version>` (`/v1` for the core group). */
const BUILTIN_PRIORITIES: Readonly<Record<string, APIServicePriority>> = {
  '/v1': { group: 18000, version: 1 },
  'apps/v1': { group: 17800, version: 15 },
  'events.k8s.io/v1': { group: 17750, version: 15 },
  'events.k8s.io/v1beta1': { group: 17750, version: 5 },
  'authentication.k8s.io/v1': { group: 17700, version: 15 },
  'authentication.k8s.io/v1beta1': { group: 17700, version: 9 },
  'authentication.k8s.io/v1alpha1': { group: 17700, version: 1 },
  'authorization.k8s.io/v1': { group: 17600, version: 15 },
  'autoscaling/v1': { group: 17500, version: 15 },
  'autoscaling/v2': { group: 17500, version: 30 },
  'autoscaling/v2beta1': { group: 17500, version: 9 },
  'autoscaling/v2beta2': { group: 17500, version: 1 },
  'batch/v1': { group: 17400, version: 15 },
  'batch/v1beta1': { group: 17400, version: 9 },
  'certificates.k8s.io/v1': { group: 17300, version: 15 },
  'certificates.k8s.io/v1beta1': { group: 17300, version: 9 },
  'certificates.k8s.io/v1alpha1': { group: 17300, version: 1 },
  'networking.k8s.io/v1': { group: 17200, version: 15 },
  'networking.k8s.io/v1beta1': { group: 17200, version: 9 },
  'networking.k8s.io/v1alpha1': { group: 17200, version: 1 },
  'policy/v1': { group: 17100, version: 15 },
  'policy/v1beta1': { group: 17100, version: 9 },
  'rbac.authorization.k8s.io/v1': { group: 17000, version: 15 },
  'storage.k8s.io/v1': { group: 16800, version: 15 },
  'storage.k8s.io/v1beta1': { group: 16800, version: 9 },
  'storage.k8s.io/v1alpha1': { group: 16800, version: 1 },
  'apiextensions.k8s.io/v1': { group: 16700, version: 15 },
  'admissionregistration.k8s.io/v1': { group: 16700, version: 15 },
  'admissionregistration.k8s.io/v1beta1': { group: 16700, version: 12 },
  'admissionregistration.k8s.io/v1alpha1': { group: 16700, version: 9 },
  'scheduling.k8s.io/v1': { group: 16600, version: 15 },
  'coordination.k8s.io/v1': { group: 16500, version: 15 },
  'coordination.k8s.io/v1beta1': { group: 16500, version: 13 },
  'coordination.k8s.io/v1alpha2': { group: 16500, version: 12 },
  'node.k8s.io/v1': { group: 16300, version: 15 },
  'node.k8s.io/v1beta1': { group: 16300, version: 9 },
  'node.k8s.io/v1alpha1': { group: 16300, version: 1 },
  'discovery.k8s.io/v1': { group: 16200, version: 15 },
  'discovery.k8s.io/v1beta1': { group: 16200, version: 12 },
  'flowcontrol.apiserver.k8s.io/v1': { group: 16100, version: 21 },
  'flowcontrol.apiserver.k8s.io/v1beta3': { group: 16100, version: 18 },
  'flowcontrol.apiserver.k8s.io/v1beta2': { group: 16100, version: 15 },
  'flowcontrol.apiserver.k8s.io/v1beta1': { group: 16100, version: 12 },
  'flowcontrol.apiserver.k8s.io/v1alpha1': { group: 16100, version: 9 },
  'internal.apiserver.k8s.io/v1alpha1': { group: 16000, version: 9 },
  'resource.k8s.io/v1alpha3': { group: 15900, version: 9 },
  'storagemigration.k8s.io/v1beta1': { group: 15800, version: 9 },
};

/**
 * The priority of a built-in group-version, or undefined for one the table does not know:
 * upstream registers no APIService for those, so a group-version never lingers in the list.
 */
export function builtinPriority(group: string, version: string): APIServicePriority | undefined {
  return BUILTIN_PRIORITIES[`${group}/${version}`];
}

/** What crdregistration gives every served CRD version: low among groups, sorted by kube-like version names within. */
export const CUSTOM_RESOURCE_PRIORITY: APIServicePriority = { group: 1000, version: 100 };

/** The APIService name of a group-version: `<version>.<group>` (`v1.` for the core group). */
export function apiServiceName(group: string, version: string): string {
  return `${version}.${group}`;
}

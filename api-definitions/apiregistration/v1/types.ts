/** apiregistration.k8s.io/v1: API types imported from swagger.json by `kapi import`. */

import type { bytes, int32, ListMeta, ObjectMeta, Time, TypeMeta } from '../../meta/v1/types.js';

/**
 * +kubebuilder:resource:path=apiservices,singular=apiservice,scope=Cluster,categories=api-extensions
 * +kubebuilder:subresource:status
 */
export interface APIService extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: APIServiceSpec;
  status?: APIServiceStatus;
}

export interface APIServiceCondition {
  lastTransitionTime?: Time;
  message?: string;
  reason?: string;
  type: string;
  status: string;
}

export interface APIServiceList extends TypeMeta {
  items: APIService[];
  metadata?: ListMeta;
}

export interface APIServiceSpec {
  /** +listType=atomic */
  caBundle?: bytes;
  group?: string;
  groupPriorityMinimum: int32;
  insecureSkipTLSVerify?: boolean;
  service?: ServiceReference;
  version?: string;
  versionPriority: int32;
}

export interface APIServiceStatus {
  /**
   * +listType=map
   * +listMapKey=type
   * +patchStrategy=merge
   * +patchMergeKey=type
   */
  conditions?: APIServiceCondition[];
}

export interface ServiceReference {
  name?: string;
  namespace?: string;
  port?: int32;
}

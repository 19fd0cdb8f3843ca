/**
 * rbac.authorization.k8s.io/v1: API types imported from swagger.json and generated.proto by `kapi import`.
 */

import type { LabelSelector, ListMeta, ObjectMeta, TypeMeta } from '../../meta/v1/types.js';

export interface AggregationRule {
  /**
   * +listType=atomic
   * +protobuf=1
   */
  clusterRoleSelectors?: LabelSelector[];
}

/** +kubebuilder:resource:path=clusterroles,singular=clusterrole,scope=Cluster */
export interface ClusterRole extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ObjectMeta;
  /**
   * +listType=atomic
   * +protobuf=2
   */
  rules?: PolicyRule[];
  /** +protobuf=3 */
  aggregationRule?: AggregationRule;
}

/** +kubebuilder:resource:path=clusterrolebindings,singular=clusterrolebinding,scope=Cluster */
export interface ClusterRoleBinding extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ObjectMeta;
  /**
   * +listType=atomic
   * +protobuf=2
   */
  subjects?: Subject[];
  /** +protobuf=3 */
  roleRef: RoleRef;
}

export interface ClusterRoleBindingList extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ListMeta;
  /** +protobuf=2 */
  items: ClusterRoleBinding[];
}

export interface ClusterRoleList extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ListMeta;
  /** +protobuf=2 */
  items: ClusterRole[];
}

export interface PolicyRule {
  /**
   * +listType=atomic
   * +protobuf=1
   */
  verbs: string[];
  /**
   * +listType=atomic
   * +protobuf=2
   */
  apiGroups?: string[];
  /**
   * +listType=atomic
   * +protobuf=3
   */
  resources?: string[];
  /**
   * +listType=atomic
   * +protobuf=4
   */
  resourceNames?: string[];
  /**
   * +listType=atomic
   * +protobuf=5
   */
  nonResourceURLs?: string[];
}

/** +kubebuilder:resource:path=roles,singular=role,scope=Namespaced */
export interface Role extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ObjectMeta;
  /**
   * +listType=atomic
   * +protobuf=2
   */
  rules?: PolicyRule[];
}

/** +kubebuilder:resource:path=rolebindings,singular=rolebinding,scope=Namespaced */
export interface RoleBinding extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ObjectMeta;
  /**
   * +listType=atomic
   * +protobuf=2
   */
  subjects?: Subject[];
  /** +protobuf=3 */
  roleRef: RoleRef;
}

export interface RoleBindingList extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ListMeta;
  /** +protobuf=2 */
  items: RoleBinding[];
}

export interface RoleList extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ListMeta;
  /** +protobuf=2 */
  items: Role[];
}

/** +structType=atomic */
export interface RoleRef {
  /** +protobuf=1 */
  apiGroup?: string;
  /** +protobuf=2 */
  kind: string;
  /** +protobuf=3 */
  name: string;
}

/** +structType=atomic */
export interface Subject {
  /** +protobuf=1 */
  kind: string;
  /** +protobuf=2 */
  apiGroup?: string;
  /** +protobuf=3 */
  name: string;
  /** +protobuf=4 */
  namespace?: string;
}

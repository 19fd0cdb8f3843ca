/** apps/v1: API types imported from swagger.json and generated.proto by `kapi import`. */

import type {
  int32,
  int64,
  IntOrString,
  LabelSelector,
  ListMeta,
  ObjectMeta,
  RawExtension,
  Time,
  TypeMeta,
} from '../../meta/v1/types.js';
import type { PersistentVolumeClaim, PodTemplateSpec } from '../../core/v1/types.js';

/** +kubebuilder:resource:path=controllerrevisions,singular=controllerrevision,scope=Namespaced */
export interface ControllerRevision extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ObjectMeta;
  /** +protobuf=2 */
  data?: RawExtension;
  /** +protobuf=3 */
  revision: int64;
}

export interface ControllerRevisionList extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ListMeta;
  /** +protobuf=2 */
  items: ControllerRevision[];
}

/**
 * +kubebuilder:resource:path=daemonsets,singular=daemonset,scope=Namespaced,shortName=ds,categories=all
 * +kubebuilder:subresource:status
 */
export interface DaemonSet extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ObjectMeta;
  /** +protobuf=2 */
  spec?: DaemonSetSpec;
  /** +protobuf=3 */
  status?: DaemonSetStatus;
}

export interface DaemonSetCondition {
  /** +protobuf=1 */
  type: string;
  /** +protobuf=2 */
  status: string;
  /** +protobuf=3 */
  lastTransitionTime?: Time;
  /** +protobuf=4 */
  reason?: string;
  /** +protobuf=5 */
  message?: string;
}

export interface DaemonSetList extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ListMeta;
  /** +protobuf=2 */
  items: DaemonSet[];
}

export interface DaemonSetSpec {
  /** +protobuf=1 */
  selector: LabelSelector;
  /** +protobuf=2 */
  template: PodTemplateSpec;
  /** +protobuf=3 */
  updateStrategy?: DaemonSetUpdateStrategy;
  /** +protobuf=4 */
  minReadySeconds?: int32;
  /** +protobuf=6 */
  revisionHistoryLimit?: int32;
}

export interface DaemonSetStatus {
  /** +protobuf=1 */
  currentNumberScheduled: int32;
  /** +protobuf=2 */
  numberMisscheduled: int32;
  /** +protobuf=3 */
  desiredNumberScheduled: int32;
  /** +protobuf=4 */
  numberReady: int32;
  /** +protobuf=5 */
  observedGeneration?: int64;
  /** +protobuf=6 */
  updatedNumberScheduled?: int32;
  /** +protobuf=7 */
  numberAvailable?: int32;
  /** +protobuf=8 */
  numberUnavailable?: int32;
  /** +protobuf=9 */
  collisionCount?: int32;
  /**
   * +listType=map
   * +listMapKey=type
   * +patchStrategy=merge
   * +patchMergeKey=type
   * +protobuf=10
   */
  conditions?: DaemonSetCondition[];
}

export interface DaemonSetUpdateStrategy {
  /** +protobuf=1 */
  type?: string;
  /** +protobuf=2 */
  rollingUpdate?: RollingUpdateDaemonSet;
}

/**
 * +kubebuilder:resource:path=deployments,singular=deployment,scope=Namespaced,shortName=deploy,categories=all
 * +kubebuilder:subresource:status
 * +kubebuilder:subresource:scale:specpath=.spec.replicas,statuspath=.status.replicas,selectorpath=.spec.selector
 */
export interface Deployment extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ObjectMeta;
  /** +protobuf=2 */
  spec?: DeploymentSpec;
  /** +protobuf=3 */
  status?: DeploymentStatus;
}

export interface DeploymentCondition {
  /** +protobuf=1 */
  type: string;
  /** +protobuf=2 */
  status: string;
  /** +protobuf=4 */
  reason?: string;
  /** +protobuf=5 */
  message?: string;
  /** +protobuf=6 */
  lastUpdateTime?: Time;
  /** +protobuf=7 */
  lastTransitionTime?: Time;
}

export interface DeploymentList extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ListMeta;
  /** +protobuf=2 */
  items: Deployment[];
}

export interface DeploymentSpec {
  /** +protobuf=1 */
  replicas?: int32;
  /** +protobuf=2 */
  selector: LabelSelector;
  /** +protobuf=3 */
  template: PodTemplateSpec;
  /**
   * +patchStrategy=retainKeys
   * +protobuf=4
   */
  strategy?: DeploymentStrategy;
  /** +protobuf=5 */
  minReadySeconds?: int32;
  /** +protobuf=6 */
  revisionHistoryLimit?: int32;
  /** +protobuf=7 */
  paused?: boolean;
  /** +protobuf=9 */
  progressDeadlineSeconds?: int32;
}

export interface DeploymentStatus {
  /** +protobuf=1 */
  observedGeneration?: int64;
  /** +protobuf=2 */
  replicas?: int32;
  /** +protobuf=3 */
  updatedReplicas?: int32;
  /** +protobuf=4 */
  availableReplicas?: int32;
  /** +protobuf=5 */
  unavailableReplicas?: int32;
  /**
   * +listType=map
   * +listMapKey=type
   * +patchStrategy=merge
   * +patchMergeKey=type
   * +protobuf=6
   */
  conditions?: DeploymentCondition[];
  /** +protobuf=7 */
  readyReplicas?: int32;
  /** +protobuf=8 */
  collisionCount?: int32;
  /** +protobuf=9 */
  terminatingReplicas?: int32;
}

export interface DeploymentStrategy {
  /** +protobuf=1 */
  type?: string;
  /** +protobuf=2 */
  rollingUpdate?: RollingUpdateDeployment;
}

/**
 * +kubebuilder:resource:path=replicasets,singular=replicaset,scope=Namespaced,shortName=rs,categories=all
 * +kubebuilder:subresource:status
 * +kubebuilder:subresource:scale:specpath=.spec.replicas,statuspath=.status.replicas,selectorpath=.spec.selector
 */
export interface ReplicaSet extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ObjectMeta;
  /** +protobuf=2 */
  spec?: ReplicaSetSpec;
  /** +protobuf=3 */
  status?: ReplicaSetStatus;
}

export interface ReplicaSetCondition {
  /** +protobuf=1 */
  type: string;
  /** +protobuf=2 */
  status: string;
  /** +protobuf=3 */
  lastTransitionTime?: Time;
  /** +protobuf=4 */
  reason?: string;
  /** +protobuf=5 */
  message?: string;
}

export interface ReplicaSetList extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ListMeta;
  /** +protobuf=2 */
  items: ReplicaSet[];
}

export interface ReplicaSetSpec {
  /** +protobuf=1 */
  replicas?: int32;
  /** +protobuf=2 */
  selector: LabelSelector;
  /** +protobuf=3 */
  template?: PodTemplateSpec;
  /** +protobuf=4 */
  minReadySeconds?: int32;
}

export interface ReplicaSetStatus {
  /** +protobuf=1 */
  replicas: int32;
  /** +protobuf=2 */
  fullyLabeledReplicas?: int32;
  /** +protobuf=3 */
  observedGeneration?: int64;
  /** +protobuf=4 */
  readyReplicas?: int32;
  /** +protobuf=5 */
  availableReplicas?: int32;
  /**
   * +listType=map
   * +listMapKey=type
   * +patchStrategy=merge
   * +patchMergeKey=type
   * +protobuf=6
   */
  conditions?: ReplicaSetCondition[];
  /** +protobuf=7 */
  terminatingReplicas?: int32;
}

export interface RollingUpdateDaemonSet {
  /** +protobuf=1 */
  maxUnavailable?: IntOrString;
  /** +protobuf=2 */
  maxSurge?: IntOrString;
}

export interface RollingUpdateDeployment {
  /** +protobuf=1 */
  maxUnavailable?: IntOrString;
  /** +protobuf=2 */
  maxSurge?: IntOrString;
}

export interface RollingUpdateStatefulSetStrategy {
  /** +protobuf=1 */
  partition?: int32;
  /** +protobuf=2 */
  maxUnavailable?: IntOrString;
}

/**
 * +kubebuilder:resource:path=statefulsets,singular=statefulset,scope=Namespaced,shortName=sts,categories=all
 * +kubebuilder:subresource:status
 * +kubebuilder:subresource:scale:specpath=.spec.replicas,statuspath=.status.replicas,selectorpath=.spec.selector
 */
export interface StatefulSet extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ObjectMeta;
  /** +protobuf=2 */
  spec?: StatefulSetSpec;
  /** +protobuf=3 */
  status?: StatefulSetStatus;
}

export interface StatefulSetCondition {
  /** +protobuf=1 */
  type: string;
  /** +protobuf=2 */
  status: string;
  /** +protobuf=3 */
  lastTransitionTime?: Time;
  /** +protobuf=4 */
  reason?: string;
  /** +protobuf=5 */
  message?: string;
}

export interface StatefulSetList extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ListMeta;
  /** +protobuf=2 */
  items: StatefulSet[];
}

export interface StatefulSetOrdinals {
  /** +protobuf=1 */
  start?: int32;
}

export interface StatefulSetPersistentVolumeClaimRetentionPolicy {
  /** +protobuf=1 */
  whenDeleted?: string;
  /** +protobuf=2 */
  whenScaled?: string;
}

export interface StatefulSetSpec {
  /** +protobuf=1 */
  replicas?: int32;
  /** +protobuf=2 */
  selector: LabelSelector;
  /** +protobuf=3 */
  template: PodTemplateSpec;
  /**
   * +listType=atomic
   * +protobuf=4
   */
  volumeClaimTemplates?: PersistentVolumeClaim[];
  /** +protobuf=5 */
  serviceName?: string;
  /** +protobuf=6 */
  podManagementPolicy?: string;
  /** +protobuf=7 */
  updateStrategy?: StatefulSetUpdateStrategy;
  /** +protobuf=8 */
  revisionHistoryLimit?: int32;
  /** +protobuf=9 */
  minReadySeconds?: int32;
  /** +protobuf=10 */
  persistentVolumeClaimRetentionPolicy?: StatefulSetPersistentVolumeClaimRetentionPolicy;
  /** +protobuf=11 */
  ordinals?: StatefulSetOrdinals;
}

export interface StatefulSetStatus {
  /** +protobuf=1 */
  observedGeneration?: int64;
  /** +protobuf=2 */
  replicas: int32;
  /** +protobuf=3 */
  readyReplicas?: int32;
  /** +protobuf=4 */
  currentReplicas?: int32;
  /** +protobuf=5 */
  updatedReplicas?: int32;
  /** +protobuf=6 */
  currentRevision?: string;
  /** +protobuf=7 */
  updateRevision?: string;
  /** +protobuf=9 */
  collisionCount?: int32;
  /**
   * +listType=map
   * +listMapKey=type
   * +patchStrategy=merge
   * +patchMergeKey=type
   * +protobuf=10
   */
  conditions?: StatefulSetCondition[];
  /** +protobuf=11 */
  availableReplicas?: int32;
}

export interface StatefulSetUpdateStrategy {
  /** +protobuf=1 */
  type?: string;
  /** +protobuf=2 */
  rollingUpdate?: RollingUpdateStatefulSetStrategy;
}

/** storage.k8s.io/v1: API types imported from swagger.json and generated.proto by `kapi import`. */

import type {
  int32,
  int64,
  LabelSelector,
  ListMeta,
  ObjectMeta,
  Quantity,
  Time,
  TypeMeta,
} from '../../meta/v1/types.js';
import type { PersistentVolumeSpec, TopologySelectorTerm } from '../../core/v1/types.js';

/** +kubebuilder:resource:path=csidrivers,singular=csidriver,scope=Cluster */
export interface CSIDriver extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ObjectMeta;
  /** +protobuf=2 */
  spec: CSIDriverSpec;
}

export interface CSIDriverList extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ListMeta;
  /** +protobuf=2 */
  items: CSIDriver[];
}

export interface CSIDriverSpec {
  /** +protobuf=1 */
  attachRequired?: boolean;
  /** +protobuf=2 */
  podInfoOnMount?: boolean;
  /**
   * +listType=set
   * +protobuf=3
   */
  volumeLifecycleModes?: string[];
  /** +protobuf=4 */
  storageCapacity?: boolean;
  /** +protobuf=5 */
  fsGroupPolicy?: string;
  /**
   * +listType=atomic
   * +protobuf=6
   */
  tokenRequests?: TokenRequest[];
  /** +protobuf=7 */
  requiresRepublish?: boolean;
  /** +protobuf=8 */
  seLinuxMount?: boolean;
  /** +protobuf=9 */
  nodeAllocatableUpdatePeriodSeconds?: int64;
  /** +protobuf=10 */
  serviceAccountTokenInSecrets?: boolean;
  /** +protobuf=11 */
  preventPodSchedulingIfMissing?: boolean;
}

/** +kubebuilder:resource:path=csinodes,singular=csinode,scope=Cluster */
export interface CSINode extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ObjectMeta;
  /** +protobuf=2 */
  spec: CSINodeSpec;
  // Only in generated.proto (newer than the OpenAPI document).
  /** +protobuf=3 */
  status?: CSINodeStatus;
}

export interface CSINodeDriver {
  /** +protobuf=1 */
  name: string;
  /** +protobuf=2 */
  nodeID: string;
  /**
   * +listType=atomic
   * +protobuf=3
   */
  topologyKeys?: string[];
  /** +protobuf=4 */
  allocatable?: VolumeNodeResources;
}

export interface CSINodeList extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ListMeta;
  /** +protobuf=2 */
  items: CSINode[];
}

export interface CSINodeSpec {
  /**
   * +listType=map
   * +listMapKey=name
   * +patchStrategy=merge
   * +patchMergeKey=name
   * +protobuf=1
   */
  drivers: CSINodeDriver[];
}

// Only in generated.proto (newer than the OpenAPI document).
export interface CSINodeStatus {
  /** +protobuf=1 */
  storageHealth?: StorageHealth[];
}

/** +kubebuilder:resource:path=csistoragecapacities,singular=csistoragecapacity,scope=Namespaced */
export interface CSIStorageCapacity extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ObjectMeta;
  /** +protobuf=2 */
  nodeTopology?: LabelSelector;
  /** +protobuf=3 */
  storageClassName: string;
  /** +protobuf=4 */
  capacity?: Quantity;
  /** +protobuf=5 */
  maximumVolumeSize?: Quantity;
}

export interface CSIStorageCapacityList extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ListMeta;
  /** +protobuf=2 */
  items: CSIStorageCapacity[];
}

/** +kubebuilder:resource:path=storageclasses,singular=storageclass,scope=Cluster,shortName=sc */
export interface StorageClass extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ObjectMeta;
  /** +protobuf=2 */
  provisioner: string;
  /** +protobuf=3 */
  parameters?: Record<string, string>;
  /** +protobuf=4 */
  reclaimPolicy?: string;
  /**
   * +listType=atomic
   * +protobuf=5
   */
  mountOptions?: string[];
  /** +protobuf=6 */
  allowVolumeExpansion?: boolean;
  /** +protobuf=7 */
  volumeBindingMode?: string;
  /**
   * +listType=atomic
   * +protobuf=8
   */
  allowedTopologies?: TopologySelectorTerm[];
}

export interface StorageClassList extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ListMeta;
  /** +protobuf=2 */
  items: StorageClass[];
}

// Only in generated.proto (newer than the OpenAPI document).
export interface StorageHealth {
  /** +protobuf=1 */
  name?: string;
  /** +protobuf=2 */
  healthConditions?: StorageHealthCondition[];
}

// Only in generated.proto (newer than the OpenAPI document).
export interface StorageHealthCondition {
  /** +protobuf=1 */
  status?: string;
  /** +protobuf=2 */
  reason?: string;
  /** +protobuf=3 */
  message?: string;
  /** +protobuf=4 */
  accessMode?: string;
  /** +protobuf=5 */
  volumeMode?: string;
  /** +protobuf=6 */
  lastTransitionTime?: Time;
}

export interface TokenRequest {
  /** +protobuf=1 */
  audience: string;
  /** +protobuf=2 */
  expirationSeconds?: int64;
}

/**
 * +kubebuilder:resource:path=volumeattachments,singular=volumeattachment,scope=Cluster
 * +kubebuilder:subresource:status
 */
export interface VolumeAttachment extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ObjectMeta;
  /** +protobuf=2 */
  spec: VolumeAttachmentSpec;
  /** +protobuf=3 */
  status?: VolumeAttachmentStatus;
}

export interface VolumeAttachmentList extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ListMeta;
  /** +protobuf=2 */
  items: VolumeAttachment[];
}

export interface VolumeAttachmentSource {
  /** +protobuf=1 */
  persistentVolumeName?: string;
  /** +protobuf=2 */
  inlineVolumeSpec?: PersistentVolumeSpec;
}

export interface VolumeAttachmentSpec {
  /** +protobuf=1 */
  attacher: string;
  /** +protobuf=2 */
  source: VolumeAttachmentSource;
  /** +protobuf=3 */
  nodeName: string;
}

export interface VolumeAttachmentStatus {
  /** +protobuf=1 */
  attached: boolean;
  /** +protobuf=2 */
  attachmentMetadata?: Record<string, string>;
  /** +protobuf=3 */
  attachError?: VolumeError;
  /** +protobuf=4 */
  detachError?: VolumeError;
}

/**
 * +kubebuilder:resource:path=volumeattributesclasses,singular=volumeattributesclass,scope=Cluster,shortName=vac
 */
export interface VolumeAttributesClass extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ObjectMeta;
  /** +protobuf=2 */
  driverName: string;
  /** +protobuf=3 */
  parameters?: Record<string, string>;
}

export interface VolumeAttributesClassList extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ListMeta;
  /** +protobuf=2 */
  items: VolumeAttributesClass[];
}

export interface VolumeError {
  /** +protobuf=1 */
  time?: Time;
  /** +protobuf=2 */
  message?: string;
  /** +protobuf=3 */
  errorCode?: int32;
}

export interface VolumeNodeResources {
  /** +protobuf=1 */
  count?: int32;
}

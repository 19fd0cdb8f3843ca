/** shop.example.com/v1: API types imported from swagger.json and generated.proto by `kapi import`. */

import type {
  bytes,
  Condition,
  float64,
  int32,
  int64,
  IntOrString,
  JSON,
  ListMeta,
  MicroTime,
  ObjectMeta,
  Quantity,
  RawExtension,
  Time,
  TypeMeta,
} from '../../meta/v1/types.js';
import type { ObjectReference } from '../../core/v1/types.js';

export type Anything = JSON;

export interface EmptyDirSource {
  /** +protobuf=1 */
  medium?: string;
}

// A named list: in protobuf a message of its own, `{ repeated … items = 1; }`.
export type ExtraValue = string[];

export interface HostPathSource {
  /** +protobuf=1 */
  path: string;
}

/** +structType=atomic */
export interface Port {
  /** +protobuf=1 */
  port: int32;
  /** +protobuf=2 */
  protocol?: string;
}

// Only in generated.proto (newer than the OpenAPI document).
export interface Rollout {
  /** +protobuf=1 */
  maxUnavailable?: int32;
  /** +protobuf=2 */
  notes?: string[];
  /** +protobuf=3 */
  since?: Time;
}

/** +protobufEmbed=VolumeSource:2 */
export interface Volume extends VolumeSource {
  /** +protobuf=1 */
  name: string;
}

export interface VolumeSource {
  /** +protobuf=1 */
  hostPath?: HostPathSource;
  /** +protobuf=2 */
  emptyDir?: EmptyDirSource;
}

/**
 * +kubebuilder:resource:path=widgets,singular=widget,scope=Namespaced
 * +kubebuilder:subresource:status
 * +kubebuilder:subresource:scale:specpath=.spec.replicas,statuspath=.status.replicas
 */
export interface Widget extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ObjectMeta;
  /** +protobuf=2 */
  spec?: WidgetSpec;
  /** +protobuf=3 */
  status?: WidgetStatus;
}

export interface WidgetList extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ListMeta;
  /** +protobuf=2 */
  items: Widget[];
}

/**
 * +kubebuilder:resource:path=widgetreviews,singular=widgetreview,scope=Cluster
 * +genclient:onlyVerbs=create
 */
export interface WidgetReview extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ObjectMeta;
  /** +protobuf=2 */
  spec: WidgetReviewSpec;
}

export interface WidgetReviewSpec {
  /** +protobuf=1 */
  widget?: string;
}

export interface WidgetSpec {
  /** +protobuf=2 */
  replicas: int32;
  /**
   * +kubebuilder:validation:MinLength=1
   * +kubebuilder:validation:MaxLength=63
   * +kubebuilder:validation:Pattern=^[a-z]+$
   * +protobuf=1
   */
  name: string;
  /** +protobuf=3 */
  revisionHistoryLimit?: int64;
  /** +protobuf=4 */
  ratio?: float64;
  /** +protobuf=5 */
  paused?: boolean;
  /** +protobuf=6 */
  payload?: bytes;
  /** +protobuf=7 */
  startTime?: Time;
  /** +protobuf=8 */
  renewTime?: MicroTime;
  /** +protobuf=9 */
  memory?: Quantity;
  /** +protobuf=10 */
  maxSurge?: IntOrString;
  /** +protobuf=11 */
  template?: RawExtension;
  /**
   * +listType=map
   * +listMapKey=type
   * +patchStrategy=merge
   * +patchMergeKey=type
   * +protobuf=12
   */
  conditions?: Condition[];
  /**
   * +mapType=atomic
   * +protobuf=13
   */
  labels?: Record<string, string>;
  /**
   * +listType=map
   * +listMapKey=port
   * +listMapKey=protocol
   * +protobuf=14
   */
  ports?: Port[];
  /**
   * +listType=atomic
   * +protobuf=15
   */
  volumes?: Volume[];
  /** +protobuf=16 */
  owner?: ObjectReference;
  /**
   * +kubebuilder:validation:Minimum=0
   * +kubebuilder:validation:Maximum=100
   * +protobuf=17
   */
  weight?: int32;
  /** +protobuf=18 */
  extra?: Record<string, ExtraValue>;
  /**
   * +kubebuilder:validation:Minimum=0
   * +kubebuilder:validation:ExclusiveMinimum=true
   * +protobuf=19
   */
  tolerance?: float64;
  /**
   * +default="Auto"
   * +protobuf=20
   */
  mode?: string;
  // Only in generated.proto (newer than the OpenAPI document).
  /** +protobuf=22 */
  rollout?: Rollout;
  // future (protobuf 21) is not imported: it needs k8s.io.api.future.v1alpha1.Thing, which is in no package under api-definitions
}

export interface WidgetStatus {
  /** +protobuf=1 */
  observedGeneration?: int64;
  /** +protobuf=2 */
  phase?: string;
}

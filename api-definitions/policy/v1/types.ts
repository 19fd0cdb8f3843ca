/** policy/v1: API types imported from swagger.json and generated.proto by `kapi import`. */

import type {
  Condition,
  DeleteOptions,
  int32,
  int64,
  IntOrString,
  LabelSelector,
  ListMeta,
  ObjectMeta,
  Time,
  TypeMeta,
} from '../../meta/v1/types.js';

export interface Eviction extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ObjectMeta;
  /** +protobuf=2 */
  deleteOptions?: DeleteOptions;
}

/**
 * +kubebuilder:resource:path=poddisruptionbudgets,singular=poddisruptionbudget,scope=Namespaced,shortName=pdb
 * +kubebuilder:subresource:status
 */
export interface PodDisruptionBudget extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ObjectMeta;
  /** +protobuf=2 */
  spec?: PodDisruptionBudgetSpec;
  /** +protobuf=3 */
  status?: PodDisruptionBudgetStatus;
}

export interface PodDisruptionBudgetList extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ListMeta;
  /** +protobuf=2 */
  items: PodDisruptionBudget[];
}

export interface PodDisruptionBudgetSpec {
  /** +protobuf=1 */
  minAvailable?: IntOrString;
  /**
   * +patchStrategy=replace
   * +protobuf=2
   */
  selector?: LabelSelector;
  /** +protobuf=3 */
  maxUnavailable?: IntOrString;
  /** +protobuf=4 */
  unhealthyPodEvictionPolicy?: string;
}

export interface PodDisruptionBudgetStatus {
  /** +protobuf=1 */
  observedGeneration?: int64;
  /** +protobuf=2 */
  disruptedPods?: Record<string, Time>;
  /** +protobuf=3 */
  disruptionsAllowed?: int32;
  /** +protobuf=4 */
  currentHealthy?: int32;
  /** +protobuf=5 */
  desiredHealthy?: int32;
  /** +protobuf=6 */
  expectedPods?: int32;
  /**
   * +listType=map
   * +listMapKey=type
   * +patchStrategy=merge
   * +patchMergeKey=type
   * +protobuf=7
   */
  conditions?: Condition[];
}

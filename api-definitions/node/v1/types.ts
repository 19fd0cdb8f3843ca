/** node.k8s.io/v1: API types imported from swagger.json and generated.proto by `kapi import`. */

import type { ListMeta, ObjectMeta, Quantity, TypeMeta } from '../../meta/v1/types.js';
import type { Toleration } from '../../core/v1/types.js';

export interface Overhead {
  /** +protobuf=1 */
  podFixed?: Record<string, Quantity>;
}

/** +kubebuilder:resource:path=runtimeclasses,singular=runtimeclass,scope=Cluster */
export interface RuntimeClass extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ObjectMeta;
  /** +protobuf=2 */
  handler: string;
  /** +protobuf=3 */
  overhead?: Overhead;
  /** +protobuf=4 */
  scheduling?: Scheduling;
}

export interface RuntimeClassList extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ListMeta;
  /** +protobuf=2 */
  items: RuntimeClass[];
}

export interface Scheduling {
  /**
   * +mapType=atomic
   * +protobuf=1
   */
  nodeSelector?: Record<string, string>;
  /**
   * +listType=atomic
   * +protobuf=2
   */
  tolerations?: Toleration[];
}

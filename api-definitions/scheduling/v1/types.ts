/** scheduling.k8s.io/v1: API types imported from swagger.json and generated.proto by `kapi import`. */

import type { int32, ListMeta, ObjectMeta, TypeMeta } from '../../meta/v1/types.js';

/** +kubebuilder:resource:path=priorityclasses,singular=priorityclass,scope=Cluster,shortName=pc */
export interface PriorityClass extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ObjectMeta;
  /** +protobuf=2 */
  value?: int32;
  /** +protobuf=3 */
  globalDefault?: boolean;
  // Only in generated.proto (newer than the OpenAPI document).
  /** +protobuf=4 */
  description?: string;
  /** +protobuf=5 */
  preemptionPolicy?: string;
}

export interface PriorityClassList extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ListMeta;
  /** +protobuf=2 */
  items: PriorityClass[];
}

/** coordination.k8s.io/v1: API types imported from swagger.json and generated.proto by `kapi import`. */

import type { int32, ListMeta, MicroTime, ObjectMeta, TypeMeta } from '../../meta/v1/types.js';

/** +kubebuilder:resource:path=leases,singular=lease,scope=Namespaced */
export interface Lease extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ObjectMeta;
  /** +protobuf=2 */
  spec?: LeaseSpec;
}

export interface LeaseList extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ListMeta;
  /** +protobuf=2 */
  items: Lease[];
}

export interface LeaseSpec {
  /** +protobuf=1 */
  holderIdentity?: string;
  /** +protobuf=2 */
  leaseDurationSeconds?: int32;
  /** +protobuf=3 */
  acquireTime?: MicroTime;
  /** +protobuf=4 */
  renewTime?: MicroTime;
  /** +protobuf=5 */
  leaseTransitions?: int32;
  /** +protobuf=6 */
  strategy?: string;
  /** +protobuf=7 */
  preferredHolder?: string;
}

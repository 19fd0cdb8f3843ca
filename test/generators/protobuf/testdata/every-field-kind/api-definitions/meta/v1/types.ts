/** A small meta/v1 for the golden case; field numbers as upstream's. */
export * from './scalars.js';

import type { int64, Time } from './scalars.js';

/** Inlined into top-level objects; travels in the envelope, never numbered. */
export interface TypeMeta {
  kind?: string;
  apiVersion?: string;
}

export interface ObjectMeta {
  /** +protobuf=1 */
  name?: string;
  /** +protobuf=3 */
  namespace?: string;
  /** +protobuf=5 */
  uid?: string;
  /** +protobuf=6 */
  resourceVersion?: string;
  /** +protobuf=7 */
  generation?: int64;
  /** +protobuf=8 */
  creationTimestamp?: Time;
  /** +protobuf=11 */
  labels?: Record<string, string>;
  /** +protobuf=12 */
  annotations?: Record<string, string>;
  /** +protobuf=14 */
  finalizers?: string[];
}

export interface ListMeta {
  /** +protobuf=2 */
  resourceVersion?: string;
  /** +protobuf=3 */
  continue?: string;
  /** +protobuf=4 */
  remainingItemCount?: int64;
}

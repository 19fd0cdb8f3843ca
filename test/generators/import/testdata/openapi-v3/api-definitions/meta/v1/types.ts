import type { int64, Time } from './scalars.js';
export * from './scalars.js';

/** Carries apiVersion and kind; inlined into every kind. */
export interface TypeMeta {
  apiVersion?: string;
  kind?: string;
}

/** Metadata of a stored object. */
export interface ObjectMeta {
  /** +protobuf=1 */
  name?: string;
  /** +protobuf=3 */
  namespace?: string;
  /** +protobuf=6 */
  resourceVersion?: string;
  /** +protobuf=8 */
  creationTimestamp?: Time;
  /**
   * +protobuf=11
   */
  labels?: Record<string, string>;
  /** +protobuf=12 */
  annotations?: Record<string, string>;
  /**
   * +protobuf=14
   * +listType=set
   */
  finalizers?: string[];
}

/** Metadata of a list. */
export interface ListMeta {
  /** +protobuf=2 */
  resourceVersion?: string;
  /** +protobuf=3 */
  continue?: string;
  /** +protobuf=4 */
  remainingItemCount?: int64;
}

/** A condition of an object. */
export interface Condition {
  /** +protobuf=1 */
  type: string;
  /** +protobuf=2 */
  status: string;
  /** +protobuf=4 */
  lastTransitionTime?: Time;
  /** +protobuf=6 */
  message?: string;
}

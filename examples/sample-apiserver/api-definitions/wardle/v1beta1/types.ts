/** wardle.example.com/v1beta1: Flunders with a field per kind of reference (no Fischers). */
import type { ListMeta, ObjectMeta, TypeMeta } from '../../../../../api-definitions/meta/v1/types.js';

export type ReferenceType = string;

export interface FlunderSpec {
  /**
   * The name of another flunder; excludes fischerReference.
   * +protobuf=1
   */
  flunderReference?: string;
  /**
   * The name of a fischer; excludes flunderReference.
   * +protobuf=2
   */
  fischerReference?: string;
  /**
   * `Flunder` or `Fischer`: which of the two references is set.
   * +protobuf=3
   */
  referenceType?: ReferenceType;
}

export interface FlunderStatus {}

/**
 * +kubebuilder:resource:path=flunders,singular=flunder,scope=Namespaced
 */
export interface Flunder extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ObjectMeta;
  /** +protobuf=2 */
  spec?: FlunderSpec;
  /** +protobuf=3 */
  status?: FlunderStatus;
}

export interface FlunderList extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ListMeta;
  /** +protobuf=2 */
  items: Flunder[];
}

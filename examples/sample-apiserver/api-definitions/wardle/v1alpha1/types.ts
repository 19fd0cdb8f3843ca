/** wardle.example.com/v1alpha1: Flunders with one `reference` and its type, and Fischers. */
import type { ListMeta, ObjectMeta, TypeMeta } from '../../../../../api-definitions/meta/v1/types.js';

export type ReferenceType = string;

export interface FlunderSpec {
  /**
   * The name of another flunder or of a fischer, as referenceType says.
   * +protobuf=1
   */
  reference?: string;
  /**
   * `Flunder` (the default when reference is set) or `Fischer`.
   * +protobuf=2
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

/**
 * +kubebuilder:resource:path=fischers,singular=fischer,scope=Cluster
 */
export interface Fischer extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ObjectMeta;
  /**
   * Names no flunder may be created with while this fischer exists.
   * +protobuf=2
   */
  disallowedFlunders?: string[];
}

export interface FischerList extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ListMeta;
  /** +protobuf=2 */
  items: Fischer[];
}

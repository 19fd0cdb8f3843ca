import type { ObjectMeta, TypeMeta } from '../../meta/v1/types.js';

/**
 * +kubebuilder:resource:path=things,scope=Galactic
 */
export interface Thing extends TypeMeta {
  metadata?: ObjectMeta;
  /**
   * +listType=bag
   * +protobuf=zero
   */
  parts?: string[];
  /** +kubebuilder:validation:MaxLength=long */
  name?: string;
}

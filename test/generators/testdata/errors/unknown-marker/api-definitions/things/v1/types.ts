import type { ObjectMeta, TypeMeta } from '../../meta/v1/types.js';

export interface Thing extends TypeMeta {
  metadata?: ObjectMeta;
  /**
   * +frobnicate=yes
   */
  size?: string;
}

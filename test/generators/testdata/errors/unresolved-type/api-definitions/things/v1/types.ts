import type { ObjectMeta, TypeMeta } from '../../meta/v1/types.js';

export interface Thing extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: ThingSpec;
  shape?: 'round' | 'square';
  when?: Date;
}

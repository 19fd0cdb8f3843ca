import type { int32, ObjectMeta, TypeMeta } from '../meta/v1/types.js';

export interface Thing extends TypeMeta {
  metadata?: ObjectMeta;
  size?: int32;
}

import type { int32, ListMeta, ObjectMeta, Quantity, TypeMeta } from '../../meta/v1/types.js';

/**
 * The first widget version: replicas were called replicaCount, and there were no parts.
 * +kubebuilder:resource:path=widgets,scope=Namespaced,shortName=wd;wdg,categories=all
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec: WidgetSpec;
}

export interface WidgetList extends TypeMeta {
  metadata?: ListMeta;
  items: Widget[];
}

export interface WidgetSpec {
  /** +default=1 */
  replicaCount?: int32;
  size: Quantity;
  color?: string;
  ports?: Port[];
}

export interface Port {
  name: string;
  port: int32;
}

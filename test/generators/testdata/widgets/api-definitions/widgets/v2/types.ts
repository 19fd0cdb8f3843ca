import type { Condition, Duration, int32, int64, ListMeta, ObjectMeta, Quantity, RawExtension, Time, TypeMeta } from '../../meta/v1/types.js';

/** +enum */
export type Color = 'Red' | 'Green' | 'Blue';
export type Protocol = 'TCP' | 'UDP';

/**
 * A widget.
 * +kubebuilder:resource:path=widgets,scope=Namespaced,shortName=wd;wdg,categories=all
 * +kubebuilder:subresource:status
 * +kubebuilder:subresource:scale:specpath=.spec.replicas,statuspath=.status.replicas
 * +kubebuilder:printcolumn:name=Color,type=string,JSONPath=.spec.color
 * +kubebuilder:printcolumn:name=Replicas,type=integer,JSONPath=".spec.replicas",priority=1
 */
export interface Widget extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ObjectMeta;
  /** +protobuf=2 */
  spec: WidgetSpec;
  /** +protobuf=3 */
  status?: WidgetStatus;
}

export interface WidgetList extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ListMeta;
  /** +protobuf=2 */
  items: Widget[];
}

export interface WidgetSpec {
  /**
   * How many widgets.
   * +default=1
   * +kubebuilder:validation:Minimum=0
   * +protobuf=1
   */
  replicas?: int32;
  /** +protobuf=2 */
  size: Quantity;
  /** +protobuf=3 */
  color?: Color;
  /**
   * +listType=map
   * +listMapKey=name
   * +patchStrategy=merge
   * +patchMergeKey=name
   * +protobuf=4
   */
  ports?: Port[];
  /** +protobuf=5 */
  selector?: Record<string, string>;
  /** +protobuf=6 */
  template?: RawExtension;
  /** +protobuf=7 */
  timeout?: Duration;
  /** +protobuf=8 */
  parts?: Record<string, Part>;
  /**
   * +listType=atomic
   * +protobuf=9
   */
  tags?: string[];
}

export interface Port {
  /**
   * +kubebuilder:validation:MaxLength=15
   * +protobuf=1
   */
  name: string;
  /** +protobuf=2 */
  port: int32;
  /** +protobuf=3 */
  protocol?: Protocol;
}

export interface Part {
  /** +protobuf=1 */
  count: int64;
  /** +protobuf=2 */
  weights?: number[];
}

export interface WidgetStatus {
  /** +protobuf=1 */
  replicas?: int32;
  /** +protobuf=2 */
  phase?: string;
  /**
   * +listType=map
   * +listMapKey=type
   * +protobuf=3
   */
  conditions?: Condition[];
  /** +protobuf=4 */
  observedAt?: Time;
}

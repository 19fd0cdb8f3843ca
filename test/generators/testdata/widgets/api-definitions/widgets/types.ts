import type { Condition, Duration, int32, int64, ListMeta, ObjectMeta, Quantity, RawExtension, Time, TypeMeta } from '../meta/v1/types.js';

export type Color = 'Red' | 'Green' | 'Blue';
export type Protocol = 'TCP' | 'UDP';
export type PortName = string;

export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec: WidgetSpec;
  status?: WidgetStatus;
}

export interface WidgetList extends TypeMeta {
  metadata?: ListMeta;
  items: Widget[];
}

export interface WidgetSpec {
  replicas?: int32;
  size: Quantity;
  color?: Color;
  ports?: Port[];
  selector?: Record<string, string>;
  template?: RawExtension;
  timeout?: Duration;
  parts?: Record<string, Part>;
  tags?: string[];
}

export interface Port {
  name: PortName;
  port: int32;
  protocol?: Protocol;
}

export interface Part {
  count: int64;
  weights?: number[];
}

export interface WidgetStatus {
  replicas?: int32;
  phase?: string;
  conditions?: Condition[];
  observedAt?: Time;
}

/** The golden case: one struct with a field of every kind the protobuf generator handles. */
import type {
  bytes,
  Duration,
  FieldsV1,
  float64,
  int32,
  int64,
  IntOrString,
  JSON,
  ListMeta,
  MicroTime,
  ObjectMeta,
  Quantity,
  RawExtension,
  Time,
  TypeMeta,
} from '../../meta/v1/types.js';

/** A kind. */
export interface Widget extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ObjectMeta;
  /** +protobuf=2 */
  spec?: WidgetSpec;
  /** +protobuf=3 */
  status?: WidgetStatus;
}

/** A list kind. */
export interface WidgetList extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ListMeta;
  /** +protobuf=2 */
  items: Widget[];
}

/** An enum: a string on the wire. */
export type Phase = 'Pending' | 'Running' | 'Failed';

/** An alias of a list: Go wraps it in a message `{ repeated string items = 1; }`. */
export type ExtraValue = string[];

/** An alias of a map: transparent. */
export type ResourceList = Record<string, Quantity>;

/** An alias of a struct: transparent. */
export type Sidecar = Container;

export interface WidgetSpec {
  /** +protobuf=1 */
  name?: string;
  /** +protobuf=2 */
  replicas?: int32;
  /** +protobuf=3 */
  revision?: int64;
  /** +protobuf=4 */
  ratio?: float64;
  /** +protobuf=5 */
  paused?: boolean;
  /** +protobuf=6 */
  payload?: bytes;
  /** +protobuf=7 */
  startTime?: Time;
  /** +protobuf=8 */
  renewTime?: MicroTime;
  /** +protobuf=9 */
  memory?: Quantity;
  /** +protobuf=10 */
  port?: IntOrString;
  /** +protobuf=11 */
  timeout?: Duration;
  /** +protobuf=12 */
  template?: RawExtension;
  /** +protobuf=13 */
  settings?: JSON;
  /** +protobuf=14 */
  managed?: FieldsV1;
  /** +protobuf=15 */
  selector?: Record<string, string>;
  /** +protobuf=16 */
  tags?: string[];
  /** +protobuf=17 */
  ports?: int32[];
  /** +protobuf=18 */
  containers?: Container[];
  /** +protobuf=19 */
  phase?: Phase;
  /** +protobuf=20 */
  sidecar?: Sidecar;
  /** +protobuf=21 */
  limits?: ResourceList;
  /** +protobuf=22 */
  containersByName?: Record<string, Container>;
  /** +protobuf=23 */
  extra?: Record<string, ExtraValue>;
  /** +protobuf=24 */
  groups?: ExtraValue;
  /** +protobuf=25 */
  'x-extension'?: boolean;
  /** +protobuf=26 */
  checkpoints?: Time[];
  /** +protobuf=27 */
  strategy: Strategy;
  /** +protobuf=28 */
  scores?: Record<string, int64>;
  /** +protobuf=29 */
  volumes?: Volume[];
  /** +protobuf=30 */
  rules?: NamedRule[];
}

/**
 * Embeds VolumeSource: its fields are Volume's own in JSON, nested message 2 in protobuf.
 * +protobufEmbed=VolumeSource:2
 */
export interface Volume extends VolumeSource {
  /** +protobuf=1 */
  name: string;
}

export interface VolumeSource {
  /** +protobuf=1 */
  hostPath?: string;
  /** +protobuf=2 */
  emptyDir?: Container;
}

/**
 * Embeds a struct that embeds another: two levels of nested messages.
 * +protobufEmbed=RuleWithOperations:2
 */
export interface NamedRule extends RuleWithOperations {
  /** +protobuf=1 */
  resourceNames?: string[];
}

/** +protobufEmbed=Rule:2 */
export interface RuleWithOperations extends Rule {
  /** +protobuf=1 */
  operations?: string[];
}

export interface Rule {
  /** +protobuf=1 */
  apiGroups?: string[];
  /** +protobuf=2 */
  scope?: string;
}

export interface Container {
  /** +protobuf=1 */
  name: string;
  /** +protobuf=2 */
  image?: string;
}

export interface Strategy {
  /** +protobuf=1 */
  type?: string;
  /** +protobuf=2 */
  maxSurge?: IntOrString;
}

/** Declared out of number order: the codec writes fields by number. */
export interface WidgetStatus {
  /** +protobuf=2 */
  phase?: Phase;
  /** +protobuf=1 */
  observedGeneration?: int64;
  /** +protobuf=3 */
  lastUpdate?: Time;
}

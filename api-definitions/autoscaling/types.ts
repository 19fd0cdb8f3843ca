/**
 * The autoscaling hub: every served version converts to and from these types, which hold
 * everything any version can express. They have v2's JSON names and are never on the wire.
 */
import type {
  ConditionStatus,
  int32,
  int64,
  LabelSelector,
  ListMeta,
  ObjectMeta,
  Quantity,
  Time,
  TypeMeta,
} from '../meta/v1/types.js';

/** The name of a compute resource such as `cpu` or `memory`. */
export type ResourceName = string;

/** Which of the metric source fields of a MetricSpec or MetricStatus is set. */
export type MetricSourceType = 'Object' | 'Pods' | 'Resource' | 'ContainerResource' | 'External';

/** What a MetricTarget compares against. */
export type MetricTargetType = 'Utilization' | 'Value' | 'AverageValue';

/** How the policies of one scaling direction combine. */
export type ScalingPolicySelect = 'Max' | 'Min' | 'Disabled';

/** Whether a scaling policy limits the change in pods or in percent. */
export type HPAScalingPolicyType = 'Pods' | 'Percent';

/** The conditions an autoscaler reports. */
export type HorizontalPodAutoscalerConditionType = 'ScalingActive' | 'AbleToScale' | 'ScalingLimited';

/** A request to scale a resource, and its current scale: the body of a scale subresource. */
export interface Scale extends TypeMeta {
  /**
   * Standard object metadata.
   * +optional
   */
  metadata?: ObjectMeta;
  /**
   * The desired scale.
   * +optional
   */
  spec?: ScaleSpec;
  /**
   * The current scale; read-only.
   * +optional
   */
  status?: ScaleStatus;
}

/** The desired scale of a resource. */
export interface ScaleSpec {
  /**
   * The desired number of instances.
   * +optional
   */
  replicas?: int32;
}

/** The current scale of a resource. */
export interface ScaleStatus {
  /** The number of instances observed. */
  replicas: int32;
  /**
   * The label selector of the counted pods, in the query-parameter string form (as in v1)
   * so that clients need not understand selectors.
   * +optional
   */
  selector?: string;
}

/** Scales a workload that implements the scale subresource, following the metrics it names. */
export interface HorizontalPodAutoscaler extends TypeMeta {
  /**
   * Standard object metadata.
   * +optional
   */
  metadata?: ObjectMeta;
  /** What to scale, within which bounds, on which metrics and how fast. */
  spec: HorizontalPodAutoscalerSpec;
  /**
   * What the autoscaler last observed and decided.
   * +optional
   */
  status?: HorizontalPodAutoscalerStatus;
}

/** A list of HorizontalPodAutoscalers. */
export interface HorizontalPodAutoscalerList extends TypeMeta {
  /**
   * Standard list metadata.
   * +optional
   */
  metadata?: ListMeta;
  /** The autoscalers. */
  items: HorizontalPodAutoscaler[];
}

/** The desired behavior of an autoscaler. */
export interface HorizontalPodAutoscalerSpec {
  /** The scaled resource; its scale subresource is read and written, and its pods are measured. */
  scaleTargetRef: CrossVersionObjectReference;
  /**
   * The lowest replica count the autoscaler may set; defaults to 1.
   * +optional
   */
  minReplicas?: int32;
  /** The highest replica count the autoscaler may set; not below minReplicas. */
  maxReplicas: int32;
  /**
   * The metrics to scale on; the largest replica count any of them asks for wins. Defaults to
   * 80% average CPU utilization.
   * +optional
   * +listType=atomic
   */
  metrics?: MetricSpec[];
  /**
   * Scaling behavior for scale up and scale down; the defaults apply where unset.
   * +optional
   */
  behavior?: HorizontalPodAutoscalerBehavior;
}

/** Identifies an object by kind, name and API version. */
export interface CrossVersionObjectReference {
  /** Kind of the referent. */
  kind: string;
  /** Name of the referent. */
  name: string;
  /**
   * API version of the referent.
   * +optional
   */
  apiVersion?: string;
}

/** One metric to scale on: `type` says which one of the other fields is set. */
export interface MetricSpec {
  /** The kind of metric source. */
  type: MetricSourceType;
  /**
   * A metric describing a single object, such as requests per second on an Ingress.
   * +optional
   */
  object?: ObjectMetricSource;
  /**
   * A metric of each pod of the scale target, averaged over the pods.
   * +optional
   */
  pods?: PodsMetricSource;
  /**
   * A resource (such as cpu or memory) of each pod, as in requests and limits.
   * +optional
   */
  resource?: ResourceMetricSource;
  /**
   * A resource of one container in each pod.
   * +optional
   */
  containerResource?: ContainerResourceMetricSource;
  /**
   * A metric from outside the cluster, such as a queue length.
   * +optional
   */
  external?: ExternalMetricSource;
}

/** Scaling behavior in each direction. */
export interface HorizontalPodAutoscalerBehavior {
  /**
   * Rules for scaling up; by default the larger of 4 pods or 100% per 15 seconds, with no
   * stabilization.
   * +optional
   */
  scaleUp?: HPAScalingRules;
  /**
   * Rules for scaling down; by default down to minReplicas, with a 300 second stabilization
   * window.
   * +optional
   */
  scaleDown?: HPAScalingRules;
}

/** Limits on how fast one scaling direction may move, and how much noise it ignores. */
export interface HPAScalingRules {
  /**
   * Seconds of past recommendations to consider (0 to 3600); the safest one is used.
   * +optional
   */
  stabilizationWindowSeconds?: int32;
  /**
   * Which policy wins when several apply; defaults to Max.
   * +optional
   */
  selectPolicy?: ScalingPolicySelect;
  /**
   * The scaling policies.
   * +optional
   * +listType=atomic
   */
  policies?: HPAScalingPolicy[];
  /**
   * The relative difference between current and desired metric values under which the
   * replica count is left alone; the controller-wide tolerance applies when unset.
   * +optional
   */
  tolerance?: Quantity;
}

/** A limit on the change in replicas over a period. */
export interface HPAScalingPolicy {
  /** Whether value counts pods or percent of the current replicas. */
  type: HPAScalingPolicyType;
  /** The allowed change; greater than zero. */
  value: int32;
  /** The window the policy applies over, in seconds (1 to 1800). */
  periodSeconds: int32;
}

/** A metric describing a single Kubernetes object. */
export interface ObjectMetricSource {
  /** The object the metric describes. */
  describedObject: CrossVersionObjectReference;
  /** The target for the metric. */
  target: MetricTarget;
  /** The metric, by name and selector. */
  metric: MetricIdentifier;
}

/** A metric of each pod of the scale target. */
export interface PodsMetricSource {
  /** The metric, by name and selector. */
  metric: MetricIdentifier;
  /** The target for the metric. */
  target: MetricTarget;
}

/** A resource metric of each pod of the scale target. */
export interface ResourceMetricSource {
  /** The resource, such as cpu. */
  name: ResourceName;
  /** The target for the resource. */
  target: MetricTarget;
}

/** A resource metric of one container in each pod of the scale target. */
export interface ContainerResourceMetricSource {
  /** The resource, such as cpu. */
  name: ResourceName;
  /** The target for the resource. */
  target: MetricTarget;
  /** The container, by name. */
  container: string;
}

/** A metric not tied to any Kubernetes object. */
export interface ExternalMetricSource {
  /** The metric, by name and selector. */
  metric: MetricIdentifier;
  /** The target for the metric. */
  target: MetricTarget;
}

/** Names a metric, optionally narrowed by a label selector. */
export interface MetricIdentifier {
  /** The metric name. */
  name: string;
  /**
   * Passed to the metrics server to select a narrower set of series; unset means by name only.
   * +optional
   */
  selector?: LabelSelector;
}

/** The value a metric should stay at: `type` says which of the other fields applies. */
export interface MetricTarget {
  /** Whether the target is a value, an average value or an average utilization. */
  type: MetricTargetType;
  /**
   * The target value of the metric.
   * +optional
   */
  value?: Quantity;
  /**
   * The target value of the metric averaged over the pods.
   * +optional
   */
  averageValue?: Quantity;
  /**
   * The target average of a resource metric over the pods, in percent of their requests.
   * +optional
   */
  averageUtilization?: int32;
}

/** What the autoscaler last observed and decided. */
export interface HorizontalPodAutoscalerStatus {
  /**
   * The most recent generation the autoscaler acted on.
   * +optional
   */
  observedGeneration?: int64;
  /**
   * When the autoscaler last changed the replica count.
   * +optional
   */
  lastScaleTime?: Time;
  /**
   * The replica count last seen on the target.
   * +optional
   */
  currentReplicas?: int32;
  /** The replica count last computed. */
  desiredReplicas: int32;
  /**
   * The last values read for the metrics in spec.
   * +optional
   * +listType=atomic
   */
  currentMetrics?: MetricStatus[];
  /**
   * Whether the autoscaler can scale, and why not.
   * +optional
   * +listType=map
   * +listMapKey=type
   * +patchStrategy=merge
   * +patchMergeKey=type
   */
  conditions?: HorizontalPodAutoscalerCondition[];
}

/** One condition of an autoscaler at a point in time. */
export interface HorizontalPodAutoscalerCondition {
  /** The condition. */
  type: HorizontalPodAutoscalerConditionType;
  /** True, False or Unknown. */
  status: ConditionStatus;
  /**
   * When the status last changed.
   * +optional
   */
  lastTransitionTime?: Time;
  /**
   * A machine-readable reason for the last transition.
   * +optional
   */
  reason?: string;
  /**
   * A human-readable explanation of the last transition.
   * +optional
   */
  message?: string;
  /**
   * The metadata.generation the condition was computed from.
   * +optional
   */
  observedGeneration?: int64;
}

/** The last values read for one metric: `type` says which of the other fields is set. */
export interface MetricStatus {
  /** The kind of metric source. */
  type: MetricSourceType;
  /**
   * A metric describing a single object.
   * +optional
   */
  object?: ObjectMetricStatus;
  /**
   * A metric of each pod of the scale target.
   * +optional
   */
  pods?: PodsMetricStatus;
  /**
   * A resource metric of each pod.
   * +optional
   */
  resource?: ResourceMetricStatus;
  /**
   * A resource metric of one container in each pod.
   * +optional
   */
  containerResource?: ContainerResourceMetricStatus;
  /**
   * A metric from outside the cluster.
   * +optional
   */
  external?: ExternalMetricStatus;
}

/** The current value of a metric describing a single object. */
export interface ObjectMetricStatus {
  /** The metric, by name and selector. */
  metric: MetricIdentifier;
  /** The current value. */
  current: MetricValueStatus;
  /** The object the metric describes. */
  describedObject: CrossVersionObjectReference;
}

/** The current value of a metric of each pod. */
export interface PodsMetricStatus {
  /** The metric, by name and selector. */
  metric: MetricIdentifier;
  /** The current value. */
  current: MetricValueStatus;
}

/** The current value of a resource metric of each pod. */
export interface ResourceMetricStatus {
  /** The resource, such as cpu. */
  name: ResourceName;
  /** The current value. */
  current: MetricValueStatus;
}

/** The current value of a resource metric of one container in each pod. */
export interface ContainerResourceMetricStatus {
  /** The resource, such as cpu. */
  name: ResourceName;
  /** The current value. */
  current: MetricValueStatus;
  /** The container, by name. */
  container: string;
}

/** The current value of a metric not tied to any Kubernetes object. */
export interface ExternalMetricStatus {
  /** The metric, by name and selector. */
  metric: MetricIdentifier;
  /** The current value. */
  current: MetricValueStatus;
}

/** The current value of a metric, in the form its target uses. */
export interface MetricValueStatus {
  /**
   * The current value.
   * +optional
   */
  value?: Quantity;
  /**
   * The current value averaged over the pods.
   * +optional
   */
  averageValue?: Quantity;
  /**
   * The current average of a resource metric over the pods, in percent of their requests.
   * +optional
   */
  averageUtilization?: int32;
}

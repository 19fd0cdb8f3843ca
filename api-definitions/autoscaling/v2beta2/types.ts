/**
 * autoscaling/v2beta2: the shape v2 graduated from, as served up to Kubernetes 1.25. It lacks
 * v2's per-direction tolerance (kept in annotations when converting) and the condition
 * observedGeneration, and its lists carry no list-type markers.
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
} from '../../meta/v1/types.js';

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

/**
 * Scales a workload that implements the scale subresource, following the metrics it names.
 * +kubebuilder:resource:path=horizontalpodautoscalers,singular=horizontalpodautoscaler,scope=Namespaced,shortName=hpa,categories=all
 * +kubebuilder:subresource:status
 */
export interface HorizontalPodAutoscaler extends TypeMeta {
  /**
   * Standard object metadata.
   * +optional
   * +protobuf=1
   */
  metadata?: ObjectMeta;
  /**
   * What to scale, within which bounds, on which metrics and how fast.
   * +optional
   * +protobuf=2
   */
  spec?: HorizontalPodAutoscalerSpec;
  /**
   * What the autoscaler last observed and decided.
   * +optional
   * +protobuf=3
   */
  status?: HorizontalPodAutoscalerStatus;
}

/** A list of HorizontalPodAutoscalers. */
export interface HorizontalPodAutoscalerList extends TypeMeta {
  /**
   * Standard list metadata.
   * +optional
   * +protobuf=1
   */
  metadata?: ListMeta;
  /**
   * The autoscalers.
   * +protobuf=2
   */
  items: HorizontalPodAutoscaler[];
}

/** The desired behavior of an autoscaler. */
export interface HorizontalPodAutoscalerSpec {
  /**
   * The scaled resource; its scale subresource is read and written, and its pods are measured.
   * +protobuf=1
   */
  scaleTargetRef: CrossVersionObjectReference;
  /**
   * The lowest replica count the autoscaler may set; defaults to 1.
   * +optional
   * +protobuf=2
   */
  minReplicas?: int32;
  /**
   * The highest replica count the autoscaler may set; not below minReplicas.
   * +protobuf=3
   */
  maxReplicas: int32;
  /**
   * The metrics to scale on; the largest replica count any of them asks for wins. Defaults to
   * 80% average CPU utilization.
   * +optional
   * +protobuf=4
   */
  metrics?: MetricSpec[];
  /**
   * Scaling behavior for scale up and scale down; the defaults apply where unset.
   * +optional
   * +protobuf=5
   */
  behavior?: HorizontalPodAutoscalerBehavior;
}

/** Identifies an object by kind, name and API version. */
export interface CrossVersionObjectReference {
  /**
   * Kind of the referent.
   * +protobuf=1
   */
  kind: string;
  /**
   * Name of the referent.
   * +protobuf=2
   */
  name: string;
  /**
   * API version of the referent.
   * +optional
   * +protobuf=3
   */
  apiVersion?: string;
}

/** One metric to scale on: `type` says which one of the other fields is set. */
export interface MetricSpec {
  /**
   * The kind of metric source.
   * +protobuf=1
   */
  type: MetricSourceType;
  /**
   * A metric describing a single object, such as requests per second on an Ingress.
   * +optional
   * +protobuf=2
   */
  object?: ObjectMetricSource;
  /**
   * A metric of each pod of the scale target, averaged over the pods.
   * +optional
   * +protobuf=3
   */
  pods?: PodsMetricSource;
  /**
   * A resource (such as cpu or memory) of each pod, as in requests and limits.
   * +optional
   * +protobuf=4
   */
  resource?: ResourceMetricSource;
  /**
   * A resource of one container in each pod.
   * +optional
   * +protobuf=7
   */
  containerResource?: ContainerResourceMetricSource;
  /**
   * A metric from outside the cluster, such as a queue length.
   * +optional
   * +protobuf=5
   */
  external?: ExternalMetricSource;
}

/** Scaling behavior in each direction. */
export interface HorizontalPodAutoscalerBehavior {
  /**
   * Rules for scaling up; by default the larger of 4 pods or 100% per 15 seconds, with no
   * stabilization.
   * +optional
   * +protobuf=1
   */
  scaleUp?: HPAScalingRules;
  /**
   * Rules for scaling down; by default down to minReplicas, with a 300 second stabilization
   * window.
   * +optional
   * +protobuf=2
   */
  scaleDown?: HPAScalingRules;
}

/** Limits on how fast one scaling direction may move, and how much noise it ignores. */
export interface HPAScalingRules {
  /**
   * Seconds of past recommendations to consider (0 to 3600); the safest one is used.
   * +optional
   * +protobuf=3
   */
  stabilizationWindowSeconds?: int32;
  /**
   * Which policy wins when several apply; defaults to Max.
   * +optional
   * +protobuf=1
   */
  selectPolicy?: ScalingPolicySelect;
  /**
   * The scaling policies.
   * +optional
   * +protobuf=2
   */
  policies?: HPAScalingPolicy[];
}

/** A limit on the change in replicas over a period. */
export interface HPAScalingPolicy {
  /**
   * Whether value counts pods or percent of the current replicas.
   * +protobuf=1
   */
  type: HPAScalingPolicyType;
  /**
   * The allowed change; greater than zero.
   * +protobuf=2
   */
  value: int32;
  /**
   * The window the policy applies over, in seconds (1 to 1800).
   * +protobuf=3
   */
  periodSeconds: int32;
}

/** A metric describing a single Kubernetes object. */
export interface ObjectMetricSource {
  /**
   * The object the metric describes.
   * +protobuf=1
   */
  describedObject: CrossVersionObjectReference;
  /**
   * The target for the metric.
   * +protobuf=2
   */
  target: MetricTarget;
  /**
   * The metric, by name and selector.
   * +protobuf=3
   */
  metric: MetricIdentifier;
}

/** A metric of each pod of the scale target. */
export interface PodsMetricSource {
  /**
   * The metric, by name and selector.
   * +protobuf=1
   */
  metric: MetricIdentifier;
  /**
   * The target for the metric.
   * +protobuf=2
   */
  target: MetricTarget;
}

/** A resource metric of each pod of the scale target. */
export interface ResourceMetricSource {
  /**
   * The resource, such as cpu.
   * +protobuf=1
   */
  name: ResourceName;
  /**
   * The target for the resource.
   * +protobuf=2
   */
  target: MetricTarget;
}

/** A resource metric of one container in each pod of the scale target. */
export interface ContainerResourceMetricSource {
  /**
   * The resource, such as cpu.
   * +protobuf=1
   */
  name: ResourceName;
  /**
   * The target for the resource.
   * +protobuf=2
   */
  target: MetricTarget;
  /**
   * The container, by name.
   * +protobuf=3
   */
  container: string;
}

/** A metric not tied to any Kubernetes object. */
export interface ExternalMetricSource {
  /**
   * The metric, by name and selector.
   * +protobuf=1
   */
  metric: MetricIdentifier;
  /**
   * The target for the metric.
   * +protobuf=2
   */
  target: MetricTarget;
}

/** Names a metric, optionally narrowed by a label selector. */
export interface MetricIdentifier {
  /**
   * The metric name.
   * +protobuf=1
   */
  name: string;
  /**
   * Passed to the metrics server to select a narrower set of series; unset means by name only.
   * +optional
   * +protobuf=2
   */
  selector?: LabelSelector;
}

/** The value a metric should stay at: `type` says which of the other fields applies. */
export interface MetricTarget {
  /**
   * Whether the target is a value, an average value or an average utilization.
   * +protobuf=1
   */
  type: MetricTargetType;
  /**
   * The target value of the metric.
   * +optional
   * +protobuf=2
   */
  value?: Quantity;
  /**
   * The target value of the metric averaged over the pods.
   * +optional
   * +protobuf=3
   */
  averageValue?: Quantity;
  /**
   * The target average of a resource metric over the pods, in percent of their requests.
   * +optional
   * +protobuf=4
   */
  averageUtilization?: int32;
}

/** What the autoscaler last observed and decided. */
export interface HorizontalPodAutoscalerStatus {
  /**
   * The most recent generation the autoscaler acted on.
   * +optional
   * +protobuf=1
   */
  observedGeneration?: int64;
  /**
   * When the autoscaler last changed the replica count.
   * +optional
   * +protobuf=2
   */
  lastScaleTime?: Time;
  /**
   * The replica count last seen on the target.
   * +protobuf=3
   */
  currentReplicas: int32;
  /**
   * The replica count last computed.
   * +protobuf=4
   */
  desiredReplicas: int32;
  /**
   * The last values read for the metrics in spec.
   * +optional
   * +protobuf=5
   */
  currentMetrics?: MetricStatus[];
  /**
   * Whether the autoscaler can scale, and why not.
   * +optional
   * +protobuf=6
   */
  conditions?: HorizontalPodAutoscalerCondition[];
}

/** One condition of an autoscaler at a point in time. */
export interface HorizontalPodAutoscalerCondition {
  /**
   * The condition.
   * +protobuf=1
   */
  type: HorizontalPodAutoscalerConditionType;
  /**
   * True, False or Unknown.
   * +protobuf=2
   */
  status: ConditionStatus;
  /**
   * When the status last changed.
   * +optional
   * +protobuf=3
   */
  lastTransitionTime?: Time;
  /**
   * A machine-readable reason for the last transition.
   * +optional
   * +protobuf=4
   */
  reason?: string;
  /**
   * A human-readable explanation of the last transition.
   * +optional
   * +protobuf=5
   */
  message?: string;
}

/** The last values read for one metric: `type` says which of the other fields is set. */
export interface MetricStatus {
  /**
   * The kind of metric source.
   * +protobuf=1
   */
  type: MetricSourceType;
  /**
   * A metric describing a single object.
   * +optional
   * +protobuf=2
   */
  object?: ObjectMetricStatus;
  /**
   * A metric of each pod of the scale target.
   * +optional
   * +protobuf=3
   */
  pods?: PodsMetricStatus;
  /**
   * A resource metric of each pod.
   * +optional
   * +protobuf=4
   */
  resource?: ResourceMetricStatus;
  /**
   * A resource metric of one container in each pod.
   * +optional
   * +protobuf=7
   */
  containerResource?: ContainerResourceMetricStatus;
  /**
   * A metric from outside the cluster.
   * +optional
   * +protobuf=5
   */
  external?: ExternalMetricStatus;
}

/** The current value of a metric describing a single object. */
export interface ObjectMetricStatus {
  /**
   * The metric, by name and selector.
   * +protobuf=1
   */
  metric: MetricIdentifier;
  /**
   * The current value.
   * +protobuf=2
   */
  current: MetricValueStatus;
  /**
   * The object the metric describes.
   * +protobuf=3
   */
  describedObject: CrossVersionObjectReference;
}

/** The current value of a metric of each pod. */
export interface PodsMetricStatus {
  /**
   * The metric, by name and selector.
   * +protobuf=1
   */
  metric: MetricIdentifier;
  /**
   * The current value.
   * +protobuf=2
   */
  current: MetricValueStatus;
}

/** The current value of a resource metric of each pod. */
export interface ResourceMetricStatus {
  /**
   * The resource, such as cpu.
   * +protobuf=1
   */
  name: ResourceName;
  /**
   * The current value.
   * +protobuf=2
   */
  current: MetricValueStatus;
}

/** The current value of a resource metric of one container in each pod. */
export interface ContainerResourceMetricStatus {
  /**
   * The resource, such as cpu.
   * +protobuf=1
   */
  name: ResourceName;
  /**
   * The current value.
   * +protobuf=2
   */
  current: MetricValueStatus;
  /**
   * The container, by name.
   * +protobuf=3
   */
  container: string;
}

/** The current value of a metric not tied to any Kubernetes object. */
export interface ExternalMetricStatus {
  /**
   * The metric, by name and selector.
   * +protobuf=1
   */
  metric: MetricIdentifier;
  /**
   * The current value.
   * +protobuf=2
   */
  current: MetricValueStatus;
}

/** The current value of a metric, in the form its target uses. */
export interface MetricValueStatus {
  /**
   * The current value.
   * +optional
   * +protobuf=1
   */
  value?: Quantity;
  /**
   * The current value averaged over the pods.
   * +optional
   * +protobuf=2
   */
  averageValue?: Quantity;
  /**
   * The current average of a resource metric over the pods, in percent of their requests.
   * +optional
   * +protobuf=3
   */
  averageUtilization?: int32;
}

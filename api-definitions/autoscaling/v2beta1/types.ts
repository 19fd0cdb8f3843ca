/**
 * autoscaling/v2beta1: the first multi-metric HorizontalPodAutoscaler, as served up to
 * Kubernetes 1.24. Metric targets and current values are flat fields of each source
 * (targetAverageUtilization, targetValue, currentAverageValue, ...); scaling behavior, which it
 * lacks, travels in an annotation.
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
   * What to scale, within which bounds and on which metrics.
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

/** A metric describing a single Kubernetes object. */
export interface ObjectMetricSource {
  /**
   * The object the metric describes.
   * +protobuf=1
   */
  target: CrossVersionObjectReference;
  /**
   * The metric name.
   * +protobuf=2
   */
  metricName: string;
  /**
   * The target value of the metric.
   * +protobuf=3
   */
  targetValue: Quantity;
  /**
   * Passed to the metrics server to select a narrower set of series; unset means by name only.
   * +optional
   * +protobuf=4
   */
  selector?: LabelSelector;
  /**
   * The target value of the metric averaged over the pods; when set, it is the target.
   * +optional
   * +protobuf=5
   */
  averageValue?: Quantity;
}

/** A metric of each pod of the scale target. */
export interface PodsMetricSource {
  /**
   * The metric name.
   * +protobuf=1
   */
  metricName: string;
  /**
   * The target value of the metric averaged over the pods.
   * +protobuf=2
   */
  targetAverageValue: Quantity;
  /**
   * Passed to the metrics server to select a narrower set of series; unset means by name only.
   * +optional
   * +protobuf=3
   */
  selector?: LabelSelector;
}

/** A resource metric of each pod; set one of the two targets. */
export interface ResourceMetricSource {
  /**
   * The resource, such as cpu.
   * +protobuf=1
   */
  name: ResourceName;
  /**
   * The target average over the pods, in percent of their requests.
   * +optional
   * +protobuf=2
   */
  targetAverageUtilization?: int32;
  /**
   * The target average over the pods, as a raw value.
   * +optional
   * +protobuf=3
   */
  targetAverageValue?: Quantity;
}

/** A resource metric of one container in each pod; set one of the two targets. */
export interface ContainerResourceMetricSource {
  /**
   * The resource, such as cpu.
   * +protobuf=1
   */
  name: ResourceName;
  /**
   * The target average over the pods, in percent of their requests.
   * +optional
   * +protobuf=2
   */
  targetAverageUtilization?: int32;
  /**
   * The target average over the pods, as a raw value.
   * +optional
   * +protobuf=3
   */
  targetAverageValue?: Quantity;
  /**
   * The container, by name.
   * +protobuf=4
   */
  container: string;
}

/** A metric not tied to any Kubernetes object; set one of the two targets. */
export interface ExternalMetricSource {
  /**
   * The metric name.
   * +protobuf=1
   */
  metricName: string;
  /**
   * Selects the series of the metric to use.
   * +optional
   * +protobuf=2
   */
  metricSelector?: LabelSelector;
  /**
   * The target value of the metric.
   * +optional
   * +protobuf=3
   */
  targetValue?: Quantity;
  /**
   * The target value of the metric per pod.
   * +optional
   * +protobuf=4
   */
  targetAverageValue?: Quantity;
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
   * The object the metric describes.
   * +protobuf=1
   */
  target: CrossVersionObjectReference;
  /**
   * The metric name.
   * +protobuf=2
   */
  metricName: string;
  /**
   * The current value of the metric.
   * +protobuf=3
   */
  currentValue: Quantity;
  /**
   * The selector the metric was read with.
   * +optional
   * +protobuf=4
   */
  selector?: LabelSelector;
  /**
   * The current value of the metric averaged over the pods.
   * +optional
   * +protobuf=5
   */
  averageValue?: Quantity;
}

/** The current value of a metric of each pod. */
export interface PodsMetricStatus {
  /**
   * The metric name.
   * +protobuf=1
   */
  metricName: string;
  /**
   * The current value of the metric averaged over the pods.
   * +protobuf=2
   */
  currentAverageValue: Quantity;
  /**
   * The selector the metric was read with.
   * +optional
   * +protobuf=3
   */
  selector?: LabelSelector;
}

/** The current value of a resource metric of each pod. */
export interface ResourceMetricStatus {
  /**
   * The resource, such as cpu.
   * +protobuf=1
   */
  name: ResourceName;
  /**
   * The current average over the pods, in percent of their requests; only present when the
   * spec targets a utilization.
   * +optional
   * +protobuf=2
   */
  currentAverageUtilization?: int32;
  /**
   * The current average over the pods, as a raw value; always present.
   * +protobuf=3
   */
  currentAverageValue: Quantity;
}

/** The current value of a resource metric of one container in each pod. */
export interface ContainerResourceMetricStatus {
  /**
   * The resource, such as cpu.
   * +protobuf=1
   */
  name: ResourceName;
  /**
   * The current average over the pods, in percent of their requests; only present when the
   * spec targets a utilization.
   * +optional
   * +protobuf=2
   */
  currentAverageUtilization?: int32;
  /**
   * The current average over the pods, as a raw value; always present.
   * +protobuf=3
   */
  currentAverageValue: Quantity;
  /**
   * The container, by name.
   * +protobuf=4
   */
  container: string;
}

/** The current value of a metric not tied to any Kubernetes object. */
export interface ExternalMetricStatus {
  /**
   * The metric name.
   * +protobuf=1
   */
  metricName: string;
  /**
   * The selector the metric was read with.
   * +optional
   * +protobuf=2
   */
  metricSelector?: LabelSelector;
  /**
   * The current value of the metric.
   * +protobuf=3
   */
  currentValue: Quantity;
  /**
   * The current value of the metric per pod.
   * +optional
   * +protobuf=4
   */
  currentAverageValue?: Quantity;
}

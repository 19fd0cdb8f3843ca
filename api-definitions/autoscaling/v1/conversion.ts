/**
 * autoscaling/v1 expresses one metric: a target CPU utilization, and its current value. The
 * hub's other metrics, their current values, the conditions and the scaling behavior travel
 * in annotations (see ../annotations.ts), written when converting from the hub and moved back
 * into fields, then stripped, when converting to it:
 *
 * - metrics: every spec metric except the CPU utilization targets, as v1 MetricSpec JSON;
 * - current-metrics: every current metric, as v1 MetricStatus JSON, unless the only one is the
 *   CPU utilization that currentCPUUtilizationPercentage already carries;
 * - conditions: the conditions, as v1 HorizontalPodAutoscalerCondition JSON;
 * - behavior: the scaling behavior, tolerance included, as Kubernetes marshals it.
 *
 * As in Kubernetes, what the flat v1 metric shapes cannot express (a target type that
 * disagrees with the values set, say) does not survive a trip through v1.
 *
 * The payload types are the flat metric shapes declared at the end of ./types.ts; their
 * conversions share ../flat-metrics.ts with autoscaling/v2beta1.
 *
 * Kubernetes also applies the default 80% CPU target here when an object ends up with no
 * metric at all; this package does that in SetDefaults_HorizontalPodAutoscaler instead, which
 * sees the same annotations, so that converting to the hub and back changes nothing.
 */
import {
  autoConvert_autoscaling_ContainerResourceMetricSource_To_v1_ContainerResourceMetricSource,
  autoConvert_autoscaling_ContainerResourceMetricStatus_To_v1_ContainerResourceMetricStatus,
  autoConvert_autoscaling_ExternalMetricSource_To_v1_ExternalMetricSource,
  autoConvert_autoscaling_ExternalMetricStatus_To_v1_ExternalMetricStatus,
  autoConvert_autoscaling_ObjectMetricSource_To_v1_ObjectMetricSource,
  autoConvert_autoscaling_ObjectMetricStatus_To_v1_ObjectMetricStatus,
  autoConvert_autoscaling_PodsMetricSource_To_v1_PodsMetricSource,
  autoConvert_autoscaling_PodsMetricStatus_To_v1_PodsMetricStatus,
  autoConvert_autoscaling_ResourceMetricSource_To_v1_ResourceMetricSource,
  autoConvert_autoscaling_ResourceMetricStatus_To_v1_ResourceMetricStatus,
  autoConvert_v1_ContainerResourceMetricSource_To_autoscaling_ContainerResourceMetricSource,
  autoConvert_v1_ContainerResourceMetricStatus_To_autoscaling_ContainerResourceMetricStatus,
  autoConvert_v1_ExternalMetricSource_To_autoscaling_ExternalMetricSource,
  autoConvert_v1_ExternalMetricStatus_To_autoscaling_ExternalMetricStatus,
  autoConvert_v1_ObjectMetricSource_To_autoscaling_ObjectMetricSource,
  autoConvert_v1_ObjectMetricStatus_To_autoscaling_ObjectMetricStatus,
  autoConvert_v1_PodsMetricSource_To_autoscaling_PodsMetricSource,
  autoConvert_v1_PodsMetricStatus_To_autoscaling_PodsMetricStatus,
  autoConvert_v1_ResourceMetricSource_To_autoscaling_ResourceMetricSource,
  autoConvert_v1_ResourceMetricStatus_To_autoscaling_ResourceMetricStatus,
  autoConvert_autoscaling_HorizontalPodAutoscalerSpec_To_v1_HorizontalPodAutoscalerSpec,
  autoConvert_autoscaling_HorizontalPodAutoscalerStatus_To_v1_HorizontalPodAutoscalerStatus,
  autoConvert_autoscaling_HorizontalPodAutoscaler_To_v1_HorizontalPodAutoscaler,
  autoConvert_v1_HorizontalPodAutoscalerSpec_To_autoscaling_HorizontalPodAutoscalerSpec,
  autoConvert_v1_HorizontalPodAutoscalerStatus_To_autoscaling_HorizontalPodAutoscalerStatus,
  autoConvert_v1_HorizontalPodAutoscaler_To_autoscaling_HorizontalPodAutoscaler,
  Convert_autoscaling_HorizontalPodAutoscalerCondition_To_v1_HorizontalPodAutoscalerCondition,
  Convert_autoscaling_MetricSpec_To_v1_MetricSpec,
  Convert_autoscaling_MetricStatus_To_v1_MetricStatus,
  Convert_v1_HorizontalPodAutoscalerCondition_To_autoscaling_HorizontalPodAutoscalerCondition,
  Convert_v1_MetricSpec_To_autoscaling_MetricSpec,
  Convert_v1_MetricStatus_To_autoscaling_MetricStatus,
} from '../../../generated/autoscaling/v1/conversion.generated.js';
import {
  annotationOf,
  BEHAVIOR_ANNOTATION,
  CONDITIONS_ANNOTATION,
  dropRoundTripAnnotations,
  METRIC_SPECS_ANNOTATION,
  METRIC_STATUSES_ANNOTATION,
  setAnnotation,
} from '../annotations.js';
import { decodeBehavior, encodeBehavior } from '../behavior-annotation.js';
import * as flat from '../flat-metrics.js';
import type { ObjectMeta } from '../../meta/v1/types.js';
import type * as autoscaling from '../types.js';
import {
  decodeConditions,
  decodeMetricSpecs,
  decodeMetricStatuses,
  encodeConditions,
  encodeMetricSpecs,
  encodeMetricStatuses,
} from './annotation-json.js';
import type * as v1 from './types.js';

const CPU = 'cpu';

// ---------------------------------------------------------------------------------------------
// HorizontalPodAutoscaler: the annotations.
// ---------------------------------------------------------------------------------------------

export function Convert_v1_HorizontalPodAutoscaler_To_autoscaling_HorizontalPodAutoscaler(
  input: v1.HorizontalPodAutoscaler,
): autoscaling.HorizontalPodAutoscaler {
  const out = autoConvert_v1_HorizontalPodAutoscaler_To_autoscaling_HorizontalPodAutoscaler(input);
  const metadata = input.metadata;

  const metrics = specMetricsOf(input);
  if (metrics.length > 0) specOf(out).metrics = metrics;
  else if (out.spec != null) delete out.spec.metrics;

  const currentMetrics = currentMetricsOf(input);
  if (currentMetrics.length > 0) statusOf(out).currentMetrics = currentMetrics;
  else if (out.status != null) delete out.status.currentMetrics;

  const conditions = decodeAnnotation(metadata, CONDITIONS_ANNOTATION, decodeConditions) ?? [];
  if (conditions.length > 0) {
    statusOf(out).conditions = conditions.map((condition) =>
      Convert_v1_HorizontalPodAutoscalerCondition_To_autoscaling_HorizontalPodAutoscalerCondition(condition),
    );
  }

  const behavior = decodeAnnotation(metadata, BEHAVIOR_ANNOTATION, decodeBehavior);
  if (behavior !== undefined) specOf(out).behavior = behavior;

  dropRoundTripAnnotations(out);
  return out;
}

export function Convert_autoscaling_HorizontalPodAutoscaler_To_v1_HorizontalPodAutoscaler(
  input: autoscaling.HorizontalPodAutoscaler,
): v1.HorizontalPodAutoscaler {
  const out = autoConvert_autoscaling_HorizontalPodAutoscaler_To_v1_HorizontalPodAutoscaler(input);
  // Only annotations this conversion produces may be on the result.
  dropRoundTripAnnotations(out);

  const metrics = input.spec?.metrics ?? [];
  const specForm = specFormOf(metrics);
  if (specForm.annotation !== undefined) setAnnotation(out, METRIC_SPECS_ANNOTATION, specForm.annotation);

  const currentMetrics = input.status?.currentMetrics ?? [];
  const statusForm = statusFormOf(currentMetrics);
  if (statusForm.annotation !== undefined)
    setAnnotation(out, METRIC_STATUSES_ANNOTATION, statusForm.annotation);

  const conditions = input.status?.conditions ?? [];
  if (conditions.length > 0) {
    const converted = conditions.map((condition) =>
      Convert_autoscaling_HorizontalPodAutoscalerCondition_To_v1_HorizontalPodAutoscalerCondition(condition),
    );
    setAnnotation(out, CONDITIONS_ANNOTATION, encodeConditions(converted));
  }

  const behavior = input.spec?.behavior;
  if (behavior != null) setAnnotation(out, BEHAVIOR_ANNOTATION, encodeBehavior(behavior));
  return out;
}

/** Decodes an annotation the object has; undefined when it has none or it is malformed. */
function decodeAnnotation<T>(
  metadata: ObjectMeta | null | undefined,
  key: string,
  decode: (text: string) => T | undefined,
): T | undefined {
  const text = annotationOf(metadata, key);
  return text === undefined ? undefined : decode(text);
}

/** The spec of a converted object; a malformed input may have had none. */
function specOf(hpa: autoscaling.HorizontalPodAutoscaler): autoscaling.HorizontalPodAutoscalerSpec {
  return (hpa.spec ??= {} as autoscaling.HorizontalPodAutoscalerSpec);
}

/** The status of a converted object, created when annotations hold status fields. */
function statusOf(hpa: autoscaling.HorizontalPodAutoscaler): autoscaling.HorizontalPodAutoscalerStatus {
  return (hpa.status ??= {} as autoscaling.HorizontalPodAutoscalerStatus);
}

// ---------------------------------------------------------------------------------------------
// Spec metrics in v1 form: targetCPUUtilizationPercentage plus the metrics annotation.
// ---------------------------------------------------------------------------------------------

/** How a v1 object carries spec.metrics. */
interface SpecForm {
  target?: number;
  annotation?: string;
}

/** The hub metrics of a v1 object, from its target and the metrics annotation. */
function specMetricsOf(input: v1.HorizontalPodAutoscaler): autoscaling.MetricSpec[] {
  const form: SpecForm = {
    target: input.spec?.targetCPUUtilizationPercentage ?? undefined,
    annotation: annotationOf(input.metadata, METRIC_SPECS_ANNOTATION),
  };
  return specMetricsFrom(form);
}

function specFormOf(metrics: readonly autoscaling.MetricSpec[]): SpecForm {
  const others = metrics.filter((metric) => !isCPUUtilizationTarget(metric));
  return {
    target: targetCPUUtilizationOf(metrics),
    annotation:
      others.length > 0
        ? encodeMetricSpecs(others.map((metric) => Convert_autoscaling_MetricSpec_To_v1_MetricSpec(metric)))
        : undefined,
  };
}

/**
 * The annotated metrics come first, then the CPU target, which is where converting from the
 * hub takes it out of the list. A malformed annotation is ignored.
 */
function specMetricsFrom(form: SpecForm): autoscaling.MetricSpec[] {
  const annotated = form.annotation === undefined ? undefined : decodeMetricSpecs(form.annotation);
  const metrics = (annotated ?? []).map((metric) => Convert_v1_MetricSpec_To_autoscaling_MetricSpec(metric));
  if (form.target !== undefined) metrics.push(cpuUtilizationTarget(form.target));
  return metrics;
}

/** The first CPU resource metric decides; v1 can only express it if it targets a utilization. */
function targetCPUUtilizationOf(metrics: readonly autoscaling.MetricSpec[]): number | undefined {
  const cpu = metrics.find((metric) => metric.type === 'Resource' && metric.resource?.name === CPU);
  return cpu?.resource?.target?.averageUtilization ?? undefined;
}

/** A spec metric that targetCPUUtilizationPercentage stands for, so it is left out of the annotation. */
function isCPUUtilizationTarget(metric: autoscaling.MetricSpec): boolean {
  return (
    metric.type === 'Resource' &&
    metric.resource?.name === CPU &&
    metric.resource.target?.averageUtilization != null
  );
}

function cpuUtilizationTarget(utilization: number): autoscaling.MetricSpec {
  return {
    type: 'Resource',
    resource: { name: CPU, target: { type: 'Utilization', averageUtilization: utilization } },
  };
}

// ---------------------------------------------------------------------------------------------
// Current metrics in v1 form: currentCPUUtilizationPercentage plus the current-metrics annotation.
// ---------------------------------------------------------------------------------------------

/** How a v1 object carries status.currentMetrics. */
interface StatusForm {
  utilization?: number;
  annotation?: string;
}

/** The hub current metrics of a v1 object, from its utilization and the current-metrics annotation. */
function currentMetricsOf(input: v1.HorizontalPodAutoscaler): autoscaling.MetricStatus[] {
  const form: StatusForm = {
    utilization: input.status?.currentCPUUtilizationPercentage ?? undefined,
    annotation: annotationOf(input.metadata, METRIC_STATUSES_ANNOTATION),
  };
  return currentMetricsFrom(form);
}

/**
 * Every current metric goes into the annotation, CPU included, since
 * currentCPUUtilizationPercentage cannot hold a CPU metric's raw value; a lone bare CPU
 * utilization needs no annotation.
 */
function statusFormOf(metrics: readonly autoscaling.MetricStatus[]): StatusForm {
  const bare = metrics.length === 1 && isBareCPUUtilization(metrics[0]);
  return {
    utilization: currentCPUUtilizationOf(metrics),
    annotation:
      metrics.length > 0 && !bare
        ? encodeMetricStatuses(
            metrics.map((metric) => Convert_autoscaling_MetricStatus_To_v1_MetricStatus(metric)),
          )
        : undefined,
  };
}

/** The annotated current metrics replace the CPU utilization: they hold more (raw values). */
function currentMetricsFrom(form: StatusForm): autoscaling.MetricStatus[] {
  const annotated = form.annotation === undefined ? undefined : decodeMetricStatuses(form.annotation);
  if (annotated !== undefined) {
    return annotated.map((metric) => Convert_v1_MetricStatus_To_autoscaling_MetricStatus(metric));
  }
  return form.utilization === undefined ? [] : [cpuUtilizationStatus(form.utilization)];
}

/** The last CPU resource metric with a current utilization decides. */
function currentCPUUtilizationOf(metrics: readonly autoscaling.MetricStatus[]): number | undefined {
  let utilization: number | undefined;
  for (const metric of metrics) {
    const current = metric.resource?.current?.averageUtilization;
    if (metric.type === 'Resource' && metric.resource?.name === CPU && current != null) utilization = current;
  }
  return utilization;
}

function cpuUtilizationStatus(utilization: number): autoscaling.MetricStatus {
  return { type: 'Resource', resource: { name: CPU, current: { averageUtilization: utilization } } };
}

/** Exactly what currentCPUUtilizationPercentage converts to: nothing an annotation would add. */
function isBareCPUUtilization(metric: autoscaling.MetricStatus): boolean {
  const resource = metric.resource;
  const current = resource?.current;
  return (
    metric.type === 'Resource' &&
    hasOnlyKeys(metric, ['type', 'resource']) &&
    resource?.name === CPU &&
    hasOnlyKeys(resource, ['name', 'current']) &&
    current?.averageUtilization != null &&
    hasOnlyKeys(current, ['averageUtilization'])
  );
}

function hasOnlyKeys(object: object, keys: readonly string[]): boolean {
  return Object.entries(object).every(([key, value]) => value == null || keys.includes(key));
}

// ---------------------------------------------------------------------------------------------
// Spec and status: the CPU utilization fields.
// ---------------------------------------------------------------------------------------------

export function Convert_v1_HorizontalPodAutoscalerSpec_To_autoscaling_HorizontalPodAutoscalerSpec(
  input: v1.HorizontalPodAutoscalerSpec,
): autoscaling.HorizontalPodAutoscalerSpec {
  const out = autoConvert_v1_HorizontalPodAutoscalerSpec_To_autoscaling_HorizontalPodAutoscalerSpec(input);
  const utilization = input.targetCPUUtilizationPercentage;
  if (utilization != null) out.metrics = [cpuUtilizationTarget(utilization)];
  return out;
}

export function Convert_autoscaling_HorizontalPodAutoscalerSpec_To_v1_HorizontalPodAutoscalerSpec(
  input: autoscaling.HorizontalPodAutoscalerSpec,
): v1.HorizontalPodAutoscalerSpec {
  const out = autoConvert_autoscaling_HorizontalPodAutoscalerSpec_To_v1_HorizontalPodAutoscalerSpec(input);
  const utilization = targetCPUUtilizationOf(input.metrics ?? []);
  if (utilization !== undefined) out.targetCPUUtilizationPercentage = utilization;
  return out;
}

export function Convert_v1_HorizontalPodAutoscalerStatus_To_autoscaling_HorizontalPodAutoscalerStatus(
  input: v1.HorizontalPodAutoscalerStatus,
): autoscaling.HorizontalPodAutoscalerStatus {
  const out =
    autoConvert_v1_HorizontalPodAutoscalerStatus_To_autoscaling_HorizontalPodAutoscalerStatus(input);
  const utilization = input.currentCPUUtilizationPercentage;
  if (utilization != null) out.currentMetrics = [cpuUtilizationStatus(utilization)];
  return out;
}

export function Convert_autoscaling_HorizontalPodAutoscalerStatus_To_v1_HorizontalPodAutoscalerStatus(
  input: autoscaling.HorizontalPodAutoscalerStatus,
): v1.HorizontalPodAutoscalerStatus {
  const out =
    autoConvert_autoscaling_HorizontalPodAutoscalerStatus_To_v1_HorizontalPodAutoscalerStatus(input);
  const utilization = currentCPUUtilizationOf(input.currentMetrics ?? []);
  if (utilization !== undefined) out.currentCPUUtilizationPercentage = utilization;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Metric sources.
// ---------------------------------------------------------------------------------------------

export function Convert_v1_ObjectMetricSource_To_autoscaling_ObjectMetricSource(
  input: v1.ObjectMetricSource,
): autoscaling.ObjectMetricSource {
  return flat.overlay(
    autoConvert_v1_ObjectMetricSource_To_autoscaling_ObjectMetricSource(input),
    flat.objectSourceToHub(input),
  );
}

export function Convert_autoscaling_ObjectMetricSource_To_v1_ObjectMetricSource(
  input: autoscaling.ObjectMetricSource,
): v1.ObjectMetricSource {
  return flat.overlay(
    autoConvert_autoscaling_ObjectMetricSource_To_v1_ObjectMetricSource(input),
    flat.objectSourceFromHub(input),
  );
}

export function Convert_v1_PodsMetricSource_To_autoscaling_PodsMetricSource(
  input: v1.PodsMetricSource,
): autoscaling.PodsMetricSource {
  return flat.overlay(
    autoConvert_v1_PodsMetricSource_To_autoscaling_PodsMetricSource(input),
    flat.podsSourceToHub(input),
  );
}

export function Convert_autoscaling_PodsMetricSource_To_v1_PodsMetricSource(
  input: autoscaling.PodsMetricSource,
): v1.PodsMetricSource {
  return flat.overlay(
    autoConvert_autoscaling_PodsMetricSource_To_v1_PodsMetricSource(input),
    flat.podsSourceFromHub(input),
  );
}

export function Convert_v1_ResourceMetricSource_To_autoscaling_ResourceMetricSource(
  input: v1.ResourceMetricSource,
): autoscaling.ResourceMetricSource {
  return flat.overlay(
    autoConvert_v1_ResourceMetricSource_To_autoscaling_ResourceMetricSource(input),
    flat.resourceSourceToHub(input),
  );
}

export function Convert_autoscaling_ResourceMetricSource_To_v1_ResourceMetricSource(
  input: autoscaling.ResourceMetricSource,
): v1.ResourceMetricSource {
  return flat.overlay(
    autoConvert_autoscaling_ResourceMetricSource_To_v1_ResourceMetricSource(input),
    flat.resourceSourceFromHub(input),
  );
}

export function Convert_v1_ContainerResourceMetricSource_To_autoscaling_ContainerResourceMetricSource(
  input: v1.ContainerResourceMetricSource,
): autoscaling.ContainerResourceMetricSource {
  return flat.overlay(
    autoConvert_v1_ContainerResourceMetricSource_To_autoscaling_ContainerResourceMetricSource(input),
    flat.containerResourceSourceToHub(input),
  );
}

export function Convert_autoscaling_ContainerResourceMetricSource_To_v1_ContainerResourceMetricSource(
  input: autoscaling.ContainerResourceMetricSource,
): v1.ContainerResourceMetricSource {
  return flat.overlay(
    autoConvert_autoscaling_ContainerResourceMetricSource_To_v1_ContainerResourceMetricSource(input),
    flat.containerResourceSourceFromHub(input),
  );
}

export function Convert_v1_ExternalMetricSource_To_autoscaling_ExternalMetricSource(
  input: v1.ExternalMetricSource,
): autoscaling.ExternalMetricSource {
  return flat.overlay(
    autoConvert_v1_ExternalMetricSource_To_autoscaling_ExternalMetricSource(input),
    flat.externalSourceToHub(input),
  );
}

export function Convert_autoscaling_ExternalMetricSource_To_v1_ExternalMetricSource(
  input: autoscaling.ExternalMetricSource,
): v1.ExternalMetricSource {
  return flat.overlay(
    autoConvert_autoscaling_ExternalMetricSource_To_v1_ExternalMetricSource(input),
    flat.externalSourceFromHub(input),
  );
}

// ---------------------------------------------------------------------------------------------
// Metric statuses.
// ---------------------------------------------------------------------------------------------

export function Convert_v1_ObjectMetricStatus_To_autoscaling_ObjectMetricStatus(
  input: v1.ObjectMetricStatus,
): autoscaling.ObjectMetricStatus {
  return flat.overlay(
    autoConvert_v1_ObjectMetricStatus_To_autoscaling_ObjectMetricStatus(input),
    flat.objectStatusToHub(input),
  );
}

export function Convert_autoscaling_ObjectMetricStatus_To_v1_ObjectMetricStatus(
  input: autoscaling.ObjectMetricStatus,
): v1.ObjectMetricStatus {
  return flat.overlay(
    autoConvert_autoscaling_ObjectMetricStatus_To_v1_ObjectMetricStatus(input),
    flat.objectStatusFromHub(input),
  );
}

export function Convert_v1_PodsMetricStatus_To_autoscaling_PodsMetricStatus(
  input: v1.PodsMetricStatus,
): autoscaling.PodsMetricStatus {
  return flat.overlay(
    autoConvert_v1_PodsMetricStatus_To_autoscaling_PodsMetricStatus(input),
    flat.podsStatusToHub(input),
  );
}

export function Convert_autoscaling_PodsMetricStatus_To_v1_PodsMetricStatus(
  input: autoscaling.PodsMetricStatus,
): v1.PodsMetricStatus {
  return flat.overlay(
    autoConvert_autoscaling_PodsMetricStatus_To_v1_PodsMetricStatus(input),
    flat.podsStatusFromHub(input),
  );
}

export function Convert_v1_ResourceMetricStatus_To_autoscaling_ResourceMetricStatus(
  input: v1.ResourceMetricStatus,
): autoscaling.ResourceMetricStatus {
  return flat.overlay(
    autoConvert_v1_ResourceMetricStatus_To_autoscaling_ResourceMetricStatus(input),
    flat.resourceStatusToHub(input),
  );
}

export function Convert_autoscaling_ResourceMetricStatus_To_v1_ResourceMetricStatus(
  input: autoscaling.ResourceMetricStatus,
): v1.ResourceMetricStatus {
  return flat.overlay(
    autoConvert_autoscaling_ResourceMetricStatus_To_v1_ResourceMetricStatus(input),
    flat.resourceStatusFromHub(input),
  );
}

export function Convert_v1_ContainerResourceMetricStatus_To_autoscaling_ContainerResourceMetricStatus(
  input: v1.ContainerResourceMetricStatus,
): autoscaling.ContainerResourceMetricStatus {
  return flat.overlay(
    autoConvert_v1_ContainerResourceMetricStatus_To_autoscaling_ContainerResourceMetricStatus(input),
    flat.containerResourceStatusToHub(input),
  );
}

export function Convert_autoscaling_ContainerResourceMetricStatus_To_v1_ContainerResourceMetricStatus(
  input: autoscaling.ContainerResourceMetricStatus,
): v1.ContainerResourceMetricStatus {
  return flat.overlay(
    autoConvert_autoscaling_ContainerResourceMetricStatus_To_v1_ContainerResourceMetricStatus(input),
    flat.containerResourceStatusFromHub(input),
  );
}

export function Convert_v1_ExternalMetricStatus_To_autoscaling_ExternalMetricStatus(
  input: v1.ExternalMetricStatus,
): autoscaling.ExternalMetricStatus {
  return flat.overlay(
    autoConvert_v1_ExternalMetricStatus_To_autoscaling_ExternalMetricStatus(input),
    flat.externalStatusToHub(input),
  );
}

export function Convert_autoscaling_ExternalMetricStatus_To_v1_ExternalMetricStatus(
  input: autoscaling.ExternalMetricStatus,
): v1.ExternalMetricStatus {
  return flat.overlay(
    autoConvert_autoscaling_ExternalMetricStatus_To_v1_ExternalMetricStatus(input),
    flat.externalStatusFromHub(input),
  );
}

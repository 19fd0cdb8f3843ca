/**
 * autoscaling/v2beta1 differs from the hub in three ways:
 *
 * - its metric sources and statuses are flat (targetAverageUtilization, metricName,
 *   currentValue, ...) where the hub has a MetricIdentifier and a MetricTarget or
 *   MetricValueStatus; ../flat-metrics.ts maps between them (as in Kubernetes, what the
 *   flat shapes cannot express does not survive a trip through v2beta1);
 * - it has no scaling behavior: that travels in the behavior annotation, tolerance included;
 * - its conditions have no observedGeneration, which is dropped.
 */
import {
  autoConvert_autoscaling_ContainerResourceMetricSource_To_v2beta1_ContainerResourceMetricSource,
  autoConvert_autoscaling_ContainerResourceMetricStatus_To_v2beta1_ContainerResourceMetricStatus,
  autoConvert_autoscaling_ExternalMetricSource_To_v2beta1_ExternalMetricSource,
  autoConvert_autoscaling_ExternalMetricStatus_To_v2beta1_ExternalMetricStatus,
  autoConvert_autoscaling_HorizontalPodAutoscalerCondition_To_v2beta1_HorizontalPodAutoscalerCondition,
  autoConvert_autoscaling_HorizontalPodAutoscalerSpec_To_v2beta1_HorizontalPodAutoscalerSpec,
  autoConvert_autoscaling_HorizontalPodAutoscaler_To_v2beta1_HorizontalPodAutoscaler,
  autoConvert_autoscaling_ObjectMetricSource_To_v2beta1_ObjectMetricSource,
  autoConvert_autoscaling_ObjectMetricStatus_To_v2beta1_ObjectMetricStatus,
  autoConvert_autoscaling_PodsMetricSource_To_v2beta1_PodsMetricSource,
  autoConvert_autoscaling_PodsMetricStatus_To_v2beta1_PodsMetricStatus,
  autoConvert_autoscaling_ResourceMetricSource_To_v2beta1_ResourceMetricSource,
  autoConvert_autoscaling_ResourceMetricStatus_To_v2beta1_ResourceMetricStatus,
  autoConvert_v2beta1_ContainerResourceMetricSource_To_autoscaling_ContainerResourceMetricSource,
  autoConvert_v2beta1_ContainerResourceMetricStatus_To_autoscaling_ContainerResourceMetricStatus,
  autoConvert_v2beta1_ExternalMetricSource_To_autoscaling_ExternalMetricSource,
  autoConvert_v2beta1_ExternalMetricStatus_To_autoscaling_ExternalMetricStatus,
  autoConvert_v2beta1_HorizontalPodAutoscaler_To_autoscaling_HorizontalPodAutoscaler,
  autoConvert_v2beta1_ObjectMetricSource_To_autoscaling_ObjectMetricSource,
  autoConvert_v2beta1_ObjectMetricStatus_To_autoscaling_ObjectMetricStatus,
  autoConvert_v2beta1_PodsMetricSource_To_autoscaling_PodsMetricSource,
  autoConvert_v2beta1_PodsMetricStatus_To_autoscaling_PodsMetricStatus,
  autoConvert_v2beta1_ResourceMetricSource_To_autoscaling_ResourceMetricSource,
  autoConvert_v2beta1_ResourceMetricStatus_To_autoscaling_ResourceMetricStatus,
} from '../../../generated/autoscaling/v2beta1/conversion.generated.js';
import {
  annotationOf,
  BEHAVIOR_ANNOTATION,
  dropRoundTripAnnotations,
  setAnnotation,
} from '../annotations.js';
import { decodeBehavior, encodeBehavior } from '../behavior-annotation.js';
import * as flat from '../flat-metrics.js';
import type * as autoscaling from '../types.js';
import type * as v2beta1 from './types.js';

// ---------------------------------------------------------------------------------------------
// HorizontalPodAutoscaler: behavior in an annotation.
// ---------------------------------------------------------------------------------------------

export function Convert_v2beta1_HorizontalPodAutoscaler_To_autoscaling_HorizontalPodAutoscaler(
  input: v2beta1.HorizontalPodAutoscaler,
): autoscaling.HorizontalPodAutoscaler {
  const out = autoConvert_v2beta1_HorizontalPodAutoscaler_To_autoscaling_HorizontalPodAutoscaler(input);
  const metadata = input.metadata;

  const encoded = annotationOf(metadata, BEHAVIOR_ANNOTATION);
  const behavior = encoded === undefined ? undefined : decodeBehavior(encoded);
  if (behavior !== undefined) specOf(out).behavior = behavior;

  dropRoundTripAnnotations(out);
  return out;
}

export function Convert_autoscaling_HorizontalPodAutoscaler_To_v2beta1_HorizontalPodAutoscaler(
  input: autoscaling.HorizontalPodAutoscaler,
): v2beta1.HorizontalPodAutoscaler {
  const out = autoConvert_autoscaling_HorizontalPodAutoscaler_To_v2beta1_HorizontalPodAutoscaler(input);
  // Only annotations this conversion produces may be on the result.
  dropRoundTripAnnotations(out);

  const behavior = input.spec?.behavior;
  if (behavior != null) setAnnotation(out, BEHAVIOR_ANNOTATION, encodeBehavior(behavior));
  return out;
}

/** The spec of a converted object; a malformed input may have had none. */
function specOf(hpa: autoscaling.HorizontalPodAutoscaler): autoscaling.HorizontalPodAutoscalerSpec {
  return (hpa.spec ??= {} as autoscaling.HorizontalPodAutoscalerSpec);
}

/** spec.behavior is carried by the HorizontalPodAutoscaler conversion, which sees the annotations. */
export function Convert_autoscaling_HorizontalPodAutoscalerSpec_To_v2beta1_HorizontalPodAutoscalerSpec(
  input: autoscaling.HorizontalPodAutoscalerSpec,
): v2beta1.HorizontalPodAutoscalerSpec {
  return autoConvert_autoscaling_HorizontalPodAutoscalerSpec_To_v2beta1_HorizontalPodAutoscalerSpec(input);
}

/** v2beta1 conditions have no observedGeneration; it is dropped. */
export function Convert_autoscaling_HorizontalPodAutoscalerCondition_To_v2beta1_HorizontalPodAutoscalerCondition(
  input: autoscaling.HorizontalPodAutoscalerCondition,
): v2beta1.HorizontalPodAutoscalerCondition {
  return autoConvert_autoscaling_HorizontalPodAutoscalerCondition_To_v2beta1_HorizontalPodAutoscalerCondition(
    input,
  );
}

// ---------------------------------------------------------------------------------------------
// Metric sources.
// ---------------------------------------------------------------------------------------------

export function Convert_v2beta1_ObjectMetricSource_To_autoscaling_ObjectMetricSource(
  input: v2beta1.ObjectMetricSource,
): autoscaling.ObjectMetricSource {
  return flat.overlay(
    autoConvert_v2beta1_ObjectMetricSource_To_autoscaling_ObjectMetricSource(input),
    flat.objectSourceToHub(input),
  );
}

export function Convert_autoscaling_ObjectMetricSource_To_v2beta1_ObjectMetricSource(
  input: autoscaling.ObjectMetricSource,
): v2beta1.ObjectMetricSource {
  return flat.overlay(
    autoConvert_autoscaling_ObjectMetricSource_To_v2beta1_ObjectMetricSource(input),
    flat.objectSourceFromHub(input),
  );
}

export function Convert_v2beta1_PodsMetricSource_To_autoscaling_PodsMetricSource(
  input: v2beta1.PodsMetricSource,
): autoscaling.PodsMetricSource {
  return flat.overlay(
    autoConvert_v2beta1_PodsMetricSource_To_autoscaling_PodsMetricSource(input),
    flat.podsSourceToHub(input),
  );
}

export function Convert_autoscaling_PodsMetricSource_To_v2beta1_PodsMetricSource(
  input: autoscaling.PodsMetricSource,
): v2beta1.PodsMetricSource {
  return flat.overlay(
    autoConvert_autoscaling_PodsMetricSource_To_v2beta1_PodsMetricSource(input),
    flat.podsSourceFromHub(input),
  );
}

export function Convert_v2beta1_ResourceMetricSource_To_autoscaling_ResourceMetricSource(
  input: v2beta1.ResourceMetricSource,
): autoscaling.ResourceMetricSource {
  return flat.overlay(
    autoConvert_v2beta1_ResourceMetricSource_To_autoscaling_ResourceMetricSource(input),
    flat.resourceSourceToHub(input),
  );
}

export function Convert_autoscaling_ResourceMetricSource_To_v2beta1_ResourceMetricSource(
  input: autoscaling.ResourceMetricSource,
): v2beta1.ResourceMetricSource {
  return flat.overlay(
    autoConvert_autoscaling_ResourceMetricSource_To_v2beta1_ResourceMetricSource(input),
    flat.resourceSourceFromHub(input),
  );
}

export function Convert_v2beta1_ContainerResourceMetricSource_To_autoscaling_ContainerResourceMetricSource(
  input: v2beta1.ContainerResourceMetricSource,
): autoscaling.ContainerResourceMetricSource {
  return flat.overlay(
    autoConvert_v2beta1_ContainerResourceMetricSource_To_autoscaling_ContainerResourceMetricSource(input),
    flat.containerResourceSourceToHub(input),
  );
}

export function Convert_autoscaling_ContainerResourceMetricSource_To_v2beta1_ContainerResourceMetricSource(
  input: autoscaling.ContainerResourceMetricSource,
): v2beta1.ContainerResourceMetricSource {
  return flat.overlay(
    autoConvert_autoscaling_ContainerResourceMetricSource_To_v2beta1_ContainerResourceMetricSource(input),
    flat.containerResourceSourceFromHub(input),
  );
}

export function Convert_v2beta1_ExternalMetricSource_To_autoscaling_ExternalMetricSource(
  input: v2beta1.ExternalMetricSource,
): autoscaling.ExternalMetricSource {
  return flat.overlay(
    autoConvert_v2beta1_ExternalMetricSource_To_autoscaling_ExternalMetricSource(input),
    flat.externalSourceToHub(input),
  );
}

export function Convert_autoscaling_ExternalMetricSource_To_v2beta1_ExternalMetricSource(
  input: autoscaling.ExternalMetricSource,
): v2beta1.ExternalMetricSource {
  return flat.overlay(
    autoConvert_autoscaling_ExternalMetricSource_To_v2beta1_ExternalMetricSource(input),
    flat.externalSourceFromHub(input),
  );
}

// ---------------------------------------------------------------------------------------------
// Metric statuses.
// ---------------------------------------------------------------------------------------------

export function Convert_v2beta1_ObjectMetricStatus_To_autoscaling_ObjectMetricStatus(
  input: v2beta1.ObjectMetricStatus,
): autoscaling.ObjectMetricStatus {
  return flat.overlay(
    autoConvert_v2beta1_ObjectMetricStatus_To_autoscaling_ObjectMetricStatus(input),
    flat.objectStatusToHub(input),
  );
}

export function Convert_autoscaling_ObjectMetricStatus_To_v2beta1_ObjectMetricStatus(
  input: autoscaling.ObjectMetricStatus,
): v2beta1.ObjectMetricStatus {
  return flat.overlay(
    autoConvert_autoscaling_ObjectMetricStatus_To_v2beta1_ObjectMetricStatus(input),
    flat.objectStatusFromHub(input),
  );
}

export function Convert_v2beta1_PodsMetricStatus_To_autoscaling_PodsMetricStatus(
  input: v2beta1.PodsMetricStatus,
): autoscaling.PodsMetricStatus {
  return flat.overlay(
    autoConvert_v2beta1_PodsMetricStatus_To_autoscaling_PodsMetricStatus(input),
    flat.podsStatusToHub(input),
  );
}

export function Convert_autoscaling_PodsMetricStatus_To_v2beta1_PodsMetricStatus(
  input: autoscaling.PodsMetricStatus,
): v2beta1.PodsMetricStatus {
  return flat.overlay(
    autoConvert_autoscaling_PodsMetricStatus_To_v2beta1_PodsMetricStatus(input),
    flat.podsStatusFromHub(input),
  );
}

export function Convert_v2beta1_ResourceMetricStatus_To_autoscaling_ResourceMetricStatus(
  input: v2beta1.ResourceMetricStatus,
): autoscaling.ResourceMetricStatus {
  return flat.overlay(
    autoConvert_v2beta1_ResourceMetricStatus_To_autoscaling_ResourceMetricStatus(input),
    flat.resourceStatusToHub(input),
  );
}

export function Convert_autoscaling_ResourceMetricStatus_To_v2beta1_ResourceMetricStatus(
  input: autoscaling.ResourceMetricStatus,
): v2beta1.ResourceMetricStatus {
  return flat.overlay(
    autoConvert_autoscaling_ResourceMetricStatus_To_v2beta1_ResourceMetricStatus(input),
    flat.resourceStatusFromHub(input),
  );
}

export function Convert_v2beta1_ContainerResourceMetricStatus_To_autoscaling_ContainerResourceMetricStatus(
  input: v2beta1.ContainerResourceMetricStatus,
): autoscaling.ContainerResourceMetricStatus {
  return flat.overlay(
    autoConvert_v2beta1_ContainerResourceMetricStatus_To_autoscaling_ContainerResourceMetricStatus(input),
    flat.containerResourceStatusToHub(input),
  );
}

export function Convert_autoscaling_ContainerResourceMetricStatus_To_v2beta1_ContainerResourceMetricStatus(
  input: autoscaling.ContainerResourceMetricStatus,
): v2beta1.ContainerResourceMetricStatus {
  return flat.overlay(
    autoConvert_autoscaling_ContainerResourceMetricStatus_To_v2beta1_ContainerResourceMetricStatus(input),
    flat.containerResourceStatusFromHub(input),
  );
}

export function Convert_v2beta1_ExternalMetricStatus_To_autoscaling_ExternalMetricStatus(
  input: v2beta1.ExternalMetricStatus,
): autoscaling.ExternalMetricStatus {
  return flat.overlay(
    autoConvert_v2beta1_ExternalMetricStatus_To_autoscaling_ExternalMetricStatus(input),
    flat.externalStatusToHub(input),
  );
}

export function Convert_autoscaling_ExternalMetricStatus_To_v2beta1_ExternalMetricStatus(
  input: autoscaling.ExternalMetricStatus,
): v2beta1.ExternalMetricStatus {
  return flat.overlay(
    autoConvert_autoscaling_ExternalMetricStatus_To_v2beta1_ExternalMetricStatus(input),
    flat.externalStatusFromHub(input),
  );
}

/**
 * autoscaling/v2beta2 matches the hub except for two fields it lacks: the per-direction
 * scaling tolerance, which travels in one annotation per direction, and the observedGeneration
 * of conditions, which is dropped.
 */
import {
  autoConvert_autoscaling_HorizontalPodAutoscalerCondition_To_v2beta2_HorizontalPodAutoscalerCondition,
  autoConvert_autoscaling_HorizontalPodAutoscaler_To_v2beta2_HorizontalPodAutoscaler,
  autoConvert_autoscaling_HPAScalingRules_To_v2beta2_HPAScalingRules,
  autoConvert_v2beta2_HorizontalPodAutoscaler_To_autoscaling_HorizontalPodAutoscaler,
} from '../../../generated/autoscaling/v2beta2/conversion.generated.js';
import {
  annotationOf,
  dropRoundTripAnnotations,
  SCALE_DOWN_TOLERANCE_ANNOTATION,
  SCALE_UP_TOLERANCE_ANNOTATION,
  setAnnotation,
} from '../annotations.js';
import { isQuantity } from '../go-json.js';
import type * as autoscaling from '../types.js';
import type * as v2beta2 from './types.js';

type Direction = 'scaleUp' | 'scaleDown';

const TOLERANCE_ANNOTATIONS: ReadonlyArray<readonly [Direction, string]> = [
  ['scaleDown', SCALE_DOWN_TOLERANCE_ANNOTATION],
  ['scaleUp', SCALE_UP_TOLERANCE_ANNOTATION],
];

export function Convert_v2beta2_HorizontalPodAutoscaler_To_autoscaling_HorizontalPodAutoscaler(
  input: v2beta2.HorizontalPodAutoscaler,
): autoscaling.HorizontalPodAutoscaler {
  const out = autoConvert_v2beta2_HorizontalPodAutoscaler_To_autoscaling_HorizontalPodAutoscaler(input);
  for (const [direction, key] of TOLERANCE_ANNOTATIONS) {
    const tolerance = annotationOf(input.metadata, key)?.trim();
    // Only a well-formed quantity becomes a field; anything else is dropped with the annotation.
    if (tolerance !== undefined && isQuantity(tolerance)) scalingRules(out, direction).tolerance = tolerance;
  }
  dropRoundTripAnnotations(out);
  return out;
}

export function Convert_autoscaling_HorizontalPodAutoscaler_To_v2beta2_HorizontalPodAutoscaler(
  input: autoscaling.HorizontalPodAutoscaler,
): v2beta2.HorizontalPodAutoscaler {
  const out = autoConvert_autoscaling_HorizontalPodAutoscaler_To_v2beta2_HorizontalPodAutoscaler(input);
  dropRoundTripAnnotations(out);
  for (const [direction, key] of TOLERANCE_ANNOTATIONS) {
    const tolerance = input.spec?.behavior?.[direction]?.tolerance;
    if (tolerance != null) setAnnotation(out, key, tolerance);
  }
  return out;
}

/** Tolerance is carried by the HorizontalPodAutoscaler conversions, which see the annotations. */
export function Convert_autoscaling_HPAScalingRules_To_v2beta2_HPAScalingRules(
  input: autoscaling.HPAScalingRules,
): v2beta2.HPAScalingRules {
  return autoConvert_autoscaling_HPAScalingRules_To_v2beta2_HPAScalingRules(input);
}

/** v2beta2 conditions have no observedGeneration; it is dropped. */
export function Convert_autoscaling_HorizontalPodAutoscalerCondition_To_v2beta2_HorizontalPodAutoscalerCondition(
  input: autoscaling.HorizontalPodAutoscalerCondition,
): v2beta2.HorizontalPodAutoscalerCondition {
  return autoConvert_autoscaling_HorizontalPodAutoscalerCondition_To_v2beta2_HorizontalPodAutoscalerCondition(
    input,
  );
}

/** The scaling rules of one direction, created (with the behavior) when the object has none. */
function scalingRules(
  hpa: autoscaling.HorizontalPodAutoscaler,
  direction: Direction,
): autoscaling.HPAScalingRules {
  const spec = (hpa.spec ??= {} as autoscaling.HorizontalPodAutoscalerSpec);
  const behavior = (spec.behavior ??= {});
  return (behavior[direction] ??= {});
}

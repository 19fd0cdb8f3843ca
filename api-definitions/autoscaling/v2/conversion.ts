/**
 * autoscaling/v2 has a field for everything the hub holds, so its conversions are the
 * generated ones except for the round-trip annotations of older versions: they must neither
 * reach the hub from a v2 object nor show up on one.
 */
import {
  autoConvert_autoscaling_HorizontalPodAutoscaler_To_v2_HorizontalPodAutoscaler,
  autoConvert_v2_HorizontalPodAutoscaler_To_autoscaling_HorizontalPodAutoscaler,
} from '../../../generated/autoscaling/v2/conversion.generated.js';
import { dropRoundTripAnnotations } from '../annotations.js';
import type * as autoscaling from '../types.js';
import type * as v2 from './types.js';

export function Convert_v2_HorizontalPodAutoscaler_To_autoscaling_HorizontalPodAutoscaler(
  input: v2.HorizontalPodAutoscaler,
): autoscaling.HorizontalPodAutoscaler {
  const out = autoConvert_v2_HorizontalPodAutoscaler_To_autoscaling_HorizontalPodAutoscaler(input);
  dropRoundTripAnnotations(out);
  return out;
}

export function Convert_autoscaling_HorizontalPodAutoscaler_To_v2_HorizontalPodAutoscaler(
  input: autoscaling.HorizontalPodAutoscaler,
): v2.HorizontalPodAutoscaler {
  const out = autoConvert_autoscaling_HorizontalPodAutoscaler_To_v2_HorizontalPodAutoscaler(input);
  dropRoundTripAnnotations(out);
  return out;
}

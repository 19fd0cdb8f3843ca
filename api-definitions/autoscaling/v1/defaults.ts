/**
 * Defaults of autoscaling/v1: at least one replica, and an 80% CPU utilization target when the
 * object names no metric at all, neither in targetCPUUtilizationPercentage nor in the metrics
 * annotation.
 *
 * Kubernetes applies that CPU default while converting to its internal version, where the
 * annotation has been decoded. Applying it here, to the same inputs, gives objects the same
 * metrics while keeping the conversion free of defaults, so that a v1 object converted to the
 * hub and back is unchanged.
 */
import { annotationOf, DEFAULT_CPU_UTILIZATION, METRIC_SPECS_ANNOTATION } from '../annotations.js';
import { decodeMetricSpecs } from './annotation-json.js';
import type * as v1 from './types.js';

export function SetDefaults_HorizontalPodAutoscaler(obj: v1.HorizontalPodAutoscaler): void {
  const spec = obj.spec;
  // Without a spec there is nothing to scale; validation rejects the object.
  if (spec == null) return;
  spec.minReplicas ??= 1;
  if (spec.targetCPUUtilizationPercentage == null && !namesAnnotatedMetrics(obj)) {
    spec.targetCPUUtilizationPercentage = DEFAULT_CPU_UTILIZATION;
  }
}

/** Whether the metrics annotation holds at least one metric; malformed text holds none. */
function namesAnnotatedMetrics(obj: v1.HorizontalPodAutoscaler): boolean {
  const encoded = annotationOf(obj.metadata, METRIC_SPECS_ANNOTATION);
  return encoded !== undefined && (decodeMetricSpecs(encoded)?.length ?? 0) > 0;
}

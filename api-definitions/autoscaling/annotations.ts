/**
 * The annotations that carry hub fields through served versions that have no field for them,
 * so that a read-modify-write through an older version does not lose them. They exist only on
 * the wire: converting to the hub moves their content into fields and strips them, so the hub
 * (and storage) never holds them, and versions that have the fields never show them.
 */
import type { ObjectMeta } from '../meta/v1/types.js';

/** autoscaling/v1: spec.metrics other than the CPU utilization target, as v1 MetricSpec JSON. */
export const METRIC_SPECS_ANNOTATION = 'autoscaling.alpha.kubernetes.io/metrics';

/** autoscaling/v1: status.currentMetrics, as v1 MetricStatus JSON. */
export const METRIC_STATUSES_ANNOTATION = 'autoscaling.alpha.kubernetes.io/current-metrics';

/** autoscaling/v1: status.conditions, as v1 HorizontalPodAutoscalerCondition JSON. */
export const CONDITIONS_ANNOTATION = 'autoscaling.alpha.kubernetes.io/conditions';

/** autoscaling/v1 and v2beta1: spec.behavior, tolerance included (see behavior-annotation.ts). */
export const BEHAVIOR_ANNOTATION = 'autoscaling.alpha.kubernetes.io/behavior';

/** autoscaling/v2beta2: spec.behavior.scaleDown.tolerance, as a quantity string. */
export const SCALE_DOWN_TOLERANCE_ANNOTATION = 'autoscaling.alpha.kubernetes.io/scale-down-tolerance';

/** autoscaling/v2beta2: spec.behavior.scaleUp.tolerance, as a quantity string. */
export const SCALE_UP_TOLERANCE_ANNOTATION = 'autoscaling.alpha.kubernetes.io/scale-up-tolerance';

/** Every annotation above: none of them may survive into the hub or leak into another version. */
export const ROUND_TRIP_ANNOTATIONS: readonly string[] = [
  METRIC_SPECS_ANNOTATION,
  METRIC_STATUSES_ANNOTATION,
  CONDITIONS_ANNOTATION,
  BEHAVIOR_ANNOTATION,
  SCALE_DOWN_TOLERANCE_ANNOTATION,
  SCALE_UP_TOLERANCE_ANNOTATION,
];

/** The CPU utilization target, in percent, of an autoscaler that names no metric. */
export const DEFAULT_CPU_UTILIZATION = 80;

/** The value of an annotation, if the object has it. */
export function annotationOf(metadata: ObjectMeta | null | undefined, key: string): string | undefined {
  const annotations = metadata?.annotations;
  return annotations != null && Object.hasOwn(annotations, key) ? annotations[key] : undefined;
}

/**
 * Removes the round-trip annotations from a freshly converted object. A map, or metadata, left
 * empty by the removal goes too: an object that came without them goes back without them.
 */
export function dropRoundTripAnnotations(object: { metadata?: ObjectMeta }): void {
  const metadata = object.metadata;
  const annotations = metadata?.annotations;
  if (metadata == null || annotations == null) return;
  let dropped = false;
  for (const key of ROUND_TRIP_ANNOTATIONS) {
    if (Object.hasOwn(annotations, key)) {
      delete annotations[key];
      dropped = true;
    }
  }
  if (!dropped || Object.keys(annotations).length > 0) return;
  delete metadata.annotations;
  if (Object.keys(metadata).length === 0) delete object.metadata;
}

/** Sets an annotation on a freshly converted object, creating metadata and the map as needed. */
export function setAnnotation(object: { metadata?: ObjectMeta }, key: string, value: string): void {
  const metadata = (object.metadata ??= {});
  (metadata.annotations ??= {})[key] = value;
}

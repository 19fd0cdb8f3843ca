/** Defaults of autoscaling/v2beta1: at least one replica, 80% average CPU when no metric is named. */
import { DEFAULT_CPU_UTILIZATION } from '../annotations.js';
import type * as v2beta1 from './types.js';

export function SetDefaults_HorizontalPodAutoscaler(obj: v2beta1.HorizontalPodAutoscaler): void {
  const spec = obj.spec;
  // Without a spec there is nothing to scale; validation rejects the object.
  if (spec == null) return;
  spec.minReplicas ??= 1;
  if (spec.metrics == null || spec.metrics.length === 0) {
    spec.metrics = [
      { type: 'Resource', resource: { name: 'cpu', targetAverageUtilization: DEFAULT_CPU_UTILIZATION } },
    ];
  }
}

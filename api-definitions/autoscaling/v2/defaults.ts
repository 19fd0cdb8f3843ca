/**
 * Defaults of autoscaling/v2: at least one replica, 80% average CPU utilization when no metric
 * is named, and, once any behavior is given, every unset rule of both directions filled in
 * with the rules the autoscaler has always applied.
 */
import { DEFAULT_CPU_UTILIZATION } from '../annotations.js';
import type * as v2 from './types.js';

const SCALING_PERIOD_SECONDS = 15;

/** Scale up by the larger of 4 pods or 100% every 15 seconds, with no stabilization. */
function scaleUpDefaults(): v2.HPAScalingRules {
  return {
    stabilizationWindowSeconds: 0,
    selectPolicy: 'Max',
    policies: [
      { type: 'Pods', value: 4, periodSeconds: SCALING_PERIOD_SECONDS },
      { type: 'Percent', value: 100, periodSeconds: SCALING_PERIOD_SECONDS },
    ],
  };
}

/**
 * Scale down by up to 100% every 15 seconds. The stabilization window stays unset: the
 * controller's --horizontal-pod-autoscaler-downscale-stabilization flag supplies it.
 */
function scaleDownDefaults(): v2.HPAScalingRules {
  return {
    selectPolicy: 'Max',
    policies: [{ type: 'Percent', value: 100, periodSeconds: SCALING_PERIOD_SECONDS }],
  };
}

export function SetDefaults_HorizontalPodAutoscaler(obj: v2.HorizontalPodAutoscaler): void {
  const spec = obj.spec;
  // Without a spec there is nothing to scale; validation rejects the object.
  if (spec == null) return;
  spec.minReplicas ??= 1;
  if (spec.metrics == null || spec.metrics.length === 0) {
    spec.metrics = [
      {
        type: 'Resource',
        resource: {
          name: 'cpu',
          target: { type: 'Utilization', averageUtilization: DEFAULT_CPU_UTILIZATION },
        },
      },
    ];
  }
  const behavior = spec.behavior;
  if (behavior != null) {
    behavior.scaleUp = withDefaults(behavior.scaleUp, scaleUpDefaults());
    behavior.scaleDown = withDefaults(behavior.scaleDown, scaleDownDefaults());
  }
}

/** The given rules, with every unset field taken from the defaults; tolerance has no default. */
function withDefaults(
  rules: v2.HPAScalingRules | null | undefined,
  defaults: v2.HPAScalingRules,
): v2.HPAScalingRules {
  const merged: v2.HPAScalingRules = {};
  const window = rules?.stabilizationWindowSeconds ?? defaults.stabilizationWindowSeconds;
  if (window != null) merged.stabilizationWindowSeconds = window;
  merged.selectPolicy = rules?.selectPolicy ?? defaults.selectPolicy;
  merged.policies = rules?.policies ?? defaults.policies;
  if (rules?.tolerance != null) merged.tolerance = rules.tolerance;
  return merged;
}

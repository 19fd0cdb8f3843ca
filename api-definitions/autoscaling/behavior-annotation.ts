/**
 * The behavior annotation of autoscaling/v1 and v2beta1. Kubernetes writes it by marshalling
 * its internal behavior struct, which has no JSON tags: keys are the Go field names
 * (`ScaleUp`, `StabilizationWindowSeconds`, ...) and unset pointers are written as null. Since
 * the internal struct includes the tolerance, these versions keep it inside this annotation.
 */
import type * as autoscaling from './types.js';
import {
  arrayOf,
  MalformedPayload,
  marshal,
  member,
  optInt32,
  optObject,
  optQuantity,
  optString,
  parsePayload,
  type JsonObject,
} from './go-json.js';

/** The annotation text for a behavior. */
export function encodeBehavior(behavior: autoscaling.HorizontalPodAutoscalerBehavior): string {
  return marshal({ ScaleUp: rulesToGo(behavior.scaleUp), ScaleDown: rulesToGo(behavior.scaleDown) });
}

function rulesToGo(rules: autoscaling.HPAScalingRules | null | undefined): JsonObject | null {
  if (rules == null) return null;
  return {
    StabilizationWindowSeconds: rules.stabilizationWindowSeconds ?? null,
    SelectPolicy: rules.selectPolicy ?? null,
    Policies:
      rules.policies?.map((policy) => ({
        Type: policy.type ?? '',
        Value: policy.value ?? 0,
        PeriodSeconds: policy.periodSeconds ?? 0,
      })) ?? null,
    Tolerance: rules.tolerance ?? null,
  };
}

/**
 * The behavior an annotation holds, or undefined when it holds none: malformed text is ignored,
 * so that only well-formed data becomes a field. Kubernetes also drops a behavior with neither
 * direction set; it is kept here, since only an object with a behavior, if empty, gets the
 * annotation, and dropping it would make converting back and forth lose it.
 */
export function decodeBehavior(text: string): autoscaling.HorizontalPodAutoscalerBehavior | undefined {
  try {
    const object = optObject(parsePayload(text), 'behavior');
    if (object === undefined) return undefined;
    const scaleUp = rulesFromGo(member(object, 'ScaleUp'), 'ScaleUp');
    const scaleDown = rulesFromGo(member(object, 'ScaleDown'), 'ScaleDown');
    const behavior: autoscaling.HorizontalPodAutoscalerBehavior = {};
    if (scaleUp !== undefined) behavior.scaleUp = scaleUp;
    if (scaleDown !== undefined) behavior.scaleDown = scaleDown;
    return behavior;
  } catch (error) {
    if (error instanceof MalformedPayload) return undefined;
    throw error;
  }
}

function rulesFromGo(value: unknown, what: string): autoscaling.HPAScalingRules | undefined {
  const object = optObject(value, what);
  if (object === undefined) return undefined;
  const rules: autoscaling.HPAScalingRules = {};
  const window = optInt32(member(object, 'StabilizationWindowSeconds'), `${what}.StabilizationWindowSeconds`);
  if (window !== undefined) rules.stabilizationWindowSeconds = window;
  const select = optString(member(object, 'SelectPolicy'), `${what}.SelectPolicy`);
  // Go does not check enum values when decoding; neither do we.
  if (select !== undefined) rules.selectPolicy = select as autoscaling.ScalingPolicySelect;
  const policies = arrayOf(member(object, 'Policies'), `${what}.Policies`, policyFromGo);
  if (policies !== undefined) rules.policies = policies;
  const tolerance = optQuantity(member(object, 'Tolerance'), `${what}.Tolerance`);
  if (tolerance !== undefined) rules.tolerance = tolerance;
  return rules;
}

function policyFromGo(object: JsonObject, what: string): autoscaling.HPAScalingPolicy {
  return {
    type: (optString(member(object, 'Type'), `${what}.Type`) ?? '') as autoscaling.HPAScalingPolicyType,
    value: optInt32(member(object, 'Value'), `${what}.Value`) ?? 0,
    periodSeconds: optInt32(member(object, 'PeriodSeconds'), `${what}.PeriodSeconds`) ?? 0,
  };
}

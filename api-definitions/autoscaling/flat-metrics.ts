/**
 * The flat metric shapes and the hub's. autoscaling/v2beta1 metric sources and statuses (and
 * the identical payloads of autoscaling/v1's annotations) hold their target or current value
 * in fields such as targetAverageUtilization or currentValue; the hub holds a MetricIdentifier
 * and a MetricTarget or MetricValueStatus. The functions here map one onto the other; the
 * versions' Convert_* functions wrap them.
 *
 * The flat types are written against autoscaling/v1's declarations; v2beta1's are the same
 * shapes, which the type checker confirms wherever v2beta1 passes its objects in.
 *
 * Absent stays absent: nothing here adds a property the input did not imply, except the
 * quantities the flat shapes require (targetValue, targetAverageValue, currentValue,
 * currentAverageValue), which get the zero quantity when the hub has none, as Kubernetes
 * writes them.
 */
import type { LabelSelector } from '../meta/v1/types.js';
import type * as autoscaling from './types.js';
import type * as flat from './v1/types.js';

/** The zero quantity, written for required quantities the hub leaves unset. */
const ZERO_QUANTITY = '0';

/** `T` with every property optional and possibly undefined: the input of `compact`. */
type Loose<T> = { [K in keyof T]?: T[K] | undefined };

/**
 * Drops the properties whose value is undefined. Required properties can only be missing when
 * the input already lacked them; they stay missing rather than being invented.
 */
function compact<T>(value: Loose<T>): T {
  const out: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) if (entry !== undefined) out[key] = entry;
  return out as T;
}

/** Treats JSON null like an absent value. */
function present<T>(value: T | null | undefined): T | undefined {
  return value ?? undefined;
}

function copySelector(selector: LabelSelector | null | undefined): LabelSelector | undefined {
  return selector == null ? undefined : structuredClone(selector);
}

interface ObjectReference {
  kind: string;
  name: string;
  apiVersion?: string;
}

/** v2beta1's `target` object reference and the hub's `describedObject` have the same fields. */
function copyReference(ref: ObjectReference | null | undefined): ObjectReference | undefined {
  if (ref == null) return undefined;
  return compact<ObjectReference>({
    kind: present(ref.kind),
    name: present(ref.name),
    apiVersion: present(ref.apiVersion),
  });
}

function identifier(
  name: string | null | undefined,
  selector: LabelSelector | null | undefined,
): autoscaling.MetricIdentifier {
  return compact<autoscaling.MetricIdentifier>({ name: present(name), selector: copySelector(selector) });
}

/** A target is a utilization when one is given, else an average value (resource metrics). */
function utilizationOrAverage(utilization: number | null | undefined): autoscaling.MetricTargetType {
  return utilization == null ? 'AverageValue' : 'Utilization';
}

/**
 * Combines a generated conversion with a mapping from this file: the mapped fields win and keep
 * their order (the struct order of the target version); whatever else the generated code
 * copied follows them.
 */
export function overlay<T extends object>(generated: T, mapped: T): T {
  const out: Record<string, unknown> = Object.fromEntries(Object.entries(mapped));
  for (const [key, value] of Object.entries(generated)) if (!Object.hasOwn(out, key)) out[key] = value;
  return out as T;
}

// ---------------------------------------------------------------------------------------------
// Sources: flat to hub. Each target gets the type the flat fields imply.
// ---------------------------------------------------------------------------------------------

/** An object metric targets its averageValue when one is set, else its targetValue. */
export function objectSourceToHub(input: flat.ObjectMetricSource): autoscaling.ObjectMetricSource {
  return compact<autoscaling.ObjectMetricSource>({
    describedObject: copyReference(input.target),
    target: compact<autoscaling.MetricTarget>({
      type: input.averageValue == null ? 'Value' : 'AverageValue',
      value: present(input.targetValue),
      averageValue: present(input.averageValue),
    }),
    metric: identifier(input.metricName, input.selector),
  });
}

/** A pods metric always targets an average value. */
export function podsSourceToHub(input: flat.PodsMetricSource): autoscaling.PodsMetricSource {
  return compact<autoscaling.PodsMetricSource>({
    metric: identifier(input.metricName, input.selector),
    target: compact<autoscaling.MetricTarget>({
      type: 'AverageValue',
      averageValue: present(input.targetAverageValue),
    }),
  });
}

export function resourceSourceToHub(input: flat.ResourceMetricSource): autoscaling.ResourceMetricSource {
  return compact<autoscaling.ResourceMetricSource>({
    name: present(input.name),
    target: compact<autoscaling.MetricTarget>({
      type: utilizationOrAverage(input.targetAverageUtilization),
      averageValue: present(input.targetAverageValue),
      averageUtilization: present(input.targetAverageUtilization),
    }),
  });
}

export function containerResourceSourceToHub(
  input: flat.ContainerResourceMetricSource,
): autoscaling.ContainerResourceMetricSource {
  return compact<autoscaling.ContainerResourceMetricSource>({
    ...resourceSourceToHub(input),
    container: present(input.container),
  });
}

/** An external metric targets its targetValue when one is set, else its average value. */
export function externalSourceToHub(input: flat.ExternalMetricSource): autoscaling.ExternalMetricSource {
  return compact<autoscaling.ExternalMetricSource>({
    metric: identifier(input.metricName, input.metricSelector),
    target: compact<autoscaling.MetricTarget>({
      type: input.targetValue == null ? 'AverageValue' : 'Value',
      value: present(input.targetValue),
      averageValue: present(input.targetAverageValue),
    }),
  });
}

// ---------------------------------------------------------------------------------------------
// Sources: hub to flat. The target type is implied by which flat fields are set.
// ---------------------------------------------------------------------------------------------

export function objectSourceFromHub(input: autoscaling.ObjectMetricSource): flat.ObjectMetricSource {
  return compact<flat.ObjectMetricSource>({
    target: copyReference(input.describedObject),
    metricName: present(input.metric?.name),
    targetValue: input.target?.value ?? ZERO_QUANTITY,
    selector: copySelector(input.metric?.selector),
    averageValue: present(input.target?.averageValue),
  });
}

export function podsSourceFromHub(input: autoscaling.PodsMetricSource): flat.PodsMetricSource {
  return compact<flat.PodsMetricSource>({
    metricName: present(input.metric?.name),
    targetAverageValue: input.target?.averageValue ?? ZERO_QUANTITY,
    selector: copySelector(input.metric?.selector),
  });
}

export function resourceSourceFromHub(input: autoscaling.ResourceMetricSource): flat.ResourceMetricSource {
  return compact<flat.ResourceMetricSource>({
    name: present(input.name),
    targetAverageUtilization: present(input.target?.averageUtilization),
    targetAverageValue: present(input.target?.averageValue),
  });
}

export function containerResourceSourceFromHub(
  input: autoscaling.ContainerResourceMetricSource,
): flat.ContainerResourceMetricSource {
  return compact<flat.ContainerResourceMetricSource>({
    ...resourceSourceFromHub(input),
    container: present(input.container),
  });
}

export function externalSourceFromHub(input: autoscaling.ExternalMetricSource): flat.ExternalMetricSource {
  return compact<flat.ExternalMetricSource>({
    metricName: present(input.metric?.name),
    metricSelector: copySelector(input.metric?.selector),
    targetValue: present(input.target?.value),
    targetAverageValue: present(input.target?.averageValue),
  });
}

// ---------------------------------------------------------------------------------------------
// Statuses: flat to hub.
// ---------------------------------------------------------------------------------------------

export function objectStatusToHub(input: flat.ObjectMetricStatus): autoscaling.ObjectMetricStatus {
  return compact<autoscaling.ObjectMetricStatus>({
    metric: identifier(input.metricName, input.selector),
    current: compact<autoscaling.MetricValueStatus>({
      value: present(input.currentValue),
      averageValue: present(input.averageValue),
    }),
    describedObject: copyReference(input.target),
  });
}

export function podsStatusToHub(input: flat.PodsMetricStatus): autoscaling.PodsMetricStatus {
  return compact<autoscaling.PodsMetricStatus>({
    metric: identifier(input.metricName, input.selector),
    current: compact<autoscaling.MetricValueStatus>({ averageValue: present(input.currentAverageValue) }),
  });
}

export function resourceStatusToHub(input: flat.ResourceMetricStatus): autoscaling.ResourceMetricStatus {
  return compact<autoscaling.ResourceMetricStatus>({
    name: present(input.name),
    current: compact<autoscaling.MetricValueStatus>({
      averageValue: present(input.currentAverageValue),
      averageUtilization: present(input.currentAverageUtilization),
    }),
  });
}

export function containerResourceStatusToHub(
  input: flat.ContainerResourceMetricStatus,
): autoscaling.ContainerResourceMetricStatus {
  return compact<autoscaling.ContainerResourceMetricStatus>({
    ...resourceStatusToHub(input),
    container: present(input.container),
  });
}

export function externalStatusToHub(input: flat.ExternalMetricStatus): autoscaling.ExternalMetricStatus {
  return compact<autoscaling.ExternalMetricStatus>({
    metric: identifier(input.metricName, input.metricSelector),
    current: compact<autoscaling.MetricValueStatus>({
      value: present(input.currentValue),
      averageValue: present(input.currentAverageValue),
    }),
  });
}

// ---------------------------------------------------------------------------------------------
// Statuses: hub to flat.
// ---------------------------------------------------------------------------------------------

export function objectStatusFromHub(input: autoscaling.ObjectMetricStatus): flat.ObjectMetricStatus {
  return compact<flat.ObjectMetricStatus>({
    target: copyReference(input.describedObject),
    metricName: present(input.metric?.name),
    currentValue: input.current?.value ?? ZERO_QUANTITY,
    selector: copySelector(input.metric?.selector),
    averageValue: present(input.current?.averageValue),
  });
}

export function podsStatusFromHub(input: autoscaling.PodsMetricStatus): flat.PodsMetricStatus {
  return compact<flat.PodsMetricStatus>({
    metricName: present(input.metric?.name),
    currentAverageValue: input.current?.averageValue ?? ZERO_QUANTITY,
    selector: copySelector(input.metric?.selector),
  });
}

export function resourceStatusFromHub(input: autoscaling.ResourceMetricStatus): flat.ResourceMetricStatus {
  return compact<flat.ResourceMetricStatus>({
    name: present(input.name),
    currentAverageUtilization: present(input.current?.averageUtilization),
    currentAverageValue: input.current?.averageValue ?? ZERO_QUANTITY,
  });
}

export function containerResourceStatusFromHub(
  input: autoscaling.ContainerResourceMetricStatus,
): flat.ContainerResourceMetricStatus {
  return compact<flat.ContainerResourceMetricStatus>({
    ...resourceStatusFromHub(input),
    container: present(input.container),
  });
}

export function externalStatusFromHub(input: autoscaling.ExternalMetricStatus): flat.ExternalMetricStatus {
  return compact<flat.ExternalMetricStatus>({
    metricName: present(input.metric?.name),
    metricSelector: copySelector(input.metric?.selector),
    currentValue: input.current?.value ?? ZERO_QUANTITY,
    currentAverageValue: present(input.current?.averageValue),
  });
}

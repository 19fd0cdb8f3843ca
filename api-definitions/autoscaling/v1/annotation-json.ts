/**
 * The payloads of autoscaling/v1's metrics, current-metrics and conditions annotations: JSON
 * arrays of this package's MetricSpec, MetricStatus and HorizontalPodAutoscalerCondition, read
 * and written as Kubernetes reads and writes them (see ../go-json.ts), so that annotations
 * written by either side decode on the other and re-encode to the same text.
 *
 * Encoders list fields in struct order. A property set to undefined is left out (omitempty);
 * required fields are always written, with Go's zero value when missing. Decoders give
 * required fields their zero value too, as Go would; the order of decoded properties does not
 * matter, since decoded payloads are only converted to the hub.
 */
import type { LabelSelector, LabelSelectorRequirement } from '../../meta/v1/types.js';
import {
  arrayOf,
  MalformedPayload,
  marshal,
  member,
  optInt32,
  optInt64,
  optObject,
  optQuantity,
  optString,
  optStringList,
  optStringMap,
  parsePayload,
  sortedMap,
  type JsonObject,
} from '../go-json.js';
import type * as v1 from './types.js';

const ZERO_QUANTITY = '0';

// ---------------------------------------------------------------------------------------------
// Public entry points.
// ---------------------------------------------------------------------------------------------

export function encodeMetricSpecs(specs: readonly v1.MetricSpec[]): string {
  return marshal(specs.map(metricSpecToGo));
}

export function encodeMetricStatuses(statuses: readonly v1.MetricStatus[]): string {
  return marshal(statuses.map(metricStatusToGo));
}

export function encodeConditions(conditions: readonly v1.HorizontalPodAutoscalerCondition[]): string {
  return marshal(conditions.map(conditionToGo));
}

/** The metric specs an annotation holds, or undefined when its text is malformed. */
export function decodeMetricSpecs(text: string): v1.MetricSpec[] | undefined {
  return decodeList(text, 'metrics', metricSpecFromGo);
}

/** The metric statuses an annotation holds, or undefined when its text is malformed. */
export function decodeMetricStatuses(text: string): v1.MetricStatus[] | undefined {
  return decodeList(text, 'currentMetrics', metricStatusFromGo);
}

/** The conditions an annotation holds, or undefined when its text is malformed. */
export function decodeConditions(text: string): v1.HorizontalPodAutoscalerCondition[] | undefined {
  return decodeList(text, 'conditions', conditionFromGo);
}

/** A JSON null decodes as an empty list, as Go decodes it into a nil slice. */
function decodeList<T>(
  text: string,
  what: string,
  decode: (object: JsonObject, what: string) => T,
): T[] | undefined {
  try {
    return arrayOf(parsePayload(text), what, decode) ?? [];
  } catch (error) {
    if (error instanceof MalformedPayload) return undefined;
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Shared pieces.
// ---------------------------------------------------------------------------------------------

/** Go's omitempty on a string: the empty string is left out. */
function nonEmpty(value: string | null | undefined): string | undefined {
  return value == null || value === '' ? undefined : value;
}

function referenceToGo(ref: v1.CrossVersionObjectReference | null | undefined): JsonObject {
  return { kind: ref?.kind ?? '', name: ref?.name ?? '', apiVersion: nonEmpty(ref?.apiVersion) };
}

function referenceFromGo(value: unknown, what: string): v1.CrossVersionObjectReference {
  const object = optObject(value, what) ?? {};
  const ref: v1.CrossVersionObjectReference = {
    kind: optString(member(object, 'kind'), `${what}.kind`) ?? '',
    name: optString(member(object, 'name'), `${what}.name`) ?? '',
  };
  const apiVersion = optString(member(object, 'apiVersion'), `${what}.apiVersion`);
  if (apiVersion !== undefined) ref.apiVersion = apiVersion;
  return ref;
}

function selectorToGo(selector: LabelSelector | null | undefined): JsonObject | undefined {
  if (selector == null) return undefined;
  const labels = selector.matchLabels;
  const expressions = selector.matchExpressions;
  return {
    matchLabels: labels != null && Object.keys(labels).length > 0 ? sortedMap(labels) : undefined,
    matchExpressions:
      expressions != null && expressions.length > 0
        ? expressions.map((r) => ({
            key: r.key ?? '',
            operator: r.operator ?? '',
            values: r.values != null && r.values.length > 0 ? [...r.values] : undefined,
          }))
        : undefined,
  };
}

function selectorFromGo(value: unknown, what: string): LabelSelector | undefined {
  const object = optObject(value, what);
  if (object === undefined) return undefined;
  const selector: LabelSelector = {};
  const labels = optStringMap(member(object, 'matchLabels'), `${what}.matchLabels`);
  if (labels !== undefined) selector.matchLabels = labels;
  const expressions = arrayOf(
    member(object, 'matchExpressions'),
    `${what}.matchExpressions`,
    requirementFromGo,
  );
  if (expressions !== undefined) selector.matchExpressions = expressions;
  return selector;
}

function requirementFromGo(object: JsonObject, what: string): LabelSelectorRequirement {
  const requirement: LabelSelectorRequirement = {
    key: optString(member(object, 'key'), `${what}.key`) ?? '',
    operator: optString(member(object, 'operator'), `${what}.operator`) ?? '',
  };
  assign(requirement, 'values', optStringList(member(object, 'values'), `${what}.values`));
  return requirement;
}

/** Sets `key` on `target` when `value` is defined; decoders use it for optional fields. */
function assign<T, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

// ---------------------------------------------------------------------------------------------
// MetricSpec and its sources.
// ---------------------------------------------------------------------------------------------

function metricSpecToGo(spec: v1.MetricSpec): JsonObject {
  return {
    type: spec.type ?? '',
    object: spec.object == null ? undefined : objectSourceToGo(spec.object),
    pods: spec.pods == null ? undefined : podsSourceToGo(spec.pods),
    resource: spec.resource == null ? undefined : resourceSourceToGo(spec.resource),
    containerResource:
      spec.containerResource == null ? undefined : containerResourceSourceToGo(spec.containerResource),
    external: spec.external == null ? undefined : externalSourceToGo(spec.external),
  };
}

function objectSourceToGo(source: v1.ObjectMetricSource): JsonObject {
  return {
    target: referenceToGo(source.target),
    metricName: source.metricName ?? '',
    targetValue: source.targetValue ?? ZERO_QUANTITY,
    selector: selectorToGo(source.selector),
    averageValue: source.averageValue ?? undefined,
  };
}

function podsSourceToGo(source: v1.PodsMetricSource): JsonObject {
  return {
    metricName: source.metricName ?? '',
    targetAverageValue: source.targetAverageValue ?? ZERO_QUANTITY,
    selector: selectorToGo(source.selector),
  };
}

function resourceSourceToGo(source: v1.ResourceMetricSource): JsonObject {
  return {
    name: source.name ?? '',
    targetAverageUtilization: source.targetAverageUtilization ?? undefined,
    targetAverageValue: source.targetAverageValue ?? undefined,
  };
}

function containerResourceSourceToGo(source: v1.ContainerResourceMetricSource): JsonObject {
  return { ...resourceSourceToGo(source), container: source.container ?? '' };
}

function externalSourceToGo(source: v1.ExternalMetricSource): JsonObject {
  return {
    metricName: source.metricName ?? '',
    metricSelector: selectorToGo(source.metricSelector),
    targetValue: source.targetValue ?? undefined,
    targetAverageValue: source.targetAverageValue ?? undefined,
  };
}

function metricSpecFromGo(object: JsonObject, what: string): v1.MetricSpec {
  const spec: v1.MetricSpec = {
    type: (optString(member(object, 'type'), `${what}.type`) ?? '') as v1.MetricSourceType,
  };
  assign(spec, 'object', mapObject(member(object, 'object'), `${what}.object`, objectSourceFromGo));
  assign(spec, 'pods', mapObject(member(object, 'pods'), `${what}.pods`, podsSourceFromGo));
  assign(spec, 'resource', mapObject(member(object, 'resource'), `${what}.resource`, resourceSourceFromGo));
  assign(
    spec,
    'containerResource',
    mapObject(
      member(object, 'containerResource'),
      `${what}.containerResource`,
      containerResourceSourceFromGo,
    ),
  );
  assign(spec, 'external', mapObject(member(object, 'external'), `${what}.external`, externalSourceFromGo));
  return spec;
}

/** Decodes an optional nested struct. */
function mapObject<T>(
  value: unknown,
  what: string,
  decode: (object: JsonObject, what: string) => T,
): T | undefined {
  const object = optObject(value, what);
  return object === undefined ? undefined : decode(object, what);
}

function objectSourceFromGo(object: JsonObject, what: string): v1.ObjectMetricSource {
  const source: v1.ObjectMetricSource = {
    target: referenceFromGo(member(object, 'target'), `${what}.target`),
    metricName: optString(member(object, 'metricName'), `${what}.metricName`) ?? '',
    targetValue: optQuantity(member(object, 'targetValue'), `${what}.targetValue`) ?? ZERO_QUANTITY,
  };
  assign(source, 'selector', selectorFromGo(member(object, 'selector'), `${what}.selector`));
  assign(source, 'averageValue', optQuantity(member(object, 'averageValue'), `${what}.averageValue`));
  return source;
}

function podsSourceFromGo(object: JsonObject, what: string): v1.PodsMetricSource {
  const source: v1.PodsMetricSource = {
    metricName: optString(member(object, 'metricName'), `${what}.metricName`) ?? '',
    targetAverageValue:
      optQuantity(member(object, 'targetAverageValue'), `${what}.targetAverageValue`) ?? ZERO_QUANTITY,
  };
  assign(source, 'selector', selectorFromGo(member(object, 'selector'), `${what}.selector`));
  return source;
}

function resourceSourceFromGo(object: JsonObject, what: string): v1.ResourceMetricSource {
  const source: v1.ResourceMetricSource = { name: optString(member(object, 'name'), `${what}.name`) ?? '' };
  assign(
    source,
    'targetAverageUtilization',
    optInt32(member(object, 'targetAverageUtilization'), `${what}.targetAverageUtilization`),
  );
  assign(
    source,
    'targetAverageValue',
    optQuantity(member(object, 'targetAverageValue'), `${what}.targetAverageValue`),
  );
  return source;
}

function containerResourceSourceFromGo(object: JsonObject, what: string): v1.ContainerResourceMetricSource {
  return {
    ...resourceSourceFromGo(object, what),
    container: optString(member(object, 'container'), `${what}.container`) ?? '',
  };
}

function externalSourceFromGo(object: JsonObject, what: string): v1.ExternalMetricSource {
  const source: v1.ExternalMetricSource = {
    metricName: optString(member(object, 'metricName'), `${what}.metricName`) ?? '',
  };
  assign(
    source,
    'metricSelector',
    selectorFromGo(member(object, 'metricSelector'), `${what}.metricSelector`),
  );
  assign(source, 'targetValue', optQuantity(member(object, 'targetValue'), `${what}.targetValue`));
  assign(
    source,
    'targetAverageValue',
    optQuantity(member(object, 'targetAverageValue'), `${what}.targetAverageValue`),
  );
  return source;
}

// ---------------------------------------------------------------------------------------------
// MetricStatus and its sources.
// ---------------------------------------------------------------------------------------------

function metricStatusToGo(status: v1.MetricStatus): JsonObject {
  return {
    type: status.type ?? '',
    object: status.object == null ? undefined : objectStatusToGo(status.object),
    pods: status.pods == null ? undefined : podsStatusToGo(status.pods),
    resource: status.resource == null ? undefined : resourceStatusToGo(status.resource),
    containerResource:
      status.containerResource == null ? undefined : containerResourceStatusToGo(status.containerResource),
    external: status.external == null ? undefined : externalStatusToGo(status.external),
  };
}

function objectStatusToGo(status: v1.ObjectMetricStatus): JsonObject {
  return {
    target: referenceToGo(status.target),
    metricName: status.metricName ?? '',
    currentValue: status.currentValue ?? ZERO_QUANTITY,
    selector: selectorToGo(status.selector),
    averageValue: status.averageValue ?? undefined,
  };
}

function podsStatusToGo(status: v1.PodsMetricStatus): JsonObject {
  return {
    metricName: status.metricName ?? '',
    currentAverageValue: status.currentAverageValue ?? ZERO_QUANTITY,
    selector: selectorToGo(status.selector),
  };
}

function resourceStatusToGo(status: v1.ResourceMetricStatus): JsonObject {
  return {
    name: status.name ?? '',
    currentAverageUtilization: status.currentAverageUtilization ?? undefined,
    currentAverageValue: status.currentAverageValue ?? ZERO_QUANTITY,
  };
}

function containerResourceStatusToGo(status: v1.ContainerResourceMetricStatus): JsonObject {
  return { ...resourceStatusToGo(status), container: status.container ?? '' };
}

function externalStatusToGo(status: v1.ExternalMetricStatus): JsonObject {
  return {
    metricName: status.metricName ?? '',
    metricSelector: selectorToGo(status.metricSelector),
    currentValue: status.currentValue ?? ZERO_QUANTITY,
    currentAverageValue: status.currentAverageValue ?? undefined,
  };
}

function metricStatusFromGo(object: JsonObject, what: string): v1.MetricStatus {
  const status: v1.MetricStatus = {
    type: (optString(member(object, 'type'), `${what}.type`) ?? '') as v1.MetricSourceType,
  };
  assign(status, 'object', mapObject(member(object, 'object'), `${what}.object`, objectStatusFromGo));
  assign(status, 'pods', mapObject(member(object, 'pods'), `${what}.pods`, podsStatusFromGo));
  assign(status, 'resource', mapObject(member(object, 'resource'), `${what}.resource`, resourceStatusFromGo));
  assign(
    status,
    'containerResource',
    mapObject(
      member(object, 'containerResource'),
      `${what}.containerResource`,
      containerResourceStatusFromGo,
    ),
  );
  assign(status, 'external', mapObject(member(object, 'external'), `${what}.external`, externalStatusFromGo));
  return status;
}

function objectStatusFromGo(object: JsonObject, what: string): v1.ObjectMetricStatus {
  const status: v1.ObjectMetricStatus = {
    target: referenceFromGo(member(object, 'target'), `${what}.target`),
    metricName: optString(member(object, 'metricName'), `${what}.metricName`) ?? '',
    currentValue: optQuantity(member(object, 'currentValue'), `${what}.currentValue`) ?? ZERO_QUANTITY,
  };
  assign(status, 'selector', selectorFromGo(member(object, 'selector'), `${what}.selector`));
  assign(status, 'averageValue', optQuantity(member(object, 'averageValue'), `${what}.averageValue`));
  return status;
}

function podsStatusFromGo(object: JsonObject, what: string): v1.PodsMetricStatus {
  const status: v1.PodsMetricStatus = {
    metricName: optString(member(object, 'metricName'), `${what}.metricName`) ?? '',
    currentAverageValue:
      optQuantity(member(object, 'currentAverageValue'), `${what}.currentAverageValue`) ?? ZERO_QUANTITY,
  };
  assign(status, 'selector', selectorFromGo(member(object, 'selector'), `${what}.selector`));
  return status;
}

function resourceStatusFromGo(object: JsonObject, what: string): v1.ResourceMetricStatus {
  const status: v1.ResourceMetricStatus = {
    name: optString(member(object, 'name'), `${what}.name`) ?? '',
    currentAverageValue:
      optQuantity(member(object, 'currentAverageValue'), `${what}.currentAverageValue`) ?? ZERO_QUANTITY,
  };
  assign(
    status,
    'currentAverageUtilization',
    optInt32(member(object, 'currentAverageUtilization'), `${what}.currentAverageUtilization`),
  );
  return status;
}

function containerResourceStatusFromGo(object: JsonObject, what: string): v1.ContainerResourceMetricStatus {
  return {
    ...resourceStatusFromGo(object, what),
    container: optString(member(object, 'container'), `${what}.container`) ?? '',
  };
}

function externalStatusFromGo(object: JsonObject, what: string): v1.ExternalMetricStatus {
  const status: v1.ExternalMetricStatus = {
    metricName: optString(member(object, 'metricName'), `${what}.metricName`) ?? '',
    currentValue: optQuantity(member(object, 'currentValue'), `${what}.currentValue`) ?? ZERO_QUANTITY,
  };
  assign(
    status,
    'metricSelector',
    selectorFromGo(member(object, 'metricSelector'), `${what}.metricSelector`),
  );
  assign(
    status,
    'currentAverageValue',
    optQuantity(member(object, 'currentAverageValue'), `${what}.currentAverageValue`),
  );
  return status;
}

// ---------------------------------------------------------------------------------------------
// Conditions.
// ---------------------------------------------------------------------------------------------

function conditionToGo(condition: v1.HorizontalPodAutoscalerCondition): JsonObject {
  return {
    type: condition.type ?? '',
    status: condition.status ?? '',
    // A struct-typed time is never omitted by Go: unset, it is written as null.
    lastTransitionTime: condition.lastTransitionTime ?? null,
    reason: nonEmpty(condition.reason),
    message: nonEmpty(condition.message),
    observedGeneration: condition.observedGeneration ? condition.observedGeneration : undefined,
  };
}

function conditionFromGo(object: JsonObject, what: string): v1.HorizontalPodAutoscalerCondition {
  const condition: v1.HorizontalPodAutoscalerCondition = {
    type: (optString(member(object, 'type'), `${what}.type`) ??
      '') as v1.HorizontalPodAutoscalerConditionType,
    status: optString(member(object, 'status'), `${what}.status`) ?? '',
  };
  assign(
    condition,
    'lastTransitionTime',
    optString(member(object, 'lastTransitionTime'), `${what}.lastTransitionTime`),
  );
  assign(condition, 'reason', optString(member(object, 'reason'), `${what}.reason`));
  assign(condition, 'message', optString(member(object, 'message'), `${what}.message`));
  assign(
    condition,
    'observedGeneration',
    optInt64(member(object, 'observedGeneration'), `${what}.observedGeneration`),
  );
  return condition;
}

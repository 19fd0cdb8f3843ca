/**
 * podStrategy: a new pod starts Pending with its QoS class and, while scheduling gates hold
 * it, a `PodScheduled=False` condition with reason SchedulingGated; deletion is graceful
 * (`spec.terminationGracePeriodSeconds` unless the request says otherwise) except for pods no
 * node runs and pods that already finished, which go at once; the selectable fields are those
 * of pkg/registry/core/pod.
 */
import { tryParseQuantity, type Quantity } from '../../../runtime/machinery/validation/index.js';
import type { KObject } from '../../../runtime/registry/meta.js';
import type { KindStrategyHooks } from '../../../runtime/registry/strategy.js';
import { POD_TABLE } from '../printers/pods.js';
import type * as core from '../types.js';
import { podWarnings } from './pod-warnings.js';

const QOS_RESOURCES = ['cpu', 'memory'];

function add(a: Quantity | undefined, b: Quantity): Quantity {
  return a === undefined ? b : { num: a.num * b.den + b.num * a.den, den: a.den * b.den, text: '' };
}

const equal = (a: Quantity, b: Quantity): boolean => a.num * b.den === b.num * a.den;

/** Positive cpu and memory quantities of a resource list. */
function positive(list: Record<string, string> | undefined): Map<string, Quantity> {
  const out = new Map<string, Quantity>();
  for (const name of QOS_RESOURCES) {
    const text = list?.[name];
    const q = text === undefined ? undefined : tryParseQuantity(text);
    if (q && q.num > 0n) out.set(name, q);
  }
  return out;
}

/**
 * qos.GetPodQOS: BestEffort without cpu or memory requests and limits; Guaranteed when every
 * container limits both and the summed requests equal the summed limits; Burstable otherwise.
 */
export function podQOSClass(spec: core.PodSpec | undefined): string {
  const requests = new Map<string, Quantity>();
  const limits = new Map<string, Quantity>();
  let guaranteed = true;
  for (const c of [...(spec?.containers ?? []), ...(spec?.initContainers ?? [])]) {
    for (const [name, q] of positive(c.resources?.requests)) requests.set(name, add(requests.get(name), q));
    const found = positive(c.resources?.limits);
    for (const [name, q] of found) limits.set(name, add(limits.get(name), q));
    if (!QOS_RESOURCES.every((name) => found.has(name))) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, q] of requests) {
      const limit = limits.get(name);
      if (!limit || !equal(limit, q)) {
        guaranteed = false;
        break;
      }
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}

/** ToSelectableFields of a pod (with `spec.host`, the old name of spec.nodeName). */
export function podSelectableFields(object: KObject): Record<string, string> {
  const pod = object as unknown as core.Pod;
  const spec = pod.spec;
  const status = pod.status;
  return {
    'spec.nodeName': spec?.nodeName ?? '',
    'spec.host': spec?.nodeName ?? '',
    'spec.restartPolicy': spec?.restartPolicy ?? '',
    'spec.schedulerName': spec?.schedulerName ?? '',
    'spec.serviceAccountName': spec?.serviceAccountName ?? '',
    'spec.hostNetwork': String(spec?.hostNetwork === true),
    'status.phase': status?.phase ?? '',
    'status.podIP': status?.podIPs?.[0]?.ip ?? '',
    'status.nominatedNodeName': status?.nominatedNodeName ?? '',
  };
}

export const POD_STRATEGY: KindStrategyHooks = {
  fieldLabels: [
    'spec.nodeName',
    'spec.host',
    'spec.restartPolicy',
    'spec.schedulerName',
    'spec.serviceAccountName',
    'spec.hostNetwork',
    'status.phase',
    'status.podIP',
    'status.podIPs',
    'status.nominatedNodeName',
  ],
  selectableFields: podSelectableFields,
  table: POD_TABLE,
  warningsOnCreate: (_ctx, object) => podWarnings(object as unknown as core.Pod),
  warningsOnUpdate: (_ctx, object) => podWarnings(object as unknown as core.Pod),
  prepareForCreate(_ctx, object) {
    const pod = object as unknown as core.Pod;
    const status: core.PodStatus = { phase: 'Pending', qosClass: podQOSClass(pod.spec) };
    if ((pod.spec?.schedulingGates ?? []).length > 0) {
      status.conditions = [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated', message: 'Scheduling is blocked due to non-empty scheduling gates' }];
    }
    pod.status = status;
  },
  checkGracefulDelete(_ctx, object, options) {
    const pod = object as unknown as core.Pod;
    let period = typeof options.gracePeriodSeconds === 'number' ? options.gracePeriodSeconds : (pod.spec?.terminationGracePeriodSeconds ?? 0);
    // Nothing runs a pod no node was given, or one that finished: nothing to wait for.
    if (!pod.spec?.nodeName) period = 0;
    if (pod.status?.phase === 'Failed' || pod.status?.phase === 'Succeeded') period = 0;
    if (period < 0) period = 1;
    options.gracePeriodSeconds = period;
    return true;
  },
};

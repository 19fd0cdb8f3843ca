/**
 * The tables of pods, pod templates and replication controllers, cells as kube-apiserver's
 * printers compute them: a pod's READY count, its STATUS from init containers, waiting and
 * terminated reasons, `Completed`, `Terminating`, and RESTARTS with the time of the last restart.
 */
import { parseTimestamp, peekMeta, type KObject } from '../../../runtime/registry/meta.js';
import {
  AGE_COLUMN,
  column,
  CONTAINERS_COLUMN,
  containerCells,
  formatLabels,
  IMAGES_COLUMN,
  int,
  NAME_COLUMN,
  since,
} from '../../../runtime/registry/printers.js';
import type { KindTable, TableRowCondition } from '../../../runtime/registry/table.js';
import type * as core from '../types.js';
import { orNone } from './columns.js';

/** The reason a node controller gives pods of an unreachable node (node.NodeUnreachablePodReason). */
const NODE_UNREACHABLE_POD_REASON = 'NodeLost';
const SCHEDULING_GATED = 'SchedulingGated';

const isRestartable = (c: core.Container | undefined): boolean => c?.restartPolicy === 'Always';
const conditionTrue = (status: core.PodStatus, type: string): boolean => (status.conditions ?? []).some((c) => c.type === type && c.status === 'True');

/** The later of two optional times (metav1.Time.Before on the zero time). */
function later(current: number, finishedAt: string | null | undefined): number {
  const at = parseTimestamp(finishedAt ?? undefined);
  return !Number.isNaN(at) && at > current ? at : current;
}

interface PodSummary {
  ready: number;
  total: number;
  reason: string;
  restarts: string;
}

/** printPod's READY, STATUS and RESTARTS. */
export function summarizePod(pod: core.Pod, now: number): PodSummary {
  const spec = pod.spec ?? ({ containers: [] } as unknown as core.PodSpec);
  const status: core.PodStatus = pod.status ?? {};
  let restarts = 0;
  let restartableInitRestarts = 0;
  let total = (spec.containers ?? []).length;
  let ready = 0;
  let lastRestart = 0;
  let lastRestartableInitRestart = 0;

  const phase = status.phase ?? '';
  let reason: string = status.reason ? status.reason : phase;
  for (const c of status.conditions ?? []) if (c.type === 'PodScheduled' && c.reason === SCHEDULING_GATED) reason = SCHEDULING_GATED;

  const initContainers = new Map<string, core.Container>();
  for (const c of spec.initContainers ?? []) {
    initContainers.set(c.name, c);
    if (isRestartable(c)) total++;
  }

  let initializing = false;
  const initStatuses = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i]!;
    restarts += c.restartCount ?? 0;
    lastRestart = later(lastRestart, c.lastState?.terminated?.finishedAt);
    const restartable = isRestartable(initContainers.get(c.name));
    if (restartable) {
      restartableInitRestarts += c.restartCount ?? 0;
      lastRestartableInitRestart = later(lastRestartableInitRestart, c.lastState?.terminated?.finishedAt);
    }
    const terminated = c.state?.terminated;
    const waiting = c.state?.waiting;
    if (terminated && terminated.exitCode === 0) continue;
    if (restartable && c.started === true) {
      if (c.ready) ready++;
      continue;
    }
    if (terminated) {
      if (!terminated.reason) reason = terminated.signal ? `Init:Signal:${terminated.signal}` : `Init:ExitCode:${terminated.exitCode}`;
      else reason = `Init:${terminated.reason}`;
    } else if (waiting && waiting.reason && waiting.reason !== 'PodInitializing') {
      reason = `Init:${waiting.reason}`;
    } else {
      reason = `Init:${i}/${(spec.initContainers ?? []).length}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || conditionTrue(status, 'Initialized')) {
    restarts = restartableInitRestarts;
    lastRestart = lastRestartableInitRestart;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i]!;
      restarts += c.restartCount ?? 0;
      lastRestart = later(lastRestart, c.lastState?.terminated?.finishedAt);
      const waiting = c.state?.waiting;
      const terminated = c.state?.terminated;
      if (waiting && waiting.reason) reason = waiting.reason;
      else if (terminated && terminated.reason) reason = terminated.reason;
      else if (terminated) reason = terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode}`;
      else if (c.ready && c.state?.running) {
        hasRunning = true;
        ready++;
      }
    }
    // A pod whose last container completed while another still runs is Running (or NotReady).
    if (reason === 'Completed' && hasRunning) reason = conditionTrue(status, 'Ready') ? 'Running' : 'NotReady';
  }

  const deleting = Boolean(pod.metadata?.deletionTimestamp);
  if (deleting && status.reason === NODE_UNREACHABLE_POD_REASON) reason = 'Unknown';
  else if (deleting && phase !== 'Failed' && phase !== 'Succeeded') reason = 'Terminating';

  const restartsCell = restarts !== 0 && lastRestart !== 0 ? `${restarts} (${since(new Date(lastRestart).toISOString(), now)} ago)` : String(restarts);
  return { ready, total, reason, restarts: restartsCell };
}

/** READINESS GATES: how many of the pod's readiness gates have a True condition, `<none>` without gates. */
function readinessGates(pod: core.Pod): string {
  const gates = pod.spec?.readinessGates ?? [];
  if (gates.length === 0) return '<none>';
  const conditions = pod.status?.conditions ?? [];
  const met = gates.filter((g) => conditions.find((c) => c.type === g.conditionType)?.status === 'True').length;
  return `${met}/${gates.length}`;
}

/** The row conditions of a finished pod, as upstream's printer marks it. */
const POD_SUCCEEDED_CONDITIONS: TableRowCondition[] = [{ type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' }];
const POD_FAILED_CONDITIONS: TableRowCondition[] = [{ type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' }];

export const POD_TABLE: KindTable = {
  columns: [
    NAME_COLUMN,
    column('Ready', 'string', 'The aggregate readiness state of this pod for accepting traffic.'),
    column('Status', 'string', 'The aggregate status of the containers in this pod.'),
    column('Restarts', 'string', 'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.'),
    AGE_COLUMN,
    column('IP', 'string', 'The IP address allocated to the pod (status.podIP).', 1),
    column('Node', 'string', 'The node the pod is scheduled onto (spec.nodeName).', 1),
    column('Nominated Node', 'string', 'The node the scheduler nominated for the pod while it preempts others (status.nominatedNodeName).', 1),
    column('Readiness Gates', 'string', 'The readiness gates of the pod whose conditions are True (spec.readinessGates).', 1),
  ],
  cells(hub: KObject, now: number) {
    const pod = hub as unknown as core.Pod;
    const summary = summarizePod(pod, now);
    const meta = peekMeta(hub);
    return [
      meta.name ?? '',
      `${summary.ready}/${summary.total}`,
      summary.reason,
      summary.restarts,
      since(meta.creationTimestamp, now),
      orNone(pod.status?.podIPs?.[0]?.ip),
      orNone(pod.spec?.nodeName),
      orNone(pod.status?.nominatedNodeName),
      readinessGates(pod),
    ];
  },
  conditions(hub: KObject) {
    const phase = (hub as unknown as core.Pod).status?.phase;
    if (phase === 'Succeeded') return POD_SUCCEEDED_CONDITIONS;
    if (phase === 'Failed') return POD_FAILED_CONDITIONS;
    return undefined;
  },
};

const CONTAINERS_COLUMN_DESCRIPTION = CONTAINERS_COLUMN.description;
const IMAGES_COLUMN_DESCRIPTION = IMAGES_COLUMN.description;

export const POD_TEMPLATE_TABLE: KindTable = {
  columns: [
    NAME_COLUMN,
    column('Containers', 'string', CONTAINERS_COLUMN_DESCRIPTION),
    column('Images', 'string', IMAGES_COLUMN_DESCRIPTION),
    column('Pod Labels', 'string', 'The labels for the pod template.'),
  ],
  cells(hub: KObject) {
    const template = (hub as unknown as core.PodTemplate).template;
    const [names, images] = containerCells(template?.spec?.containers);
    return [peekMeta(hub).name ?? '', names, images, formatLabels(template?.metadata?.labels)];
  },
};

export const REPLICATION_CONTROLLER_TABLE: KindTable = {
  columns: [
    NAME_COLUMN,
    column('Desired', 'integer', 'The number of pods the controller wants (spec.replicas).'),
    column('Current', 'integer', 'The number of pods the controller observed (status.replicas).'),
    column('Ready', 'integer', 'The number of ready pods (status.readyReplicas).'),
    AGE_COLUMN,
    CONTAINERS_COLUMN,
    IMAGES_COLUMN,
    column('Selector', 'string', 'The label query over pods the controller manages (spec.selector).', 1),
  ],
  cells(hub: KObject, now: number) {
    const rc = hub as unknown as core.ReplicationController;
    const meta = peekMeta(hub);
    const [names, images] = containerCells(rc.spec?.template?.spec?.containers);
    return [
      meta.name ?? '',
      int(rc.spec?.replicas),
      int(rc.status?.replicas),
      int(rc.status?.readyReplicas),
      since(meta.creationTimestamp, now),
      names,
      images,
      formatLabels(rc.spec?.selector),
    ];
  },
};

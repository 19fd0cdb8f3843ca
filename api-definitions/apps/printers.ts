/**
 * The Tables of apps kinds, with kube-apiserver's columns and cells (printDeployment,
 * printReplicaSet, printStatefulSet, printDaemonSet, printControllerRevision).
 */
import {
  AGE_COLUMN,
  CONTAINERS_COLUMN,
  IMAGES_COLUMN,
  NAME_COLUMN,
  age,
  column,
  containerCells,
  formatLabelSelector,
  formatLabels,
  int,
  nameOf,
  selectorString,
} from '../../runtime/registry/printers.js';
import type { KObject } from '../../runtime/registry/meta.js';
import type { KindTable } from '../../runtime/registry/table.js';
import type * as apps from './types.js';

export const DEPLOYMENT_TABLE: KindTable = {
  columns: [
    NAME_COLUMN,
    column('Ready', 'string', 'Number of the pod with ready state'),
    column('Up-to-date', 'string', 'Total number of non-terminating pods targeted by this deployment that have the desired template spec.'),
    column('Available', 'string', 'Total number of available non-terminating pods (ready for at least minReadySeconds) targeted by this deployment.'),
    AGE_COLUMN,
    CONTAINERS_COLUMN,
    IMAGES_COLUMN,
    column('Selector', 'string', 'Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment.', 1),
  ],
  cells(hub: KObject, now: number) {
    const d = hub as apps.Deployment;
    const [names, images] = containerCells(d.spec?.template?.spec?.containers);
    return [
      nameOf(hub),
      `${int(d.status?.readyReplicas)}/${int(d.spec?.replicas)}`,
      int(d.status?.updatedReplicas),
      int(d.status?.availableReplicas),
      age(hub, now),
      names,
      images,
      selectorString(d.spec?.selector),
    ];
  },
};

export const REPLICA_SET_TABLE: KindTable = {
  columns: [
    NAME_COLUMN,
    column('Desired', 'integer', 'Replicas is the number of desired pods.'),
    column('Current', 'integer', 'Replicas is the most recently observed number of non-terminating pods.'),
    column('Ready', 'integer', 'The number of non-terminating pods targeted by this ReplicaSet with a Ready Condition.'),
    AGE_COLUMN,
    CONTAINERS_COLUMN,
    IMAGES_COLUMN,
    column('Selector', 'string', 'Selector is a label query over pods that should match the replica count.', 1),
  ],
  cells(hub: KObject, now: number) {
    const rs = hub as apps.ReplicaSet;
    const [names, images] = containerCells(rs.spec?.template?.spec?.containers);
    return [
      nameOf(hub),
      int(rs.spec?.replicas),
      int(rs.status?.replicas),
      int(rs.status?.readyReplicas),
      age(hub, now),
      names,
      images,
      formatLabelSelector(rs.spec?.selector),
    ];
  },
};

export const STATEFUL_SET_TABLE: KindTable = {
  columns: [NAME_COLUMN, column('Ready', 'string', 'Number of the pod with ready state'), AGE_COLUMN, CONTAINERS_COLUMN, IMAGES_COLUMN],
  cells(hub: KObject, now: number) {
    const ss = hub as apps.StatefulSet;
    const [names, images] = containerCells(ss.spec?.template?.spec?.containers);
    return [nameOf(hub), `${int(ss.status?.readyReplicas)}/${int(ss.spec?.replicas)}`, age(hub, now), names, images];
  },
};

export const DAEMON_SET_TABLE: KindTable = {
  columns: [
    NAME_COLUMN,
    column('Desired', 'integer', 'The total number of nodes that should be running the daemon pod.'),
    column('Current', 'integer', 'The number of nodes that are running at least 1 daemon pod and are supposed to run the daemon pod.'),
    column('Ready', 'integer', 'The number of nodes that should be running the daemon pod and have one or more of the daemon pod running with a Ready Condition.'),
    column('Up-to-date', 'integer', 'The total number of nodes that are running updated daemon pod'),
    column('Available', 'integer', 'The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and available.'),
    column('Node Selector', 'string', 'NodeSelector is a selector which must be true for the pod to fit on a node.'),
    AGE_COLUMN,
    CONTAINERS_COLUMN,
    IMAGES_COLUMN,
    column('Selector', 'string', 'A label query over pods that are managed by the daemon set.', 1),
  ],
  cells(hub: KObject, now: number) {
    const ds = hub as apps.DaemonSet;
    const [names, images] = containerCells(ds.spec?.template?.spec?.containers);
    const s = ds.status;
    return [
      nameOf(hub),
      int(s?.desiredNumberScheduled),
      int(s?.currentNumberScheduled),
      int(s?.numberReady),
      int(s?.updatedNumberScheduled),
      int(s?.numberAvailable),
      formatLabels(ds.spec?.template?.spec?.nodeSelector),
      age(hub, now),
      names,
      images,
      formatLabelSelector(ds.spec?.selector),
    ];
  },
};

/** `kind.group/name` of the controlling owner, as formatResourceName prints it. */
function controllerName(hub: KObject): string {
  const owners = (hub as unknown as apps.ControllerRevision).metadata?.ownerReferences ?? [];
  const ref = owners.find((o) => o.controller === true);
  if (!ref) return '<none>';
  const apiVersion = ref.apiVersion ?? '';
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  if (!ref.kind) return ref.name ?? '';
  const groupKind = group ? `${ref.kind}.${group}` : ref.kind;
  return `${groupKind.toLowerCase()}/${ref.name ?? ''}`;
}

export const CONTROLLER_REVISION_TABLE: KindTable = {
  columns: [
    NAME_COLUMN,
    column('Controller', 'string', 'Controller of the object'),
    column('Revision', 'string', 'Revision indicates the revision of the state represented by Data.'),
    AGE_COLUMN,
  ],
  cells(hub: KObject, now: number) {
    return [nameOf(hub), controllerName(hub), int((hub as unknown as apps.ControllerRevision).revision), age(hub, now)];
  },
};

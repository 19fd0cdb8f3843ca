/**
 * The tables of namespaces and nodes: a node's STATUS from its Ready condition plus
 * `SchedulingDisabled`, its ROLES from `node-role.kubernetes.io/<role>` and `kubernetes.io/role`
 * labels, and its addresses and system info in the wide columns.
 */
import { peekMeta, type KObject } from '../../../runtime/registry/meta.js';
import { AGE_COLUMN, age, column, NAME_COLUMN, nameOf } from '../../../runtime/registry/printers.js';
import type { KindTable } from '../../../runtime/registry/table.js';
import type * as core from '../types.js';

export const NAMESPACE_TABLE: KindTable = {
  columns: [NAME_COLUMN, column('Status', 'string', 'The status of the namespace'), AGE_COLUMN],
  cells: (hub: KObject, now: number) => [nameOf(hub), (hub as unknown as core.Namespace).status?.phase ?? '', age(hub, now)],
};

const NODE_ROLE_PREFIX = 'node-role.kubernetes.io/';
const NODE_ROLE_LABEL = 'kubernetes.io/role';

/** findNodeRoles: sorted, without duplicates. */
export function nodeRoles(labels: Readonly<Record<string, string>> | null | undefined): string[] {
  const roles = new Set<string>();
  for (const [key, value] of Object.entries(labels ?? {})) {
    if (key.startsWith(NODE_ROLE_PREFIX)) {
      const role = key.slice(NODE_ROLE_PREFIX.length);
      if (role) roles.add(role);
    } else if (key === NODE_ROLE_LABEL && value !== '') {
      roles.add(value);
    }
  }
  return [...roles].sort();
}

/** STATUS: `Ready` / `NotReady` / `Unknown`, then `SchedulingDisabled` for a cordoned node. */
export function nodeStatus(node: core.Node): string {
  const status: string[] = [];
  const ready = (node.status?.conditions ?? []).findLast((c) => c.type === 'Ready');
  if (ready) status.push(ready.status === 'True' ? 'Ready' : 'NotReady');
  if (status.length === 0) status.push('Unknown');
  if (node.spec?.unschedulable) status.push('SchedulingDisabled');
  return status.join(',');
}

function address(node: core.Node, type: string): string {
  return (node.status?.addresses ?? []).find((a) => a.type === type)?.address ?? '<none>';
}

const orUnknown = (value: string | undefined): string => (value ? value : '<unknown>');

export const NODE_TABLE: KindTable = {
  columns: [
    NAME_COLUMN,
    column('Status', 'string', 'The status of the node'),
    column('Roles', 'string', 'The roles of the node'),
    AGE_COLUMN,
    column('Version', 'string', 'The version of the kubelet on the node (status.nodeInfo.kubeletVersion).'),
    column('Internal-IP', 'string', 'The first InternalIP address of the node (status.addresses).', 1),
    column('External-IP', 'string', 'The first ExternalIP address of the node (status.addresses).', 1),
    column('OS-Image', 'string', 'The operating system image of the node (status.nodeInfo.osImage).', 1),
    column('Kernel-Version', 'string', 'The kernel version of the node (status.nodeInfo.kernelVersion).', 1),
    column('Container-Runtime', 'string', 'The container runtime of the node (status.nodeInfo.containerRuntimeVersion).', 1),
  ],
  cells(hub: KObject, now: number) {
    const node = hub as unknown as core.Node;
    const info = node.status?.nodeInfo;
    const roles = nodeRoles(peekMeta(hub).labels).join(',');
    return [
      nameOf(hub),
      nodeStatus(node),
      roles === '' ? '<none>' : roles,
      age(hub, now),
      info?.kubeletVersion ?? '',
      address(node, 'InternalIP'),
      address(node, 'ExternalIP'),
      orUnknown(info?.osImage),
      orUnknown(info?.kernelVersion),
      orUnknown(info?.containerRuntimeVersion),
    ];
  },
};

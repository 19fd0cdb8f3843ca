/** Per-kind behaviour of RBAC objects: kube-apiserver's Tables. */
import type { GroupStrategies } from '../../runtime/registry/strategy.js';
import { CLUSTER_ROLE_BINDING_TABLE, ROLE_BINDING_TABLE, ROLE_TABLE } from './printers.js';

export const strategies: GroupStrategies = {
  Role: { table: ROLE_TABLE },
  ClusterRole: { table: ROLE_TABLE },
  RoleBinding: { table: ROLE_BINDING_TABLE },
  ClusterRoleBinding: { table: CLUSTER_ROLE_BINDING_TABLE },
};

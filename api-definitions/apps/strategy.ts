/**
 * Per-kind behaviour of apps objects beyond the generic strategy: kube-apiserver's Tables and
 * the `status.replicas` field selector of ReplicaSets. Selector immutability lives in
 * validation.ts; generation and status handling are the generic strategy's.
 */
import type { GroupStrategies } from '../../runtime/registry/strategy.js';
import { CONTROLLER_REVISION_TABLE, DAEMON_SET_TABLE, DEPLOYMENT_TABLE, REPLICA_SET_TABLE, STATEFUL_SET_TABLE } from './printers.js';
import type * as apps from './types.js';

export const strategies: GroupStrategies = {
  Deployment: { table: DEPLOYMENT_TABLE },
  ReplicaSet: {
    table: REPLICA_SET_TABLE,
    fieldLabels: ['status.replicas'],
    selectableFields: (object) => ({ 'status.replicas': String((object as apps.ReplicaSet).status?.replicas ?? 0) }),
  },
  StatefulSet: { table: STATEFUL_SET_TABLE },
  DaemonSet: { table: DAEMON_SET_TABLE },
  ControllerRevision: { table: CONTROLLER_REVISION_TABLE },
};

/**
 * The per-kind behaviour of the core group as kube-apiserver's pkg/registry/core strategies
 * and printers have it: each kind's Table, its field selectors, and the kinds whose writes or
 * deletes differ from the generic strategy (pods, secrets, services, nodes, events).
 */
import { semanticEqual } from '../../runtime/machinery/validation/index.js';
import type { GroupStrategies } from '../../runtime/registry/strategy.js';
import { NAMESPACE_TABLE, NODE_TABLE } from './printers/cluster.js';
import { CONFIG_MAP_TABLE, SERVICE_ACCOUNT_TABLE } from './printers/config.js';
import { EVENT_TABLE } from './printers/events.js';
import { POD_TEMPLATE_TABLE, REPLICATION_CONTROLLER_TABLE } from './printers/pods.js';
import { LIMIT_RANGE_TABLE, RESOURCE_QUOTA_TABLE } from './printers/quotas.js';
import { ENDPOINTS_TABLE } from './printers/services.js';
import { PERSISTENT_VOLUME_CLAIM_TABLE, PERSISTENT_VOLUME_TABLE } from './printers/storage.js';
import { POD_STRATEGY } from './strategy/pods.js';
import { podTemplateWarnings, replicationControllerWarnings } from './strategy/pod-warnings.js';
import { SECRET_STRATEGY } from './strategy/secrets.js';
import {
  EVENT_FIELD_LABELS,
  eventSelectableFields,
  namespaceSelectableFields,
  nodeSelectableFields,
  replicationControllerSelectableFields,
} from './strategy/selectable-fields.js';
import { SERVICE_STRATEGY } from './strategy/services.js';
import type * as core from './types.js';

/** kube-apiserver's default --event-ttl: events expire an hour after their last write. */
const EVENT_TTL_SECONDS = 3600;

export const strategies: GroupStrategies = {
  Pod: POD_STRATEGY,
  Secret: SECRET_STRATEGY,
  Service: SERVICE_STRATEGY,
  ConfigMap: { table: CONFIG_MAP_TABLE },
  ServiceAccount: { table: SERVICE_ACCOUNT_TABLE },
  Endpoints: { table: ENDPOINTS_TABLE },
  Event: { table: EVENT_TABLE, fieldLabels: EVENT_FIELD_LABELS, selectableFields: eventSelectableFields, ttlSeconds: () => EVENT_TTL_SECONDS },
  // Namespace's phase and `kubernetes` finalizer are set by the kube tier's namespace hooks.
  Namespace: { table: NAMESPACE_TABLE, fieldLabels: ['status.phase'], namespaceFieldLabel: false, selectableFields: namespaceSelectableFields },
  // Kubelets register nodes with their status, so a node keeps the status it is created with.
  Node: { table: NODE_TABLE, fieldLabels: ['spec.unschedulable'], namespaceFieldLabel: false, selectableFields: nodeSelectableFields, resetStatusOnCreate: false },
  PersistentVolume: { table: PERSISTENT_VOLUME_TABLE },
  PersistentVolumeClaim: { table: PERSISTENT_VOLUME_CLAIM_TABLE },
  LimitRange: { table: LIMIT_RANGE_TABLE },
  ResourceQuota: { table: RESOURCE_QUOTA_TABLE },
  // Templates warn on create, and on update only when the template changed.
  ReplicationController: {
    table: REPLICATION_CONTROLLER_TABLE,
    fieldLabels: ['status.replicas'],
    selectableFields: replicationControllerSelectableFields,
    warningsOnCreate: (_ctx, object) => replicationControllerWarnings(object as unknown as core.ReplicationController),
    warningsOnUpdate(_ctx, object, old) {
      const [rc, before] = [object as unknown as core.ReplicationController, old as unknown as core.ReplicationController];
      return semanticEqual(rc.spec?.template, before.spec?.template) ? [] : replicationControllerWarnings(rc);
    },
  },
  PodTemplate: {
    table: POD_TEMPLATE_TABLE,
    warningsOnCreate: (_ctx, object) => podTemplateWarnings(object as unknown as core.PodTemplate),
    warningsOnUpdate(_ctx, object, old) {
      const [template, before] = [object as unknown as core.PodTemplate, old as unknown as core.PodTemplate];
      return semanticEqual(template.template, before.template) ? [] : podTemplateWarnings(template);
    },
  },
};

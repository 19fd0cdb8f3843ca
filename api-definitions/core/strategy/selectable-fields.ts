/**
 * The field selectors of core kinds without other per-kind behaviour here, with the values
 * kube-apiserver's ToSelectableFields give them: events by involved object, reason, source,
 * reporting component and type; namespaces by phase; nodes by `spec.unschedulable`;
 * replication controllers by `status.replicas`.
 */
import type { KObject } from '../../../runtime/registry/meta.js';
import type * as core from '../types.js';

export const EVENT_FIELD_LABELS = [
  'involvedObject.kind',
  'involvedObject.namespace',
  'involvedObject.name',
  'involvedObject.uid',
  'involvedObject.apiVersion',
  'involvedObject.resourceVersion',
  'involvedObject.fieldPath',
  'reason',
  'reportingComponent',
  'source',
  'type',
];

export function eventSelectableFields(object: KObject): Record<string, string> {
  const event = object as unknown as core.Event;
  const involved = event.involvedObject ?? {};
  return {
    'involvedObject.kind': involved.kind ?? '',
    'involvedObject.namespace': involved.namespace ?? '',
    'involvedObject.name': involved.name ?? '',
    'involvedObject.uid': involved.uid ?? '',
    'involvedObject.apiVersion': involved.apiVersion ?? '',
    'involvedObject.resourceVersion': involved.resourceVersion ?? '',
    'involvedObject.fieldPath': involved.fieldPath ?? '',
    reason: event.reason ?? '',
    reportingComponent: event.reportingComponent ?? '',
    source: event.source?.component || event.reportingComponent || '',
    type: event.type ?? '',
  };
}

export const namespaceSelectableFields = (object: KObject): Record<string, string> => ({
  'status.phase': (object as unknown as core.Namespace).status?.phase ?? '',
});

export const nodeSelectableFields = (object: KObject): Record<string, string> => ({
  'spec.unschedulable': String((object as unknown as core.Node).spec?.unschedulable === true),
});

export const replicationControllerSelectableFields = (object: KObject): Record<string, string> => ({
  'status.replicas': String((object as unknown as core.ReplicationController).status?.replicas ?? 0),
});

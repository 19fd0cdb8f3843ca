/** Per-kind behaviour of apiregistration.k8s.io objects: names usable as path segments (`v1.`), and kube-aggregator's APIService Table. */
import { nameIsPathSegment } from '../../runtime/machinery/validation/index.js';
import { AGE_COLUMN, NAME_COLUMN, age, column, nameOf } from '../../runtime/registry/printers.js';
import type { KObject } from '../../runtime/registry/meta.js';
import type { GroupStrategies } from '../../runtime/registry/strategy.js';
import type { KindTable } from '../../runtime/registry/table.js';
import type * as apiregistration from './types.js';

/** `Local`, or the service's `namespace/name`. */
function serviceCell(service: apiregistration.APIService): string {
  const ref = service.spec?.service;
  return ref ? `${ref.namespace ?? ''}/${ref.name ?? ''}` : 'Local';
}

/** The Available condition's status, with its reason when it is not True (`False (FailedDiscoveryCheck)`). */
function availableCell(service: apiregistration.APIService): string {
  const condition = service.status?.conditions?.find((c) => c.type === 'Available');
  if (!condition) return 'Unknown';
  if (condition.status === 'True' || (condition.reason ?? '') === '') return condition.status;
  return `${condition.status} (${condition.reason})`;
}

export const API_SERVICE_TABLE: KindTable = {
  columns: [
    NAME_COLUMN,
    column('Service', 'string', 'The reference to the service that hosts this API endpoint.'),
    column('Available', 'string', 'Whether this service is available.'),
    AGE_COLUMN,
  ],
  cells(hub: KObject, now: number) {
    const service = hub as apiregistration.APIService;
    return [nameOf(hub), serviceCell(service), availableCell(service), age(hub, now)];
  },
};

export const strategies: GroupStrategies = { APIService: { table: API_SERVICE_TABLE, nameValidation: nameIsPathSegment } };

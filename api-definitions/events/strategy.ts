/**
 * Per-kind behaviour of events.k8s.io objects: the Event Table. Upstream prints these events
 * through the core Event printer after converting them to core/v1, so the table here is core's,
 * fed with the fields an events.k8s.io Event maps onto (regarding → involvedObject, note →
 * message, deprecated* → the timestamps, count and source, reporting* → reporting*).
 */
import type { KObject } from '../../runtime/registry/meta.js';
import type { GroupStrategies } from '../../runtime/registry/strategy.js';
import type { KindTable } from '../../runtime/registry/table.js';
import { EVENT_TABLE as CORE_EVENT_TABLE } from '../core/printers/events.js';
import type * as core from '../core/types.js';
import type * as events from './types.js';

/** The core/v1 Event fields the printer reads, from an events.k8s.io Event. */
function asCoreEvent(e: events.Event): core.Event {
  return {
    metadata: e.metadata ?? {},
    involvedObject: e.regarding ?? {},
    reason: e.reason,
    message: e.note,
    type: e.type,
    source: e.deprecatedSource,
    firstTimestamp: e.deprecatedFirstTimestamp,
    lastTimestamp: e.deprecatedLastTimestamp,
    count: e.deprecatedCount,
    eventTime: e.eventTime,
    series: e.series,
    reportingComponent: e.reportingController,
    reportingInstance: e.reportingInstance,
  };
}

export const EVENT_TABLE: KindTable = {
  columns: CORE_EVENT_TABLE.columns,
  cells: (hub: KObject, now: number) => CORE_EVENT_TABLE.cells(asCoreEvent(hub as unknown as events.Event) as unknown as KObject, now),
};

export const strategies: GroupStrategies = { Event: { table: EVENT_TABLE } };

/**
 * Per-kind behaviour of events.k8s.io objects: the Event Table. Upstream prints these events
 * through the core Event printer after conversion, so the cells read the events.k8s.io fields
 * that map onto core's (regarding → involvedObject, note → message, deprecated* → the
 * timestamps, count and source).
 */
import { NAME_COLUMN, column, nameOf, since } from '../../runtime/registry/printers.js';
import type { KObject } from '../../runtime/registry/meta.js';
import type { GroupStrategies } from '../../runtime/registry/strategy.js';
import type { KindTable } from '../../runtime/registry/table.js';
import type * as events from './types.js';

/** The reporting component and instance, `component, instance` when both are known. */
function source(event: events.Event): string {
  const component = event.deprecatedSource?.component || event.reportingController || '';
  const instance = event.deprecatedSource?.host || event.reportingInstance || '';
  return instance ? `${component}, ${instance}` : component;
}

export const EVENT_TABLE: KindTable = {
  columns: [
    column('Last Seen', 'string', 'The time at which the most recent occurrence of this event was recorded.'),
    column('Type', 'string', 'Type of this event (Normal, Warning), new types could be added in the future'),
    column('Reason', 'string', 'This should be a short, machine understandable string that gives the reason for the transition into the object\'s current status.'),
    column('Object', 'string', 'The object that this event is about.'),
    column('Subobject', 'string', 'If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement.', 1),
    column('Source', 'string', 'The component reporting this event. Should be a short machine understandable string.', 1),
    column('Message', 'string', 'A human-readable description of the status of this operation.'),
    column('First Seen', 'string', 'The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)', 1),
    column('Count', 'string', 'The number of times this event has occurred.', 1),
    { ...NAME_COLUMN, priority: 1 },
  ],
  cells(hub: KObject, now: number) {
    const e = hub as unknown as events.Event;
    const first = e.deprecatedFirstTimestamp ? since(e.deprecatedFirstTimestamp, now) : since(e.eventTime, now);
    let last = e.deprecatedLastTimestamp ? since(e.deprecatedLastTimestamp, now) : first;
    let count = e.deprecatedCount ?? 0;
    if (e.series) {
      last = since(e.series.lastObservedTime, now);
      count = e.series.count ?? 0;
    } else if (count === 0) {
      // An event reported once through this API carries no count.
      count = 1;
    }
    const kind = (e.regarding?.kind ?? '').toLowerCase();
    const target = e.regarding?.name ? `${kind}/${e.regarding.name}` : kind;
    return [last, e.type ?? '', e.reason ?? '', target, e.regarding?.fieldPath ?? '', source(e), (e.note ?? '').trim(), first, count, nameOf(hub)];
  },
};

export const strategies: GroupStrategies = { Event: { table: EVENT_TABLE } };

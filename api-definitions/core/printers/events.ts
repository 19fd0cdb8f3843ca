/**
 * The table of core/v1 events: LAST SEEN, TYPE, REASON, OBJECT (`kind/name`) and MESSAGE by
 * default, the subobject, source, first sighting, count and name in the wide form; events of
 * the events.k8s.io API (series, eventTime) are read as kube-apiserver's printer reads them.
 */
import type { KObject } from '../../../runtime/registry/meta.js';
import { column, NAME_COLUMN, nameOf, since } from '../../../runtime/registry/printers.js';
import type { KindTable } from '../../../runtime/registry/table.js';
import type * as core from '../types.js';

/** formatEventSource: the component (or reporting controller), then `, host` (or reporting instance) when known. */
export function eventSource(event: core.Event): string {
  const component = event.source?.component || event.reportingComponent || '';
  const instance = event.source?.host || event.reportingInstance || '';
  return instance === '' ? component : `${component}, ${instance}`;
}

/** The OBJECT cell: `kind/name` in lower-case kind, or the kind alone. */
export function eventTarget(event: core.Event): string {
  const kind = (event.involvedObject?.kind ?? '').toLowerCase();
  return event.involvedObject?.name ? `${kind}/${event.involvedObject.name}` : kind;
}

export const EVENT_TABLE: KindTable = {
  columns: [
    column('Last Seen', 'string', 'The time the event was last seen (lastTimestamp).'),
    column('Type', 'string', 'The type of the event, Normal or Warning (type).'),
    column('Reason', 'string', 'The reason for the event in machine form (reason).'),
    column('Object', 'string', 'The object the event is about (involvedObject).'),
    column('Subobject', 'string', 'The part of the object the event is about (involvedObject.fieldPath).', 1),
    column('Source', 'string', 'The component that reported the event (source).', 1),
    column('Message', 'string', 'The description of the event (message).'),
    column('First Seen', 'string', 'The time the event was first seen (firstTimestamp).', 1),
    column('Count', 'string', 'How many times the event occurred (count).', 1),
    { ...NAME_COLUMN, priority: 1 },
  ],
  cells(hub: KObject, now: number) {
    const event = hub as unknown as core.Event;
    const firstSeen = event.firstTimestamp ? since(event.firstTimestamp, now) : since(event.eventTime, now);
    let lastSeen = event.lastTimestamp ? since(event.lastTimestamp, now) : firstSeen;
    let count = event.count ?? 0;
    if (event.series) {
      lastSeen = since(event.series.lastObservedTime, now);
      count = event.series.count ?? 0;
    } else if (count === 0) {
      // Events of the events.k8s.io API that happened once carry no count.
      count = 1;
    }
    return [
      lastSeen,
      event.type ?? '',
      event.reason ?? '',
      eventTarget(event),
      event.involvedObject?.fieldPath ?? '',
      eventSource(event),
      (event.message ?? '').trim(),
      firstSeen,
      count,
      nameOf(hub),
    ];
  },
};

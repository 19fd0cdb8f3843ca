/** events.k8s.io/v1: API types imported from swagger.json and generated.proto by `kapi import`. */

import type { int32, ListMeta, MicroTime, ObjectMeta, Time, TypeMeta } from '../../meta/v1/types.js';
import type { EventSource, ObjectReference } from '../../core/v1/types.js';

/** +kubebuilder:resource:path=events,singular=event,scope=Namespaced,shortName=ev */
export interface Event extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ObjectMeta;
  /** +protobuf=2 */
  eventTime: MicroTime;
  /** +protobuf=3 */
  series?: EventSeries;
  /** +protobuf=4 */
  reportingController?: string;
  /** +protobuf=5 */
  reportingInstance?: string;
  /** +protobuf=6 */
  action?: string;
  /** +protobuf=7 */
  reason?: string;
  /** +protobuf=8 */
  regarding?: ObjectReference;
  /** +protobuf=9 */
  related?: ObjectReference;
  /** +protobuf=10 */
  note?: string;
  /** +protobuf=11 */
  type?: string;
  /** +protobuf=12 */
  deprecatedSource?: EventSource;
  /** +protobuf=13 */
  deprecatedFirstTimestamp?: Time;
  /** +protobuf=14 */
  deprecatedLastTimestamp?: Time;
  /** +protobuf=15 */
  deprecatedCount?: int32;
}

export interface EventList extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ListMeta;
  /** +protobuf=2 */
  items: Event[];
}

export interface EventSeries {
  /** +protobuf=1 */
  count: int32;
  /** +protobuf=2 */
  lastObservedTime: MicroTime;
}

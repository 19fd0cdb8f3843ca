/** discovery.k8s.io/v1: API types imported from swagger.json and generated.proto by `kapi import`. */

import type { int32, ListMeta, ObjectMeta, TypeMeta } from '../../meta/v1/types.js';
import type { ObjectReference } from '../../core/v1/types.js';

export interface Endpoint {
  /**
   * +listType=set
   * +protobuf=1
   */
  addresses: string[];
  /** +protobuf=2 */
  conditions?: EndpointConditions;
  /** +protobuf=3 */
  hostname?: string;
  /** +protobuf=4 */
  targetRef?: ObjectReference;
  /** +protobuf=5 */
  deprecatedTopology?: Record<string, string>;
  /** +protobuf=6 */
  nodeName?: string;
  /** +protobuf=7 */
  zone?: string;
  /** +protobuf=8 */
  hints?: EndpointHints;
}

export interface EndpointConditions {
  /** +protobuf=1 */
  ready?: boolean;
  /** +protobuf=2 */
  serving?: boolean;
  /** +protobuf=3 */
  terminating?: boolean;
}

export interface EndpointHints {
  /**
   * +listType=atomic
   * +protobuf=1
   */
  forZones?: ForZone[];
  /**
   * +listType=atomic
   * +protobuf=2
   */
  forNodes?: ForNode[];
}

/** +structType=atomic */
export interface EndpointPort {
  /** +protobuf=1 */
  name?: string;
  /** +protobuf=2 */
  protocol?: string;
  /** +protobuf=3 */
  port?: int32;
  /** +protobuf=4 */
  appProtocol?: string;
}

/** +kubebuilder:resource:path=endpointslices,singular=endpointslice,scope=Namespaced */
export interface EndpointSlice extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ObjectMeta;
  /**
   * +listType=atomic
   * +protobuf=2
   */
  endpoints?: Endpoint[];
  /**
   * +listType=atomic
   * +protobuf=3
   */
  ports?: EndpointPort[];
  /** +protobuf=4 */
  addressType: string;
}

export interface EndpointSliceList extends TypeMeta {
  /** +protobuf=1 */
  metadata?: ListMeta;
  /** +protobuf=2 */
  items: EndpointSlice[];
}

export interface ForNode {
  /** +protobuf=1 */
  name: string;
}

export interface ForZone {
  /** +protobuf=1 */
  name: string;
}

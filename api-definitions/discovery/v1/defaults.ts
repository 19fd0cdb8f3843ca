/** Defaults of discovery.k8s.io/v1: an EndpointSlice port is unnamed ('') and TCP. */
import type * as v1 from './types.js';

export function SetDefaults_EndpointPort(obj: v1.EndpointPort): void {
  obj.name ??= '';
  obj.protocol ??= 'TCP';
}

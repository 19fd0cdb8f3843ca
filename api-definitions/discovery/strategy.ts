/** Per-kind behaviour of discovery.k8s.io objects: the EndpointSlice Table (printEndpointSlice). */
import { AGE_COLUMN, NAME_COLUMN, age, column, listWithMore, nameOf } from '../../runtime/registry/printers.js';
import type { KObject } from '../../runtime/registry/meta.js';
import type { GroupStrategies } from '../../runtime/registry/strategy.js';
import type { KindTable } from '../../runtime/registry/table.js';
import type * as discovery from './types.js';

/** formatDiscoveryPorts: port numbers (or names, or `*`), three at most. */
export function slicePorts(ports: readonly discovery.EndpointPort[] | undefined): string {
  return listWithMore((ports ?? []).map((p) => (p.port !== undefined && p.port !== null ? String(p.port) : (p.name ?? '*'))));
}

/** formatDiscoveryEndpoints: every endpoint's addresses, three at most. */
export function sliceEndpoints(endpoints: readonly discovery.Endpoint[] | undefined): string {
  return listWithMore((endpoints ?? []).flatMap((e) => e.addresses ?? []));
}

export const ENDPOINT_SLICE_TABLE: KindTable = {
  columns: [
    NAME_COLUMN,
    column('AddressType', 'string', 'addressType specifies the type of address carried by this EndpointSlice.'),
    column('Ports', 'string', 'ports specifies the list of network ports exposed by each endpoint in this slice.'),
    column('Endpoints', 'string', 'endpoints is a list of unique endpoints in this slice.'),
    AGE_COLUMN,
  ],
  cells(hub: KObject, now: number) {
    const slice = hub as unknown as discovery.EndpointSlice;
    return [nameOf(hub), slice.addressType ?? '', slicePorts(slice.ports), sliceEndpoints(slice.endpoints), age(hub, now)];
  },
};

export const strategies: GroupStrategies = { EndpointSlice: { table: ENDPOINT_SLICE_TABLE } };

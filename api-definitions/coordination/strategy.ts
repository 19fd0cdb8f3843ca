/** Per-kind behaviour of coordination.k8s.io objects: the Lease Table (printLease). */
import { AGE_COLUMN, NAME_COLUMN, age, column, nameOf } from '../../runtime/registry/printers.js';
import type { KObject } from '../../runtime/registry/meta.js';
import type { GroupStrategies } from '../../runtime/registry/strategy.js';
import type { KindTable } from '../../runtime/registry/table.js';
import type * as coordination from './types.js';

export const LEASE_TABLE: KindTable = {
  columns: [NAME_COLUMN, column('Holder', 'string', 'holderIdentity contains the identity of the holder of a current lease.'), AGE_COLUMN],
  cells(hub: KObject, now: number) {
    return [nameOf(hub), (hub as coordination.Lease).spec?.holderIdentity ?? '', age(hub, now)];
  },
};

export const strategies: GroupStrategies = { Lease: { table: LEASE_TABLE } };

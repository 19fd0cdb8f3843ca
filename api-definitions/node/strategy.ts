/** Per-kind behaviour of node.k8s.io objects: the RuntimeClass Table (printRuntimeClass). */
import { AGE_COLUMN, NAME_COLUMN, age, column, nameOf } from '../../runtime/registry/printers.js';
import type { KObject } from '../../runtime/registry/meta.js';
import type { GroupStrategies } from '../../runtime/registry/strategy.js';
import type { KindTable } from '../../runtime/registry/table.js';
import type * as node from './types.js';

export const RUNTIME_CLASS_TABLE: KindTable = {
  columns: [NAME_COLUMN, column('Handler', 'string', 'handler specifies the underlying runtime and configuration that the CRI implementation will use to handle pods of this class.'), AGE_COLUMN],
  cells(hub: KObject, now: number) {
    return [nameOf(hub), (hub as unknown as node.RuntimeClass).handler ?? '', age(hub, now)];
  },
};

export const strategies: GroupStrategies = { RuntimeClass: { table: RUNTIME_CLASS_TABLE } };

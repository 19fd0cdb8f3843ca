/** Per-kind behaviour of scheduling.k8s.io objects: the PriorityClass Table (printPriorityClass). */
import { AGE_COLUMN, NAME_COLUMN, age, column, int, nameOf } from '../../runtime/registry/printers.js';
import type { KObject } from '../../runtime/registry/meta.js';
import type { GroupStrategies } from '../../runtime/registry/strategy.js';
import type { KindTable } from '../../runtime/registry/table.js';
import type * as scheduling from './types.js';

export const PRIORITY_CLASS_TABLE: KindTable = {
  columns: [
    NAME_COLUMN,
    column('Value', 'integer', 'The value of this priority class.'),
    column('Global-Default', 'boolean', 'globalDefault specifies whether this PriorityClass should be considered as the default priority for pods that do not have any priority class.'),
    AGE_COLUMN,
    column('PreemptionPolicy', 'string', 'PreemptionPolicy is the Policy for preempting pods with lower priority.'),
  ],
  cells(hub: KObject, now: number) {
    const pc = hub as scheduling.PriorityClass;
    return [nameOf(hub), int(pc.value), pc.globalDefault ?? false, age(hub, now), pc.preemptionPolicy ?? ''];
  },
};

export const strategies: GroupStrategies = { PriorityClass: { table: PRIORITY_CLASS_TABLE } };

/**
 * Per-kind behaviour of policy objects: the PodDisruptionBudget Table as printPodDisruptionBudget
 * prints it (`N/A` for the bound that is not set).
 */
import { AGE_COLUMN, NAME_COLUMN, age, column, int, nameOf } from '../../runtime/registry/printers.js';
import type { KObject } from '../../runtime/registry/meta.js';
import type { GroupStrategies } from '../../runtime/registry/strategy.js';
import type { KindTable } from '../../runtime/registry/table.js';
import type * as policy from './types.js';

const intOrString = (value: number | string | undefined): string => (value === undefined || value === null ? 'N/A' : String(value));

export const POD_DISRUPTION_BUDGET_TABLE: KindTable = {
  columns: [
    NAME_COLUMN,
    column('Min Available', 'string', 'The minimum number of pods that must be available.'),
    column('Max Unavailable', 'string', 'The maximum number of pods that may be unavailable.'),
    column('Allowed Disruptions', 'integer', 'Calculated number of pods that may be disrupted at this time.'),
    AGE_COLUMN,
  ],
  cells(hub: KObject, now: number) {
    const pdb = hub as policy.PodDisruptionBudget;
    return [nameOf(hub), intOrString(pdb.spec?.minAvailable), intOrString(pdb.spec?.maxUnavailable), int(pdb.status?.disruptionsAllowed), age(hub, now)];
  },
};

export const strategies: GroupStrategies = {
  PodDisruptionBudget: { table: POD_DISRUPTION_BUDGET_TABLE },
};

/** Per-kind behaviour of autoscaling objects: the HorizontalPodAutoscaler Table. */
import type { GroupStrategies } from '../../runtime/registry/strategy.js';
import { HORIZONTAL_POD_AUTOSCALER_TABLE } from './printers.js';

export const strategies: GroupStrategies = { HorizontalPodAutoscaler: { table: HORIZONTAL_POD_AUTOSCALER_TABLE } };

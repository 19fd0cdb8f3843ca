/**
 * Per-kind behaviour of wardle.example.com objects: upstream's sample registry prints both kinds
 * with apiserver's default table, `Name` and `Created At`.
 */
import { CREATED_AT_TABLE } from '../../../../runtime/registry/printers.js';
import type { GroupStrategies } from '../../../../runtime/registry/strategy.js';

export const strategies: GroupStrategies = { Flunder: { table: CREATED_AT_TABLE }, Fischer: { table: CREATED_AT_TABLE } };

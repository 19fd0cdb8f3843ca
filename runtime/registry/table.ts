/**
 * Table output (rest.TableConvertor): column definitions and row cells of a resource. By
 * default from its printer columns with NAME first and AGE last, as kubectl shows them, cells
 * computed from the object in the version the client asked for (the way the column JSONPaths
 * are written); a kind may supply its own table through its strategy hooks.
 */
import type { PrintColumnInfo } from '../machinery/scheme-types.js';
import { findFirst } from './json-path.js';
import { parseTimestamp, peekMeta, type KObject } from './meta.js';

/** metav1.TableColumnDefinition. */
export interface TableColumnDefinition {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
}

/** metav1.TableRowCondition, e.g. `Completed` on the row of a pod that finished. */
export interface TableRowCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}

export interface TableConvertor {
  readonly columns: readonly TableColumnDefinition[];
  /** The cells of one object's row, in column order, from the object in the request's version or its hub form. */
  cells(versioned: KObject, hub: KObject, now?: number): unknown[];
  /** The row's conditions, if the kind reports any. */
  conditions?(hub: KObject): TableRowCondition[] | undefined;
}

/**
 * A kind's own table (upstream's printers in pkg/printers/internalversion), supplied through
 * its strategy hooks: the column definitions and the cells of a hub object.
 */
export interface KindTable {
  readonly columns: readonly TableColumnDefinition[];
  cells(hub: KObject, now: number): unknown[];
  /** The row's conditions (upstream's printers mark finished pods `Completed`). */
  conditions?(hub: KObject): TableRowCondition[] | undefined;
}

/** A TableConvertor over a kind's own table. */
export function kindTableConvertor(table: KindTable): TableConvertor {
  return { columns: table.columns, cells: (_versioned, hub, now = Date.now()) => table.cells(hub, now), conditions: table.conditions?.bind(table) };
}

const NAME_COLUMN: TableColumnDefinition = {
  name: 'Name',
  type: 'string',
  format: 'name',
  description: 'The name of the object, unique within its namespace.',
  priority: 0,
};

const AGE_COLUMN: PrintColumnInfo = {
  name: 'Age',
  type: 'date',
  jsonPath: '.metadata.creationTimestamp',
  description: 'How long ago the object was created (metadata.creationTimestamp).',
  priority: 0,
};

/** duration.HumanDuration: `42s`, `5m3s`, `17m`, `3h20m`, `9h`, `3d4h`, `40d`, `2y30d`, `9y`. */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.trunc(seconds / 60);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.trunc(minutes / 60);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = Math.trunc(hours / 24) % 365;
    const years = Math.trunc(hours / 24 / 365);
    return dy === 0 ? `${years}y` : `${years}y${dy}d`;
  }
  return `${Math.trunc(hours / 24 / 365)}y`;
}

/** encoding/json's rendering of a decoded value: object keys sorted, as Go marshals maps. */
function goJSON(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.keys(v as Record<string, unknown>).sort().map((k) => [k, (v as Record<string, unknown>)[k]]))
      : v,
  );
}

/**
 * A cell of a JSONPath column as the custom-resource table convertor computes it
 * (cellForJSONValue): typed by the column, null when the value does not fit.
 */
export function cellForJSONValue(type: string, value: unknown, now: number): unknown {
  if (value === undefined || value === null) return null;
  switch (type) {
    case 'string':
      // a string column prints what the JSONPath template would: text as is, other values as JSON
      return typeof value === 'string' ? value : goJSON(value);
    case 'integer':
      return typeof value === 'number' && Number.isFinite(value) ? Math.trunc(value) : null;
    case 'number':
      return typeof value === 'number' ? value : null;
    case 'boolean':
      return typeof value === 'boolean' ? value : null;
    case 'date': {
      if (typeof value !== 'string') return null;
      if (value === '' || value === 'null') return '<unknown>';
      const at = parseTimestamp(value);
      return Number.isNaN(at) ? '<invalid>' : humanDuration(now - at);
    }
    default:
      return null;
  }
}

/** NAME, the printer columns, then AGE unless a column already shows the creation time. */
export function columnTableConvertor(printColumns: readonly PrintColumnInfo[]): TableConvertor {
  const hasAge = printColumns.some((c) => c.jsonPath === '.metadata.creationTimestamp' || c.name.toLowerCase() === 'age');
  const columns = hasAge ? [...printColumns] : [...printColumns, AGE_COLUMN];
  const definitions: TableColumnDefinition[] = [
    NAME_COLUMN,
    ...columns.map((c) => ({ name: c.name, type: c.type, format: c.format ?? '', description: c.description ?? '', priority: c.priority })),
  ];
  return {
    columns: definitions,
    cells(versioned, _hub, now = Date.now()) {
      return [peekMeta(versioned).name ?? '', ...columns.map((c) => cellForJSONValue(c.type, findFirst(versioned, c.jsonPath), now))];
    },
  };
}

/**
 * Building blocks of the built-in kinds' Tables, as kube-apiserver's printers
 * (pkg/printers/internalversion) write their cells: column definitions, ages, container lists,
 * label selectors and maps. The server always prints the wide form; kubectl hides the
 * columns of priority 1 unless asked for `-o wide`.
 */
import { labelSelectorAsSelector } from '../machinery/selectors/index.js';
import { parseTimestamp, peekMeta, type KObject } from './meta.js';
import { humanDuration, type KindTable, type TableColumnDefinition } from './table.js';

/** A column definition; `priority` 1 marks a wide-only column. */
export function column(name: string, type: string, description: string, priority = 0, format = ''): TableColumnDefinition {
  return { name, type, format, description, priority };
}

/** The first column of every built-in table. */
export const NAME_COLUMN = column('Name', 'string', 'Name must be unique within a namespace.', 0, 'name');
/** The Age column as the built-in printers declare it (a string, not a date). */
export const AGE_COLUMN = column('Age', 'string', 'CreationTimestamp is a timestamp representing the server time when this object was created.');
/** The wide columns of every pod-template owner. */
export const CONTAINERS_COLUMN = column('Containers', 'string', 'Names of each container in the template.', 1);
export const IMAGES_COLUMN = column('Images', 'string', 'Images referenced by each container in the template.', 1);

/** translateTimestampSince: the age of a timestamp, `<unknown>` when it is unset. */
export function since(timestamp: unknown, now: number): string {
  if (typeof timestamp !== 'string' || timestamp === '') return '<unknown>';
  const at = parseTimestamp(timestamp);
  return Number.isNaN(at) ? '<unknown>' : humanDuration(now - at);
}

/** The Age cell of an object. */
export function age(object: KObject, now: number): string {
  return since(peekMeta(object).creationTimestamp, now);
}

/** The object's name. */
export function nameOf(object: KObject): string {
  return peekMeta(object).name ?? '';
}

interface ContainerLike {
  name?: string;
  image?: string;
}

/** layoutContainerCells: container names and images, each joined by commas. */
export function containerCells(containers: readonly ContainerLike[] | undefined): [string, string] {
  const list = containers ?? [];
  return [list.map((c) => c.name ?? '').join(','), list.map((c) => c.image ?? '').join(',')];
}

/** LabelSelectorAsSelector(...).String(): '' for a missing or empty selector, `<invalid>` when it does not parse. */
export function selectorString(selector: unknown): string {
  if (selector === null || selector === undefined) return '';
  try {
    return labelSelectorAsSelector(selector as Parameters<typeof labelSelectorAsSelector>[0]).toString();
  } catch {
    return '<invalid>';
  }
}

/** metav1.FormatLabelSelector: the selector, `<none>` when it selects everything or nothing, `<error>` when invalid. */
export function formatLabelSelector(selector: unknown): string {
  if (selector === null || selector === undefined) return '<none>';
  try {
    const text = labelSelectorAsSelector(selector as Parameters<typeof labelSelectorAsSelector>[0]).toString();
    return text === '' ? '<none>' : text;
  } catch {
    return '<error>';
  }
}

/** labels.FormatLabels: `k=v` pairs sorted by key, `<none>` when empty. */
export function formatLabels(labels: Readonly<Record<string, string>> | null | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  return keys.length === 0 ? '<none>' : keys.map((k) => `${k}=${labels?.[k] ?? ''}`).join(',');
}

/** printBoolPtr: `True`, `False`, or `<unset>`. */
export function boolPtr(value: boolean | null | undefined): string {
  if (value === null || value === undefined) return '<unset>';
  return value ? 'True' : 'False';
}

/** A whole number cell (Go's int64), 0 when unset. */
export function int(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.trunc(value) : 0;
}

/** listWithMoreString: up to `max` items joined by commas, then ` + N more...`; `<unset>` when empty. */
export function listWithMore(items: readonly string[], max = 3): string {
  const shown = items.slice(0, max).join(',');
  if (items.length > max) return `${shown} + ${items.length - max} more...`;
  return shown === '' ? '<unset>' : shown;
}

/**
 * rest.NewDefaultTableConvertor: what kinds without a printer show, `Name` and `Created At`
 * (the creation time in RFC 3339, UTC).
 */
export const CREATED_AT_TABLE: KindTable = {
  columns: [NAME_COLUMN, column('Created At', 'date', 'CreationTimestamp is a timestamp representing the server time when this object was created.')],
  cells(hub) {
    const created = peekMeta(hub).creationTimestamp;
    const at = typeof created === 'string' ? parseTimestamp(created) : NaN;
    return [nameOf(hub), Number.isNaN(at) ? '0001-01-01T00:00:00Z' : `${new Date(at).toISOString().slice(0, 19)}Z`];
  },
};

/**
 * The CEL functions a CRD validation rule may call: CEL's standard functions and macros as
 * @bufbuild/cel implements them, its strings extension, and the practical part of the Kubernetes
 * list library (`isSorted`, `sum`, `min`, `max`, `indexOf`, `lastIndexOf`) and its quantity library. `optionalOldSelf`
 * rules get `hasValue`, `value` and `orValue` on their optional `oldSelf`.
 */
import { celMethod, CelScalar, isCelList, listType, mapType, type CelFunc, type CelValue } from '@bufbuild/cel';
import { strings } from '@bufbuild/cel/ext';
import { QUANTITY_FUNCTIONS, quantityLibrary } from './quantity-library.js';

/** The key under which an optional value is held (an empty map is `optional.none()`). */
export const OPTIONAL_KEY = '\u0000optional';

/** Named functions and methods rules may use; operators and macros are always allowed. */
export const SUPPORTED_FUNCTIONS: ReadonlySet<string> = new Set([
  // standard
  'size', 'contains', 'startsWith', 'endsWith', 'matches', 'int', 'uint', 'double', 'string', 'bytes', 'bool', 'dyn', 'type',
  'duration', 'timestamp', 'getDate', 'getDayOfMonth', 'getDayOfWeek', 'getDayOfYear', 'getFullYear', 'getHours',
  'getMilliseconds', 'getMinutes', 'getMonth', 'getSeconds',
  // strings extension
  'charAt', 'format', 'indexOf', 'join', 'lastIndexOf', 'lowerAscii', 'replace', 'split', 'substring', 'trim', 'upperAscii',
  // Kubernetes lists library
  'isSorted', 'sum', 'min', 'max',
  // optionals (optionalOldSelf)
  'hasValue', 'value', 'orValue',
  // Kubernetes quantity library
  ...QUANTITY_FUNCTIONS,
]);

const LIST = listType(CelScalar.DYN);
const OPT = mapType(CelScalar.STRING, CelScalar.DYN);

type Comparable = bigint | number | string | boolean;

function comparable(list: Iterable<CelValue>): Comparable[] {
  const out: Comparable[] = [];
  for (const v of list) {
    if (typeof v === 'bigint' || typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') out.push(v);
    else throw new Error('no such overload');
  }
  return out;
}

function listOf(target: unknown): CelValue[] {
  if (!isCelList(target)) throw new Error('no such overload');
  return [...target];
}

const less = (a: Comparable, b: Comparable): boolean => a < b;

function extremum(target: unknown, pick: (a: Comparable, b: Comparable) => boolean): Comparable {
  const items = comparable(listOf(target));
  if (items.length === 0) throw new Error('min/max of empty list');
  return items.reduce((best, x) => (pick(x, best) ? x : best));
}

function positionOf(target: unknown, x: CelValue, last: boolean): bigint {
  const items = listOf(target);
  const same = (v: CelValue) => (typeof v === 'object' || typeof x === 'object' ? JSON.stringify(v) === JSON.stringify(x) : v === x);
  const i = last ? items.findLastIndex(same) : items.findIndex(same);
  return BigInt(i);
}

const kubernetesLists: CelFunc[] = [
  celMethod('isSorted', LIST, [], CelScalar.BOOL, function () {
    const items = comparable(listOf(this));
    return items.every((v, i) => i === 0 || !less(v, items[i - 1]));
  }),
  celMethod('sum', LIST, [], CelScalar.DYN, function () {
    const items = comparable(listOf(this));
    if (items.length === 0) return 0n;
    if (items.every((v) => typeof v === 'bigint')) return (items as bigint[]).reduce((a, b) => a + b, 0n);
    if (items.every((v) => typeof v === 'number')) return (items as number[]).reduce((a, b) => a + b, 0);
    throw new Error('no such overload');
  }),
  celMethod('min', LIST, [], CelScalar.DYN, function () {
    return extremum(this, less);
  }),
  celMethod('max', LIST, [], CelScalar.DYN, function () {
    return extremum(this, (a, b) => a > b);
  }),
  celMethod('indexOf', LIST, [CelScalar.DYN], CelScalar.INT, function (x) {
    return positionOf(this, x, false);
  }),
  celMethod('lastIndexOf', LIST, [CelScalar.DYN], CelScalar.INT, function (x) {
    return positionOf(this, x, true);
  }),
];

const optionals: CelFunc[] = [
  celMethod('hasValue', OPT, [], CelScalar.BOOL, function () {
    return this.has(OPTIONAL_KEY);
  }),
  celMethod('value', OPT, [], CelScalar.DYN, function () {
    if (!this.has(OPTIONAL_KEY)) throw new Error('optional.none() dereference');
    return this.get(OPTIONAL_KEY) as CelValue;
  }),
  celMethod('orValue', OPT, [CelScalar.DYN], CelScalar.DYN, function (x) {
    return this.has(OPTIONAL_KEY) ? (this.get(OPTIONAL_KEY) as CelValue) : x;
  }),
];

/** Every function registered with the rule environment, besides the standard ones. */
export const LIBRARY: readonly CelFunc[] = [...strings, ...kubernetesLists, ...optionals, ...quantityLibrary];

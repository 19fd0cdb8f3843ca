/**
 * Kubernetes' CEL quantity library (k8s.io/apiserver/pkg/cel/library/quantity.go): `quantity()`,
 * `isQuantity()`, and on a quantity `sign`, `isInteger`, `asInteger`, `asApproximateFloat`,
 * `add`, `sub`, `isLessThan`, `isGreaterThan`, `compareTo`. A quantity is held as a map with one
 * hidden key whose value is its exact value in lowest terms, so `==` compares values (`1Gi ==
 * 1024Mi`) as upstream's Quantity equality does.
 */
import { celFunc, celMethod, CelScalar, mapType, type CelFunc, type CelInput, type CelMap } from '@bufbuild/cel';
import { compareQuantities, parseQuantity, tryParseQuantity, type Quantity } from '../../../machinery/validation/quantity.js';

const KEY = '\u0000quantity';
const Q = mapType(CelScalar.STRING, CelScalar.DYN);
const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);

const gcd = (a: bigint, b: bigint): bigint => {
  let x = a < 0n ? -a : a;
  let y = b;
  for (let i = 0; y !== 0n && i < 10_000; i++) [x, y] = [y, x % y];
  return x === 0n ? 1n : x;
};

function toCelQuantity(q: Quantity): CelInput {
  const g = gcd(q.num, q.den);
  return new Map<string, CelInput>([[KEY, `${q.num / g}/${q.den / g}`]]);
}

function fromCel(m: CelMap): Quantity {
  const v = m.get(KEY);
  if (typeof v !== 'string') throw new Error('no such overload');
  const [num, den] = v.split('/');
  return { num: BigInt(num), den: BigInt(den), text: v };
}

function operand(x: unknown): Quantity {
  if (typeof x === 'bigint') return { num: x, den: 1n, text: String(x) };
  if (x instanceof Map || (typeof x === 'object' && x !== null && 'get' in x)) return fromCel(x as CelMap);
  throw new Error('no such overload');
}

export const QUANTITY_FUNCTIONS = ['quantity', 'isQuantity', 'sign', 'isInteger', 'asInteger', 'asApproximateFloat', 'add', 'sub', 'isLessThan', 'isGreaterThan', 'compareTo'];

export const quantityLibrary: CelFunc[] = [
  celFunc('quantity', [CelScalar.STRING], Q, (s: string) => toCelQuantity(parseQuantity(s)) as never),
  celFunc('isQuantity', [CelScalar.STRING], CelScalar.BOOL, (s: string) => tryParseQuantity(s) !== undefined),
  celMethod('sign', Q, [], CelScalar.INT, function () {
    const q = fromCel(this);
    return BigInt(q.num < 0n ? -1 : q.num > 0n ? 1 : 0);
  }),
  celMethod('isInteger', Q, [], CelScalar.BOOL, function () {
    const q = fromCel(this);
    return q.num % q.den === 0n;
  }),
  celMethod('asInteger', Q, [], CelScalar.INT, function () {
    const q = fromCel(this);
    if (q.num % q.den !== 0n) throw new Error('cannot convert value to integer');
    const v = q.num / q.den;
    if (v > INT64_MAX || v < INT64_MIN) throw new Error('cannot convert value to integer');
    return v;
  }),
  celMethod('asApproximateFloat', Q, [], CelScalar.DOUBLE, function () {
    const q = fromCel(this);
    return Number(q.num) / Number(q.den);
  }),
  celMethod('add', Q, [CelScalar.DYN], Q, function (x) {
    const a = fromCel(this);
    const b = operand(x);
    return toCelQuantity({ num: a.num * b.den + b.num * a.den, den: a.den * b.den, text: '' }) as never;
  }),
  celMethod('sub', Q, [CelScalar.DYN], Q, function (x) {
    const a = fromCel(this);
    const b = operand(x);
    return toCelQuantity({ num: a.num * b.den - b.num * a.den, den: a.den * b.den, text: '' }) as never;
  }),
  celMethod('isLessThan', Q, [Q], CelScalar.BOOL, function (x) {
    return compareQuantities(fromCel(this), fromCel(x)) < 0;
  }),
  celMethod('isGreaterThan', Q, [Q], CelScalar.BOOL, function (x) {
    return compareQuantities(fromCel(this), fromCel(x)) > 0;
  }),
  celMethod('compareTo', Q, [Q], CelScalar.INT, function (x) {
    return BigInt(compareQuantities(fromCel(this), fromCel(x)));
  }),
];

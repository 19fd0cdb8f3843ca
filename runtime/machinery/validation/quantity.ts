/**
 * Quantities (`500m`, `1Gi`, `2.5e3`) parsed into exact rationals so validation can compare
 * them, as resource.Quantity does: `-1` is less than zero, `1024Mi` equals `1Gi`.
 */

export const QUANTITY_FORMAT_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
export const QUANTITY_SUFFIX_ERROR = "unable to parse quantity's suffix";

const QUANTITY_RE = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/;

/** An exact value num/den (den > 0) and the text it was parsed from. */
export interface Quantity {
  readonly num: bigint;
  readonly den: bigint;
  readonly text: string;
}

const BINARY: Record<string, bigint> = {
  Ki: 1n << 10n,
  Mi: 1n << 20n,
  Gi: 1n << 30n,
  Ti: 1n << 40n,
  Pi: 1n << 50n,
  Ei: 1n << 60n,
};
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

const pow10 = (n: number): bigint => 10n ** BigInt(n);

/** Parses a quantity; throws an Error with upstream's message when the text is not one. */
export function parseQuantity(text: string): Quantity {
  const str = text.trim();
  if (str.length === 0) throw new Error('quantities must match the regular expression \'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$\'');
  const m = QUANTITY_RE.exec(str);
  if (!m) throw new Error(QUANTITY_FORMAT_ERROR);
  let numberPart = m[1];
  const suffix = m[2];
  let negative = false;
  if (numberPart.startsWith('+') || numberPart.startsWith('-')) {
    negative = numberPart.startsWith('-');
    numberPart = numberPart.slice(1);
  }
  const pieces = numberPart.split('.');
  if (pieces.length > 2 || numberPart === '.' || numberPart.length === 0) throw new Error(QUANTITY_FORMAT_ERROR);
  const whole = pieces[0] === '' ? '0' : pieces[0];
  const frac = pieces[1] ?? '';
  let num = BigInt(whole + frac);
  let den = pow10(frac.length);

  if (suffix in BINARY) {
    num *= BINARY[suffix];
  } else if (suffix in DECIMAL) {
    const exp = DECIMAL[suffix];
    if (exp >= 0) num *= pow10(exp);
    else den *= pow10(-exp);
  } else if (/^[eE][-+]?[0-9]+$/.test(suffix)) {
    const exp = Number(suffix.slice(1));
    if (!Number.isSafeInteger(exp) || Math.abs(exp) > 1000) throw new Error(QUANTITY_SUFFIX_ERROR);
    if (exp >= 0) num *= pow10(exp);
    else den *= pow10(-exp);
  } else {
    throw new Error(QUANTITY_SUFFIX_ERROR);
  }
  if (negative) num = -num;
  return { num, den, text };
}

/** The quantity, or undefined when the text does not parse. */
export function tryParseQuantity(text: string): Quantity | undefined {
  try {
    return parseQuantity(text);
  } catch {
    return undefined;
  }
}

/** -1, 0 or 1 as a is less than, equal to or greater than b. */
export function compareQuantities(a: Quantity, b: Quantity): number {
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** The sign of a quantity: -1, 0 or 1. */
export function quantitySign(q: Quantity): number {
  return q.num < 0n ? -1 : q.num > 0n ? 1 : 0;
}

/** The value rounded up to an integer (resource.Quantity.Value). */
export function quantityValue(q: Quantity): bigint {
  const quotient = q.num / q.den;
  return q.num % q.den !== 0n && q.num > 0n ? quotient + 1n : quotient;
}

/** The value in thousandths, rounded up (resource.Quantity.MilliValue). */
export function quantityMilliValue(q: Quantity): bigint {
  return quantityValue({ num: q.num * 1000n, den: q.den, text: q.text });
}

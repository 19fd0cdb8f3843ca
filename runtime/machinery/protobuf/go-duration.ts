/**
 * Go duration text ↔ nanoseconds, as Go's time.ParseDuration and time.Duration.String() do it:
 * `1h2m3.5s`, `1m30s`, `500ms`, `1µs`, `0s`. Nanoseconds are bigints because a duration is an
 * int64 and a year of nanoseconds already exceeds 2^53.
 */

const MAX_UINT63 = 1n << 63n;
const SECOND = 1_000_000_000n;

const UNITS: ReadonlyMap<string, bigint> = new Map([
  ['ns', 1n],
  ['us', 1_000n],
  ['µs', 1_000n], // U+00B5 micro sign
  ['μs', 1_000n], // U+03BC Greek small letter mu
  ['ms', 1_000_000n],
  ['s', SECOND],
  ['m', 60n * SECOND],
  ['h', 3600n * SECOND],
]);

/** Formats nanoseconds as Go's Duration.String() does. */
export function formatGoDuration(nanoseconds: bigint): string {
  const negative = nanoseconds < 0n;
  const u = negative ? -nanoseconds : nanoseconds;
  let text: string;
  if (u < SECOND) {
    // Below a second Go switches to the largest unit that keeps an integer part: 1.5ms, 12µs, 7ns.
    if (u === 0n) return '0s';
    if (u < 1_000n) text = `${u}ns`;
    else if (u < 1_000_000n) text = `${withFraction(u, 3)}µs`;
    else text = `${withFraction(u, 6)}ms`;
  } else {
    const seconds = u / SECOND;
    const fraction = fractionDigits(u % SECOND, 9);
    text = `${seconds % 60n}${fraction}s`;
    const minutes = seconds / 60n;
    // Go stops at hours: days have no fixed length.
    if (minutes > 0n) {
      text = `${minutes % 60n}m${text}`;
      const hours = minutes / 60n;
      if (hours > 0n) text = `${hours}h${text}`;
    }
  }
  return negative ? `-${text}` : text;
}

/** `value / 10^digits` with its fraction, trailing zeros and a bare point left out. */
function withFraction(value: bigint, digits: number): string {
  const scale = 10n ** BigInt(digits);
  return `${value / scale}${fractionDigits(value % scale, digits)}`;
}

function fractionDigits(remainder: bigint, digits: number): string {
  if (remainder === 0n) return '';
  return `.${remainder.toString().padStart(digits, '0').replace(/0+$/, '')}`;
}

/** Parses Go duration text into nanoseconds; throws an Error worded as Go's for bad text. */
export function parseGoDuration(text: string): bigint {
  const invalid = (): Error => new Error(`time: invalid duration ${JSON.stringify(text)}`);
  let s = text;
  let negative = false;
  if (s.length > 0 && (s[0] === '-' || s[0] === '+')) {
    negative = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return 0n;
  if (s === '') throw invalid();
  let total = 0n;
  while (s !== '') {
    // A number: [0-9]*(\.[0-9]*)?, with at least one digit.
    if (!(s[0] === '.' || isDigit(s, 0))) throw invalid();
    let i = 0;
    let whole = 0n;
    while (i < s.length && isDigit(s, i)) {
      whole = whole * 10n + BigInt(s.charCodeAt(i) - 48);
      if (whole > MAX_UINT63) throw invalid();
      i++;
    }
    const hadWhole = i > 0;
    let fraction = 0n;
    let scale = 1;
    let hadFraction = false;
    if (i < s.length && s[i] === '.') {
      i++;
      const start = i;
      let overflow = false;
      for (; i < s.length && isDigit(s, i); i++) {
        // Like Go, digits that no longer fit are read but ignored.
        if (overflow) continue;
        if (fraction > (MAX_UINT63 - 1n) / 10n) {
          overflow = true;
          continue;
        }
        const next = fraction * 10n + BigInt(s.charCodeAt(i) - 48);
        if (next > MAX_UINT63) {
          overflow = true;
          continue;
        }
        fraction = next;
        scale *= 10;
      }
      hadFraction = i > start;
    }
    if (!hadWhole && !hadFraction) throw invalid();
    // The unit: everything up to the next number.
    const unitStart = i;
    while (i < s.length && s[i] !== '.' && !isDigit(s, i)) i++;
    const unitText = s.slice(unitStart, i);
    if (unitText === '') throw new Error(`time: missing unit in duration ${JSON.stringify(text)}`);
    const unit = UNITS.get(unitText);
    if (unit === undefined) {
      throw new Error(`time: unknown unit ${JSON.stringify(unitText)} in duration ${JSON.stringify(text)}`);
    }
    s = s.slice(i);
    if (whole > MAX_UINT63 / unit) throw invalid();
    let value = whole * unit;
    if (fraction > 0n) {
      // Go computes the fraction in float64, which is exact to the nanosecond up to an hour.
      value += BigInt(Math.trunc(Number(fraction) * (Number(unit) / scale)));
      if (value > MAX_UINT63) throw invalid();
    }
    total += value;
    if (total > MAX_UINT63) throw invalid();
  }
  if (negative) return -total;
  if (total > MAX_UINT63 - 1n) throw invalid();
  return total;
}

function isDigit(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
}

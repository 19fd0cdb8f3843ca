import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatGoDuration, parseGoDuration } from '../../../runtime/machinery/protobuf/index.js';

const NS = 1n;
const US = 1_000n;
const MS = 1_000_000n;
const S = 1_000_000_000n;
const M = 60n * S;
const H = 60n * M;

describe('formatGoDuration, as time.Duration.String()', () => {
  const rows: { name: string; ns: bigint; text: string }[] = [
    { name: 'zero', ns: 0n, text: '0s' },
    { name: 'one nanosecond', ns: NS, text: '1ns' },
    { name: 'one microsecond, with the micro sign', ns: US, text: '1µs' },
    { name: 'a fraction of a microsecond', ns: 1500n, text: '1.5µs' },
    { name: 'milliseconds', ns: 500n * MS, text: '500ms' },
    { name: 'a fraction of a millisecond', ns: 1_234_567n, text: '1.234567ms' },
    { name: 'a fraction of a second', ns: 1500n * MS, text: '1.5s' },
    { name: 'minutes and seconds', ns: 90n * S, text: '1m30s' },
    { name: 'whole hours, with zero minutes and seconds', ns: H, text: '1h0m0s' },
    { name: 'hours, minutes and a fraction', ns: H + 2n * M + 3500n * MS, text: '1h2m3.5s' },
    { name: 'nanoseconds past a second', ns: S + 1n, text: '1.000000001s' },
    { name: 'more than a day, still in hours', ns: 25n * H, text: '25h0m0s' },
    { name: 'a negative duration', ns: -2n * S, text: '-2s' },
    { name: 'a negative sub-second duration', ns: -1500n, text: '-1.5µs' },
    { name: 'the largest duration', ns: 2n ** 63n - 1n, text: '2562047h47m16.854775807s' },
    { name: 'the smallest duration', ns: -(2n ** 63n), text: '-2562047h47m16.854775808s' },
  ];
  for (const row of rows) {
    it(`formats ${row.name}`, () => {
      assert.equal(formatGoDuration(row.ns), row.text);
      assert.equal(parseGoDuration(row.text), row.ns, 'parses back');
    });
  }
});

describe('parseGoDuration, as time.ParseDuration', () => {
  const rows: { name: string; text: string; ns: bigint }[] = [
    { name: 'a bare zero', text: '0', ns: 0n },
    { name: 'a signed zero', text: '-0', ns: 0n },
    { name: 'a plus sign', text: '+5s', ns: 5n * S },
    { name: 'a unit repeated', text: '1h1h', ns: 2n * H },
    { name: 'units in any order', text: '1s1h', ns: H + S },
    { name: 'a leading point', text: '.5s', ns: 500n * MS },
    { name: 'a trailing point', text: '1.s', ns: S },
    { name: 'a fraction of an hour', text: '1.5h', ns: 90n * M },
    { name: '"us" for microseconds', text: '3us', ns: 3n * US },
    { name: 'the Greek mu for microseconds', text: '3μs', ns: 3n * US },
    { name: 'a fraction finer than a nanosecond, truncated', text: '1.0000000005s', ns: S },
    { name: 'many fraction digits, the excess ignored', text: '0.12345678901234567890123s', ns: 123456789n },
    { name: 'the smallest duration', text: '-9223372036854775808ns', ns: -(2n ** 63n) },
  ];
  for (const row of rows) {
    it(`parses ${row.name}`, () => {
      assert.equal(parseGoDuration(row.text), row.ns);
    });
  }

  const invalid: { name: string; text: string; message: string }[] = [
    { name: 'an empty string', text: '', message: 'time: invalid duration ""' },
    { name: 'a bare sign', text: '-', message: 'time: invalid duration "-"' },
    { name: 'a number without a unit', text: '1', message: 'time: missing unit in duration "1"' },
    { name: 'days', text: '1d', message: 'time: unknown unit "d" in duration "1d"' },
    { name: 'a bare point', text: '.s', message: 'time: invalid duration ".s"' },
    { name: 'a unit first', text: 's1', message: 'time: invalid duration "s1"' },
    { name: 'spaces', text: '1 s', message: 'time: unknown unit " s" in duration "1 s"' },
    {
      name: 'one nanosecond too many',
      text: '9223372036854775808ns',
      message: 'time: invalid duration "9223372036854775808ns"',
    },
    { name: 'hours beyond int64', text: '2562048h', message: 'time: invalid duration "2562048h"' },
  ];
  for (const row of invalid) {
    it(`rejects ${row.name}`, () => {
      assert.throws(() => parseGoDuration(row.text), { message: row.message });
    });
  }
});

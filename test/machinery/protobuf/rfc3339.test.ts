import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatRfc3339, parseRfc3339 } from '../../../runtime/machinery/protobuf/index.js';

describe('parseRfc3339', () => {
  const rows: { name: string; text: string; seconds: number; nanos: number }[] = [
    { name: 'UTC, whole seconds', text: '2008-01-01T01:01:01Z', seconds: 1199149261, nanos: 0 },
    { name: 'the Unix epoch', text: '1970-01-01T00:00:00Z', seconds: 0, nanos: 0 },
    { name: 'before the epoch', text: '1969-12-31T23:59:59Z', seconds: -1, nanos: 0 },
    { name: 'a leap day', text: '2020-02-29T12:00:00Z', seconds: 1582977600, nanos: 0 },
    { name: 'one fraction digit', text: '2008-01-01T01:01:01.5Z', seconds: 1199149261, nanos: 500000000 },
    { name: 'microseconds', text: '2008-01-01T01:01:01.123456Z', seconds: 1199149261, nanos: 123456000 },
    { name: 'nanoseconds', text: '2008-01-01T01:01:01.123456789Z', seconds: 1199149261, nanos: 123456789 },
    {
      name: 'digits past nanoseconds, dropped',
      text: '2008-01-01T01:01:01.1234567899Z',
      seconds: 1199149261,
      nanos: 123456789,
    },
    { name: 'a positive offset', text: '2008-01-01T03:01:01+02:00', seconds: 1199149261, nanos: 0 },
    {
      name: 'a negative offset across midnight',
      text: '2007-12-31T19:31:01-05:30',
      seconds: 1199149261,
      nanos: 0,
    },
    { name: 'the first second of year 0000', text: '0000-01-01T00:00:00Z', seconds: -62167219200, nanos: 0 },
    { name: 'the last second of year 9999', text: '9999-12-31T23:59:59Z', seconds: 253402300799, nanos: 0 },
    { name: "Go's zero time", text: '0001-01-01T00:00:00Z', seconds: -62135596800, nanos: 0 },
  ];
  for (const row of rows) {
    it(`parses ${row.name}`, () => {
      assert.deepEqual(parseRfc3339(row.text), { seconds: row.seconds, nanos: row.nanos });
    });
  }

  const invalid = [
    { name: 'a date without a time', text: '2008-01-01' },
    { name: 'no zone', text: '2008-01-01T01:01:01' },
    { name: 'a lower-case t', text: '2008-01-01t01:01:01Z' },
    { name: 'a space for the T', text: '2008-01-01 01:01:01Z' },
    { name: 'month 13', text: '2008-13-01T01:01:01Z' },
    { name: 'February 29th of a common year', text: '2019-02-29T00:00:00Z' },
    { name: 'February 29th of 1900', text: '1900-02-29T00:00:00Z' },
    { name: 'April 31st', text: '2008-04-31T00:00:00Z' },
    { name: 'hour 24', text: '2008-01-01T24:00:00Z' },
    { name: 'a leap second', text: '2008-12-31T23:59:60Z' },
    { name: 'a point without digits', text: '2008-01-01T01:01:01.Z' },
    { name: 'an offset without a colon', text: '2008-01-01T01:01:01+0200' },
    { name: 'a five-digit year', text: '10000-01-01T00:00:00Z' },
    { name: 'an empty string', text: '' },
  ];
  for (const row of invalid) {
    it(`rejects ${row.name}`, () => {
      assert.equal(parseRfc3339(row.text), undefined);
    });
  }
});

describe('formatRfc3339', () => {
  const rows: { name: string; seconds: number; nanos: number; digits: number; text: string }[] = [
    { name: 'whole seconds', seconds: 1199149261, nanos: 0, digits: 0, text: '2008-01-01T01:01:01Z' },
    {
      name: 'a fraction dropped at second precision',
      seconds: 1199149261,
      nanos: 999999999,
      digits: 0,
      text: '2008-01-01T01:01:01Z',
    },
    {
      name: 'microseconds, padded',
      seconds: 1199149261,
      nanos: 0,
      digits: 6,
      text: '2008-01-01T01:01:01.000000Z',
    },
    {
      name: 'microseconds, truncated',
      seconds: 1199149261,
      nanos: 123456789,
      digits: 6,
      text: '2008-01-01T01:01:01.123456Z',
    },
    { name: 'before the epoch', seconds: -1, nanos: 0, digits: 0, text: '1969-12-31T23:59:59Z' },
    { name: 'a leap day', seconds: 1582977600, nanos: 0, digits: 0, text: '2020-02-29T12:00:00Z' },
    { name: 'year 0000', seconds: -62167219200, nanos: 0, digits: 0, text: '0000-01-01T00:00:00Z' },
    { name: 'year 9999', seconds: 253402300799, nanos: 0, digits: 0, text: '9999-12-31T23:59:59Z' },
  ];
  for (const row of rows) {
    it(`formats ${row.name}`, () => {
      assert.equal(formatRfc3339(row.seconds, row.nanos, row.digits), row.text);
    });
  }

  it('agrees with Date over a spread of instants', () => {
    for (let seconds = -5e10; seconds < 2.5e11; seconds += 987654321) {
      const expected = new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
      assert.equal(formatRfc3339(seconds, 0, 0), expected);
      assert.deepEqual(parseRfc3339(expected), { seconds, nanos: 0 });
    }
  });
});

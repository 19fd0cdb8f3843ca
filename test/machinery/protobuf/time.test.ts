import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  decodeMicroTime,
  decodeTime,
  encodeMicroTime,
  encodeTime,
  ProtobufDecodeError,
  ProtobufEncodeError,
  Writer,
} from '../../../runtime/machinery/protobuf/index.js';
import { decodedFrom, written } from './wire-bytes.js';

// `message Time { int64 seconds = 1; int32 nanos = 2; }`; Go writes both fields, zeros included.
describe('Time', () => {
  const rows: { name: string; text: string; hex: string; decoded: string }[] = [
    {
      name: 'without a fraction',
      text: '2008-01-01T01:01:01Z',
      hex: '08cda1e6bb04 1000',
      decoded: '2008-01-01T01:01:01Z',
    },
    {
      name: 'with a fraction, kept on the wire and dropped by the second-precision text',
      text: '2008-01-01T01:01:01.5Z',
      hex: '08cda1e6bb04 1080cab5ee01',
      decoded: '2008-01-01T01:01:01Z',
    },
    {
      name: 'the Unix epoch',
      text: '1970-01-01T00:00:00Z',
      hex: '0800 1000',
      decoded: '1970-01-01T00:00:00Z',
    },
    {
      name: 'before the epoch',
      text: '1969-12-31T23:59:59Z',
      hex: '08ffffffffffffffffff01 1000',
      decoded: '1969-12-31T23:59:59Z',
    },
    {
      name: 'with an offset, written as UTC',
      text: '2008-01-01T03:01:01+02:00',
      hex: '08cda1e6bb04 1000',
      decoded: '2008-01-01T01:01:01Z',
    },
  ];
  for (const row of rows) {
    it(`encodes and decodes a time ${row.name}`, () => {
      assert.equal(
        written((w) => encodeTime(row.text, w)),
        row.hex.replace(/ /g, ''),
      );
      assert.equal(decodedFrom(row.hex, decodeTime), row.decoded);
    });
  }

  it("writes Go's zero time as an empty message and decodes it to null", () => {
    assert.equal(
      written((w) => encodeTime('0001-01-01T00:00:00Z', w)),
      '',
    );
    assert.equal(decodedFrom('', decodeTime), null);
  });

  it('writes null, a zero time in a map or list, as the empty message it decodes from', () => {
    assert.equal(written((w) => encodeTime(null, w)), '');
    assert.equal(written((w) => encodeMicroTime(null, w)), '');
  });

  it('decodes an explicit Go zero time to null too', () => {
    assert.equal(decodedFrom('088092b8c398feffffff01 1000', decodeTime), null);
  });

  const decodes: { name: string; hex: string; text: string }[] = [
    { name: 'only seconds', hex: '08cda1e6bb04', text: '2008-01-01T01:01:01Z' },
    { name: 'an unknown field, skipped', hex: '08cda1e6bb04 1000 1a0178', text: '2008-01-01T01:01:01Z' },
    {
      name: 'negative nanoseconds, borrowed from the seconds',
      hex: '08cda1e6bb04 10ffffffffffffffffff01',
      text: '2008-01-01T01:01:00Z',
    },
  ];
  for (const row of decodes) {
    it(`decodes ${row.name}`, () => {
      assert.equal(decodedFrom(row.hex, decodeTime), row.text);
    });
  }

  it('rejects text that is not RFC 3339', () => {
    assert.throws(
      () => encodeTime('yesterday', Writer.create()),
      (e: unknown) => e instanceof ProtobufEncodeError && e.message.includes('"yesterday"'),
    );
  });

  it('rejects a time RFC 3339 cannot write', () => {
    // 253402300800: 10000-01-01T00:00:00Z
    assert.throws(() => decodedFrom('088083d1ffaf07 1000', decodeTime), ProtobufDecodeError);
  });
});

describe('MicroTime', () => {
  const rows: { name: string; text: string; hex: string; decoded: string }[] = [
    {
      name: 'whole seconds',
      text: '2008-01-01T01:01:01.000000Z',
      hex: '08cda1e6bb04 1000',
      decoded: '2008-01-01T01:01:01.000000Z',
    },
    {
      name: 'microseconds',
      text: '2008-01-01T01:01:01.123456Z',
      hex: '08cda1e6bb04 108094ef3a',
      decoded: '2008-01-01T01:01:01.123456Z',
    },
    {
      name: 'nanoseconds, truncated to microseconds in text',
      text: '2008-01-01T01:01:01.123456789Z',
      hex: '08cda1e6bb04 10959aef3a',
      decoded: '2008-01-01T01:01:01.123456Z',
    },
    {
      name: 'no fraction in the input',
      text: '2008-01-01T01:01:01Z',
      hex: '08cda1e6bb04 1000',
      decoded: '2008-01-01T01:01:01.000000Z',
    },
  ];
  for (const row of rows) {
    it(`encodes and decodes ${row.name}`, () => {
      assert.equal(
        written((w) => encodeMicroTime(row.text, w)),
        row.hex.replace(/ /g, ''),
      );
      assert.equal(decodedFrom(row.hex, decodeMicroTime), row.decoded);
    });
  }

  it("decodes Go's zero MicroTime (an empty message) to null", () => {
    assert.equal(decodedFrom('', decodeMicroTime), null);
  });
});

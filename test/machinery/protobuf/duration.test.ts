import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  decodeDuration,
  encodeDuration,
  ProtobufEncodeError,
} from '../../../runtime/machinery/protobuf/index.js';
import { decodedFrom, written } from './wire-bytes.js';

// `message Duration { int64 duration = 1; }` in nanoseconds; Go writes the field even when zero.
describe('Duration', () => {
  const rows: { name: string; text: string; hex: string }[] = [
    { name: 'zero', text: '0s', hex: '0800' },
    { name: 'minutes and seconds', text: '1m30s', hex: '088088aca3cf02' },
    { name: 'a fraction of a second', text: '1.5s', hex: '0880dea0cb05' },
    { name: 'a negative duration', text: '-7ns', hex: '08f9ffffffffffffffff01' },
    { name: 'a year, beyond 2^53 nanoseconds', text: '8760h0m0s', hex: '0880808cedb2ba8238' },
    { name: 'the largest duration', text: '2562047h47m16.854775807s', hex: '08ffffffffffffffff7f' },
  ];
  for (const row of rows) {
    it(`encodes and decodes ${row.name}`, () => {
      assert.equal(
        written((w) => encodeDuration(row.text, w)),
        row.hex,
      );
      assert.equal(decodedFrom(row.hex, decodeDuration), row.text);
    });
  }

  it('writes the Go form of a duration given in another spelling', () => {
    assert.equal(
      decodedFrom(
        written((w) => encodeDuration('90s', w)),
        decodeDuration,
      ),
      '1m30s',
    );
  });

  it('decodes a message without the field as 0s', () => {
    assert.equal(decodedFrom('', decodeDuration), '0s');
  });

  it("rejects text Go's ParseDuration rejects, quoting its error", () => {
    assert.throws(
      () => written((w) => encodeDuration('1d', w)),
      (e: unknown) =>
        e instanceof ProtobufEncodeError &&
        e.message === 'bad Duration "1d": time: unknown unit "d" in duration "1d"',
    );
  });
});

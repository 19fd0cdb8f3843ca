import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  decodeEnvelope,
  encodeEnvelope,
  ENVELOPE_PREFIX,
  ProtobufDecodeError,
} from '../../../runtime/machinery/protobuf/index.js';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const bytesOf = (hexText: string): Uint8Array =>
  Uint8Array.from(Buffer.from(hexText.replace(/\s+/g, ''), 'hex'));

// `k8s\0` + runtime.Unknown{ TypeMeta typeMeta = 1 { apiVersion = 1; kind = 2; }, raw = 2, contentEncoding = 3, contentType = 4 }
const POD_ENVELOPE = '6b387300 0a09 0a027631 1203506f64 1203 010203 1a00 2200';

describe('encodeEnvelope', () => {
  it('writes the prefix and every Unknown field, the empty strings too, as Go does', () => {
    assert.equal(hex(encodeEnvelope('v1', 'Pod', Uint8Array.of(1, 2, 3))), POD_ENVELOPE.replace(/ /g, ''));
  });

  it('starts with k8s\\0', () => {
    assert.deepEqual([...ENVELOPE_PREFIX], [0x6b, 0x38, 0x73, 0x00]);
    assert.equal(
      Buffer.from(encodeEnvelope('a/v1', 'K', new Uint8Array()))
        .subarray(0, 4)
        .toString('latin1'),
      'k8s\0',
    );
  });
});

describe('decodeEnvelope', () => {
  const good: { name: string; hex: string; expected: ReturnType<typeof decodeEnvelope> }[] = [
    {
      name: 'what Go writes',
      hex: POD_ENVELOPE,
      expected: {
        apiVersion: 'v1',
        kind: 'Pod',
        raw: Uint8Array.of(1, 2, 3),
        contentEncoding: '',
        contentType: '',
      },
    },
    {
      name: 'only the type and raw',
      hex: '6b387300 0a0e 0a07617070732f7631 12034a6f62 1201ff',
      expected: {
        apiVersion: 'apps/v1',
        kind: 'Job',
        raw: Uint8Array.of(0xff),
        contentEncoding: '',
        contentType: '',
      },
    },
    {
      name: 'content encoding and type set, and an unknown field',
      hex: '6b387300 0a00 1a04677a6970 2210 6170706c69636174696f6e2f6a736f6e 2801',
      expected: {
        apiVersion: '',
        kind: '',
        raw: new Uint8Array(),
        contentEncoding: 'gzip',
        contentType: 'application/json',
      },
    },
    {
      name: 'only the prefix',
      hex: '6b387300',
      expected: { apiVersion: '', kind: '', raw: new Uint8Array(), contentEncoding: '', contentType: '' },
    },
  ];
  for (const row of good) {
    it(`reads ${row.name}`, () => {
      const envelope = decodeEnvelope(bytesOf(row.hex));
      assert.deepEqual(
        { ...envelope, raw: [...envelope.raw] },
        { ...row.expected, raw: [...row.expected.raw] },
      );
    });
  }

  const missingPrefix = [
    { name: 'JSON', hex: Buffer.from('{"kind":"Pod"}').toString('hex') },
    { name: 'a wrong fourth byte', hex: '6b387301 0a00' },
    { name: 'fewer than four bytes', hex: '6b38' },
    { name: 'no bytes', hex: '' },
  ];
  for (const row of missingPrefix) {
    it(`rejects ${row.name}: no k8s\\0 prefix`, () => {
      assert.throws(
        () => decodeEnvelope(bytesOf(row.hex)),
        (e: unknown) =>
          e instanceof ProtobufDecodeError && e.message.startsWith('not a Kubernetes protobuf message'),
      );
    });
  }

  it('rejects every truncation of a good envelope inside a field', () => {
    const full = bytesOf(POD_ENVELOPE);
    // Cuts at field boundaries leave a shorter but well-formed message; every other cut is truncated.
    const boundaries = new Set([4, 15, 20, 22]);
    for (let n = 5; n < full.length; n++) {
      if (boundaries.has(n)) continue;
      assert.throws(
        () => decodeEnvelope(full.subarray(0, n)),
        (e: unknown) =>
          e instanceof ProtobufDecodeError &&
          e.message.startsWith('runtime.Unknown envelope: ') &&
          /truncated|bad length/.test(e.message),
        `cut at ${n}`,
      );
    }
  });

  it('rejects a bad wire type', () => {
    assert.throws(() => decodeEnvelope(bytesOf('6b387300 0f')), ProtobufDecodeError);
  });
});

/**
 * The generated codecs of the golden case at work: encode → decode round trips, and the same
 * bytes as protobufjs's reflection encoder produces from the upstream message shapes.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import protobuf from 'protobufjs';
import {
  decodeEnvelope,
  encodeEnvelope,
  ProtobufDecodeError,
  Reader,
} from '../../../runtime/machinery/protobuf/index.js';
import type { Widget } from './testdata/every-field-kind/api-definitions/widgets/v1/types.js';
import {
  decodeContainer,
  decodeWidgetListMessage,
  decodeWidgetMessage,
  decodeWidgetSpec,
  encodeWidgetListMessage,
  encodeWidgetMessage,
  protobufCodecs,
} from './testdata/every-field-kind/generated/widgets/v1/protobuf.generated.js';
import { FULL_WIDGET, FULL_WIDGET_PB, WIDGET_LIST, WIDGET_LIST_PB } from './samples.js';
import { WIDGETS_PROTO } from './widgets.proto.js';

// resolveAll settles field features (such as packed) before the first encode.
const root = protobuf.parse(WIDGETS_PROTO, { keepCase: true }).root.resolveAll();
const pbType = (name: string): protobuf.Type => root.lookupType(`widgets.${name}`);

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

/** Decodes bytes with protobufjs and returns plain objects with numbers for int64s. */
function pbDecode(name: string, bytes: Uint8Array): unknown {
  const type = pbType(name);
  return type.toObject(type.decode(Buffer.from(bytes)), { longs: Number });
}

describe('generated codecs: round trip', () => {
  const rows: { name: string; widget: Widget; expected?: Widget }[] = [
    { name: 'every field set', widget: FULL_WIDGET },
    { name: 'an empty object', widget: {} },
    { name: 'only a required nested struct', widget: { spec: { strategy: {} } } },
    {
      name: 'zero values, which are present and so written',
      widget: {
        spec: {
          name: '',
          replicas: 0,
          revision: 0,
          ratio: 0,
          paused: false,
          port: 0,
          strategy: { type: '' },
        },
      },
    },
    {
      name: 'int32 and int64 extremes',
      widget: {
        spec: {
          replicas: -(2 ** 31),
          revision: -(2 ** 53),
          ports: [2 ** 31 - 1, -(2 ** 31)],
          strategy: { maxSurge: -1 },
        },
        status: { observedGeneration: 2 ** 53 - 1 },
      },
    },
    {
      name: 'empty lists and maps, which are left out like any absent field',
      widget: { metadata: { labels: {}, finalizers: [] }, spec: { tags: [], strategy: {} } },
      expected: { metadata: {}, spec: { strategy: {} } },
    },
    {
      name: 'null fields, which count as absent',
      widget: {
        metadata: { name: null as unknown as string },
        spec: { strategy: {}, phase: null as unknown as 'Pending' },
      },
      expected: { metadata: {}, spec: { strategy: {} } },
    },
  ];
  for (const row of rows) {
    it(`round-trips ${row.name}`, () => {
      const decoded = decodeWidgetMessage(encodeWidgetMessage(row.widget));
      assert.deepEqual(decoded, row.expected ?? row.widget);
    });
  }

  it('round-trips a list kind through the envelope and the codecs table', () => {
    const body = encodeEnvelope(
      'widgets.example.com/v1',
      'WidgetList',
      protobufCodecs.WidgetList.encode(WIDGET_LIST),
    );
    const envelope = decodeEnvelope(body);
    assert.equal(envelope.apiVersion, 'widgets.example.com/v1');
    assert.equal(envelope.kind, 'WidgetList');
    assert.deepEqual(protobufCodecs.WidgetList.decode(envelope.raw), WIDGET_LIST);
  });

  it('encodes equal maps to equal bytes whatever their key order', () => {
    const a = encodeWidgetMessage({ metadata: { labels: { a: '1', b: '2', c: '3' } } });
    const b = encodeWidgetMessage({ metadata: { labels: { c: '3', a: '1', b: '2' } } });
    assert.equal(hex(a), hex(b));
  });
});

describe('generated codecs: wire compatibility with protobufjs reflection', () => {
  const rows = [
    { name: 'Widget', ours: () => encodeWidgetMessage(FULL_WIDGET), pb: FULL_WIDGET_PB },
    { name: 'WidgetList', ours: () => encodeWidgetListMessage(WIDGET_LIST), pb: WIDGET_LIST_PB },
  ];
  for (const row of rows) {
    it(`writes the same bytes as protobufjs for ${row.name}`, () => {
      const type = pbType(row.name);
      assert.equal(type.verify(row.pb), null);
      assert.equal(hex(row.ours()), hex(type.encode(row.pb).finish()));
    });

    it(`protobufjs reads our ${row.name} back to the upstream message shape`, () => {
      assert.deepEqual(pbDecode(row.name, row.ours()), row.pb);
    });
  }

  it('reads protobufjs bytes back to the object', () => {
    assert.deepEqual(decodeWidgetMessage(pbType('Widget').encode(FULL_WIDGET_PB).finish()), FULL_WIDGET);
    assert.deepEqual(
      decodeWidgetListMessage(pbType('WidgetList').encode(WIDGET_LIST_PB).finish()),
      WIDGET_LIST,
    );
  });

  it('reads packed repeated numbers', () => {
    const bytes = pbType('PackedPorts')
      .encode({ ports: [80, -1, 300] })
      .finish();
    assert.equal(bytes[0], 138, 'protobufjs wrote field 17 packed (wire type 2)');
    assert.deepEqual(decodeWidgetSpec(new Reader(bytes), bytes.length), { ports: [80, -1, 300] });
  });

  it('reads packed and unpacked runs of one field into one list', () => {
    const packed = pbType('PackedPorts')
      .encode({ ports: [1, 2] })
      .finish();
    const unpacked = Buffer.from([136, 1, 3]); // field 17, varint 3
    const bytes = Buffer.concat([packed, unpacked]);
    assert.deepEqual(decodeWidgetSpec(new Reader(bytes), bytes.length), { ports: [1, 2, 3] });
  });

  it('skips fields it does not know, of every wire type', () => {
    const bytes = pbType('WidgetSpecFromTheFuture')
      .encode({
        name: 'n',
        f100: 7,
        f101: 8,
        f102: 'later',
        f103: -5,
        f104: { name: 'c' },
        F105: { inner: 'grouped' },
        strategy: { type: 'Recreate' },
      })
      .finish();
    assert.deepEqual(decodeWidgetSpec(new Reader(bytes), bytes.length), {
      name: 'n',
      strategy: { type: 'Recreate' },
    });
  });

  it('wraps the message in the envelope Go writes', () => {
    const raw = encodeWidgetMessage(FULL_WIDGET);
    const expected = pbType('Unknown')
      .encode({
        typeMeta: { apiVersion: 'widgets.example.com/v1', kind: 'Widget' },
        raw,
        contentEncoding: '',
        contentType: '',
      })
      .finish();
    assert.equal(hex(encodeEnvelope('widgets.example.com/v1', 'Widget', raw)), `6b387300${hex(expected)}`);
  });
});

describe('generated codecs: decoding edge cases', () => {
  const rows: {
    name: string;
    bytes: number[];
    decode: (r: Reader, n: number) => unknown;
    expected: unknown;
  }[] = [
    {
      name: 'a known field with an unexpected wire type is skipped',
      bytes: [0x08, 0x05, 0x0a, 0x01, 0x61], // field 1 as a varint, then as the string "a"
      decode: decodeContainer,
      expected: { name: 'a' },
    },
    {
      name: "Go's zero Time (an empty message) leaves the field out",
      bytes: [0x3a, 0x00], // startTime = {}
      decode: decodeWidgetSpec,
      expected: {},
    },
    {
      name: "Go's zero Time stays null inside a list",
      bytes: [0xd2, 0x01, 0x00], // checkpoints += {}
      decode: decodeWidgetSpec,
      expected: { checkpoints: [null] },
    },
    {
      name: 'a map entry without a value holds the zero value',
      bytes: [0x7a, 0x03, 0x0a, 0x01, 0x6b, 0xaa, 0x01, 0x03, 0x0a, 0x01, 0x6b], // selector{k}, limits{k}
      decode: decodeWidgetSpec,
      expected: { selector: { k: '' }, limits: { k: '0' } },
    },
    {
      name: 'a map entry without a key is stored under the empty key',
      bytes: [0x7a, 0x03, 0x12, 0x01, 0x76], // selector{value "v"}
      decode: decodeWidgetSpec,
      expected: { selector: { '': 'v' } },
    },
    {
      name: 'a nested message given twice keeps the last',
      bytes: [0xa2, 0x01, 0x03, 0x0a, 0x01, 0x61, 0xa2, 0x01, 0x03, 0x0a, 0x01, 0x62], // sidecar twice
      decode: decodeWidgetSpec,
      expected: { sidecar: { name: 'b' } },
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const bytes = Uint8Array.from(row.bytes);
      assert.deepEqual(row.decode(new Reader(bytes), bytes.length), row.expected);
    });
  }

  const malformed: { name: string; bytes: number[]; message: RegExp }[] = [
    { name: 'a string cut short', bytes: [0x0a, 0x05, 0x61], message: /truncated/ },
    { name: 'a varint cut short', bytes: [0x12, 0x03, 0x0a], message: /truncated|index out of range/ },
    {
      name: 'a nested message longer than the data',
      bytes: [0x12, 0x10, 0x0a, 0x01, 0x61],
      message: /truncated|bad length/,
    },
    { name: 'wire type 7', bytes: [0x0f], message: /invalid wire type 7/ },
    { name: 'an end-group tag without a start', bytes: [0x0c], message: /invalid wire type 4/ },
    {
      name: "a field running past its message's end",
      bytes: [0x12, 0x02, 0x0a, 0x05, 0x61, 0x62, 0x63, 0x64, 0x65], // spec of length 2 holding a 7-byte field
      message: /bad length/,
    },
  ];
  for (const row of malformed) {
    it(`rejects ${row.name} with ProtobufDecodeError`, () => {
      assert.throws(
        () => decodeWidgetMessage(Uint8Array.from(row.bytes)),
        (error: unknown) =>
          error instanceof ProtobufDecodeError &&
          error.message.startsWith('widgets.example.com.v1.Widget: ') &&
          row.message.test(error.message),
      );
    });
  }

  it('on every truncation of a message either decodes or throws ProtobufDecodeError', () => {
    const bytes = encodeWidgetMessage(FULL_WIDGET);
    for (let n = 0; n < bytes.length; n++) {
      try {
        decodeWidgetMessage(bytes.subarray(0, n));
      } catch (error) {
        assert.ok(error instanceof ProtobufDecodeError, `length ${n}: ${String(error)}`);
      }
    }
  });

  it('on corrupted bytes either decodes or throws ProtobufDecodeError, and never hangs', () => {
    const original = encodeWidgetMessage(FULL_WIDGET);
    let seed = 12345;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let round = 0; round < 2000; round++) {
      const bytes = Uint8Array.from(original);
      for (let flips = 1 + Math.floor(random() * 3); flips > 0; flips--) {
        bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
      }
      try {
        decodeWidgetMessage(bytes);
      } catch (error) {
        assert.ok(error instanceof ProtobufDecodeError, `round ${round}: ${String(error)}`);
      }
    }
  });
});

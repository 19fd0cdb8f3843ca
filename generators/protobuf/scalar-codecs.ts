/**
 * How each scalar of `api-definitions/meta/v1/scalars.ts` is written and read. Plain values use
 * the Writer/Reader method of their protobuf type; the message-shaped scalars (Time, Quantity, …)
 * use the codecs of `runtime/machinery/protobuf`, which have the shape of generated ones.
 */
import type { ScalarName } from '../model/types.js';

export type ScalarForm =
  /** `w.uint32(tag).<method>(value)`, `r.<method>()`. */
  | { readonly form: 'method'; readonly method: string }
  /** `<write>(w.uint32(tag), value)`, `<read>(r)`: runtime helpers for int64 and bytes. */
  | { readonly form: 'helper'; readonly write: string; readonly read: string }
  /** A nested message: `<encode>(value, w.uint32(tag).fork()).ldelim()`, `<decode>(r, r.uint32())`. */
  | { readonly form: 'message'; readonly encode: string; readonly decode: string };

export interface ScalarCodec {
  /** 0 varint, 1 64-bit, 2 length-delimited. */
  readonly wireType: 0 | 1 | 2;
  readonly form: ScalarForm;
  /** The TypeScript type of a value; `JsonObject` comes from the runtime. */
  readonly tsType: string;
  /** The value Go's zero value decodes to, for map entries that leave the value out. */
  readonly zero: string;
  /** The decoder returns null for Go's zero value (zero Time, nil RawExtension), whose JSON is null. */
  readonly nullable: boolean;
  /** Names the scalar in helper functions: `writeQuantityMap`. */
  readonly label: string;
  /** The protobuf type, for comments. */
  readonly protoType: string;
}

const method = (name: string): ScalarForm => ({ form: 'method', method: name });
const message = (name: string): ScalarForm => ({
  form: 'message',
  encode: `encode${name}`,
  decode: `decode${name}`,
});

export const SCALAR_CODECS: Readonly<Record<ScalarName, ScalarCodec>> = {
  string: {
    wireType: 2,
    form: method('string'),
    tsType: 'string',
    zero: "''",
    nullable: false,
    label: 'String',
    protoType: 'string',
  },
  boolean: {
    wireType: 0,
    form: method('bool'),
    tsType: 'boolean',
    zero: 'false',
    nullable: false,
    label: 'Boolean',
    protoType: 'bool',
  },
  int32: {
    wireType: 0,
    form: method('int32'),
    tsType: 'number',
    zero: '0',
    nullable: false,
    label: 'Int32',
    protoType: 'int32',
  },
  int64: {
    wireType: 0,
    form: { form: 'helper', write: 'writeInt64', read: 'readInt64' },
    tsType: 'number',
    zero: '0',
    nullable: false,
    label: 'Int64',
    protoType: 'int64',
  },
  float64: {
    wireType: 1,
    form: method('double'),
    tsType: 'number',
    zero: '0',
    nullable: false,
    label: 'Float64',
    protoType: 'double',
  },
  bytes: {
    wireType: 2,
    form: { form: 'helper', write: 'writeBase64', read: 'readBase64' },
    tsType: 'string',
    zero: "''",
    nullable: false,
    label: 'Bytes',
    protoType: 'bytes',
  },
  Time: {
    wireType: 2,
    form: message('Time'),
    tsType: 'string',
    zero: 'null',
    nullable: true,
    label: 'Time',
    protoType: 'Time',
  },
  MicroTime: {
    wireType: 2,
    form: message('MicroTime'),
    tsType: 'string',
    zero: 'null',
    nullable: true,
    label: 'MicroTime',
    protoType: 'MicroTime',
  },
  Quantity: {
    wireType: 2,
    form: message('Quantity'),
    tsType: 'string',
    zero: "'0'",
    nullable: false,
    label: 'Quantity',
    protoType: 'Quantity',
  },
  IntOrString: {
    wireType: 2,
    form: message('IntOrString'),
    tsType: 'number | string',
    zero: '0',
    nullable: false,
    label: 'IntOrString',
    protoType: 'IntOrString',
  },
  Duration: {
    wireType: 2,
    form: message('Duration'),
    tsType: 'string',
    zero: "'0s'",
    nullable: false,
    label: 'Duration',
    protoType: 'Duration',
  },
  RawExtension: {
    wireType: 2,
    form: message('RawExtension'),
    tsType: 'JsonObject',
    zero: 'null',
    nullable: true,
    label: 'RawExtension',
    protoType: 'RawExtension',
  },
  FieldsV1: {
    wireType: 2,
    form: message('FieldsV1'),
    tsType: 'JsonObject',
    zero: 'null',
    nullable: true,
    label: 'FieldsV1',
    protoType: 'FieldsV1',
  },
  JSON: {
    wireType: 2,
    form: message('JSON'),
    tsType: 'unknown',
    zero: 'null',
    nullable: true,
    label: 'JSON',
    protoType: 'JSON',
  },
};

/** Scalars whose repeated fields may arrive packed (one length-delimited run of values). */
export function isPackable(codec: ScalarCodec): boolean {
  return codec.wireType !== 2;
}

/** The wire writer: protobufjs's Writer (a Buffer writer under Node), used as is. */
import protobuf from 'protobufjs/minimal.js';
import type { Writer as ProtobufWriter } from 'protobufjs/minimal.js';

export const Writer = protobuf.Writer;
export type Writer = ProtobufWriter;

/** The errors protobuf encoding and decoding throw, so callers can tell bad input from bugs. */

/** The bytes are not a well-formed message: truncated, a bad varint, a bad wire type or bad content. */
export class ProtobufDecodeError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ProtobufDecodeError';
  }
}

/** A value cannot be written in its protobuf form, e.g. a Time that is not RFC 3339. */
export class ProtobufEncodeError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ProtobufEncodeError';
  }
}

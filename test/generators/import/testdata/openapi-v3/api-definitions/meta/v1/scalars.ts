/**
 * The scalar aliases API types are written in. Codegen recognises them by name (see
 * docs/api-definitions.md): each has a JSON form, an OpenAPI type/format and a protobuf form.
 */

/** A 32-bit signed integer. */
export type int32 = number;
/** A 64-bit signed integer (JSON numbers beyond 2^53 lose precision, as in most clients). */
export type int64 = number;
/** A double-precision float. */
export type float64 = number;
/** Binary data, base64-encoded in JSON. */
export type bytes = string;
/** An RFC 3339 timestamp with second precision, e.g. `2008-01-01T01:01:01Z`. */
export type Time = string;
/** An RFC 3339 timestamp with microsecond precision. */
export type MicroTime = string;
/** A resource quantity such as `100m`, `1Gi` or `0`. */
export type Quantity = string;
/** A value that is either an integer or a string, e.g. a port number or name. */
export type IntOrString = number | string;
/** A Go duration string such as `1m30s`. */
export type Duration = string;
/** An embedded object of any kind, kept as JSON. */
export type RawExtension = { [key: string]: unknown };
/** A set of fields in the managed-fields trie format, kept as JSON. */
export type FieldsV1 = { [key: string]: unknown };
/** Any JSON value. */
export type JSON = unknown;

/** The scalar aliases of the golden case, as in api-definitions/meta/v1/scalars.ts. */
export type int32 = number;
export type int64 = number;
export type float64 = number;
export type bytes = string;
export type Time = string;
export type MicroTime = string;
export type Quantity = string;
export type IntOrString = number | string;
export type Duration = string;
export type RawExtension = { [key: string]: unknown };
export type FieldsV1 = { [key: string]: unknown };
export type JSON = unknown;

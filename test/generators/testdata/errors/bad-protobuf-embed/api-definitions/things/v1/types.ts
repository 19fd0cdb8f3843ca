export interface Source {
  /** +protobuf=1 */
  path?: string;
}

/**
 * +protobufEmbed=Source
 * +protobufEmbed=Missing:3
 */
export interface Thing {
  /** +protobuf=1 */
  name?: string;
}

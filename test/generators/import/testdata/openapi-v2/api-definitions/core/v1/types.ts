/** A reference to an object of any kind. */
export interface ObjectReference {
  /** +protobuf=1 */
  kind?: string;
  /** +protobuf=2 */
  namespace?: string;
  /** +protobuf=3 */
  name?: string;
}

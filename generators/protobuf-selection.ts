/** Which versioned packages get a protobuf codec: those whose fields carry `+protobuf` numbers. */
import type { PackageModel } from './model/types.js';

export function hasProtobuf(pkg: PackageModel): boolean {
  if (pkg.version === null) return false;
  return pkg.types.some((t) => t.kind === 'struct' && !t.noProtobuf && t.fields.some((f) => f.protobuf !== undefined));
}

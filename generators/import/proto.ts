/**
 * Reads a `generated.proto` (protobufjs `parse`) into plain messages, for the field numbers of
 * the package being imported.
 */
import protobuf from 'protobufjs';
import { ImportError } from './document.js';

export interface ProtoField {
  readonly name: string;
  readonly id: number;
  /** A scalar type (`string`, `int64`, …) or a message name, fully qualified without the leading dot. */
  readonly type: string;
  readonly repeated: boolean;
  /** A `map<string, …>`: `type` is the value type. */
  readonly map: boolean;
}

export interface ProtoMessage {
  readonly name: string;
  /** By field number. */
  readonly fields: readonly ProtoField[];
}

export interface ProtoFile {
  /** `k8s.io.api.core.v1` */
  readonly package: string;
  readonly messages: ReadonlyMap<string, ProtoMessage>;
}

const SCALAR_TYPES = new Set([
  'double', 'float', 'int32', 'int64', 'uint32', 'uint64', 'sint32', 'sint64',
  'fixed32', 'fixed64', 'sfixed32', 'sfixed64', 'bool', 'string', 'bytes',
]);

export function isProtoScalar(type: string): boolean {
  return SCALAR_TYPES.has(type);
}

export function parseProto(text: string, name: string): ProtoFile {
  let parsed: protobuf.IParserResult;
  try {
    parsed = protobuf.parse(text, { keepCase: true });
  } catch (error) {
    throw new ImportError(`${name}: ${(error as Error).message}`);
  }
  const pkg = parsed.package;
  if (!pkg) throw new ImportError(`${name}: declares no package`);
  const namespace = parsed.root.lookup(pkg);
  if (!(namespace instanceof protobuf.Namespace)) throw new ImportError(`${name}: package ${pkg} declares nothing`);
  const messages = new Map<string, ProtoMessage>();
  for (const nested of namespace.nestedArray) {
    if (!(nested instanceof protobuf.Type)) continue;
    const fields = nested.fieldsArray
      .map((field): ProtoField => {
        const map = field instanceof protobuf.MapField;
        return {
          name: field.name,
          id: field.id,
          type: qualify(field.type, pkg),
          repeated: field.repeated,
          map,
        };
      })
      .sort((a, b) => a.id - b.id);
    messages.set(nested.name, { name: nested.name, fields });
  }
  return { package: pkg, messages };
}

/** `.k8s.io.x.Y` → `k8s.io.x.Y`; a name relative to the package gets the package. */
function qualify(type: string, pkg: string): string {
  if (isProtoScalar(type)) return type;
  if (type.startsWith('.')) return type.slice(1);
  return type.includes('.') ? type : `${pkg}.${type}`;
}

/** A message Go writes for a named list type: `{ repeated T items = 1; }`. */
export function isListWrapper(message: ProtoMessage): boolean {
  const only = message.fields.length === 1 ? message.fields[0]! : undefined;
  return only !== undefined && only.name === 'items' && only.id === 1 && only.repeated && !only.map;
}

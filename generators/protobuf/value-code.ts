/** The TypeScript expressions that write and read one value of a ValueCodec. */
import type { ModelIndex } from '../model/lookup.js';
import { groupIdent, typeKey } from '../model/lookup.js';
import type { FileScope } from './file-scope.js';
import { isPackable, SCALAR_CODECS } from './scalar-codecs.js';
import type { ValueCodec } from './wire-plan.js';

export interface ValueCode {
  /** 0 varint, 1 64-bit, 2 length-delimited. */
  readonly wireType: 0 | 1 | 2;
  /** An expression writing `value` as field `fieldNumber` to `w`; it evaluates to `w`. */
  write(fieldNumber: number, value: string): string;
  /** An expression reading one value at `r` (its tag already read). */
  readonly read: string;
  /** The TypeScript type of a value (a function: it may import a types namespace). */
  tsType(): string;
  /** What a map entry without a value holds: Go's zero value. */
  zero(): string;
  /** `read` may give null: Go's zero Time or nil RawExtension, whose JSON is null. */
  readonly nullable: boolean;
  /** A repeated field of it may also arrive packed. */
  readonly packable: boolean;
  /** The protobuf type, for comments: `string`, `int64`, `Quantity`, `PodSpec`. */
  readonly protoType: string;
  /** Names the value type in helper functions: `String`, `Quantity`, `PodSpec`, `Metav1ObjectMeta`. */
  readonly label: string;
  /** Identifies the value type, for sharing helpers. */
  readonly key: string;
}

/** The tag varint of a field: its number and wire type. */
export function tag(fieldNumber: number, wireType: number): number {
  return fieldNumber * 8 + wireType;
}

export function valueCode(codec: ValueCodec, scope: FileScope, index: ModelIndex): ValueCode {
  switch (codec.kind) {
    case 'scalar': {
      const scalar = SCALAR_CODECS[codec.scalar];
      const form = scalar.form;
      const wt = scalar.wireType;
      const base = {
        wireType: wt,
        tsType: () => (scalar.tsType === 'JsonObject' ? scope.runtimeType('JsonObject') : scalar.tsType),
        zero: () => scalar.zero,
        nullable: scalar.nullable,
        packable: isPackable(scalar),
        label: scalar.label,
        protoType: scalar.protoType,
        key: `scalar:${codec.scalar}`,
      };
      switch (form.form) {
        case 'method':
          return {
            ...base,
            write: (n, v) => `w.uint32(${tag(n, wt)}).${form.method}(${v})`,
            read: `r.${form.method}()`,
          };
        case 'helper': {
          const write = scope.runtime(form.write);
          return {
            ...base,
            write: (n, v) => `${write}(w.uint32(${tag(n, wt)}), ${v})`,
            read: `${scope.runtime(form.read)}(r)`,
          };
        }
        case 'message': {
          const encode = scope.runtime(form.encode);
          return { ...base, ...messageForm(encode, scope.runtime(form.decode)) };
        }
      }
      break;
    }
    case 'enum': {
      const tsType = scope.typeName(codec.type);
      return {
        wireType: 2,
        write: (n, v) => `w.uint32(${tag(n, 2)}).string(${v})`,
        read: `r.string() as ${tsType}`,
        tsType: () => tsType,
        zero: () => `'' as ${tsType}`,
        nullable: false,
        packable: false,
        label: labelOf(codec.type.pkg, codec.type.name, scope, index),
        protoType: 'string',
        key: `enum:${typeKey(codec.type)}`,
      };
    }
    case 'message': {
      const { encode, decode } = scope.messageFunctions(codec.type);
      const type = index.type(codec.type);
      const tsType = (): string => scope.typeName(codec.type);
      return {
        ...messageForm(encode, decode),
        tsType,
        // Go's zero struct, or an empty list for a list alias's wrapper.
        zero: () => (type.kind === 'alias' ? '[]' : `{} as ${tsType()}`),
        nullable: false,
        packable: false,
        label: labelOf(codec.type.pkg, codec.type.name, scope, index),
        protoType: codec.type.name,
        key: `message:${typeKey(codec.type)}`,
      };
    }
  }
}

function messageForm(encode: string, decode: string): Pick<ValueCode, 'wireType' | 'write' | 'read'> {
  return {
    wireType: 2,
    write: (n, v) => `${encode}(${v}, w.uint32(${tag(n, 2)}).fork()).ldelim()`,
    read: `${decode}(r, r.uint32())`,
  };
}

/** A type's own name in its package, prefixed with its group and version elsewhere: `MetaV1ObjectMeta`. */
function labelOf(pkgId: string, name: string, scope: FileScope, index: ModelIndex): string {
  if (pkgId === scope.pkg.id) return name;
  const pkg = index.pkg(pkgId);
  const words = [groupIdent(pkg.groupDir), pkg.version ?? ''];
  return `${words.map((w) => (w ? `${w[0]!.toUpperCase()}${w.slice(1)}` : '')).join('')}${name}`;
}

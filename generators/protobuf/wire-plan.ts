/**
 * How a field's TypeScript type travels on the wire: one value, a repeated field or a map of
 * entries, each value a scalar, an enum (a string) or a message. Aliases are transparent except
 * aliases of lists, which Go writes as messages of their own: `message Verbs { repeated string
 * items = 1; }`.
 */
import { typeKey } from '../model/lookup.js';
import type { ModelIndex } from '../model/lookup.js';
import type { AliasModel, ScalarName, TypeId, TypeRef } from '../model/types.js';
import { isTypeMetaStruct } from './field-numbers.js';

/** One value on the wire. */
export type ValueCodec =
  | { readonly kind: 'scalar'; readonly scalar: ScalarName }
  | { readonly kind: 'enum'; readonly type: TypeId }
  /** A struct's message, or an alias of a list written as its wrapper message. */
  | { readonly kind: 'message'; readonly type: TypeId };

export type FieldPlan =
  | { readonly shape: 'single'; readonly value: ValueCodec }
  | { readonly shape: 'repeated'; readonly value: ValueCodec }
  | { readonly shape: 'map'; readonly value: ValueCodec };

/** Why a type cannot be planned; the caller names the field. */
export class WirePlanError extends Error {}

export class WirePlanner {
  /** `protobufPackages`: ids of the packages that get a protobuf codec. */
  constructor(
    private readonly index: ModelIndex,
    private readonly protobufPackages: ReadonlySet<string>,
  ) {}

  /** True for an alias of a list, which becomes a wrapper message. */
  static isListAlias(alias: AliasModel): boolean {
    return alias.target.kind === 'array';
  }

  field(ref: TypeRef): FieldPlan {
    const resolved = this.resolve(ref);
    if (resolved.kind === 'array') return { shape: 'repeated', value: this.element(resolved.elem, 'a list') };
    if (resolved.kind === 'map') return { shape: 'map', value: this.element(resolved.value, 'a map') };
    return { shape: 'single', value: resolved };
  }

  /** The element of a list alias's wrapper message. */
  listAliasElement(alias: AliasModel): ValueCodec {
    if (alias.target.kind !== 'array') throw new Error(`${typeKey(alias.id)} is not an alias of a list`);
    return this.element(alias.target.elem, 'a list');
  }

  private element(ref: TypeRef, container: string): ValueCodec {
    const resolved = this.resolve(ref);
    if (resolved.kind === 'array' || resolved.kind === 'map') {
      const inner = resolved.kind === 'array' ? 'list' : 'map';
      throw new WirePlanError(
        `protobuf cannot hold a ${inner} directly in ${container}; name the inner list with an alias ` +
          `(\`export type Values = string[]\`), which travels as a message`,
      );
    }
    return resolved;
  }

  /** Follows aliases down to a value codec, or to a list or map still to be planned. */
  private resolve(
    ref: TypeRef,
  ):
    | ValueCodec
    | { readonly kind: 'array'; readonly elem: TypeRef }
    | { readonly kind: 'map'; readonly value: TypeRef } {
    let current = ref;
    for (let depth = 0; depth < 32; depth++) {
      switch (current.kind) {
        case 'scalar':
          return { kind: 'scalar', scalar: current.name };
        case 'array':
          return { kind: 'array', elem: current.elem };
        case 'map':
          return { kind: 'map', value: current.value };
        case 'named': {
          const type = this.index.tryType(current.ref);
          if (!type) throw new WirePlanError(`refers to ${typeKey(current.ref)}, which is not declared`);
          if (type.kind === 'enum') return { kind: 'enum', type: type.id };
          if (type.kind === 'alias' && !WirePlanner.isListAlias(type)) {
            current = type.target;
            continue;
          }
          if (type.kind === 'struct' && type.noProtobuf) {
            throw new WirePlanError(`refers to ${type.id.name}, which is marked +protobuf=false`);
          }
          if (type.kind === 'struct' && isTypeMetaStruct(type)) {
            throw new WirePlanError(
              `refers to TypeMeta, which has no message: inline it with \`extends TypeMeta\``,
            );
          }
          if (!this.protobufPackages.has(type.id.pkg)) {
            throw new WirePlanError(
              `refers to ${typeKey(type.id)}, whose package has no protobuf codec (no +protobuf numbers, or not a version)`,
            );
          }
          return { kind: 'message', type: type.id };
        }
      }
    }
    throw new WirePlanError(`has a chain of more than 32 aliases`);
  }
}

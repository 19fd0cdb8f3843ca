/** Builds one package's `protobuf.generated.ts`: its messages, list wrappers, map helpers and object codecs. */
import { CodegenError } from '../errors.js';
import { fileHeader } from '../generator.js';
import { protobufPackage, type ModelIndex } from '../model/lookup.js';
import type { AliasModel, EmbeddedStruct, FieldModel, PackageModel, StructModel } from '../model/types.js';
import { generatedFile, typesFile } from '../paths.js';
import { templates } from '../render.js';
import { propertyAccess } from '../ts-names.js';
import { isTopLevelObject, messageParts, messageStructs } from './field-numbers.js';
import { FileScope } from './file-scope.js';
import { tag, valueCode, type ValueCode } from './value-code.js';
import { WirePlanError, WirePlanner, type FieldPlan } from './wire-plan.js';

const render = templates(new URL('./templates/', import.meta.url));

export interface PackageFile {
  readonly path: string;
  /** Unformatted TypeScript; undefined when there were errors. */
  readonly source?: string;
  readonly errors: readonly CodegenError[];
}

export function buildPackageFile(index: ModelIndex, planner: WirePlanner, pkg: PackageModel): PackageFile {
  return new PackageFileBuilder(index, planner, pkg).build();
}

class PackageFileBuilder {
  private readonly path: string;
  private readonly scope: FileScope;
  private readonly errors: CodegenError[] = [];
  private readonly mapHelpers = new Map<string, { writer: string; reader: string; code: ValueCode }>();
  private readonly helperNames = new Set<string>();

  constructor(
    private readonly index: ModelIndex,
    private readonly planner: WirePlanner,
    private readonly pkg: PackageModel,
  ) {
    this.path = generatedFile(pkg, 'protobuf');
    this.scope = new FileScope(this.path, pkg, index);
  }

  build(): PackageFile {
    const structs = messageStructs(this.pkg);
    const listAliases = this.pkg.types.filter(
      (t): t is AliasModel => t.kind === 'alias' && WirePlanner.isListAlias(t),
    );
    const objects = structs.filter(isTopLevelObject);
    for (const type of [...structs, ...listAliases]) {
      this.declare(`encode${type.id.name}`, type);
      this.declare(`decode${type.id.name}`, type);
    }
    for (const object of objects) {
      this.declare(`encode${object.id.name}Message`, object);
      this.declare(`decode${object.id.name}Message`, object);
    }

    const sections: string[] = [];
    const messages = new Set<string>([...structs, ...listAliases].map((t) => t.id.name));
    for (const type of this.pkg.types) {
      if (!messages.has(type.id.name)) continue;
      if (type.kind === 'struct') sections.push(this.struct(type));
      else if (type.kind === 'alias') sections.push(this.listAlias(type));
    }
    sections.push(...[...this.mapHelpers.values()].map((helper) => this.mapHelper(helper)));
    sections.push(...objects.map((object) => this.object(object)));
    if (this.errors.length > 0) return { path: this.path, errors: this.errors };

    const group = this.index.group(this.pkg.id);
    const version = this.pkg.version!;
    const protobufCodec = this.scope.runtimeType('ProtobufCodec');
    const source = render('protobuf', {
      header: fileHeader('protobuf', typesFile(this.pkg)),
      groupVersion: group.groupName === '' ? version : `${group.groupName}/${version}`,
      protoPackage: protobufPackage(group, version),
      // Rendered last: the body has decided what is imported and under which names.
      imports: this.scope.renderImports(),
      sections,
      codecs: objects.map((o) => ({
        kind: o.id.name,
        encode: `encode${o.id.name}Message`,
        decode: `decode${o.id.name}Message`,
      })),
      ProtobufCodec: protobufCodec,
    });
    return { path: this.path, source, errors: [] };
  }

  private declare(name: string, type: StructModel | AliasModel): void {
    const error = this.scope.declare(name, type.id.name, type.location);
    if (error) this.errors.push(error);
  }

  private struct(struct: StructModel): string {
    const encodes: string[] = [];
    const decodes: string[] = [];
    for (const part of messageParts(struct)) {
      if (part.kind === 'embed') {
        const embedded = this.embed(struct, part.embed, part.fields[0]!);
        if (!embedded) continue;
        encodes.push(embedded.encode);
        decodes.push(embedded.decode);
        continue;
      }
      const field = part.field;
      const plan = this.plan(
        () => this.planner.field(field.type),
        field.location,
        `${struct.id.name}.${field.name}`,
      );
      if (!plan) continue;
      const code = valueCode(plan.value, this.scope, this.index);
      const access = propertyAccess('msg', field.name);
      encodes.push(this.encodeField(plan, code, field.protobuf!, access));
      decodes.push(this.decodeField(plan, code, field.protobuf!, access));
    }
    return render('message', {
      name: struct.id.name,
      encode: `encode${struct.id.name}`,
      decode: `decode${struct.id.name}`,
      tsType: this.scope.typeName(struct.id),
      encodes,
      decodes,
      checkEnd: this.scope.runtime('checkEnd'),
      Reader: this.scope.runtimeType('Reader'),
      Writer: this.scope.runtimeType('Writer'),
    });
  }

  /**
   * An embedded struct: its fields are the message's own in TypeScript and JSON, and one nested
   * message on the wire. Written always, as Go writes a non-pointer struct; read into the message.
   */
  private embed(
    struct: StructModel,
    embed: EmbeddedStruct,
    first: FieldModel,
  ): { encode: string; decode: string } | undefined {
    const plan = this.plan(
      () => this.planner.field({ kind: 'named', ref: embed.type }),
      first.location,
      `${struct.id.name} (embedded ${embed.type.name})`,
    );
    if (!plan) return undefined;
    if (plan.shape !== 'single' || plan.value.kind !== 'message' || this.index.type(embed.type).kind !== 'struct') {
      this.errors.push(new CodegenError(first.location, struct.id.name, `+protobufEmbed names ${embed.type.name}, which is not a struct`));
      return undefined;
    }
    const code = valueCode(plan.value, this.scope, this.index);
    return {
      encode: `${code.write(embed.protobuf, 'msg')};`,
      decode: `case ${tag(embed.protobuf, 2)}:\n  Object.assign(msg, ${code.read});\n  break;`,
    };
  }

  private listAlias(alias: AliasModel): string {
    const elem = this.plan(() => this.planner.listAliasElement(alias), alias.location, alias.id.name);
    if (!elem) return '';
    const code = valueCode(elem, this.scope, this.index);
    return render('list-wrapper', {
      name: alias.id.name,
      encode: `encode${alias.id.name}`,
      decode: `decode${alias.id.name}`,
      tsType: this.scope.typeName(alias.id),
      elemProto: code.protoType,
      write: code.write(1, 'item'),
      decodes: [this.decodeField({ shape: 'repeated', value: elem }, code, 1, 'items', 'items')],
      checkEnd: this.scope.runtime('checkEnd'),
      Reader: this.scope.runtimeType('Reader'),
      Writer: this.scope.runtimeType('Writer'),
    });
  }

  private object(object: StructModel): string {
    const group = this.index.group(this.pkg.id);
    return render('object-codec', {
      name: object.id.name,
      encodeMessage: `encode${object.id.name}Message`,
      decodeMessage: `decode${object.id.name}Message`,
      encode: `encode${object.id.name}`,
      decode: `decode${object.id.name}`,
      tsType: this.scope.typeName(object.id),
      WriterValue: this.scope.runtime('Writer'),
      ReaderValue: this.scope.runtime('Reader'),
      decodeFailure: this.scope.runtime('decodeFailure'),
      protoName: `${protobufPackage(group, this.pkg.version!)}.${object.id.name}`,
    });
  }

  private plan<T>(make: () => T, location: StructModel['location'], subject: string): T | undefined {
    try {
      return make();
    } catch (error) {
      if (!(error instanceof WirePlanError)) throw error;
      this.errors.push(new CodegenError(location, subject, error.message));
      return undefined;
    }
  }

  private encodeField(plan: FieldPlan, code: ValueCode, fieldNumber: number, access: string): string {
    return render('encode-field', {
      shape: plan.shape,
      access,
      write: code.write(fieldNumber, plan.shape === 'single' ? access : 'item'),
      mapWriter: plan.shape === 'map' ? this.mapHelperFor(code).writer : '',
      tag: tag(fieldNumber, 2),
    }).trim();
  }

  /** `target` is the list (`items`) a repeated value is pushed to; by default the field, created on first use. */
  private decodeField(
    plan: FieldPlan,
    code: ValueCode,
    fieldNumber: number,
    access: string,
    target?: string,
  ): string {
    return render('decode-field', {
      shape: plan.shape,
      access,
      tag: tag(fieldNumber, plan.shape === 'map' ? 2 : code.wireType),
      packedTag: tag(fieldNumber, 2),
      nullable: code.nullable,
      packable: code.packable,
      read: code.read,
      list: target ?? `(${access} ??= [])`,
      map: `(${access} ??= {})`,
      mapReader: plan.shape === 'map' ? this.mapHelperFor(code).reader : '',
      checkEnd: this.scope.runtime('checkEnd'),
    }).trim();
  }

  private mapHelperFor(code: ValueCode): { writer: string; reader: string } {
    let helper = this.mapHelpers.get(code.key);
    if (!helper) {
      let writer = `write${code.label}Map`;
      let reader = `read${code.label}MapEntry`;
      for (let n = 2; this.isTaken(writer) || this.isTaken(reader); n++) {
        writer = `write${code.label}Map${n}`;
        reader = `read${code.label}MapEntry${n}`;
      }
      this.helperNames.add(writer).add(reader);
      helper = { writer, reader, code };
      this.mapHelpers.set(code.key, helper);
    }
    return helper;
  }

  private isTaken(name: string): boolean {
    return this.helperNames.has(name) || this.scope.isDeclared(name);
  }

  private mapHelper({ writer, reader, code }: { writer: string; reader: string; code: ValueCode }): string {
    const tsType = code.tsType();
    return render('map-helpers', {
      writer,
      reader,
      protoType: code.protoType,
      tsType,
      valueType: code.nullable ? `${tsType} | null` : `${tsType} | undefined`,
      initial: code.nullable ? ' = null' : '',
      // `{} as T` after `??` needs parentheses to read as the fallback it is.
      zero: code.zero().includes(' as ') ? `(${code.zero()})` : code.zero(),
      nullable: code.nullable,
      writeValue: code.write(2, 'map[key]'),
      valueCases: [
        render('decode-field', {
          shape: 'single',
          access: 'value',
          tag: tag(2, code.wireType),
          nullable: false,
          read: code.read,
        }).trim(),
      ],
      sortedKeys: this.scope.runtime('sortedKeys'),
      checkEnd: this.scope.runtime('checkEnd'),
      Reader: this.scope.runtimeType('Reader'),
      Writer: this.scope.runtimeType('Writer'),
    });
  }
}

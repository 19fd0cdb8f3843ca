/**
 * Builders for hand-made API models. Locations are looked up in the `types.ts` files of a
 * testdata case, so that errors in tests name real lines.
 */
import { readFileSync } from 'node:fs';
import type {
  AliasModel,
  EnumModel,
  FieldModel,
  GroupModel,
  PackageModel,
  ScalarName,
  SourceLocation,
  StructModel,
  TypeRef,
} from '../../../generators/model/types.js';

export const scalar = (name: ScalarName): TypeRef => ({ kind: 'scalar', name });
export const named = (pkg: string, name: string): TypeRef => ({ kind: 'named', ref: { pkg, name } });
export const array = (elem: TypeRef): TypeRef => ({ kind: 'array', elem });
export const map = (value: TypeRef): TypeRef => ({ kind: 'map', value });

/** Finds declarations in one testdata `types.ts`; `file` is its path as the model reports it. */
export class SourceFile {
  private readonly lines: string[];

  constructor(
    readonly file: string,
    absolutePath: string,
  ) {
    this.lines = readFileSync(absolutePath, 'utf8').split('\n');
  }

  /** The line of `export interface|type <name>`, or of property `field` inside it. */
  locate(typeName: string, field?: string): SourceLocation {
    const start = this.lines.findIndex((l) => new RegExp(`^export (interface|type) ${typeName}\\b`).test(l));
    if (start < 0) throw new Error(`${this.file}: no declaration of ${typeName}`);
    if (field === undefined) return { file: this.file, line: start + 1 };
    const property = new RegExp(`^\\s+'?${field.replace(/[-$]/g, '\\$&')}'?\\??:`);
    for (let i = start + 1; i < this.lines.length && !this.lines[i]!.startsWith('}'); i++) {
      if (property.test(this.lines[i]!)) return { file: this.file, line: i + 1 };
    }
    throw new Error(`${this.file}: no property ${field} in ${typeName}`);
  }
}

export interface FieldSpec {
  readonly name: string;
  readonly type: TypeRef;
  readonly protobuf?: number;
  readonly optional?: boolean;
  readonly inlined?: boolean;
  /** Inlined from a struct embedded with `+protobufEmbed`: that struct's name and number. */
  readonly embeddedIn?: { readonly name: string; readonly protobuf: number };
}

export function struct(
  source: SourceFile,
  pkg: string,
  name: string,
  fields: readonly FieldSpec[],
  options: { isKind?: boolean; isList?: boolean; noProtobuf?: boolean } = {},
): StructModel {
  return {
    kind: 'struct',
    id: { pkg, name },
    doc: '',
    location: source.locate(name),
    isKind: options.isKind ?? false,
    isList: options.isList ?? false,
    noAutoConversion: false,
    noProtobuf: options.noProtobuf ?? false,
    fields: fields.map((f): FieldModel => {
      const inlined = f.inlined ?? false;
      return {
        name: f.name,
        type: f.type,
        optional: f.optional ?? true,
        doc: '',
        // Inlined fields are declared by the embedded struct, TypeMeta in these cases.
        location: inlined ? source.locate(name) : source.locate(name, f.name),
        inlined,
        ...(f.protobuf !== undefined ? { protobuf: f.protobuf } : {}),
        ...(f.embeddedIn ? { embeddedIn: { type: { pkg, name: f.embeddedIn.name }, protobuf: f.embeddedIn.protobuf } } : {}),
        validation: {},
        noAutoConversion: false,
      };
    }),
  };
}

/** `apiVersion` and `kind` as `extends TypeMeta` inlines them. */
export const TYPE_META_FIELDS: readonly FieldSpec[] = [
  { name: 'kind', type: scalar('string'), inlined: true },
  { name: 'apiVersion', type: scalar('string'), inlined: true },
];

export function enumType(source: SourceFile, pkg: string, name: string, values: string[]): EnumModel {
  return { kind: 'enum', id: { pkg, name }, doc: '', location: source.locate(name), values };
}

export function alias(source: SourceFile, pkg: string, name: string, target: TypeRef): AliasModel {
  return { kind: 'alias', id: { pkg, name }, doc: '', location: source.locate(name), target };
}

export function versionPackage(
  groupDir: string,
  version: string,
  types: PackageModel['types'],
): PackageModel {
  return {
    id: `${groupDir}/${version}`,
    groupDir,
    version,
    dir: `api-definitions/${groupDir}/${version}`,
    types: [...types].sort((a, b) => (a.id.name < b.id.name ? -1 : 1)),
    handwritten: { conversions: [], defaulters: [] },
  };
}

export function group(
  dir: string,
  groupName: string,
  packagePath: string,
  versions: PackageModel[],
  internal: PackageModel | null = null,
): GroupModel {
  return {
    dir,
    groupName,
    packagePath,
    internal,
    versions,
    location: { file: `api-definitions/${dir}/doc.ts`, line: 1 },
  };
}

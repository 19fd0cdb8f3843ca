/**
 * The API model: plain data describing every group, version, type and field under
 * `api-definitions/`. The reader builds it once; generators only read it. Nothing here
 * depends on ts-morph, so tests can build models by hand.
 */

/** Where a declaration sits, for error messages: a path relative to the repository root. */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
}

/** The scalar vocabulary of `api-definitions/meta/v1` plus TypeScript's own primitives. */
export type ScalarName =
  | 'string'
  | 'boolean'
  | 'int32'
  | 'int64'
  | 'float64'
  | 'bytes'
  | 'Time'
  | 'MicroTime'
  | 'Quantity'
  | 'IntOrString'
  | 'Duration'
  | 'RawExtension'
  | 'FieldsV1'
  | 'JSON';

/** Identifies a named type: the package id (see PackageModel.id) and the type's name. */
export interface TypeId {
  readonly pkg: string;
  readonly name: string;
}

/** A field's type. Aliases of scalars are resolved away; aliases of named types are kept. */
export type TypeRef =
  | { readonly kind: 'scalar'; readonly name: ScalarName }
  | { readonly kind: 'named'; readonly ref: TypeId }
  | { readonly kind: 'array'; readonly elem: TypeRef }
  | { readonly kind: 'map'; readonly value: TypeRef };

/** Validation markers (`+kubebuilder:validation:*`) carried into OpenAPI. */
export interface ValidationRules {
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean;
  exclusiveMaximum?: boolean;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minProperties?: number;
  maxProperties?: number;
  pattern?: string;
  format?: string;
  enum?: readonly (string | number)[];
  multipleOf?: number;
  uniqueItems?: boolean;
  intOrString?: boolean;
  preserveUnknownFields?: boolean;
  embeddedResource?: boolean;
}

export interface FieldModel {
  /** The JSON name, which is also the TypeScript property name. */
  readonly name: string;
  readonly type: TypeRef;
  /** Optional in JSON (omitempty). Derived from `?`, overridden by +optional / +required. */
  readonly optional: boolean;
  readonly doc: string;
  readonly location: SourceLocation;
  /** True when the field came from an `extends` clause (Go's embedding), e.g. TypeMeta's. */
  readonly inlined: boolean;
  /**
   * For a field inlined from a struct the type embeds with `+protobufEmbed=<Struct>:<N>`: that
   * struct (the one named in the type's own `extends`) and its number. In JSON the field is the
   * type's own; in protobuf it travels inside the nested message N, with the struct's numbering.
   */
  readonly embeddedIn?: EmbeddedStruct;
  readonly protobuf?: number;
  /** The parsed JSON value of `+default=`. */
  readonly default?: unknown;
  readonly listType?: 'atomic' | 'set' | 'map';
  readonly listMapKeys?: readonly string[];
  readonly mapType?: 'atomic' | 'granular';
  readonly patchStrategy?: string;
  readonly patchMergeKey?: string;
  readonly validation: ValidationRules;
  /** `+k8s:conversion-gen=false` on the field: never auto-converted. */
  readonly noAutoConversion: boolean;
}

/** A struct embedded inline in JSON and as a nested message in protobuf. */
export interface EmbeddedStruct {
  readonly type: TypeId;
  /** The field number of the nested message. */
  readonly protobuf: number;
}

export interface PrintColumn {
  readonly name: string;
  readonly type: string;
  readonly jsonPath: string;
  readonly format?: string;
  readonly description?: string;
  readonly priority: number;
}

export interface ScaleSubresource {
  readonly specReplicasPath: string;
  readonly statusReplicasPath: string;
  readonly labelSelectorPath?: string;
}

/** What `+kubebuilder:resource` and friends say about a kind served as a REST resource. */
export interface ResourceModel {
  readonly plural: string;
  readonly singular: string;
  readonly namespaced: boolean;
  readonly shortNames: readonly string[];
  readonly categories: readonly string[];
  readonly verbs: readonly string[];
  readonly subresources: {
    readonly status: boolean;
    readonly scale?: ScaleSubresource;
  };
  readonly printColumns: readonly PrintColumn[];
}

interface TypeBase {
  readonly id: TypeId;
  readonly doc: string;
  readonly location: SourceLocation;
}

export interface StructModel extends TypeBase {
  readonly kind: 'struct';
  readonly fields: readonly FieldModel[];
  /** Extends TypeMeta and has `metadata`: a top-level API object. */
  readonly isKind: boolean;
  /** A kind named `<X>List` with `items`. */
  readonly isList: boolean;
  readonly resource?: ResourceModel;
  /** `+structType=atomic` on the type. */
  readonly structType?: 'atomic' | 'granular';
  /** `+k8s:conversion-gen=false` on the type. */
  readonly noAutoConversion: boolean;
  /** `+protobuf=false` on the type: never encoded as protobuf (e.g. meta/v1 Table). */
  readonly noProtobuf: boolean;
}

export interface EnumModel extends TypeBase {
  readonly kind: 'enum';
  readonly values: readonly string[];
}

/** `type X = <named type>`: kept so that names survive; scalar aliases are resolved away. */
export interface AliasModel extends TypeBase {
  readonly kind: 'alias';
  readonly target: TypeRef;
}

export type TypeModel = StructModel | EnumModel | AliasModel;

/** Hand-written functions found beside the types, by name. */
export interface HandwrittenFunctions {
  /** `Convert_*` names exported by `<version>/conversion.ts`. */
  readonly conversions: readonly string[];
  /** `SetDefaults_*` names exported by `<version>/defaults.ts`. */
  readonly defaulters: readonly string[];
}

export interface PackageModel {
  /** `<group dir>/<version>` for versioned packages, `<group dir>` for the internal one. */
  readonly id: string;
  /** The group folder name, e.g. `autoscaling`, `meta`. */
  readonly groupDir: string;
  /** `v2beta1`, or null for the internal (hub) package. */
  readonly version: string | null;
  /** Folder relative to the repository root, e.g. `api-definitions/autoscaling/v2`. */
  readonly dir: string;
  /** Sorted by name. */
  readonly types: readonly TypeModel[];
  readonly handwritten: HandwrittenFunctions;
  /** For a hub declared by re-exporting a version: that version. */
  readonly reexportsVersion?: string;
}

export interface GroupModel {
  /** The folder under `api-definitions/`. */
  readonly dir: string;
  /** The API group name, `""` for the core group. */
  readonly groupName: string;
  /** Go-style package path (`k8s.io/api/autoscaling`) that OpenAPI and protobuf names derive from. */
  readonly packagePath: string;
  readonly internal: PackageModel | null;
  /** Ordered by version priority, highest first. */
  readonly versions: readonly PackageModel[];
  readonly storageVersion?: string;
  readonly location: SourceLocation;
}

export interface ApiModel {
  /** Sorted by folder name. */
  readonly groups: readonly GroupModel[];
}

/** The shapes generated registration code hands to the scheme. */

/** A group, version and kind. The core group is `""`. */
export interface GroupVersionKind {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
}

export interface GroupVersion {
  readonly group: string;
  readonly version: string;
}

/** A printer column of a resource's Table output. */
export interface PrintColumnInfo {
  readonly name: string;
  readonly type: string;
  readonly jsonPath: string;
  readonly format?: string;
  readonly description?: string;
  readonly priority: number;
}

/** What discovery and the REST layer need to know about a served resource. */
export interface ResourceInfo {
  readonly kind: string;
  readonly listKind: string;
  readonly plural: string;
  readonly singular: string;
  readonly namespaced: boolean;
  readonly shortNames: readonly string[];
  readonly categories: readonly string[];
  readonly verbs: readonly string[];
  readonly subresources: {
    readonly status: boolean;
    readonly scale?: {
      readonly specReplicasPath: string;
      readonly statusReplicasPath: string;
      readonly labelSelectorPath?: string;
    };
  };
  readonly printColumns: readonly PrintColumnInfo[];
}

export interface GroupInfo {
  readonly name: string;
  /** Highest priority first. */
  readonly versions: readonly string[];
  readonly storageVersion: string;
  /** False for groups that only supply types (meta.k8s.io). */
  readonly hasInternal: boolean;
}

/** Encoder and decoder of one kind's protobuf message (without the `k8s\0` envelope). */
export interface ProtobufCodec<T = unknown> {
  encode(obj: T): Uint8Array;
  decode(bytes: Uint8Array): T;
}

/** One schema violation found by a generated validator. */
export interface ValidationFailure {
  /** JSON pointer of the offending value, e.g. `/spec/replicas`. */
  readonly instancePath: string;
  readonly message?: string;
  readonly keyword: string;
  readonly params: Record<string, unknown>;
}

/** A precompiled validator of a versioned kind's wire shape (ajv standalone code). */
export interface KindValidator {
  (data: unknown): boolean;
  errors?: readonly ValidationFailure[] | null;
}

/** Everything the scheme knows about one versioned kind. */
export interface VersionedKind<V = never, I = never> {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  toInternal(obj: V): I;
  fromInternal(obj: I): V;
  setDefaults?(obj: V): void;
  readonly protobuf?: ProtobufCodec<V>;
  readonly validate?: KindValidator;
}

/** An internal (hub) kind: the shape the server works in. */
export interface InternalKind<I = never> {
  readonly group: string;
  readonly kind: string;
  deepCopy(obj: I): I;
}

/** The registration surface generated `install` functions call. */
export interface SchemeBuilder {
  addGroup(info: GroupInfo): void;
  addVersionedKind<V, I>(kind: VersionedKind<V, I>): void;
  addInternalKind<I>(kind: InternalKind<I>): void;
  addResources(gv: GroupVersion, resources: readonly ResourceInfo[]): void;
}

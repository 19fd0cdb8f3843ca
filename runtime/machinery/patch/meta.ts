/**
 * Strategic-merge-patch metadata: the shape the patch generator emits per versioned package
 * (`generated/<group>/<version>/patch.generated.ts`), and its compiled form, the schema the
 * strategic merge walks. It plays the part of upstream's `LookupPatchMeta`
 * (k8s.io/apimachinery/pkg/util/strategicpatch), built from the API types instead of Go tags.
 */

/** One field of a struct, as generated. */
export interface FieldPatchMeta {
  /**
   * The field's type as a Go-style expression: a scalar (`string`, `int32`, `Time`, `JSON`),
   * a struct by its table key (`meta/v1.ObjectMeta`), `[]<type>` or `map[string]<type>`.
   */
  readonly type: string;
  /** `+patchStrategy`: `merge`, `replace`, `retainKeys` or `merge,retainKeys`. */
  readonly patchStrategy?: string;
  /** `+patchMergeKey`: the key list elements are matched by when the list merges. */
  readonly patchMergeKey?: string;
  /** `+listType` and `+listMapKey`, carried for server-side apply; strategic merge ignores them. */
  readonly listType?: 'atomic' | 'set' | 'map';
  readonly listMapKeys?: readonly string[];
  /** `+mapType`, carried for server-side apply; strategic merge ignores it. */
  readonly mapType?: 'atomic' | 'granular';
}

/** One struct, as generated. */
export interface StructPatchMeta {
  /** `+structType`, carried for server-side apply; strategic merge ignores it. */
  readonly structType?: 'atomic' | 'granular';
  readonly fields: Readonly<Record<string, FieldPatchMeta>>;
}

/**
 * The structs of a package and of every package it references, keyed `<package>.<Type>`
 * (`apps/v1.Deployment`). Field types name their structs by these keys, so recursive types
 * are plain references.
 */
export type PatchMetaTable = Readonly<Record<string, StructPatchMeta>>;

/** What a kind is patched with: the table and the key of the kind's struct in it. */
export interface KindPatchMeta {
  readonly types: PatchMetaTable;
  readonly type: string;
}

/**
 * A compiled schema node. `null` means nothing is known about the value: a scalar, free-form
 * JSON (`JSON`, `RawExtension`, `FieldsV1`) or a field the metadata does not list. Maps under a
 * `null` schema merge key by key and lists are replaced, as JSON merge patch does.
 */
export type PatchSchema = StructSchema | MapSchema | ListSchema | null;

export interface StructSchema {
  readonly kind: 'struct';
  /** The table key, for messages. */
  readonly name: string;
  readonly fields: Map<string, FieldSchema>;
}

export interface MapSchema {
  readonly kind: 'map';
  readonly value: PatchSchema;
}

export interface ListSchema {
  readonly kind: 'list';
  readonly elem: PatchSchema;
}

/** A struct field's schema and the strategies of its patch metadata. */
export interface FieldSchema {
  readonly schema: PatchSchema;
  /** `patchStrategy` split on `,`, as upstream's PatchMeta.GetPatchStrategies returns it. */
  readonly patchStrategies: readonly string[];
  readonly patchMergeKey: string;
}

/** Thrown when generated metadata references a struct its table lacks: a codegen bug. */
export class PatchMetaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PatchMetaError';
  }
}

const compiled = new WeakMap<PatchMetaTable, Map<string, PatchSchema>>();

/** The compiled schema of a kind; compiled once per table and cached. */
export function compileKindPatchMeta(meta: KindPatchMeta): PatchSchema {
  return compileType(meta.types, meta.type);
}

/**
 * The compiled schema of a type expression over `table`. Structs are created before their
 * fields are filled in, so a struct that contains itself compiles to a cyclic graph.
 */
export function compileType(table: PatchMetaTable, type: string): PatchSchema {
  let cache = compiled.get(table);
  if (!cache) compiled.set(table, (cache = new Map()));
  return compileInto(table, cache, type);
}

function compileInto(table: PatchMetaTable, cache: Map<string, PatchSchema>, type: string): PatchSchema {
  const known = cache.get(type);
  if (known !== undefined) return known;
  let schema: PatchSchema;
  if (type.startsWith('[]')) {
    schema = { kind: 'list', elem: compileInto(table, cache, type.slice(2)) };
  } else if (type.startsWith('map[string]')) {
    schema = { kind: 'map', value: compileInto(table, cache, type.slice('map[string]'.length)) };
  } else if (type.includes('.')) {
    const meta = table[type];
    if (!meta) throw new PatchMetaError(`patch metadata has no struct ${type}`);
    const struct: StructSchema = { kind: 'struct', name: type, fields: new Map() };
    cache.set(type, struct);
    for (const [name, field] of Object.entries(meta.fields)) {
      struct.fields.set(name, {
        schema: compileInto(table, cache, field.type),
        patchStrategies: field.patchStrategy ? field.patchStrategy.split(',') : [],
        patchMergeKey: field.patchMergeKey ?? '',
      });
    }
    return struct;
  } else {
    schema = null;
  }
  cache.set(type, schema);
  return schema;
}

/**
 * What the patch generator emits for a package: each struct's fields with their Go-style type
 * expression and patch markers, the packages whose tables it must include, the kinds, and the
 * marker combinations strategic merge patch cannot honour (reported as codegen errors).
 */
import { CodegenError } from '../errors.js';
import type { ModelIndex } from '../model/lookup.js';
import type { FieldModel, PackageModel, StructModel, TypeRef } from '../model/types.js';

/** One field as the template writes it. */
export interface FieldEntry {
  readonly name: string;
  readonly type: string;
  readonly patchStrategy?: string;
  readonly patchMergeKey?: string;
  readonly listType?: string;
  readonly listMapKeys?: readonly string[];
  readonly mapType?: string;
}

export interface StructEntry {
  /** `<package>.<Type>`, the key other entries reference it by. */
  readonly key: string;
  readonly structType?: string;
  readonly fields: readonly FieldEntry[];
}

export interface PackagePatchMeta {
  readonly structs: readonly StructEntry[];
  /** Other packages whose structs this package's fields reach, sorted by id. */
  readonly referenced: readonly PackageModel[];
  /** Kinds (not list kinds) with the key of their struct. */
  readonly kinds: readonly { readonly kind: string; readonly key: string }[];
}

/** The table key of a struct: `meta/v1.ObjectMeta`. */
export function structKey(struct: StructModel): string {
  return `${struct.id.pkg}.${struct.id.name}`;
}

/**
 * A field type as a Go-style expression: scalars by name (`string`, `Time`, `JSON`), enums as
 * `string`, structs by table key, `[]<elem>` and `map[string]<value>`; aliases are followed.
 */
export function typeExpression(index: ModelIndex, ref: TypeRef): string {
  const resolved = index.resolve(ref);
  switch (resolved.kind) {
    case 'scalar':
      return resolved.name;
    case 'array':
      return `[]${typeExpression(index, resolved.elem)}`;
    case 'map':
      return `map[string]${typeExpression(index, resolved.value)}`;
    case 'named': {
      const target = index.type(resolved.ref);
      return target.kind === 'struct' ? structKey(target) : 'string';
    }
  }
}

/** The struct a field's value, list elements or map values are, if any. */
function reachedStruct(index: ModelIndex, ref: TypeRef): StructModel | undefined {
  const resolved = index.resolve(ref);
  switch (resolved.kind) {
    case 'scalar':
      return undefined;
    case 'array':
      return reachedStruct(index, resolved.elem);
    case 'map':
      return reachedStruct(index, resolved.value);
    case 'named': {
      const target = index.type(resolved.ref);
      return target.kind === 'struct' ? target : undefined;
    }
  }
}

export function selectPatchMeta(index: ModelIndex, pkg: PackageModel): PackagePatchMeta {
  const structs = pkg.types.filter((t): t is StructModel => t.kind === 'struct');
  const referenced = new Map<string, PackageModel>();
  for (const struct of structs) {
    for (const field of struct.fields) {
      const target = reachedStruct(index, field.type);
      if (target && target.id.pkg !== pkg.id) referenced.set(target.id.pkg, index.pkg(target.id.pkg));
    }
  }
  return {
    structs: structs.map((struct) => ({
      key: structKey(struct),
      ...(struct.structType ? { structType: struct.structType } : {}),
      fields: struct.fields.map((field) => fieldEntry(index, field)),
    })),
    referenced: [...referenced.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    kinds: structs.filter((s) => s.isKind && !s.isList).map((s) => ({ kind: s.id.name, key: structKey(s) })),
  };
}

function fieldEntry(index: ModelIndex, field: FieldModel): FieldEntry {
  return {
    name: field.name,
    type: typeExpression(index, field.type),
    ...(field.patchStrategy !== undefined ? { patchStrategy: field.patchStrategy } : {}),
    ...(field.patchMergeKey !== undefined ? { patchMergeKey: field.patchMergeKey } : {}),
    ...(field.listType !== undefined ? { listType: field.listType } : {}),
    ...(field.listMapKeys !== undefined && field.listMapKeys.length > 0 ? { listMapKeys: field.listMapKeys } : {}),
    ...(field.mapType !== undefined ? { mapType: field.mapType } : {}),
  };
}

/**
 * Packages whose structs reach each other in a cycle: their tables would import each other, and
 * a module cycle leaves one table undefined while the other is built. One error per cycle.
 */
export function checkPackageCycles(index: ModelIndex, packages: readonly PackageModel[]): CodegenError[] {
  const edges = new Map(packages.map((p) => [p.id, selectPatchMeta(index, p).referenced.map((r) => r.id)]));
  const errors: CodegenError[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (id: string): void => {
    state.set(id, 'visiting');
    stack.push(id);
    for (const next of edges.get(id) ?? []) {
      if (state.get(next) === 'visiting') {
        const cycle = [...stack.slice(stack.indexOf(next)), next];
        const location = index.group(next).location;
        errors.push(
          new CodegenError(
            location,
            `package ${next}`,
            `its types reach each other across packages: ${cycle.join(' → ')}`,
          ),
        );
      } else if (!state.has(next)) {
        visit(next);
      }
    }
    stack.pop();
    state.set(id, 'done');
  };
  for (const p of packages) if (!state.has(p.id)) visit(p.id);
  return errors;
}

/**
 * Patch markers strategic merge patch cannot honour, one error per field:
 * - `merge` on a list of structs without `+patchMergeKey` (upstream fails every such patch with
 *   "cannot merge lists without merge key");
 * - `merge` on a list of lists ("lists of lists are not supported");
 * - `+patchMergeKey` on anything but a list of structs, or naming a field the element lacks;
 * - a `+patchStrategy` on a scalar, which has nothing to merge.
 */
export function checkPatchMarkers(index: ModelIndex, pkg: PackageModel): CodegenError[] {
  const errors: CodegenError[] = [];
  for (const struct of pkg.types) {
    if (struct.kind !== 'struct') continue;
    for (const field of struct.fields) {
      const subject = `${struct.id.name}.${field.name}`;
      const fail = (detail: string): void => void errors.push(new CodegenError(field.location, subject, detail));
      const type = index.resolve(field.type);
      const strategies = field.patchStrategy?.split(',') ?? [];
      const elem = type.kind === 'array' ? index.resolve(type.elem) : undefined;
      const elemStruct = elem?.kind === 'named' ? index.type(elem.ref) : undefined;
      const listOfStructs = elemStruct?.kind === 'struct' ? elemStruct : undefined;
      if (strategies.length > 0 && type.kind === 'scalar') {
        fail(
          `+patchStrategy=${field.patchStrategy} on a scalar field: only lists, maps and structs are patched by strategy`,
        );
        continue;
      }
      if (strategies.includes('merge') && listOfStructs && field.patchMergeKey === undefined) {
        fail('+patchStrategy=merge on a list of structs needs +patchMergeKey=<field> to match elements by');
      }
      if (strategies.includes('merge') && elem?.kind === 'array') {
        fail('+patchStrategy=merge on a list of lists: strategic merge patch cannot merge lists of lists');
      }
      if (field.patchMergeKey !== undefined) {
        if (!listOfStructs) {
          fail(`+patchMergeKey=${field.patchMergeKey} on a field that is not a list of structs`);
        } else if (!listOfStructs.fields.some((f) => f.name === field.patchMergeKey)) {
          fail(`+patchMergeKey=${field.patchMergeKey}: ${listOfStructs.id.name} has no field ${field.patchMergeKey}`);
        }
      }
    }
  }
  return errors;
}

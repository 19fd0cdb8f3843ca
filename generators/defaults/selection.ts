/** Selection for the defaults generator: which structs and kinds have anything to default. */
import { type ModelIndex, typeKey } from '../model/lookup.js';
import type { PackageModel, StructModel, TypeRef } from '../model/types.js';

export interface DefaultingSelection {
  /** Keys (typeKey) of structs with a default on them or anywhere below them. */
  readonly structs: ReadonlySet<string>;
  /** The kinds of the package that get a SetObjectDefaults_<Kind>. */
  readonly roots: readonly StructModel[];
}

export function selectDefaulting(index: ModelIndex, pkg: PackageModel): DefaultingSelection {
  const memo = new Map<string, boolean>();
  const visit = (struct: StructModel): boolean => {
    const key = typeKey(struct.id);
    const known = memo.get(key);
    if (known !== undefined) return known;
    memo.set(key, false); // a cycle adds nothing new: assume no until proven otherwise
    let result = hasHandwrittenDefaulter(index, struct);
    for (const field of struct.fields) {
      if (field.default !== undefined) result = true;
      const nested = structOf(index, field.type);
      if (nested && visit(nested)) result = true;
    }
    memo.set(key, result);
    return result;
  };
  for (const type of pkg.types) if (type.kind === 'struct') visit(type);
  const structs = new Set([...memo].filter(([, v]) => v).map(([k]) => k));
  const roots = pkg.types.filter(
    (t): t is StructModel => t.kind === 'struct' && t.isKind && (structs.has(typeKey(t.id)) || (t.isList && itemDefaults(index, t, structs))),
  );
  return { structs, roots };
}

/** A hand-written SetDefaults_<Type> beside the struct's own versioned package (called across packages too). */
export function hasHandwrittenDefaulter(index: ModelIndex, struct: StructModel): boolean {
  const owner = index.pkg(struct.id.pkg);
  return owner.version !== null && owner.handwritten.defaulters.includes(`SetDefaults_${struct.id.name}`);
}

/** The struct a field holds (directly, or as array items / map values), if any. */
export function structOf(index: ModelIndex, ref: TypeRef): StructModel | undefined {
  const resolved = index.resolve(ref);
  if (resolved.kind === 'array') return structOf(index, resolved.elem);
  if (resolved.kind === 'map') return structOf(index, resolved.value);
  if (resolved.kind !== 'named') return undefined;
  const type = index.type(resolved.ref);
  return type.kind === 'struct' ? type : undefined;
}

function itemDefaults(index: ModelIndex, list: StructModel, structs: ReadonlySet<string>): boolean {
  const items = list.fields.find((f) => f.name === 'items');
  const item = items && structOf(index, items.type);
  return item !== undefined && structs.has(typeKey(item.id));
}

/**
 * Resolves aliases of scalars (`type ResourceName = string`) away: every reference to one
 * becomes the scalar itself and the alias leaves the model, as Go's named strings are plain
 * strings on the wire.
 */
import { allPackages, typeKey } from '../model/lookup.js';
import type { ApiModel, PackageModel, ScalarName, TypeModel, TypeRef } from '../model/types.js';

export function resolveScalarAliases(model: ApiModel): ApiModel {
  const targets = new Map<string, TypeRef>();
  for (const group of model.groups) {
    for (const pkg of allPackages(group)) {
      for (const type of pkg.types) if (type.kind === 'alias') targets.set(typeKey(type.id), type.target);
    }
  }
  const scalarOf = (ref: TypeRef, depth = 0): ScalarName | undefined => {
    if (ref.kind === 'scalar') return ref.name;
    if (ref.kind !== 'named' || depth > 16) return undefined;
    const target = targets.get(typeKey(ref.ref));
    return target ? scalarOf(target, depth + 1) : undefined;
  };
  const rewrite = (ref: TypeRef): TypeRef => {
    switch (ref.kind) {
      case 'named': {
        const scalar = scalarOf(ref);
        return scalar ? { kind: 'scalar', name: scalar } : ref;
      }
      case 'array':
        return { kind: 'array', elem: rewrite(ref.elem) };
      case 'map':
        return { kind: 'map', value: rewrite(ref.value) };
      default:
        return ref;
    }
  };
  const rewriteType = (type: TypeModel): TypeModel | undefined => {
    switch (type.kind) {
      case 'struct':
        return { ...type, fields: type.fields.map((f) => ({ ...f, type: rewrite(f.type) })) };
      case 'alias':
        return scalarOf(type.target) ? undefined : { ...type, target: rewrite(type.target) };
      default:
        return type;
    }
  };
  const rewritePackage = (pkg: PackageModel): PackageModel => ({
    ...pkg,
    types: pkg.types.map(rewriteType).filter((t): t is TypeModel => t !== undefined),
  });
  return {
    groups: model.groups.map((group) => ({
      ...group,
      internal: group.internal ? rewritePackage(group.internal) : null,
      versions: group.versions.map(rewritePackage),
    })),
  };
}

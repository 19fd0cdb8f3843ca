/** Read-only queries over the API model shared by every generator. */
import type { ApiModel, GroupModel, PackageModel, StructModel, TypeId, TypeModel, TypeRef } from './types.js';

/** Index of a model's packages and types, built once per generator run. */
export class ModelIndex {
  readonly packages = new Map<string, PackageModel>();
  readonly groupOfPackage = new Map<string, GroupModel>();
  private readonly types = new Map<string, TypeModel>();

  constructor(readonly model: ApiModel) {
    for (const group of model.groups) {
      for (const pkg of allPackages(group)) {
        this.packages.set(pkg.id, pkg);
        this.groupOfPackage.set(pkg.id, group);
        for (const type of pkg.types) this.types.set(typeKey(type.id), type);
      }
    }
  }

  type(id: TypeId): TypeModel {
    const found = this.types.get(typeKey(id));
    if (!found) throw new Error(`unknown type ${typeKey(id)}`);
    return found;
  }

  tryType(id: TypeId): TypeModel | undefined {
    return this.types.get(typeKey(id));
  }

  struct(id: TypeId): StructModel {
    const found = this.type(id);
    if (found.kind !== 'struct') throw new Error(`${typeKey(id)} is not a struct`);
    return found;
  }

  pkg(id: string): PackageModel {
    const found = this.packages.get(id);
    if (!found) throw new Error(`unknown package ${id}`);
    return found;
  }

  group(pkgId: string): GroupModel {
    const found = this.groupOfPackage.get(pkgId);
    if (!found) throw new Error(`unknown package ${pkgId}`);
    return found;
  }

  /** Follows aliases of named types until a struct, enum or non-named ref is reached. */
  resolve(ref: TypeRef): TypeRef {
    let current = ref;
    for (let depth = 0; current.kind === 'named' && depth < 32; depth++) {
      const target = this.type(current.ref);
      if (target.kind !== 'alias') return current;
      current = target.target;
    }
    return current;
  }
}

export function allPackages(group: GroupModel): PackageModel[] {
  return group.internal ? [group.internal, ...group.versions] : [...group.versions];
}

export function typeKey(id: TypeId): string {
  return `${id.pkg}.${id.name}`;
}

/** The identifier a group folder contributes to function names: `rbac`, `apiextensions`. */
export function groupIdent(groupDir: string): string {
  return groupDir.replace(/[.-]/g, '');
}

/** The prefix of function names for a package: its version, or the group for the hub. */
export function packageIdent(pkg: PackageModel): string {
  return pkg.version ?? groupIdent(pkg.groupDir);
}

/** `k8s.io/api/autoscaling` → `io.k8s.api.autoscaling`: upstream's OpenAPI naming. */
export function openapiPrefix(packagePath: string): string {
  const [host, ...rest] = packagePath.split('/');
  const reversed = (host ?? '').split('.').reverse().join('.');
  return [reversed, ...rest].filter((part) => part.length > 0).join('.');
}

/** The OpenAPI definition name of a versioned type, e.g. `io.k8s.api.autoscaling.v2.MetricSpec`. */
export function openapiName(group: GroupModel, version: string, typeName: string): string {
  return `${openapiPrefix(group.packagePath)}.${version}.${typeName}`;
}

/** The protobuf package of a version, e.g. `k8s.io.api.autoscaling.v2`. */
export function protobufPackage(group: GroupModel, version: string): string {
  return `${group.packagePath.replace(/\//g, '.')}.${version}`;
}

/**
 * The package path of a group without `+package`: the group name itself, so that OpenAPI names
 * come out as CRDs have them (`wardle.example.com` → `com.example.wardle.v1alpha1.Flunder`).
 */
export function defaultPackagePath(groupName: string, dir: string): string {
  return groupName === '' ? dir : groupName;
}

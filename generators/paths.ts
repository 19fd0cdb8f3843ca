/** Where generated files go and how they import each other and `api-definitions/`. */
import path from 'node:path';
import type { PackageModel } from './model/types.js';

export const GENERATED_ROOT = 'generated';

/** `generated/autoscaling/v2` for a version, `generated/autoscaling` for the hub. */
export function generatedDir(pkg: PackageModel): string {
  return pkg.version ? `${GENERATED_ROOT}/${pkg.groupDir}/${pkg.version}` : `${GENERATED_ROOT}/${pkg.groupDir}`;
}

/** `generated/autoscaling/v2/deepcopy.generated.ts` */
export function generatedFile(pkg: PackageModel, what: string, ext = 'ts'): string {
  return `${generatedDir(pkg)}/${what}.generated.${ext}`;
}

/** The `types.ts` a package's types are declared in. */
export function typesFile(pkg: PackageModel): string {
  return `${pkg.dir}/types.ts`;
}

/** An ESM import specifier from one repository file to another (`.ts` becomes `.js`). */
export function importPath(fromFile: string, toFile: string): string {
  let rel = path.posix.relative(path.posix.dirname(fromFile), toFile).replace(/\.ts$/, '.js');
  if (!rel.startsWith('.')) rel = `./${rel}`;
  return rel;
}

/** Where generated files go and how they import each other and `api-definitions/`. */
import path from 'node:path';
import type { PackageModel } from './model/types.js';

export const GENERATED_ROOT = 'generated';
export const DEFINITIONS_ROOT = 'api-definitions';

/**
 * The generated folder beside a definitions folder: `api-definitions` → `generated`,
 * `examples/sample-apiserver/api-definitions` → `examples/sample-apiserver/generated`.
 */
export function generatedRootFor(definitionsRoot: string): string {
  const parent = path.posix.dirname(definitionsRoot);
  return parent === '.' ? GENERATED_ROOT : `${parent}/${GENERATED_ROOT}`;
}

/**
 * The generated folder of a package's definitions root, read from its folder
 * (`examples/x/api-definitions/wardle/v1alpha1` → `examples/x/generated`); `generated` for
 * packages whose folder names no definitions root (models built by hand).
 */
export function generatedRootOf(pkg: PackageModel): string {
  return generatedRootFor(definitionsRootOf(pkg));
}

/** The definitions root a package's folder lies in; `api-definitions` when its folder names none. */
export function definitionsRootOf(pkg: PackageModel): string {
  const segments = pkg.dir.split('/');
  const at = segments.lastIndexOf(DEFINITIONS_ROOT);
  return at < 0 ? DEFINITIONS_ROOT : segments.slice(0, at + 1).join('/');
}

/** `generated/autoscaling/v2` for a version, `generated/autoscaling` for the hub. */
export function generatedDir(pkg: PackageModel): string {
  const root = generatedRootOf(pkg);
  return pkg.version ? `${root}/${pkg.groupDir}/${pkg.version}` : `${root}/${pkg.groupDir}`;
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

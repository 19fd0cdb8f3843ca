/**
 * The packages types can be imported from: the group folders already under `api-definitions/`
 * (their `+package` and version folders) plus the one being imported. Maps OpenAPI definition
 * names (`io.k8s.api.core.v1.PodSpec`) and protobuf type names (`k8s.io.api.core.v1.PodSpec`)
 * to a package folder and a type name, and knows the scalar definitions.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { defaultPackagePath, openapiPrefix } from '../model/lookup.js';
import type { ScalarName } from '../model/types.js';

const VERSION_DIR = /^v\d+((alpha|beta)\d+)?$/;

/** A versioned package under `api-definitions/`. */
export interface KnownPackage {
  /** `core/v1`: the folder under `api-definitions/`. */
  readonly folder: string;
  readonly groupDir: string;
  readonly version: string;
  /** `io.k8s.api.core.v1` */
  readonly openapiPrefix: string;
  /** `k8s.io.api.core.v1` */
  readonly protoPackage: string;
}

/** Definitions every group uses that are scalars in api-definitions (docs/api-definitions.md). */
const SCALAR_DEFINITIONS: Readonly<Record<string, ScalarName>> = {
  'io.k8s.apimachinery.pkg.apis.meta.v1.Time': 'Time',
  'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime': 'MicroTime',
  'io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1': 'FieldsV1',
  'io.k8s.apimachinery.pkg.apis.meta.v1.Duration': 'Duration',
  'io.k8s.apimachinery.pkg.api.resource.Quantity': 'Quantity',
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': 'IntOrString',
  'io.k8s.apimachinery.pkg.runtime.RawExtension': 'RawExtension',
};

/** The same scalars by protobuf message name. */
const SCALAR_MESSAGES: Readonly<Record<string, ScalarName>> = Object.fromEntries(
  Object.entries(SCALAR_DEFINITIONS).map(([name, scalar]) => [name.replace(/^io\.k8s\./, 'k8s.io.'), scalar]),
);

export function scalarOfDefinition(name: string): ScalarName | undefined {
  return SCALAR_DEFINITIONS[name];
}

export function scalarOfMessage(fullName: string): ScalarName | undefined {
  return SCALAR_MESSAGES[fullName];
}

export class PackageTable {
  private readonly byPrefix = new Map<string, KnownPackage>();
  private readonly byProto = new Map<string, KnownPackage>();

  constructor(packages: readonly KnownPackage[]) {
    for (const pkg of packages) this.add(pkg);
  }

  add(pkg: KnownPackage): void {
    this.byPrefix.set(pkg.openapiPrefix, pkg);
    this.byProto.set(pkg.protoPackage, pkg);
  }

  /** The package and type name of an OpenAPI definition name, if its package is known. */
  definition(name: string): { pkg: KnownPackage; name: string } | undefined {
    return split(name, this.byPrefix);
  }

  /** The package and type name of a fully qualified protobuf message name. */
  message(fullName: string): { pkg: KnownPackage; name: string } | undefined {
    return split(fullName, this.byProto);
  }

  packages(): KnownPackage[] {
    return [...this.byPrefix.values()];
  }
}

function split(name: string, table: ReadonlyMap<string, KnownPackage>): { pkg: KnownPackage; name: string } | undefined {
  const dot = name.lastIndexOf('.');
  if (dot < 0) return undefined;
  const pkg = table.get(name.slice(0, dot));
  return pkg ? { pkg, name: name.slice(dot + 1) } : undefined;
}

/** Describes a versioned package from its group facts. */
export function knownPackage(groupDir: string, packagePath: string, version: string): KnownPackage {
  return {
    folder: `${groupDir}/${version}`,
    groupDir,
    version,
    openapiPrefix: `${openapiPrefix(packagePath)}.${version}`,
    protoPackage: `${packagePath.replace(/\//g, '.')}.${version}`,
  };
}

/** Group facts read from a group's doc.ts without loading the TypeScript project. */
export interface GroupFacts {
  readonly groupName: string;
  readonly packagePath: string;
}

export function readGroupFacts(docFile: string, groupDir: string): GroupFacts | undefined {
  if (!existsSync(docFile)) return undefined;
  const text = readFileSync(docFile, 'utf8');
  const groupName = /^\s*\*?\s*\+groupName=(.*)$/m.exec(text)?.[1]?.trim();
  if (groupName === undefined) return undefined;
  const normalized = groupName === '""' ? '' : groupName;
  const packagePath = /^\s*\*?\s*\+package=(.*)$/m.exec(text)?.[1]?.trim() ?? defaultPackagePath(normalized, groupDir);
  return { groupName: normalized, packagePath };
}

/** Every versioned package under `<root>/api-definitions`. */
export function scanPackages(definitionsDir: string): KnownPackage[] {
  if (!existsSync(definitionsDir)) return [];
  const out: KnownPackage[] = [];
  for (const groupDir of readdirSync(definitionsDir).sort()) {
    const dir = path.join(definitionsDir, groupDir);
    const facts = readGroupFacts(path.join(dir, 'doc.ts'), groupDir);
    if (!facts) continue;
    for (const version of readdirSync(dir).sort()) {
      if (VERSION_DIR.test(version) && existsSync(path.join(dir, version, 'types.ts'))) {
        out.push(knownPackage(groupDir, facts.packagePath, version));
      }
    }
  }
  return out;
}

/**
 * The reader: loads `api-definitions/` with ts-morph once and builds the API model, checking
 * every marker and type reference on the way. Errors are collected and thrown together as
 * CodegenErrors, each naming file, line and field.
 */
import path from 'node:path';
import { Project, type SourceFile } from 'ts-morph';
import { CodegenError, CodegenErrors } from '../errors.js';
import { defaultPackagePath } from '../model/lookup.js';
import type { ApiModel, GroupModel, PackageModel, SourceLocation, TypeModel } from '../model/types.js';
import { checkMarkers, MarkerSet, splitDoc } from './markers.js';
import { resolveScalarAliases } from './scalar-aliases.js';
import { SCALARS_FILE } from './type-refs.js';
import { readTypes, type ReadContext } from './types-file.js';

export const DEFINITIONS_DIR = 'api-definitions';
const VERSION_DIR = /^v\d+((alpha|beta)\d+)?$/;

/**
 * The groups of the project's `api-definitions/` another definitions root (an example server's)
 * may use: the shared vocabulary of object metadata and scalars. Their files are the project's;
 * a run over another root reads them and writes nothing for them.
 */
export const SHARED_GROUPS: readonly string[] = ['meta'];

/**
 * Reads a definitions root from disk: `<root>/api-definitions` by default, or another folder
 * (relative to `root`) such as `examples/sample-apiserver/api-definitions`, whose types may
 * import the project's shared groups.
 */
export function readApiModel(rootDir: string, definitionsDir = DEFINITIONS_DIR): ApiModel {
  const root = path.resolve(rootDir);
  // The reader resolves type names between the files of api-definitions/ and reads nothing
  // else: no default lib, no @types, and imports of files outside the added set stay
  // unresolved instead of pulling runtime/ and node_modules into the program.
  const project = new Project({
    skipAddingFilesFromTsConfig: true,
    skipFileDependencyResolution: true,
    skipLoadingLibFiles: true,
    compilerOptions: { allowJs: false, noLib: true, types: [], noResolve: true },
  });
  if (definitionsDir !== DEFINITIONS_DIR) {
    for (const group of SHARED_GROUPS) project.addSourceFilesAtPaths(path.join(root, DEFINITIONS_DIR, group, '**/*.ts'));
  }
  project.addSourceFilesAtPaths(path.join(root, definitionsDir, '**/*.ts'));
  return readApiModelFromProject(project, root, definitionsDir);
}

/**
 * Builds the model from an already-loaded project (tests use an in-memory file system). `root`
 * is the folder that contains `api-definitions/`; `definitionsDir` the root whose groups are read
 * (with the project's shared groups when it is another one).
 */
export function readApiModelFromProject(project: Project, root: string, definitionsDir = DEFINITIONS_DIR): ApiModel {
  const main = path.join(root, DEFINITIONS_DIR);
  const own = path.join(root, definitionsDir);
  const roots = own === main ? [main] : [main, own];
  const errors: CodegenError[] = [];
  const relative = (file: string): string => path.relative(root, file).split(path.sep).join('/');

  const packageOf = (file: string): string | undefined => {
    for (const definitions of roots) {
      const rel = path.relative(definitions, file).split(path.sep);
      if (rel[0] === '..' || rel.length < 2) continue;
      if (rel.length === 2 && rel[1] === 'types.ts') return rel[0];
      if (rel.length === 3 && VERSION_DIR.test(rel[1]!) && (rel[2] === 'types.ts' || rel[2] === 'scalars.ts')) {
        return `${rel[0]}/${rel[1]}`;
      }
    }
    return undefined;
  };
  const ctx: ReadContext = {
    relative,
    errors,
    refs: { packageOf, scalarsFile: path.join(main, SCALARS_FILE) },
  };

  const groups: GroupModel[] = [];
  const seen = new Set<string>();
  for (const definitions of roots) {
    const shared = definitions !== own;
    const groupDirs = listDirs(project, definitions)
      .filter((dir) => !shared || SHARED_GROUPS.includes(dir))
      .sort();
    for (const dir of groupDirs) {
      if (seen.has(dir)) {
        const location = { file: relative(path.join(definitions, dir, 'doc.ts')), line: 1 };
        errors.push(new CodegenError(location, `group ${dir}`, `the folder name ${dir} is taken by the project's shared group`));
        continue;
      }
      seen.add(dir);
      const group = readGroup(project, path.join(definitions, dir), dir, ctx);
      if (group) groups.push(group);
    }
  }
  if (errors.length > 0) throw new CodegenErrors(errors);
  const model = resolveScalarAliases({ groups: groups.sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0)) });
  return model;
}

function readGroup(project: Project, dir: string, name: string, ctx: ReadContext): GroupModel | undefined {
  const docFile = project.getSourceFile(path.join(dir, 'doc.ts'));
  const location: SourceLocation = { file: ctx.relative(path.join(dir, 'doc.ts')), line: 1 };
  if (!docFile) {
    ctx.errors.push(new CodegenError(location, `group ${name}`, 'missing doc.ts with +groupName'));
    return undefined;
  }
  const markers = fileMarkers(docFile, ctx);
  ctx.errors.push(...checkMarkers(markers.markers, 'group', `group ${name}`));
  const groupName = markers.value('groupName');
  if (groupName === undefined) {
    ctx.errors.push(new CodegenError(location, `group ${name}`, 'doc.ts has no +groupName marker'));
    return undefined;
  }
  const normalizedGroup = groupName === '""' ? '' : groupName;
  const versionDirs = listDirs(project, dir).filter((d) => VERSION_DIR.test(d));

  const versions = new Map<string, PackageModel>();
  for (const version of versionDirs) {
    const pkg = readPackage(project, path.join(dir, version), name, version, ctx);
    if (pkg) versions.set(version, pkg);
  }
  const internal = readInternal(project, dir, name, versions, ctx);

  const priority = (markers.value('versionPriority') ?? [...versions.keys()].sort().join(','))
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
  const missing = [...versions.keys()].filter((v) => !priority.includes(v));
  const extra = priority.filter((v) => !versions.has(v));
  if (missing.length > 0 || extra.length > 0) {
    ctx.errors.push(
      new CodegenError(
        location,
        `group ${name}`,
        `+versionPriority must list exactly the version folders (missing: ${missing.join(', ') || 'none'}; unknown: ${extra.join(', ') || 'none'})`,
      ),
    );
  }
  const storageVersion = markers.value('storageVersion');
  if (storageVersion !== undefined && !versions.has(storageVersion)) {
    ctx.errors.push(new CodegenError(location, `group ${name}`, `+storageVersion ${storageVersion} is not a version folder`));
  }
  return {
    dir: name,
    groupName: normalizedGroup,
    packagePath: markers.value('package') ?? defaultPackagePath(normalizedGroup, name),
    internal,
    versions: priority.filter((v) => versions.has(v)).map((v) => versions.get(v)!),
    ...(storageVersion !== undefined ? { storageVersion } : {}),
    location,
  };
}

function readPackage(
  project: Project,
  dir: string,
  groupDir: string,
  version: string,
  ctx: ReadContext,
): PackageModel | undefined {
  const files = ['types.ts', 'scalars.ts']
    .map((f) => project.getSourceFile(path.join(dir, f)))
    .filter((f): f is SourceFile => f !== undefined);
  if (files.length === 0) return undefined;
  const id = `${groupDir}/${version}`;
  const types = files.flatMap((file) => readTypes(file, id, ctx));
  return {
    id,
    groupDir,
    version,
    dir: ctx.relative(dir),
    types: sortTypes(types),
    handwritten: handwritten(project, dir),
  };
}

/**
 * The hub package: `types.ts` beside the version folders. A hub that only re-exports one version
 * (`export * from './v1/types.js'`) takes that version's types under its own package id.
 */
function readInternal(
  project: Project,
  dir: string,
  groupDir: string,
  versions: ReadonlyMap<string, PackageModel>,
  ctx: ReadContext,
): PackageModel | null {
  const file = project.getSourceFile(path.join(dir, 'types.ts'));
  if (!file) return null;
  const reexport = file
    .getExportDeclarations()
    .map((d) => d.getModuleSpecifierValue())
    .map((spec) => (spec ? /^\.\/(v[^/]+)\/types\.js$/.exec(spec)?.[1] : undefined))
    .find((v): v is string => v !== undefined);
  const base = { id: groupDir, groupDir, version: null, dir: ctx.relative(dir), handwritten: handwritten(project, dir) };
  if (reexport !== undefined) {
    const source = versions.get(reexport);
    if (!source) {
      ctx.errors.push(
        new CodegenError({ file: ctx.relative(file.getFilePath()), line: 1 }, `group ${groupDir}`, `re-exports unknown version ${reexport}`),
      );
      return null;
    }
    return { ...base, types: source.types.map((t) => rehome(t, source.id, groupDir)), reexportsVersion: reexport };
  }
  return { ...base, types: sortTypes(readTypes(file, groupDir, ctx)) };
}

/** Moves a type (and its references into its own package) from one package id to another. */
function rehome(type: TypeModel, from: string, to: string): TypeModel {
  const json = JSON.stringify(type, (key, value: unknown) => (key === 'pkg' && value === from ? to : value));
  return JSON.parse(json) as TypeModel;
}

function handwritten(project: Project, dir: string): PackageModel['handwritten'] {
  const exported = (file: string, prefix: string): string[] => {
    const source = project.getSourceFile(path.join(dir, file));
    if (!source) return [];
    return [...source.getExportedDeclarations().keys()].filter((n) => n.startsWith(prefix)).sort();
  };
  return { conversions: exported('conversion.ts', 'Convert_'), defaulters: exported('defaults.ts', 'SetDefaults_') };
}

/** The markers of a doc.ts: every JSDoc block in the file. */
function fileMarkers(file: SourceFile, ctx: ReadContext): MarkerSet {
  const text = file.getFullText();
  const markers = [];
  const blocks = /\/\*\*[\s\S]*?\*\//g;
  for (let match = blocks.exec(text); match; match = blocks.exec(text)) {
    const line = text.slice(0, match.index).split('\n').length;
    markers.push(...splitDoc(match[0], ctx.relative(file.getFilePath()), line).markers);
  }
  return new MarkerSet(markers);
}

/** Sub-folders of `dir` that hold loaded source files (works on disk and in memory). */
function listDirs(project: Project, dir: string): string[] {
  return (project.getDirectory(dir)?.getDirectories() ?? []).map((d) => d.getBaseName());
}

function sortTypes(types: TypeModel[]): TypeModel[] {
  return [...types].sort((a, b) => (a.id.name < b.id.name ? -1 : a.id.name > b.id.name ? 1 : 0));
}

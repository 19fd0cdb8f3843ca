/**
 * `kapi import`: scaffolds `api-definitions/<group>/<version>/types.ts` from an OpenAPI v2 or v3
 * document or from CustomResourceDefinitions, optionally numbering fields from the package's
 * `generated.proto`. The written files then belong to whoever edits them; this only writes a
 * first version, plus the group's doc.ts and hub types.ts when the group is new.
 *
 * The pipeline, one module per step:
 *   document.ts       reads the input and tells OpenAPI v2, v3 and CRDs apart
 *   crd.ts            turns a CRD version into definitions
 *   proto-overlay.ts  numbers fields, splits embedded structs off, adds what only the proto has
 *   resources.ts      resource facts from paths or the CRD, as markers
 *   transform/        one transform per schema form: definition, object, property type, enum, markers
 *   emit.ts           prints the declarations with imports, formatted
 */
import path from 'node:path';
import { defaultPackagePath } from '../model/lookup.js';
import { formatTypeScript } from '../render.js';
import { crdDefinitions, CRD_REF_PREFIX, selectCrdVersion } from './crd.js';
import type { Declaration } from './declarations.js';
import { ImportError, parseSource, type SourceDocument } from './document.js';
import { emitTypesFile } from './emit.js';
import { knownPackage, PackageTable, type KnownPackage } from './packages.js';
import { parseProto } from './proto.js';
import { applyProto, type ProtoOverlay } from './proto-overlay.js';
import { resourceFromCrd, resourceMarkers, resourcesFromPaths, type ResourceFacts } from './resources.js';
import type { Schema } from './schema.js';
import { TransformContext } from './transform/context.js';
import { definitionDeclaration } from './transform/definition.js';

export { ImportError } from './document.js';

export interface ImportOptions {
  /** The input's text and a name for it (its file name) used in messages and the header. */
  readonly source: { readonly text: string; readonly name: string };
  /** The API group; `""` is the core group. Optional for CRDs of a single group. */
  readonly group?: string;
  /** Required for OpenAPI input; a CRD defaults to its storage version. */
  readonly version?: string;
  /** The group folder; default: `core` for the core group, else the group's first label. */
  readonly dir?: string;
  /** The Go-style package path; default: the existing group's, else the group name. */
  readonly packagePath?: string;
  readonly proto?: { readonly text: string; readonly name: string };
  /** The packages already under api-definitions (scanPackages). */
  readonly known: readonly KnownPackage[];
  /** The existing group's package path, when its doc.ts exists. */
  readonly existingGroup?: { readonly packagePath: string; readonly hasHub: boolean };
}

export interface ImportedFile {
  /** Relative to the repository root. */
  readonly path: string;
  readonly content: string;
}

export interface ImportResult {
  readonly files: readonly ImportedFile[];
  readonly kinds: readonly string[];
  readonly resources: readonly ResourceFacts[];
  readonly warnings: readonly string[];
}

export async function importTypes(options: ImportOptions): Promise<ImportResult> {
  const doc = parseSource(options.source.text, options.source.name);
  const group = options.group ?? soleCrdGroup(doc);
  const crdVersions = doc.format === 'crd' ? selectCrdVersion(doc.crds, group, options.version) : [];
  const version = options.version ?? crdVersions[0]?.version.name;
  if (version === undefined) throw new ImportError('--version is required for an OpenAPI document');
  const dir = options.dir ?? (group === '' ? 'core' : group.split('.')[0]!);
  const packagePath = options.packagePath ?? options.existingGroup?.packagePath ?? defaultPackagePath(group, dir);
  const target = knownPackage(dir, packagePath, version);
  const packages = new PackageTable(options.known.filter((p) => p.folder !== target.folder));
  packages.add(target);

  let definitions: Record<string, Schema>;
  let refPrefix: string;
  let resources: Map<string, ResourceFacts>;
  if (doc.format === 'crd') {
    definitions = {};
    resources = new Map();
    for (const { crd, version: crdVersion } of crdVersions) {
      Object.assign(definitions, crdDefinitions(crd, crdVersion, target.openapiPrefix));
      resources.set(crd.spec.names.kind, resourceFromCrd(crd, crdVersion));
    }
    refPrefix = CRD_REF_PREFIX;
  } else {
    definitions = { ...doc.definitions };
    refPrefix = doc.refPrefix;
    resources = resourcesFromPaths(doc, group, version);
  }

  const isKind = (definition: string): boolean =>
    (definitions[definition]?.['x-kubernetes-group-version-kind'] ?? []).some((g) => g.group === group && g.version === version);
  const warnings: string[] = [];
  let overlay: ProtoOverlay | undefined;
  if (options.proto) {
    const proto = parseProto(options.proto.text, options.proto.name);
    if (proto.package !== target.protoPackage) {
      warnings.push(`${options.proto.name}: package ${proto.package}, expected ${target.protoPackage}`);
    }
    overlay = applyProto({ definitions, refPrefix, target, packages, proto, isKind });
    definitions = { ...overlay.definitions };
    warnings.push(...overlay.warnings);
  }

  const prefix = `${target.openapiPrefix}.`;
  const own = Object.keys(definitions)
    .filter((name) => name.startsWith(prefix) && !name.slice(prefix.length).includes('.'))
    .sort(crdFirst(doc, definitions, isKind));
  if (own.length === 0) throw new ImportError(`no definitions under ${target.openapiPrefix} in ${options.source.name}`);

  const ctx = new TransformContext(target, packages, refPrefix);
  for (const definition of own) ctx.declareDefinition(definition, definition.slice(prefix.length));
  const declarations: Declaration[] = [];
  const kinds: string[] = [];
  for (const definition of own) {
    const name = definition.slice(prefix.length);
    const schema = definitions[definition]!;
    const kind = isKind(definition);
    if (kind) kinds.push(name);
    const facts = kind ? resources.get(name) : undefined;
    const embeds = (overlay?.embeds.get(definition) ?? []).map((e) => ({ name: e.definition.slice(prefix.length), protobuf: e.protobuf }));
    const protoOnly = new Set(
      Object.keys(schema.properties ?? {}).filter((p) => overlay?.protoOnlyFields.has(`${definition}.${p}`)),
    );
    const before = ctx.hoisted.length;
    declarations.push(
      definitionDeclaration(name, schema, ctx, {
        isKind: kind,
        ...(overlay?.numbers.has(definition) ? { numbers: overlay.numbers.get(definition)! } : {}),
        embeds,
        protoOnly,
        markers: facts ? resourceMarkers(withSelector(facts, schema, definitions, refPrefix)) : [],
        comments: overlay?.typeDocs.has(definition) ? [overlay.typeDocs.get(definition)!] : [],
        notes: overlay?.notes.get(definition) ?? [],
      }),
    );
    declarations.push(...ctx.hoisted.slice(before));
  }
  if (ctx.errors.length > 0) ctx.fail();
  warnings.push(...ctx.warnings);

  const sources = [options.source.name, options.proto?.name].filter((n): n is string => n !== undefined).map((n) => path.basename(n));
  const files: ImportedFile[] = [
    {
      path: `api-definitions/${target.folder}/types.ts`,
      content: await emitTypesFile(
        {
          doc: [`${group === '' ? 'core' : group}/${version}: API types imported from ${sources.join(' and ')} by \`kapi import\`.`],
          declarations,
        },
        target.folder,
      ),
    },
  ];
  if (!options.existingGroup) {
    files.push({ path: `api-definitions/${dir}/doc.ts`, content: await groupDoc(group, packagePath, version) });
    files.push({
      path: `api-definitions/${dir}/types.ts`,
      content: await formatTypeScript(
        `/** The internal (hub) types of ${group === '' ? 'the core group' : group}: those of ${version}, so conversions are copies. */\nexport * from './${version}/types.js';\n`,
      ),
    });
  }
  const served = [...resources.values()].filter((r) => kinds.includes(r.kind)).sort((a, b) => (a.plural < b.plural ? -1 : 1));
  return { files, kinds, resources: served, warnings };
}

function soleCrdGroup(doc: SourceDocument): string {
  if (doc.format !== 'crd') throw new ImportError('--group is required for an OpenAPI document');
  const groups = [...new Set(doc.crds.map((c) => c.spec.group))];
  if (groups.length !== 1) throw new ImportError(`the CRDs define several groups (${groups.join(', ')}); choose one with --group`);
  return groups[0]!;
}

/** CRDs: each kind before its list; OpenAPI: by name. */
function crdFirst(doc: SourceDocument, definitions: Record<string, Schema>, isKind: (d: string) => boolean) {
  return (a: string, b: string): number => {
    if (doc.format === 'crd') {
      const rank = (d: string): number => (isKind(d) && !definitions[d]!.properties?.['items'] ? 0 : isKind(d) ? 1 : 2);
      if (rank(a) !== rank(b)) return rank(a) - rank(b);
    }
    return a < b ? -1 : a > b ? 1 : 0;
  };
}

/**
 * Built-in scale subresources read the label selector from the object's spec; name it when the
 * spec has one.
 */
function withSelector(facts: ResourceFacts, kind: Schema, definitions: Record<string, Schema>, refPrefix: string): ResourceFacts {
  if (!facts.scale || facts.scale.selectorpath) return facts;
  const specRef = kind.properties?.['spec']?.$ref;
  const spec = specRef ? definitions[specRef.slice(refPrefix.length)] : undefined;
  if (!spec?.properties?.['selector']) return facts;
  return { ...facts, scale: { ...facts.scale, selectorpath: '.spec.selector' } };
}

async function groupDoc(group: string, packagePath: string, version: string): Promise<string> {
  const lines = [
    `The ${group === '' ? 'core' : group} API group.`,
    '',
    `+groupName=${group === '' ? '""' : group}`,
    `+package=${packagePath}`,
    `+versionPriority=${version}`,
    `+storageVersion=${version}`,
  ];
  return formatTypeScript(`/**\n${lines.map((l) => (l ? ` * ${l}` : ' *')).join('\n')}\n */\nexport {};\n`);
}

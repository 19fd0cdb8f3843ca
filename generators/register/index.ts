/**
 * register: per group, `generated/<group>/register.generated.ts` with the group's facts
 * (versions by priority, storage version), the resources each version serves (plural, singular,
 * scope, short names, categories, verbs, subresources, printer columns) and `install(scheme)`,
 * which hands the scheme every kind with its conversions, defaulters, deepcopy and protobuf codec.
 */
import type { GeneratedFile, Generator } from '../generator.js';
import { fileHeader } from '../generator.js';
import { Imports } from '../imports.js';
import { ModelIndex } from '../model/lookup.js';
import { selectDefaulting } from '../defaults/selection.js';
import type { ApiModel, GroupModel, PackageModel, StructModel } from '../model/types.js';
import { definitionsRootOf, generatedFile, generatedRootOf, importPath } from '../paths.js';
import { hasProtobuf } from '../protobuf-selection.js';
import { literal } from '../layout.js';
import { layoutTypeScript, templates } from '../render.js';

const render = templates(new URL('./templates/', import.meta.url));
const SCHEME_TYPES = 'runtime/machinery/scheme-types.ts';

export const registerGenerator: Generator = {
  name: 'register',
  async generate(model: ApiModel): Promise<GeneratedFile[]> {
    const index = new ModelIndex(model);
    const files: GeneratedFile[] = [];
    // One install file per generated root: the project's groups, and each example's own.
    const byRoot = new Map<string, GroupModel[]>();
    for (const group of model.groups) {
      if (group.versions.length === 0) continue;
      const root = generatedRootOf(group.versions[0]!);
      const path = `${root}/${group.dir}/register.generated.ts`;
      files.push({ path, content: layoutTypeScript(renderGroup(index, group, path)) });
      byRoot.set(root, [...(byRoot.get(root) ?? []), group]);
    }
    for (const [root, groups] of byRoot) {
      const installers = groups.map((g) => ({ alias: `${g.dir.replace(/[^A-Za-z0-9]/g, '')}Group`, path: `./${g.dir}/register.generated.js` }));
      const definitions = definitionsRootOf(groups[0]!.versions[0]!);
      const path = `${root}/install.generated.ts`;
      files.push({
        path,
        content: layoutTypeScript(
          render('install', {
            header: fileHeader('register', `the groups under ${definitions}/`),
            schemeTypes: importPath(path, SCHEME_TYPES),
            installers,
            definitions,
          }),
        ),
      });
    }
    return files;
  },
};

function kindsOf(pkg: PackageModel): StructModel[] {
  return pkg.types.filter((t): t is StructModel => t.kind === 'struct' && t.isKind);
}

function renderGroup(index: ModelIndex, group: GroupModel, path: string): string {
  const anchor = group.internal ?? group.versions[0]!;
  const imports = new Imports(path, anchor);
  imports.type(SCHEME_TYPES, 'GroupInfo');
  imports.type(SCHEME_TYPES, 'ResourceInfo');
  imports.type(SCHEME_TYPES, 'SchemeBuilder');
  const versions = group.versions.map((pkg) => {
    const kinds = kindsOf(pkg);
    const kindNames = new Set(kinds.map((k) => k.id.name));
    const conversions = group.internal ? `${pkg.version}Conversions` : undefined;
    if (conversions) imports.value(generatedFile(pkg, 'conversion'), `kindConversions as ${conversions}`);
    const defaults = `${pkg.version}Defaults`;
    const validators = imports.namespace(generatedFile(pkg, 'validators', 'js'), `${pkg.version}Validators`);
    const protobuf = hasProtobuf(pkg) ? `${pkg.version}Protobuf` : undefined;
    if (protobuf) imports.value(generatedFile(pkg, 'protobuf'), `protobufCodecs as ${protobuf}`);
    const defaulted = new Set(selectDefaulting(index, pkg).roots.map((k) => k.id.name));
    return {
      version: pkg.version,
      resources: kinds
        .filter((k) => k.resource)
        .map((k) => ({
          kind: k.id.name,
          listKind: kindNames.has(`${k.id.name}List`) ? `${k.id.name}List` : '',
          ...k.resource!,
        }))
        .map((r) => literal(r, '    ')),
      kinds: kinds.map((k) => {
        const conversion = conversions
          ? { toInternal: `${conversions}.${k.id.name}.toInternal`, fromInternal: `${conversions}.${k.id.name}.fromInternal` }
          : {
              toInternal: `${imports.namespace(generatedFile(pkg, 'deepcopy'), `${pkg.version}DeepCopy`)}.deepCopy${k.id.name}`,
              fromInternal: `${pkg.version}DeepCopy.deepCopy${k.id.name}`,
            };
        const setDefaults = defaulted.has(k.id.name)
          ? `${imports.namespace(generatedFile(pkg, 'defaults'), defaults)}.SetObjectDefaults_${k.id.name}`
          : undefined;
        return {
          kind: k.id.name,
          ...conversion,
          setDefaults,
          protobuf: protobuf && !k.noProtobuf ? `${protobuf}.${k.id.name}` : undefined,
          validate: `${validators}.validate${k.id.name}`,
        };
      }),
    };
  });
  const hub = group.internal ?? group.versions[0]!;
  const hubDeepCopy = imports.namespace(generatedFile(hub, 'deepcopy'), hub.version ? `${hub.version}DeepCopy` : 'hubDeepCopy');
  const internalKinds = kindsOf(hub).map((k) => ({ kind: k.id.name, deepCopy: `${hubDeepCopy}.deepCopy${k.id.name}` }));
  return render('register', {
    header: fileHeader('register', `${group.location.file} and the types of ${group.dir}`),
    imports: imports.render(),
    groupInfo: literal(
      {
        name: group.groupName,
        versions: group.versions.map((v) => v.version),
        storageVersion: group.storageVersion ?? group.versions[0]!.version,
        hasInternal: group.internal !== null,
      },
      '',
      'export const groupInfo: GroupInfo = '.length,
    ),
    group: group.groupName,
    versions,
    internalKinds,
  });
}


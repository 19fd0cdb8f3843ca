/**
 * defaults: for every versioned package with anything to default,
 * `generated/<group>/<version>/defaults.generated.ts` with `SetObjectDefaults_<Kind>(obj)` per
 * kind (and per list kind, over its items).
 *
 * At each struct value, in this order: the hand-written `SetDefaults_<Type>(value)` from
 * `<version>/defaults.ts`, then the `+default=` markers of its fields (applied where the field is
 * absent), then the same for every nested struct value (fields, array items, map values).
 * Only the parts of an object that can receive a default are walked.
 */
import type { GeneratedFile, Generator } from '../generator.js';
import { fileHeader } from '../generator.js';
import { Imports } from '../imports.js';
import { ModelIndex, typeKey } from '../model/lookup.js';
import type { ApiModel, PackageModel, StructModel, TypeRef } from '../model/types.js';
import { generatedFile, typesFile } from '../paths.js';
import { hasHandwrittenDefaulter, selectDefaulting } from './selection.js';
import { literal } from '../layout.js';
import { layoutTypeScript, templates } from '../render.js';
import { propertyAccess } from '../ts-names.js';

const render = templates(new URL('./templates/', import.meta.url));

export const defaultsGenerator: Generator = {
  name: 'defaults',
  async generate(model: ApiModel): Promise<GeneratedFile[]> {
    const index = new ModelIndex(model);
    const files: GeneratedFile[] = [];
    for (const group of model.groups) {
      for (const pkg of group.versions) {
        const content = renderPackage(index, pkg);
        if (content) files.push({ path: generatedFile(pkg, 'defaults'), content: layoutTypeScript(content) });
      }
    }
    return files;
  },
};

function renderPackage(index: ModelIndex, pkg: PackageModel): string | undefined {
  const { structs: needed, roots } = selectDefaulting(index, pkg);
  const structs = [...needed].map((key) => {
    const [pkgId, name] = [key.slice(0, key.lastIndexOf('.')), key.slice(key.lastIndexOf('.') + 1)];
    return index.struct({ pkg: pkgId, name });
  });
  if (roots.length === 0) return undefined;
  const path = generatedFile(pkg, 'defaults');
  const imports = new Imports(path, pkg);
  const walkers = structs
    .sort((a, b) => (typeKey(a.id) < typeKey(b.id) ? -1 : 1))
    .map((struct) => {
      const setDefaults = hasHandwrittenDefaulter(index, struct)
        ? imports.value(`${index.pkg(struct.id.pkg).dir}/defaults.ts`, `SetDefaults_${struct.id.name}`)
        : undefined;
      return {
        name: walkerName(struct, pkg),
        tsType: `${imports.typeNamespace(index.pkg(struct.id.pkg))}.${struct.id.name}`,
        setDefaults,
        markers: struct.fields
          .filter((f) => f.default !== undefined)
          .map((f) => ({ target: propertyAccess('obj', f.name), value: literal(f.default, '', 0, 0) })),
        nested: struct.fields.flatMap((f) => {
          const walk = walkStatement(index, pkg, f.type, propertyAccess('obj', f.name), needed, 0);
          return walk ? [{ access: propertyAccess('obj', f.name), walk }] : [];
        }),
      };
    });
  const entryPoints = roots.map((kind) => {
    const tsType = `${imports.typeNamespace(pkg)}.${kind.id.name}`;
    const body = needed.has(typeKey(kind.id))
      ? `${walkerName(kind, pkg)}(obj);`
      : walkStatement(index, pkg, kind.fields.find((f) => f.name === 'items')!.type, 'obj.items', needed, 0)!;
    return { kind: kind.id.name, tsType, body, guard: !needed.has(typeKey(kind.id)) ? 'obj.items' : undefined };
  });
  return render('defaults', { header: fileHeader('defaults', `${typesFile(pkg)} or ${pkg.dir}/defaults.ts`), imports: imports.render(), walkers, entryPoints });
}

/** `default_Port` for the package's own types, `default_corev1_PodSpec` for others'. */
function walkerName(struct: StructModel, own: PackageModel): string {
  if (struct.id.pkg === own.id) return `default_${struct.id.name}`;
  return `default_${struct.id.pkg.replace(/[^A-Za-z0-9]/g, '')}_${struct.id.name}`;
}

/** A statement defaulting `value` of type `ref`, or undefined when nothing below it defaults. */
function walkStatement(index: ModelIndex, own: PackageModel, ref: TypeRef, value: string, needed: ReadonlySet<string>, depth: number): string | undefined {
  const resolved = index.resolve(ref);
  if (resolved.kind === 'named') {
    const type = index.type(resolved.ref);
    return type.kind === 'struct' && needed.has(typeKey(type.id)) ? `${walkerName(type, own)}(${value});` : undefined;
  }
  if (resolved.kind === 'array') {
    const item = `v${depth}`;
    const inner = walkStatement(index, own, resolved.elem, item, needed, depth + 1);
    return inner ? `for (const ${item} of ${value}) ${inner}` : undefined;
  }
  if (resolved.kind === 'map') {
    const item = `v${depth}`;
    const inner = walkStatement(index, own, resolved.value, item, needed, depth + 1);
    return inner ? `for (const ${item} of Object.values(${value})) ${inner}` : undefined;
  }
  return undefined;
}

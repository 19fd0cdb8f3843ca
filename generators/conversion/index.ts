/**
 * conversion: for every versioned package, `generated/<group>/<version>/conversion.generated.ts`
 * with, per struct that has a same-named peer in the group's hub (internal) package,
 *
 *   autoConvert_<v>_<T>_To_<group>_<T>(input) and the reverse: copy every field the two types
 *     share (same name, convertible type) into a new object sharing nothing with the input;
 *   Convert_<v>_<T>_To_<group>_<T>: the public function, generated unless a hand-written one
 *     exists in `api-definitions/<group>/<v>/conversion.ts` (then re-exported from here);
 *   kindConversions: the kind-level pairs the scheme installs.
 *
 * A source field with no peer field, or whose type cannot be converted, is left out of
 * autoConvert and listed in its comment; without a hand-written Convert_* for that pair
 * codegen fails with "requires manual conversion", naming file, line and field.
 * TypeMeta's apiVersion and kind are never converted: the scheme sets them.
 */
import { CodegenError, CodegenErrors } from '../errors.js';
import type { GeneratedFile, Generator } from '../generator.js';
import { fileHeader } from '../generator.js';
import { Imports } from '../imports.js';
import { ModelIndex } from '../model/lookup.js';
import type { ApiModel, PackageModel, StructModel, TypeRef } from '../model/types.js';
import { generatedFile, typesFile } from '../paths.js';
import { quote } from '../layout.js';
import { layoutTypeScript, templates } from '../render.js';
import { propertyAccess } from '../ts-names.js';
import { selectPairs, type ConversionPair, type ValuePlan } from './pairs.js';

const render = templates(new URL('./templates/', import.meta.url));
const SUPPORT = 'runtime/machinery/generated-support.ts';

export const conversionGenerator: Generator = {
  name: 'conversion',
  async generate(model: ApiModel): Promise<GeneratedFile[]> {
    const index = new ModelIndex(model);
    const files: GeneratedFile[] = [];
    const errors: CodegenError[] = [];
    for (const group of model.groups) {
      if (!group.internal) continue;
      for (const pkg of group.versions) {
        const selected = selectPairs(index, pkg, group.internal);
        errors.push(...selected.errors);
        const unknown = pkg.handwritten.conversions.filter((name) => !selected.pairs.some((p) => p.publicName === name));
        for (const name of unknown) {
          errors.push(
            new CodegenError({ file: `${pkg.dir}/conversion.ts`, line: 1 }, name, 'matches no type pair between this version and the hub'),
          );
        }
        const path = generatedFile(pkg, 'conversion');
        files.push({ path, content: layoutTypeScript(renderPackage(index, pkg, group.internal, selected.pairs, path)) });
      }
    }
    if (errors.length > 0) throw new CodegenErrors(errors);
    return files;
  },
};

function renderPackage(index: ModelIndex, pkg: PackageModel, hub: PackageModel, pairs: ConversionPair[], path: string): string {
  const imports = new Imports(path, pkg);
  imports.reserve(...pairs.flatMap((pair) => (pair.handwritten ? [pair.autoName] : [pair.autoName, pair.publicName])));
  const typeName = (struct: StructModel): string => `${imports.typeNamespace(index.pkg(struct.id.pkg))}.${struct.id.name}`;
  const handwrittenFile = `${pkg.dir}/conversion.ts`;
  const functions = pairs.map((pair) => {
    const toType = typeName(pair.to);
    return {
      autoName: pair.autoName,
      publicName: pair.publicName,
      fromType: typeName(pair.from),
      toType,
      handwritten: pair.handwritten,
      skipped: pair.skipped.map((s) => `${s.field.name}: ${s.reason}`),
      fields: pair.fields.map((f) => {
        const fromField = pair.from.fields.find((x) => x.name === f.name)!;
        const toField = pair.to.fields.find((x) => x.name === f.name)!;
        const source = propertyAccess('input', f.name);
        let expression = valueExpression(index, imports, pkg, f.plan, source, 0);
        if (!sameShape(index, fromField.type, toField.type)) expression = `${expression} as NonNullable<${toType}[${quote(f.name)}]>`;
        return { source, target: propertyAccess('out', f.name), expression };
      }),
    };
  });
  for (const fn of functions) if (fn.handwritten) imports.reexport(handwrittenFile, fn.publicName);
  const handwrittenUsed = new Set(functions.filter((f) => f.handwritten).map((f) => f.publicName));
  // Hand-written functions are called from here too: import them under their own names.
  for (const name of handwrittenUsed) imports.value(handwrittenFile, name);
  const kinds = pairs
    .filter((p) => p.from.id.pkg === pkg.id && p.from.isKind)
    .map((p) => {
      const back = pairs.find((q) => q.from.id.pkg === hub.id && q.from.id.name === p.from.id.name)!;
      return { kind: p.from.id.name, toInternal: p.publicName, fromInternal: back.publicName };
    });
  return render('conversion', {
    header: fileHeader('conversion', `${typesFile(pkg)} or ${handwrittenFile}`),
    imports: imports.render(),
    functions,
    kinds,
    group: pkg.groupDir,
    version: pkg.version,
  });
}

/** An expression converting `value` according to `plan`. */
function valueExpression(index: ModelIndex, imports: Imports, own: PackageModel, plan: ValuePlan, value: string, depth: number): string {
  switch (plan.kind) {
    case 'assign':
      return value;
    case 'json':
      return `${imports.value(SUPPORT, 'deepCopyJSON')}(${value})`;
    case 'deepcopy':
      return `${imports.value(generatedFile(index.pkg(plan.pkg), 'deepcopy'), `deepCopy${plan.type}`)}(${value})`;
    case 'convert': {
      const version = plan.fromVersion ?? plan.toVersion!;
      const owner = index.pkg(`${plan.group}/${version}`);
      const file = owner.id === own.id ? generatedFile(own, 'conversion') : generatedFile(owner, 'conversion');
      return `${imports.value(file, plan.function)}(${value})`;
    }
    case 'array': {
      if (plan.elem.kind === 'assign') return `${value}.slice()`;
      const item = `v${depth}`;
      return `${value}.map((${item}) => ${valueExpression(index, imports, own, plan.elem, item, depth + 1)})`;
    }
    case 'map': {
      if (plan.value.kind === 'assign') return `{ ...${value} }`;
      const item = `v${depth}`;
      return `${imports.value(SUPPORT, 'mapValues')}(${value}, (${item}) => ${valueExpression(index, imports, own, plan.value, item, depth + 1)})`;
    }
  }
}

/** True when both refs have the same TypeScript type, so no cast is needed. */
function sameShape(index: ModelIndex, a: TypeRef, b: TypeRef): boolean {
  const x = index.resolve(a);
  const y = index.resolve(b);
  if (x.kind === 'scalar' && y.kind === 'scalar') return x.name === y.name;
  if (x.kind === 'array' && y.kind === 'array') return sameShape(index, x.elem, y.elem);
  if (x.kind === 'map' && y.kind === 'map') return sameShape(index, x.value, y.value);
  if (x.kind === 'named' && y.kind === 'named') {
    // Converted structs get their own function whose return type is the target's.
    if (index.type(x.ref).kind === 'struct' && index.type(y.ref).kind === 'struct') return true;
    return x.ref.pkg === y.ref.pkg && x.ref.name === y.ref.name;
  }
  return false;
}

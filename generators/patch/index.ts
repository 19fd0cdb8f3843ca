/**
 * patch: strategic-merge-patch metadata, what upstream reads from the `patchStrategy` and
 * `patchMergeKey` struct tags of the Go types when it applies an
 * `application/strategic-merge-patch+json` PATCH (and kubectl sends with `apply` and `patch`).
 *
 * WHAT IS GENERATED
 * For every versioned package, `generated/<group>/<version>/patch.generated.ts` with
 *
 *   patchMetaTypes     every struct of the package, and (spread in from their own files) every
 *                      struct of the packages it references, keyed `<package>.<Type>`:
 *                      { structType?, fields: { <json name>: { type, patchStrategy?,
 *                        patchMergeKey?, listType?, listMapKeys?, mapType? } } }
 *   patchMetaByKind    per kind (list kinds excluded): { types: patchMetaTypes, type: <key> }
 *
 * `type` is a Go-style type expression: a scalar by its api-definitions name (`string`, `int64`,
 * `Time`, `IntOrString`, `JSON`, …), an enum as `string`, a struct by its table key,
 * `[]<elem>` or `map[string]<value>`; aliases are followed. Structs refer to each other by key,
 * so recursive types need nothing special. The runtime (`runtime/machinery/patch`) compiles a
 * table once into the schema the strategic merge walks.
 *
 * MARKERS
 * `+patchStrategy=merge|replace|retainKeys|merge,retainKeys` and `+patchMergeKey=<field>` drive
 * strategic merge patch; `+listType`, `+listMapKey`, `+mapType` and `+structType` are carried
 * along for server-side apply (strategic merge ignores them, as upstream does). Codegen rejects,
 * naming file, line and field: `merge` on a list of structs without `+patchMergeKey`, `merge` on
 * a list of lists, `+patchMergeKey` on anything but a list of structs or naming a field the
 * element lacks, and any `+patchStrategy` on a scalar. Packages whose structs reach each other
 * in a cycle are rejected too: their tables would import each other.
 */
import { CodegenErrors } from '../errors.js';
import type { CodegenError } from '../errors.js';
import type { GeneratedFile, Generator } from '../generator.js';
import { fileHeader } from '../generator.js';
import { groupIdent, ModelIndex } from '../model/lookup.js';
import type { ApiModel, PackageModel } from '../model/types.js';
import { generatedFile, importPath, typesFile } from '../paths.js';
import { literal, propertyKey } from '../layout.js';
import { layoutTypeScript, templates } from '../render.js';
import { checkPackageCycles, checkPatchMarkers, selectPatchMeta } from './selection.js';

const render = templates(new URL('./templates/', import.meta.url));
const META_MODULE = 'runtime/machinery/patch/meta.ts';
/** Where a field's entry starts in the template: inside the struct's `fields: {`. */
const FIELD_INDENT = '      ';

export const patchGenerator: Generator = {
  name: 'patch',
  async generate(model: ApiModel): Promise<GeneratedFile[]> {
    const index = new ModelIndex(model);
    const packages = model.groups.flatMap((g) => g.versions);
    const errors: CodegenError[] = [
      ...packages.flatMap((pkg) => checkPatchMarkers(index, pkg)),
      ...checkPackageCycles(index, packages),
    ];
    if (errors.length > 0) throw new CodegenErrors(errors);
    const files: GeneratedFile[] = [];
    for (const pkg of packages) {
      const path = generatedFile(pkg, 'patch');
      files.push({ path, content: layoutTypeScript(renderPackage(index, pkg, path)) });
    }
    return files;
  },
};

function renderPackage(index: ModelIndex, pkg: PackageModel, path: string): string {
  const meta = selectPatchMeta(index, pkg);
  return render('patch', {
    header: fileHeader('patch', typesFile(pkg)),
    metaModule: importPath(path, META_MODULE),
    packageId: pkg.id,
    referenced: meta.referenced.map((ref) => {
      if (ref.version === null) throw new Error(`${pkg.id} references the internal package ${ref.id}`);
      return {
        alias: `${groupIdent(ref.groupDir)}${ref.version}PatchMetaTypes`,
        path: importPath(path, generatedFile(ref, 'patch')),
      };
    }),
    structs: meta.structs.map((s) => ({
      key: s.key,
      structType: s.structType ?? null,
      fields: s.fields.map((f) => {
        const head = `${FIELD_INDENT}${propertyKey(f.name)}: `;
        const value = {
          type: f.type,
          patchStrategy: f.patchStrategy,
          patchMergeKey: f.patchMergeKey,
          listType: f.listType,
          listMapKeys: f.listMapKeys,
          mapType: f.mapType,
        };
        return { line: `${head}${literal(value, FIELD_INDENT, head.length)},` };
      }),
    })),
    kinds: meta.kinds,
  });
}

/** Writes `validators.generated.js` and its `.d.ts` for one package. */
import type { GeneratedFile } from '../generator.js';
import { fileHeader } from '../generator.js';
import type { ModelIndex } from '../model/lookup.js';
import { generatedFile, typesFile } from '../paths.js';
import { layoutTypeScript, templates } from '../render.js';
import { packageGroupVersionKinds } from './definitions.js';
import { OPENAPI_V3 } from './flavour.js';
import { SchemaBuilder } from './schema-builder.js';
import { validatorName, type PackageTarget } from './targets.js';
import type { ValidatorCompiler, ValidatorExport } from './validators.js';

const render = templates(new URL('./templates/', import.meta.url));

/**
 * @param compiler compiles against the validation variant of the whole model's schemas, so
 *   that refs into other packages (ObjectMeta of meta/v1) resolve.
 */
export function validatorFiles(index: ModelIndex, target: PackageTarget, compiler: ValidatorCompiler): GeneratedFile[] {
  const header = fileHeader('openapi', typesFile(target.pkg));
  const builder = new SchemaBuilder(index, OPENAPI_V3);
  const validators: (ValidatorExport & { kind: string })[] = packageGroupVersionKinds(index, target.pkg).map(
    ({ kind }) => ({
      kind,
      functionName: validatorName(kind),
      definition: builder.definitionName({ pkg: target.pkg.id, name: kind }),
    }),
  );
  const code = compiler.compile(validators);
  const declarations = render('validators.d.ts', { header, groupVersion: target.groupVersion, validators });
  return [
    { path: generatedFile(target.pkg, 'validators', 'js'), content: `${header}\n${code}` },
    { path: generatedFile(target.pkg, 'validators', 'd.ts'), content: layoutTypeScript(declarations) },
  ];
}

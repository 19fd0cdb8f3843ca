/** Writes `validators.generated.js` and its `.d.ts` for one package. */
import type { GeneratedFile } from '../generator.js';
import { fileHeader } from '../generator.js';
import type { ModelIndex } from '../model/lookup.js';
import { generatedFile, typesFile } from '../paths.js';
import { formatTypeScript, templates } from '../render.js';
import { packageGroupVersionKinds } from './definitions.js';
import type { SchemaMap } from './schema.js';
import { OPENAPI_V3 } from './flavour.js';
import { SchemaBuilder } from './schema-builder.js';
import { validatorName, type PackageTarget } from './targets.js';
import { compileValidators, type ValidatorExport } from './validators.js';

const render = templates(new URL('./templates/', import.meta.url));

/**
 * @param validation the validation variant of the whole model's schemas, so that refs into
 *   other packages (ObjectMeta of meta/v1) resolve.
 */
export async function validatorFiles(
  index: ModelIndex,
  target: PackageTarget,
  validation: SchemaMap,
): Promise<GeneratedFile[]> {
  const header = fileHeader('openapi', typesFile(target.pkg));
  const builder = new SchemaBuilder(index, OPENAPI_V3);
  const validators: (ValidatorExport & { kind: string })[] = packageGroupVersionKinds(index, target.pkg).map(
    ({ kind }) => ({
      kind,
      functionName: validatorName(kind),
      definition: builder.definitionName({ pkg: target.pkg.id, name: kind }),
    }),
  );
  const code = await compileValidators(validation, validators);
  const declarations = render('validators.d.ts', { header, groupVersion: target.groupVersion, validators });
  return [
    { path: generatedFile(target.pkg, 'validators', 'js'), content: `${header}\n${code}` },
    { path: generatedFile(target.pkg, 'validators', 'd.ts'), content: await formatTypeScript(declarations) },
  ];
}

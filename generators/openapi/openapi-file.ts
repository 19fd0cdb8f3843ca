/** Renders `openapi.generated.ts` of one package. */
import type { GeneratedFile } from '../generator.js';
import { fileHeader } from '../generator.js';
import type { ModelIndex } from '../model/lookup.js';
import { generatedFile, typesFile } from '../paths.js';
import { formatTypeScript, templates } from '../render.js';
import { buildPackageSchemas, packageGroupVersionKinds } from './definitions.js';
import { OPENAPI_V2, OPENAPI_V3 } from './flavour.js';
import type { PackageTarget } from './targets.js';

const render = templates(new URL('./templates/', import.meta.url));

export async function openapiFile(index: ModelIndex, target: PackageTarget): Promise<GeneratedFile> {
  const path = generatedFile(target.pkg, 'openapi');
  const source = render('openapi.ts', {
    header: fileHeader('openapi', typesFile(target.pkg)),
    groupVersion: target.groupVersion,
    definitions: JSON.stringify(buildPackageSchemas(index, target.pkg, OPENAPI_V2)),
    schemas: JSON.stringify(buildPackageSchemas(index, target.pkg, OPENAPI_V3)),
    groupVersionKinds: JSON.stringify(packageGroupVersionKinds(index, target.pkg)),
  });
  return { path, content: await formatTypeScript(source) };
}

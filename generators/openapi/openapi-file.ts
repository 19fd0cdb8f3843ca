/** Renders `openapi.generated.ts` of one package. */
import type { GeneratedFile } from '../generator.js';
import { fileHeader } from '../generator.js';
import type { ModelIndex } from '../model/lookup.js';
import { generatedFile, typesFile } from '../paths.js';
import { literal } from '../layout.js';
import { layoutTypeScript, templates } from '../render.js';
import { buildPackageSchemas, packageGroupVersionKinds } from './definitions.js';
import { OPENAPI_V2, OPENAPI_V3 } from './flavour.js';
import type { PackageTarget } from './targets.js';

const render = templates(new URL('./templates/', import.meta.url));
const DEFINITIONS_COLUMN = 'export const definitions: Readonly<Record<string, SchemaObject>> = '.length;
const SCHEMAS_COLUMN = 'export const schemas: Readonly<Record<string, SchemaObject>> = '.length;
const GROUP_VERSION_KINDS_COLUMN = '}[] = '.length;

export function openapiFile(index: ModelIndex, target: PackageTarget): GeneratedFile {
  const path = generatedFile(target.pkg, 'openapi');
  const source = render('openapi.ts', {
    header: fileHeader('openapi', typesFile(target.pkg)),
    groupVersion: target.groupVersion,
    // Columns taken on the line before each value, so that a small map stays on one line.
    definitions: literal(buildPackageSchemas(index, target.pkg, OPENAPI_V2), '', DEFINITIONS_COLUMN),
    schemas: literal(buildPackageSchemas(index, target.pkg, OPENAPI_V3), '', SCHEMAS_COLUMN),
    groupVersionKinds: literal(packageGroupVersionKinds(index, target.pkg), '', GROUP_VERSION_KINDS_COLUMN),
  });
  return { path, content: layoutTypeScript(source) };
}
